package dev.gazette.common.persistence;

import dev.gazette.common.web.Cursor;
import dev.gazette.common.web.PageInfo;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * A parameterized native query read one keyset page at a time. Filters are added as SQL
 * fragments with named parameters (never concatenated values); the page condition is
 * {@code (k1, id) < (:k0, :k1)}, so page 50 costs what page 1 costs.
 */
public final class KeysetQuery {

    private final String from;
    private final List<String> conditions = new ArrayList<>();
    /** Conditions that hold wherever a tiered order's tier condition holds: its scored part leaves them out. */
    private final List<String> impliedByTier = new ArrayList<>();
    private final Map<String, Object> parameters = new HashMap<>();
    private boolean planPerValues;
    /** Where a tiered page's statement takes the number of rows still wanted. */
    private static final String LIMIT = "{limit}";

    public KeysetQuery(String from) {
        this.from = from;
    }

    public KeysetQuery where(String condition) {
        conditions.add(condition);
        return this;
    }

    public KeysetQuery where(String condition, String name, Object value) {
        conditions.add(condition);
        parameters.put(name, value);
        return this;
    }

    /**
     * A condition that holds wherever the tier condition of the {@link SortOrder#tiered} order read holds
     * (a text match implied by a match of the title and lead): the scored part of a page does not
     * test it again, so it is found through the tier's own index alone; the rest and the count do.
     */
    public KeysetQuery whereImpliedByTier(String condition, String name, Object value) {
        where(condition, name, value);
        impliedByTier.add(condition);
        return this;
    }

    public KeysetQuery parameter(String name, Object value) {
        parameters.put(name, value);
        return this;
    }

    /**
     * Plans the statements for their parameter values each time ({@link QueryPlans}): for conditions
     * whose best plan depends on the values, such as how many rows a text search or a tag matches.
     */
    public KeysetQuery planPerValues() {
        planPerValues = true;
        return this;
    }

    /** Adds the keyset condition "after the cursor's key, in the reading direction" (nothing without a cursor). */
    private static void afterCursor(SortOrder sort, Cursor cursor, boolean descending, List<String> where, Map<String, Object> params) {
        afterCursor(sort.expressions(), sort.types(), 0, cursor, descending, where, params);
    }

    /** The same over the sort's expressions from {@code from} on (the key's components from there). */
    private static void afterCursor(List<String> expressions, List<KeyType> types, int from, Cursor cursor, boolean descending,
                                    List<String> where, Map<String, Object> params) {
        if (cursor == null) {
            return;
        }
        List<String> names = new ArrayList<>();
        for (int i = from; i < types.size(); i++) {
            names.add(":k" + i);
            params.put("k" + i, types.get(i).toParameter(cursor.key().get(i)));
        }
        where.add("(" + String.join(", ", expressions.subList(from, expressions.size())) + ") " + (descending ? "<" : ">")
                + " (" + String.join(", ", names) + ")");
    }

    /** Ids of one page, in list order, with the cursors around it and the list's total size. */
    public Page page(EntityManager em, SortOrder sort, Cursor cursor, int limit) {
        return page(em, sort, cursor, limit, () -> count(em));
    }

    /** The same, with the total from {@code total} (a remembered count, say). */
    public Page page(EntityManager em, SortOrder sort, Cursor cursor, int limit, LongSupplier total) {
        if (sort.tier() != null) {
            throw new IllegalArgumentException("a tiered order is read with rows()");
        }
        boolean backward = cursor != null && cursor.backward();
        boolean descending = sort.descending() != backward;
        List<String> where = new ArrayList<>(conditions);
        Map<String, Object> params = new HashMap<>(parameters);
        afterCursor(sort, cursor, descending, where, params);
        String direction = descending ? " desc" : " asc";
        String sql = "select " + String.join(", ", sort.expressions()) + " from " + from + whereClause(where)
                + " order by " + String.join(direction + ", ", sort.expressions()) + direction
                + " limit " + (limit + 1);
        Query query = bind(em.createNativeQuery(sql), sql, params);
        List<Object[]> rows = new ArrayList<>();
        for (Object row : query.getResultList()) {
            rows.add(row instanceof Object[] columns ? columns : new Object[] {row}); // a sort by id alone reads one column
        }

        boolean more = rows.size() > limit;
        if (more) {
            rows = rows.subList(0, limit);
        }
        if (backward) {
            Collections.reverse(rows);
        }
        int idIndex = sort.size() - 1;
        List<Long> ids = rows.stream().map(r -> ((Number) r[idIndex]).longValue()).toList();
        String next = null;
        String prev = null;
        if (!rows.isEmpty()) {
            boolean hasNext = backward || more;
            boolean hasPrev = backward ? more : cursor != null;
            next = hasNext ? Cursor.after(sort.name(), key(sort, rows.get(rows.size() - 1))).encode() : null;
            prev = hasPrev ? Cursor.before(sort.name(), key(sort, rows.get(0))).encode() : null;
        }
        return new Page(ids, new PageInfo(limit, next, prev, total.getAsLong()));
    }

    /**
     * One page of rows read over plain JDBC ({@link SqlReads}): each row's sort key followed by
     * {@code columns} (from the tables of the query and {@code joins}), mapped by {@code mapper}
     * (its column 1 is the first of {@code columns}); the cursors and the total as
     * {@link #page(EntityManager, SortOrder, Cursor, int, LongSupplier)} gives them. One statement
     * (at most two for a {@link SortOrder#tiered} order).
     */
    public <R> RowPage<R> rows(SqlReads reads, String columns, String joins, SortOrder sort, Cursor cursor, int limit,
                               LongSupplier total, SqlReads.RowMapper<R> mapper) {
        boolean backward = cursor != null && cursor.backward();
        boolean descending = sort.descending() != backward;
        Map<String, Object> params = new HashMap<>(parameters);
        String tables = from + (joins == null || joins.isEmpty() ? "" : " " + joins);
        List<String> statements;
        if (sort.tier() == null) {
            List<String> where = new ArrayList<>(conditions);
            afterCursor(sort, cursor, descending, where, params);
            statements = List.of(select(sort.expressions(), columns, tables, where, descending, limit + 1));
        } else {
            statements = tiered(sort, columns, tables, cursor, descending, params);
        }
        int keySize = sort.size();
        SqlReads.RowMapper<Keyed<R>> keyed = row -> {
            Object[] key = new Object[keySize];
            for (int i = 0; i < keySize; i++) {
                key[i] = row.key(i + 1, sort.types().get(i));
            }
            return new Keyed<>(key, mapper.map(row.after(keySize)));
        };
        List<Keyed<R>> rows = new ArrayList<>();
        for (String statement : statements) {
            if (rows.size() > limit) {
                break; // the page (and whether there is more) is known without the next part
            }
            rows.addAll(reads.list(statement.replace(LIMIT, String.valueOf(limit + 1 - rows.size())), params, planPerValues, keyed));
        }

        boolean more = rows.size() > limit;
        if (more) {
            rows = rows.subList(0, limit);
        }
        if (backward) {
            rows = new ArrayList<>(rows);
            Collections.reverse(rows);
        }
        String next = null;
        String prev = null;
        if (!rows.isEmpty()) {
            boolean hasNext = backward || more;
            boolean hasPrev = backward ? more : cursor != null;
            next = hasNext ? Cursor.after(sort.name(), cursorKey(sort, rows.get(rows.size() - 1).key())).encode() : null;
            prev = hasPrev ? Cursor.before(sort.name(), cursorKey(sort, rows.get(0).key())).encode() : null;
        }
        return new RowPage<>(rows.stream().map(Keyed::row).toList(), new PageInfo(limit, next, prev, total.getAsLong()));
    }

    private static String select(List<String> keys, String columns, String tables, List<String> where, boolean descending, Object limit) {
        String direction = descending ? " desc" : " asc";
        return "select " + String.join(", ", keys) + ", " + columns + " from " + tables + whereClause(where)
                + " order by " + String.join(direction + ", ", keys) + direction + " limit " + limit;
    }

    /**
     * The statements of a page of a {@link SortOrder#tiered} order, in reading order, each with the
     * {@link #LIMIT} placeholder: the scored rows (the tier condition holds) by score, and the rest,
     * scoring 0, in the order of the remaining keys. They run one after the other until the page is
     * full, so a page the scored rows fill costs one statement. A part the cursor is past is left out:
     * reading forward from a cursor in the rest reads the rest only, with its keys' own condition, so
     * an index on them serves it from the cursor on; reading backward from a cursor among the scored
     * rows reads the scored rows only.
     */
    private List<String> tiered(SortOrder sort, String columns, String tables, Cursor cursor, boolean descending,
                                Map<String, Object> params) {
        boolean cursorInRest = cursor != null && ((Number) sort.types().get(0).toParameter(cursor.key().get(0))).doubleValue() <= 0;
        String scored = null;
        String rest = null;
        if (!(descending && cursorInRest)) {
            List<String> where = new ArrayList<>(conditions);
            where.removeAll(impliedByTier);
            where.add("(" + sort.tier() + ")");
            afterCursor(sort, cursor, descending, where, params);
            scored = select(sort.expressions(), columns, tables, where, descending, LIMIT);
        }
        if (descending || cursorInRest) {
            List<String> where = new ArrayList<>(conditions);
            where.add("(" + sort.tier() + ") is not true");
            List<String> keys = new ArrayList<>(sort.expressions());
            keys.set(0, "cast(0 as double precision)");
            if (cursorInRest) {
                afterCursor(keys, sort.types(), 1, cursor, descending, where, params);
            }
            // the constant key is not ordered by, so the rest is read in its index's order
            String direction = descending ? " desc" : " asc";
            rest = "select " + String.join(", ", keys) + ", " + columns + " from " + tables + whereClause(where)
                    + " order by " + String.join(direction + ", ", keys.subList(1, keys.size())) + direction + " limit " + LIMIT;
        }
        List<String> statements = new ArrayList<>();
        for (String part : descending ? new String[] {scored, rest} : new String[] {rest, scored}) {
            if (part != null) {
                statements.add(part);
            }
        }
        return statements;
    }

    /** Everything the total depends on (statement and parameter values), but the named parameters. */
    public String countSignature(String... ignoredParameters) {
        Map<String, Object> params = new java.util.TreeMap<>(parameters);
        for (String name : ignoredParameters) {
            params.remove(name);
        }
        return "select count(*) from " + from + whereClause(conditions) + " " + params;
    }

    public long count(EntityManager em) {
        String sql = "select count(*) from " + from + whereClause(conditions);
        Query query = bind(em.createNativeQuery(sql), sql, parameters);
        return ((Number) query.getSingleResult()).longValue();
    }

    /** The same count over plain JDBC ({@link SqlReads}). */
    public long count(SqlReads reads) {
        return reads.list("select count(*) from " + from + whereClause(conditions), parameters, planPerValues,
                row -> row.getLong(1)).get(0);
    }

    /** Binds the parameters the statement uses (a sort expression's parameter is absent from the count). */
    private static Query bind(Query query, String sql, Map<String, Object> params) {
        params.forEach((name, value) -> {
            if (Pattern.compile(":" + name + "\\b").matcher(sql).find()) {
                query.setParameter(name, value);
            }
        });
        return query;
    }

    private static List<Object> key(SortOrder sort, Object[] row) {
        List<Object> key = new ArrayList<>();
        for (int i = 0; i < sort.size(); i++) {
            key.add(sort.types().get(i).toCursor(row[i]));
        }
        return key;
    }

    /** A sort key as read (only the first and last rows' keys are written into cursors). */
    private static List<Object> cursorKey(SortOrder sort, Object[] key) {
        List<Object> values = new ArrayList<>(key.length);
        for (int i = 0; i < key.length; i++) {
            values.add(sort.types().get(i).toCursor(key[i]));
        }
        return values;
    }

    private static String whereClause(List<String> where) {
        return where.isEmpty() ? "" : " where " + String.join(" and ", where);
    }

    /** A page of rows read by {@link #rows}, in list order, with its cursors and total. */
    public record RowPage<R>(List<R> rows, PageInfo info) {
    }

    private record Keyed<R>(Object[] key, R row) {
    }

    public record Page(List<Long> ids, PageInfo info) {

        /** The loaded entities of this page, put back in the page's order. */
        public <E> List<E> inOrder(Collection<E> loaded, Function<E, Long> idOf) {
            Map<Long, E> byId = new HashMap<>();
            loaded.forEach(e -> byId.put(idOf.apply(e), e));
            return ids.stream().map(byId::get).toList();
        }
    }
}
