package dev.gazette.wordpress;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the {@code _links} of an answer, relation by relation, as WordPress writes them. */
final class WpLinks {

    private final Map<String, List<Map<String, Object>>> links = new LinkedHashMap<>();

    /** A link with optional attributes given as name, value pairs ({@code "embeddable", true}). */
    WpLinks add(String rel, String href, Object... attributes) {
        Map<String, Object> link = new LinkedHashMap<>();
        for (int i = 0; i < attributes.length; i += 2) {
            link.put((String) attributes[i], attributes[i + 1]);
        }
        link.put("href", href);
        links.computeIfAbsent(rel, r -> new ArrayList<>()).add(link);
        return this;
    }

    /** WordPress' compact URI prefix for its own relations ({@code wp:term}). */
    WpLinks curies() {
        Map<String, Object> curie = new LinkedHashMap<>();
        curie.put("name", "wp");
        curie.put("href", "https://api.w.org/{rel}");
        curie.put("templated", true);
        links.put("curies", List.of(curie));
        return this;
    }

    Map<String, List<Map<String, Object>>> build() {
        return links;
    }
}
