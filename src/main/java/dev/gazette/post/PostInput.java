package dev.gazette.post;

import dev.gazette.common.text.HtmlContent.ContentFormat;
import dev.gazette.common.text.Slugs;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** Create or replace a post (PUT). PATCH is a JSON Merge Patch onto this shape. */
@Schema(name = "PostInput")
public record PostInput(
        @Size(max = 200) @Pattern(regexp = Slugs.PATTERN, message = "must be lower-case letters, digits and single hyphens")
        @Schema(description = "Generated from the title when omitted; kept on later edits unless changed here", example = "council-approves-harbour-wall-repairs-after-winter-storms")
        String slug,
        @NotBlank @Size(max = 500) @Schema(example = "Council approves harbour wall repairs after winter storms") String title,
        @Size(max = 500_000) @Schema(description = "HTML (sanitized on save), Markdown or classic-editor text, see format", example = "<p>Temperatures passed <strong>44 °C</strong> in Seville.</p>")
        String content,
        @Schema(description = "How content is written: html, markdown, or classic (text as written in WordPress's classic editor:"
                + " blank lines make paragraphs, single line breaks become <br>); stored as sanitized HTML either way",
                example = "html", defaultValue = "html")
        ContentFormat format,
        @Size(max = 2000) @Schema(description = "Plain text; generated from the content when omitted", example = "Temperatures passed 44 °C in Seville.")
        String excerpt,
        @Schema(description = "draft (default), published, scheduled (needs a future publishedAt) or trashed", example = "published")
        PostStatus status,
        @Schema(description = "Publication time; in the future with status published or scheduled, the post is scheduled")
        Instant publishedAt,
        @Schema(description = "Author of the post; editors and admins may set another author, authors only themselves", example = "2")
        Long authorId,
        @Size(max = 50) @Schema(description = "Category ids or slugs", example = "[\"environment\", \"local\"]") List<@NotBlank String> categories,
        @Size(max = 100) @Schema(description = "Tag ids or slugs", example = "[\"energy\", \"harbour\"]") List<@NotBlank String> tags,
        @Valid @Schema(description = "Source credit of a re-published article") Source source,
        @Size(max = 2000) @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) URL")
        @Schema(example = "https://www.example-times.com/2026/11/24/heatwave") String canonicalUrl,
        @Schema(description = "open (default) or closed", example = "open") Post.CommentStatus commentStatus,
        @Schema(description = "Pinned to the top of the front page; default false", example = "false") Boolean sticky,
        @Size(max = 2000) @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) URL")
        @Schema(description = "The post's lead image", example = "https://cdn.example.com/2026/11/seville.jpg") String featuredImageUrl,
        @Schema(description = "Id of a media item (POST /api/v1/media) shown as the post's featured image, with all its sizes",
                example = "12") Long featuredMediaId) {

    @Schema(name = "SourceInput")
    public record Source(
            @Size(max = 200) @Schema(example = "Jane Doe") String author,
            @NotBlank @Size(max = 200) @Schema(example = "The Northern Ledger") String outlet,
            @Size(max = 2000) @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) URL")
            @Schema(example = "https://www.example-times.com/2026/11/24/heatwave") String url,
            @Schema(description = "When the source published it") Instant publishedAt) {
    }
}
