package dev.gazette.comment;

import jakarta.persistence.EntityManager;
import org.hibernate.engine.jdbc.spi.JdbcCoordinator;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A native statement with named parameters ({@code :name}; a collection expands to a list for
 * {@code in (:ids)}) read straight from JDBC into records: no entities, no persistence context,
 * no snapshots to dirty-check at commit. The statement is prepared through the session's JDBC
 * coordinator, so it runs on the transaction's connection, appears in the SQL log and in
 * Hibernate's statistics (the tests count statements), and is released with the session.
 */
final class NativeRows {

    /** Reads one row of a result set (the cursor is on it). */
    @FunctionalInterface
    interface Reader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private NativeRows() {
    }

    static <T> List<T> list(EntityManager em, String namedSql, Map<String, ?> parameters, Reader<T> reader) {
        List<Object> values = new ArrayList<>();
        String sql = positional(namedSql, parameters, values);
        SharedSessionContractImplementor session = em.unwrap(SharedSessionContractImplementor.class);
        JdbcCoordinator jdbc = session.getJdbcCoordinator();
        PreparedStatement statement = jdbc.getStatementPreparer().prepareStatement(sql);
        ResultSet rs = null;
        try {
            for (int i = 0; i < values.size(); i++) {
                statement.setObject(i + 1, values.get(i));
            }
            rs = jdbc.getResultSetReturn().extract(statement, sql);
            List<T> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(reader.read(rs));
            }
            return rows;
        } catch (SQLException e) {
            throw session.getJdbcServices().getSqlExceptionHelper().convert(e, "could not read comments", sql);
        } finally {
            if (rs != null) {
                jdbc.getLogicalConnection().getResourceRegistry().release(rs, statement);
            }
            jdbc.getLogicalConnection().getResourceRegistry().release(statement);
            jdbc.afterStatementExecution();
        }
    }

    /** A nullable {@code bigint} column. */
    static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    /** A {@code timestamp with time zone} column. */
    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** Most statements whose parameter positions are remembered (they are the same few shapes). */
    private static final int TEMPLATES = 2000;
    private static final Map<String, Template> TEMPLATE_CACHE = new ConcurrentHashMap<>();

    /**
     * A statement cut at its parameters: {@code pieces[i]} comes before parameter {@code names[i]};
     * {@code positional} is the statement with one {@code ?} per parameter.
     */
    private record Template(String[] pieces, String[] names, String positional) {
    }

    /**
     * The statement with {@code ?} for each {@code :name} outside quoted literals (a collection gives
     * one {@code ?} per element), and the values in that order in {@code values}. A parameter missing
     * from the map is an error. Where the parameters are is worked out once per statement text.
     */
    static String positional(String sql, Map<String, ?> parameters, List<Object> values) {
        Template t = TEMPLATE_CACHE.get(sql);
        if (t == null) {
            t = parse(sql);
            if (TEMPLATE_CACHE.size() >= TEMPLATES) {
                TEMPLATE_CACHE.clear();
            }
            TEMPLATE_CACHE.put(sql, t);
        }
        boolean expands = false;
        for (String name : t.names) {
            if (!parameters.containsKey(name)) {
                throw new IllegalArgumentException("no value for :" + name);
            }
            Object value = parameters.get(name);
            if (value instanceof Collection<?> many) {
                if (many.isEmpty()) {
                    throw new IllegalArgumentException("empty list for :" + name);
                }
                expands = true;
                many.forEach(one -> values.add(jdbcValue(one)));
            } else {
                values.add(jdbcValue(value));
            }
        }
        if (!expands) {
            return t.positional;
        }
        StringBuilder out = new StringBuilder(sql.length() + 64);
        for (int i = 0; i < t.names.length; i++) {
            out.append(t.pieces[i]);
            int n = parameters.get(t.names[i]) instanceof Collection<?> many ? many.size() : 1;
            for (int k = 0; k < n; k++) {
                out.append(k == 0 ? "?" : ", ?");
            }
        }
        return out.append(t.pieces[t.names.length]).toString();
    }

    private static Template parse(String sql) {
        List<String> pieces = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int copied = 0;
        int at = 0;
        boolean quoted = false;
        while (at < sql.length()) {
            char ch = sql.charAt(at);
            if (ch == '\'') {
                quoted = !quoted;
                at++;
            } else if (!quoted && ch == ':' && at + 1 < sql.length() && sql.charAt(at + 1) == ':') {
                at += 2; // a cast
            } else if (!quoted && ch == ':' && at + 1 < sql.length() && Character.isJavaIdentifierStart(sql.charAt(at + 1))) {
                int end = at + 2;
                while (end < sql.length() && Character.isJavaIdentifierPart(sql.charAt(end))) {
                    end++;
                }
                pieces.add(sql.substring(copied, at));
                names.add(sql.substring(at + 1, end));
                copied = end;
                at = end;
            } else {
                at++;
            }
        }
        pieces.add(sql.substring(copied));
        StringBuilder positional = new StringBuilder(sql.length());
        for (int i = 0; i < names.size(); i++) {
            positional.append(pieces.get(i)).append('?');
        }
        positional.append(pieces.get(names.size()));
        return new Template(pieces.toArray(String[]::new), names.toArray(String[]::new), positional.toString());
    }

    private static Object jdbcValue(Object value) {
        return value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : value;
    }
}
