package dev.gazette.common.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Parsing of query parameters with clear 400 problems. Parameters arrive as strings so a
 * malformed value is reported by name instead of turning into a framework 404.
 */
public final class Params {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    private Params() {
    }

    public static int limit(String value) {
        return intIn("limit", value, DEFAULT_LIMIT, 1, MAX_LIMIT);
    }

    /** A whole number from {@code min} to {@code max}; {@code fallback} when absent. */
    public static int intIn(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ApiException.badRequest(name, "must be a whole number from " + min + " to " + max);
    }

    /** A numeric id from a path segment. */
    public static long id(String name, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException | NullPointerException e) {
            throw ApiException.badRequest(name, "must be a numeric id");
        }
    }

    /** The trimmed value, or null when absent or blank. */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name, "must be an ISO-8601 timestamp with offset, e.g. 2026-11-24T09:00:00Z");
        }
    }

    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type, E fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(name, "must be one of: " + Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
        }
    }

    /** A comma-separated list of words, each one of {@code allowed}. */
    public static Set<String> words(String name, String value, Set<String> allowed) {
        Set<String> result = new LinkedHashSet<>();
        if (value == null || value.isBlank()) {
            return result;
        }
        for (String part : value.split(",")) {
            String word = part.trim();
            if (word.isEmpty()) {
                continue;
            }
            if (!allowed.contains(word)) {
                throw ApiException.badRequest(name, "unknown value '" + word + "'; allowed: " + String.join(", ", allowed));
            }
            result.add(word);
        }
        return result;
    }
}
