package dev.gazette.importer;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an import did, per type: authors, categories, tags, posts, pages, comments; and postmeta, where
 * skippedReasons counts, per plugin or key, the posts whose custom fields of that kind were not carried.
 */
public record ImportCounts(Map<String, TypeCounts> types) {

    @Schema(name = "ImportTypeCounts")
    public record TypeCounts(
            @Schema(example = "51") int created,
            @Schema(example = "0") int updated,
            @Schema(example = "129") int skipped,
            @Schema(description = "Why items were skipped, with how many each", example = "{\"attachment\": 38, \"page\": 21, \"nav_menu_item\": 70}")
            Map<String, Integer> skippedReasons) {
    }

    /** Mutable tally while a job runs. */
    static final class Tally {
        private final Map<String, int[]> numbers = new LinkedHashMap<>();
        private final Map<String, Map<String, Integer>> reasons = new LinkedHashMap<>();

        Tally() {
            for (String type : new String[]{"authors", "categories", "tags", "posts", "pages", "comments", "media", "postmeta"}) {
                numbers.put(type, new int[3]);
                reasons.put(type, new TreeMap<>());
            }
        }

        void created(String type) {
            numbers.get(type)[0]++;
        }

        void updated(String type) {
            numbers.get(type)[1]++;
        }

        void skipped(String type, String reason) {
            numbers.get(type)[2]++;
            reasons.get(type).merge(reason, 1, Integer::sum);
        }

        ImportCounts snapshot() {
            Map<String, TypeCounts> types = new LinkedHashMap<>();
            numbers.forEach((type, n) -> types.put(type, new TypeCounts(n[0], n[1], n[2], Map.copyOf(reasons.get(type)))));
            return new ImportCounts(types);
        }
    }
}
