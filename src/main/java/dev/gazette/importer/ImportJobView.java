package dev.gazette.importer;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An import job as admins see it. */
@Schema(name = "ImportJob")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ImportJobView(
        @Schema(example = "7") long id,
        @Schema(enumeration = {"queued", "running", "succeeded", "failed"}, example = "succeeded") String status,
        @Schema(nullable = true, example = "mysite.WordPress.2026-11-24.xml") String fileName,
        Progress progress,
        @Schema(nullable = true, description = "The exported site's base URL: re-imports of the same site update what they imported",
                example = "https://news.example.org") String site,
        @Schema(nullable = true, example = "1.2") String wxrVersion,
        @Schema(nullable = true, description = "Created, updated and skipped per type (authors, categories, tags, posts, comments)."
                + " postmeta counts the posts whose custom fields were not carried, per plugin or key in skippedReasons"
                + " (e.g. \"_yoast_wpseo_* (Yoast SEO)\": 12), so a migrator knows what to redo")
        Map<String, ImportCounts.TypeCounts> counts,
        @Schema(description = "Things imported with a change, e.g. a reply whose parent is missing became a root comment;"
                + " shortcodes left as text and iframes removed are counted by name or host"
                + " (\"shortcode [contact-form-7] left as text in 3 posts\")")
        List<String> warnings,
        @Schema(nullable = true, description = "Why the job failed; for XML errors with line and column",
                example = "The file is not well-formed XML at line 1042, column 7: XML document structures must start and end within the same entity.")
        String error,
        Instant createdAt,
        @Schema(nullable = true) Instant startedAt,
        @Schema(nullable = true) Instant finishedAt,
        @Schema(nullable = true, example = "4210") Long durationMs) {

    @Schema(name = "ImportProgress")
    public record Progress(
            @Schema(description = "queued, validating (first pass, nothing written yet), importing, or finished",
                    enumeration = {"queued", "validating", "importing", "finished"},
                    example = "importing") String phase,
            @Schema(example = "20480000") long bytesRead,
            @Schema(example = "41943040") long totalBytes,
            @Schema(example = "1200") int itemsRead) {
    }
}
