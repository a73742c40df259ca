package dev.gazette.wordpress;

import dev.gazette.common.web.ControlCharacters;
import jakarta.ws.rs.core.MultivaluedMap;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The query of a {@code /wp-json} request read as WordPress reads it: a list parameter as a comma list
 * ({@code tags=4,7}) or PHP's array form ({@code tags[]=4&tags[]=7}); every invalid parameter is noted
 * with WordPress' message, and {@link #check} fails with all of them at once ({@code rest_invalid_param}).
 * Parameters a route does not take are ignored, as WordPress ignores them.
 */
final class WpArgs {

    /** At most this many values in one list parameter. */
    static final int MAX_VALUES = 100;

    private final MultivaluedMap<String, String> query;
    private final ZoneId zone;
    private final Map<String, String> invalid = new LinkedHashMap<>();
    private final Map<String, WpErrorBody.Detail> details = new LinkedHashMap<>();

    WpArgs(MultivaluedMap<String, String> query, ZoneId zone) {
        this.query = query;
        this.zone = zone;
    }

    /** Fails with {@code rest_invalid_param} naming every invalid parameter. */
    void check() {
        if (!invalid.isEmpty()) {
            throw WpError.invalidParams(invalid, details);
        }
    }

    String text(String name) {
        String v = query.getFirst(name);
        return v == null || v.isBlank() || refused(name, v) ? null : v.trim();
    }

    /** Whether a value holds a control character or invalid Unicode (noted as invalid), as the native API refuses them. */
    private boolean refused(String name, String value) {
        String refused = ControlCharacters.firstRefused(value, false);
        if (refused != null) {
            note(name, name + " " + ControlCharacters.message(refused) + ".", "rest_invalid_param", null);
            return true;
        }
        return false;
    }

    int integer(String name, int fallback, int min, Integer max) {
        String v = text(name);
        if (v == null) {
            return fallback;
        }
        long n;
        try {
            n = Long.parseLong(v);
        } catch (NumberFormatException e) {
            note(name, name + " is not of type integer.", "rest_invalid_type", Map.of("param", name));
            return fallback;
        }
        if (max != null && (n < min || n > max)) {
            note(name, name + " must be between " + min + " (inclusive) and " + max + " (inclusive)", "rest_out_of_bounds", null);
            return fallback;
        }
        if (n < min || n > Integer.MAX_VALUE) {
            note(name, name + " must be greater than or equal to " + min, "rest_out_of_bounds", null);
            return fallback;
        }
        return (int) n;
    }

    /** The values of a list parameter, split at commas, without blanks and repeats. */
    List<String> strings(String name) {
        Set<String> values = new LinkedHashSet<>();
        for (String key : List.of(name, name + "[]")) {
            List<String> raw = query.get(key);
            if (raw != null) {
                for (String occurrence : raw) {
                    if (refused(name, occurrence)) {
                        return List.of();
                    }
                    for (String part : occurrence.split(",")) {
                        if (!part.isBlank()) {
                            values.add(part.trim());
                        }
                    }
                }
            }
        }
        if (values.size() > MAX_VALUES) {
            note(name, name + " must contain at most " + MAX_VALUES + " items.", "rest_too_many_items", null);
            return List.of();
        }
        return List.copyOf(values);
    }

    /** A list of ids (non-negative integers). */
    List<Long> ids(String name) {
        List<String> values = strings(name);
        List<Long> ids = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            try {
                long id = Long.parseLong(values.get(i));
                if (id < 0) {
                    throw new NumberFormatException();
                }
                ids.add(id);
            } catch (NumberFormatException e) {
                String item = name + "[" + i + "] is not of type integer.";
                if (name.startsWith("categories") || name.startsWith("tags")) { // WordPress' "Term ID List" schema
                    note(name, name + " is not a valid Term ID List. Reason: " + item, "rest_no_matching_schema", Map.of("position", 0));
                } else {
                    note(name, item, "rest_invalid_type", Map.of("param", name + "[" + i + "]"));
                }
                return List.of();
            }
        }
        return ids;
    }

    /** One of a closed set of values (lower-case), or the fallback when absent. */
    String oneOf(String name, String fallback, List<String> allowed) {
        String v = text(name);
        if (v == null) {
            return fallback;
        }
        if (!allowed.contains(v)) {
            note(name, name + " is not one of " + listed(allowed) + ".", "rest_not_in_enum", null);
            return fallback;
        }
        return v;
    }

    /** A boolean as WordPress takes one (true/false, 1/0); null when absent. */
    Boolean bool(String name) {
        String v = text(name);
        if (v == null) {
            return null;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "1" -> Boolean.TRUE;
            case "false", "0" -> Boolean.FALSE;
            default -> {
                note(name, name + " is not of type boolean.", "rest_invalid_type", Map.of("param", name));
                yield null;
            }
        };
    }

    /** An ISO-8601 date-time; without an offset it is a local time of the site, as in WordPress. */
    Instant date(String name) {
        String v = text(name);
        if (v == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(v).atZone(zone).toInstant();
            } catch (DateTimeParseException again) {
                note(name, "Invalid date.", "rest_invalid_date", null);
                return null;
            }
        }
    }

    /**
     * {@code _embed}: null when absent; an empty set to embed every embeddable link ({@code _embed},
     * {@code _embed=1}, {@code _embed=true}); else the relations named ({@code _embed=author,wp:term}).
     */
    Set<String> embed() {
        if (!query.containsKey("_embed") && !query.containsKey("_embed[]")) {
            return null;
        }
        List<String> rels = strings("_embed");
        if (rels.isEmpty() || rels.equals(List.of("1")) || rels.equals(List.of("true"))) {
            return Set.of();
        }
        return new LinkedHashSet<>(rels);
    }

    /** Notes a parameter as invalid with WordPress' message, error code and data (null: none), as its {@code details} show them. */
    void note(String name, String message, String code, Map<String, Object> data) {
        invalid.put(name, message);
        details.put(name, new WpErrorBody.Detail(code, message, data));
    }

    /** "a, b, and c", as WordPress lists allowed values. */
    private static String listed(List<String> values) {
        if (values.size() == 1) {
            return values.get(0);
        }
        return String.join(", ", values.subList(0, values.size() - 1)) + (values.size() > 2 ? "," : "") + " and "
                + values.get(values.size() - 1);
    }
}
