package dev.gazette.common.persistence;

import java.util.List;

/**
 * A keyset sort: SQL expressions (the last one unique, usually the id) all read in one
 * direction, so the page condition is one row-value comparison an index can serve.
 */
public record SortOrder(String name, List<String> expressions, List<KeyType> types, boolean descending) {

    public static SortOrder of(String name, boolean descending, String expr1, KeyType type1, String idExpr) {
        return new SortOrder(name, List.of(expr1, idExpr), List.of(type1, KeyType.LONG), descending);
    }

    int size() {
        return expressions.size();
    }
}
