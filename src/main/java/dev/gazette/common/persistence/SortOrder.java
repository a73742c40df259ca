package dev.gazette.common.persistence;

import java.util.List;

/**
 * A keyset sort: SQL expressions (the last one unique, usually the id) all read in one
 * direction, so the page condition is one row-value comparison an index can serve.
 *
 * <p>A <em>tiered</em> sort ({@link #tiered}) is a descending sort whose first expression is a
 * score that is positive where the condition {@code tier} holds and 0 everywhere else: the rows
 * meeting it come first, by score, and the rest follow in the order of the remaining expressions.
 * {@link KeysetQuery} reads such an order as two parts, so the rest is read the way an index walks
 * it (stopping after a page) and only the first part is scored.
 */
public record SortOrder(String name, List<String> expressions, List<KeyType> types, boolean descending, String tier) {

    public SortOrder(String name, List<String> expressions, List<KeyType> types, boolean descending) {
        this(name, expressions, types, descending, null);
    }

    public static SortOrder of(String name, boolean descending, String expr1, KeyType type1, String idExpr) {
        return new SortOrder(name, List.of(expr1, idExpr), List.of(type1, KeyType.LONG), descending);
    }

    /**
     * A descending order by {@code score} (a {@link KeyType#DOUBLE}), then {@code rest}: {@code score}
     * is only computed where {@code tier} holds and must be positive there; every other row scores 0.
     */
    public static SortOrder tiered(String name, String tier, String score, List<String> rest, List<KeyType> restTypes) {
        List<String> expressions = new java.util.ArrayList<>(List.of(score));
        expressions.addAll(rest);
        List<KeyType> types = new java.util.ArrayList<>(List.of(KeyType.DOUBLE));
        types.addAll(restTypes);
        return new SortOrder(name, List.copyOf(expressions), List.copyOf(types), true, tier);
    }

    int size() {
        return expressions.size();
    }
}
