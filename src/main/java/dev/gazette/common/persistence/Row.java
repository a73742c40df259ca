package dev.gazette.common.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * The current row of a {@link SqlReads} statement, read by column number (1-based) with the types
 * Gazette stores: the same values on H2 and PostgreSQL ({@code timestamp with time zone} as an
 * {@link Instant}, text as a String whatever the column's length).
 */
public final class Row {

    private final ResultSet rs;
    private final int offset;

    Row(ResultSet rs) {
        this(rs, 0);
    }

    private Row(ResultSet rs, int offset) {
        this.rs = rs;
        this.offset = offset;
    }

    /** The same row with columns numbered from the one after the first {@code columns}. */
    public Row after(int columns) {
        return new Row(rs, offset + columns);
    }

    public long getLong(int column) throws SQLException {
        return rs.getLong(offset + column);
    }

    public Long longOrNull(int column) throws SQLException {
        long value = rs.getLong(offset + column);
        return rs.wasNull() ? null : value;
    }

    public int getInt(int column) throws SQLException {
        return rs.getInt(offset + column);
    }

    public boolean getBoolean(int column) throws SQLException {
        return rs.getBoolean(offset + column);
    }

    public double getDouble(int column) throws SQLException {
        return rs.getDouble(offset + column);
    }

    public String string(int column) throws SQLException {
        return rs.getString(offset + column);
    }

    public Instant instant(int column) throws SQLException {
        OffsetDateTime at = rs.getObject(offset + column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    /** A sort key component, in a type {@link KeyType#toCursor} takes. */
    Object key(int column, KeyType type) throws SQLException {
        return switch (type) {
            case LONG -> getLong(column);
            case DOUBLE -> getDouble(column);
            case STRING -> string(column);
            case INSTANT -> instant(column);
            case BOOLEAN -> getBoolean(column);
        };
    }
}
