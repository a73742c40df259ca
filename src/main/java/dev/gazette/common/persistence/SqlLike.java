package dev.gazette.common.persistence;

import java.util.Locale;

/** Patterns for {@code like :p escape '\\'}: user text matched literally, case-folded. */
public final class SqlLike {

    private SqlLike() {
    }

    public static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    public static String contains(String text) {
        return "%" + escape(text.trim().toLowerCase(Locale.ROOT)) + "%";
    }

    public static String startsWith(String text) {
        return escape(text.trim().toLowerCase(Locale.ROOT)) + "%";
    }
}
