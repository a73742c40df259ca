package dev.gazette.common.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

/** The type of one component of a sort key, to carry it through a cursor and back to SQL. */
public enum KeyType {
    LONG, DOUBLE, STRING, INSTANT, BOOLEAN;

    /** A value read from a result row, as it is written into a cursor. */
    Object toCursor(Object dbValue) {
        return switch (this) {
            case LONG -> ((Number) dbValue).longValue();
            case DOUBLE -> ((Number) dbValue).doubleValue();
            case STRING -> dbValue.toString();
            case INSTANT -> toInstant(dbValue).toString();
            case BOOLEAN -> dbValue instanceof Boolean b ? b : ((Number) dbValue).intValue() != 0;
        };
    }

    /** A value from a cursor, as it is bound to a query parameter. */
    Object toParameter(Object cursorValue) {
        return switch (this) {
            case LONG -> ((Number) cursorValue).longValue();
            case DOUBLE -> ((Number) cursorValue).doubleValue();
            case STRING -> (String) cursorValue;
            case INSTANT -> Instant.parse((String) cursorValue);
            case BOOLEAN -> cursorValue instanceof Boolean b ? b : Boolean.parseBoolean(String.valueOf(cursorValue));
        };
    }

    public static Instant toInstant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof ZonedDateTime z) {
            return z.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalArgumentException("Not a timestamp: " + value.getClass().getSimpleName());
    }
}
