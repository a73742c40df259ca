package dev.gazette.common.persistence;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reads of read models over plain JDBC: native SQL with named parameters ({@code :name}, a
 * collection expands to a list), each row mapped straight to the answer's records. No session, no
 * entity, no persistence context to flush or dirty-check: a read costs its statements and nothing
 * else. Each statement takes a connection from the pool for its own duration (the one of the current
 * transaction, if there is one, which Agroal hands out again), so a read never holds two.
 *
 * <p>Entities stay the write model; this is for answers to GETs. Statements are counted
 * ({@code gazette.sql.reads}), so a test can tell what a request costs.
 */
@ApplicationScoped
public class SqlReads {

    private final AgroalDataSource dataSource;
    private final Counter statements;

    @Inject
    public SqlReads(AgroalDataSource dataSource, MeterRegistry metrics) {
        this.dataSource = dataSource;
        this.statements = Counter.builder("gazette.sql.reads")
                .description("SQL statements run by read models over plain JDBC").register(metrics);
    }

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(Row row) throws SQLException;
    }

    /** The rows of a statement, mapped in order. */
    public <T> List<T> list(String sql, Map<String, ?> parameters, RowMapper<T> mapper) {
        List<Object> values = new ArrayList<>();
        String positional = positional(sql, parameters, values);
        statements.increment();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(positional)) {
            for (int i = 0; i < values.size(); i++) {
                statement.setObject(i + 1, values.get(i));
            }
            try (ResultSet rs = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                Row row = new Row(rs);
                while (rs.next()) {
                    result.add(mapper.map(row));
                }
                return result;
            }
        } catch (SQLException e) {
            throw new PersistenceException("read failed: " + positional, e);
        }
    }

    /** The first row of a statement, or null. */
    public <T> T first(String sql, Map<String, ?> parameters, RowMapper<T> mapper) {
        List<T> rows = list(sql, parameters, mapper);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** How many statements reads have run since the start (for tests and metrics). */
    public long statements() {
        return (long) statements.count();
    }

    /**
     * The statement with {@code ?} for each named parameter it uses (several for a collection), the
     * values appended to {@code values} in order. Quoted literals are left alone, and so are
     * PostgreSQL casts ({@code ::}).
     */
    static String positional(String sql, Map<String, ?> parameters, List<Object> values) {
        StringBuilder out = new StringBuilder(sql.length());
        int n = sql.length();
        boolean quoted = false;
        for (int i = 0; i < n; i++) {
            char c = sql.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == ':' && i + 1 < n && Character.isJavaIdentifierStart(sql.charAt(i + 1))
                    && (i == 0 || sql.charAt(i - 1) != ':')) {
                int end = i + 1;
                while (end < n && Character.isJavaIdentifierPart(sql.charAt(end))) {
                    end++;
                }
                String name = sql.substring(i + 1, end);
                if (!parameters.containsKey(name)) {
                    throw new IllegalArgumentException("no value for parameter :" + name);
                }
                Object value = parameters.get(name);
                if (value instanceof Collection<?> collection) {
                    if (collection.isEmpty()) {
                        throw new IllegalArgumentException("empty list for parameter :" + name);
                    }
                    int k = 0;
                    for (Object element : collection) {
                        out.append(k++ == 0 ? "?" : ", ?");
                        values.add(jdbcValue(element));
                    }
                } else {
                    out.append('?');
                    values.add(jdbcValue(value));
                }
                i = end - 1;
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Instants are bound as {@code timestamp with time zone} (UTC), enums by name. */
    private static Object jdbcValue(Object value) {
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        return value;
    }
}
