package dev.gazette.common.persistence;

import java.sql.Clob;
import java.sql.SQLException;

/** Reading columns of native query rows whose Java type differs between databases. */
public final class Columns {

    private Columns() {
    }

    /** A {@code text} column: a String on PostgreSQL, a Clob on H2. */
    public static String text(Object value) {
        if (value instanceof Clob clob) {
            try {
                return clob.getSubString(1, (int) clob.length());
            } catch (SQLException e) {
                throw new IllegalStateException("could not read a text column", e);
            }
        }
        return (String) value;
    }

    public static Integer integer(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }
}
