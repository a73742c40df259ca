package dev.gazette.common.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code fields=} parameter: which top-level properties of a resource (or of each list
 * item) to return. Names are checked against the record that is serialized, so a typo is a
 * 400 instead of a silently empty payload. {@code id} is always kept.
 */
public final class FieldSelection {

    private static final FieldSelection ALL = new FieldSelection(null);

    private final Set<String> names;

    private FieldSelection(Set<String> names) {
        this.names = names;
    }

    public static FieldSelection all() {
        return ALL;
    }

    public static FieldSelection parse(String value, Class<? extends Record> type) {
        if (value == null || value.isBlank()) {
            return ALL;
        }
        Set<String> known = new TreeSet<>();
        Arrays.stream(type.getRecordComponents()).forEach(c -> known.add(jsonName(c)));
        Set<String> names = new LinkedHashSet<>();
        names.add("id");
        for (String part : value.split(",")) {
            String name = part.trim();
            if (name.isEmpty()) {
                continue;
            }
            if (!known.contains(name)) {
                throw ApiException.badRequest("fields", "unknown field '" + name + "'; known: " + String.join(", ", known));
            }
            names.add(name);
        }
        return new FieldSelection(names);
    }

    /** The name a record component has in JSON: its {@code @JsonProperty} name (e.g. {@code protected}), else its own. */
    private static String jsonName(RecordComponent component) {
        JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
        return renamed != null && !renamed.value().isEmpty() ? renamed.value() : component.getName();
    }

    public boolean isAll() {
        return names == null;
    }

    /** True when the field was asked for explicitly (used for opt-in fields such as a post's content). */
    public boolean explicitly(String name) {
        return names != null && names.contains(name);
    }

    public void apply(JsonNode node) {
        if (names != null && node instanceof ObjectNode object) {
            object.retain(names);
        }
    }
}
