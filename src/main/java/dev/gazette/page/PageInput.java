package dev.gazette.page;

import dev.gazette.common.text.HtmlContent.ContentFormat;
import dev.gazette.common.text.Slugs;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** Create or replace a page (PUT). PATCH is a JSON Merge Patch onto this shape. */
@Schema(name = "PageInput")
public record PageInput(
        @Size(max = 200) @Pattern(regexp = Slugs.PATTERN, message = "must be lower-case letters, digits and single hyphens")
        @Schema(description = "Unique among pages; generated from the title when omitted, kept on later edits unless changed here",
                example = "team") String slug,
        @NotBlank @Size(max = 500) @Schema(example = "Our team") String title,
        @Size(max = 500_000) @Schema(description = "HTML (sanitized on save) or Markdown, see format",
                example = "<p>The newsroom is eleven people in two towns.</p>") String content,
        @Schema(description = "How content is written; stored as sanitized HTML either way", example = "html", defaultValue = "html")
        ContentFormat format,
        @Size(max = 2000) @Schema(description = "Plain text; generated from the content when omitted", example = "The newsroom is eleven people.")
        String excerpt,
        @Schema(description = "draft (default) or published", example = "published") PageStatus status,
        @Schema(description = "Publication time; set when first published unless given") Instant publishedAt,
        @Schema(description = "Id of the parent page; null or absent for a top page. A page cannot be its own ancestor (422)",
                example = "3") Long parentId,
        @Min(-1_000_000) @Max(1_000_000) @Schema(description = "Position among its siblings, lowest first; default 0", example = "2")
        Integer menuOrder,
        @Size(max = 200) @Schema(description = "Template name for the front-end (metadata only)", example = "page-templates/full-width.php")
        String template,
        @Schema(description = "Author of the page; editors and admins may set another author, authors only themselves", example = "2")
        Long authorId) {
}
