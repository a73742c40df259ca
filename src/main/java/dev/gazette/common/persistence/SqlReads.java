package dev.gazette.common.persistence;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;

import org.postgresql.PGStatement;

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
import java.util.concurrent.ConcurrentHashMap;

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
        return list(sql, parameters, false, mapper);
    }

    /**
     * The same, planned for these parameter values when {@code planPerValues}. On PostgreSQL every
     * statement is otherwise planned once per connection and its plan reused ({@link QueryPlans});
     * where the best plan depends on the values (a text search matching 5 posts or 50,000), that plan
     * is wrong for most of them, so such a statement is sent unnamed and planned for its values.
     */
    public <T> List<T> list(String sql, Map<String, ?> parameters, boolean planPerValues, RowMapper<T> mapper) {
        List<Object> values = new ArrayList<>();
        String positional = positional(sql, parameters, values);
        statements.increment();
        try (Connection connection = dataSource.getConnection()) {
            if (planPerValues && QueryPlans.isPostgres(connection)) {
                QueryPlans.run(connection, QueryPlans.PLAN_PER_VALUES);
                try {
                    return run(connection, positional, values, true, mapper);
                } finally {
                    QueryPlans.planOnceAgain(connection);
                }
            }
            return run(connection, positional, values, false, mapper);
        } catch (SQLException e) {
            throw new PersistenceException("read failed: " + positional, e);
        }
    }

    private static <T> List<T> run(Connection connection, String sql, List<Object> values, boolean unnamed, RowMapper<T> mapper)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (unnamed) {
                statement.unwrap(PGStatement.class).setPrepareThreshold(0);
            }
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
     * The statement with {@code ?} for each named parameter it uses (several for a collection), the
     * values appended to {@code values} in order. Quoted literals are left alone, and so are
     * PostgreSQL casts ({@code ::}). Where the parameters are is worked out once per statement text.
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
                throw new IllegalArgumentException("no value for parameter :" + name);
            }
            Object value = parameters.get(name);
            if (value instanceof Collection<?> many) {
                if (many.isEmpty()) {
                    throw new IllegalArgumentException("empty list for parameter :" + name);
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
