package dev.gazette.page;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** A page as the API returns it. In lists {@code content} appears only when asked for ({@code fields=content,...}). */
@Schema(name = "Page")
public record PageView(
        @Schema(example = "7") long id,
        @Schema(example = "team") String slug,
        @Schema(description = "The slugs from the top page down, joined by '/': GET /api/v1/pages/by-path?path= finds it",
                example = "about/team") String path,
        @Schema(example = "Our team") String title,
        @Schema(example = "The newsroom is eleven people in two towns.") String excerpt,
        @Schema(description = "Sanitized HTML; in lists only with fields=content", nullable = true,
                example = "<p>The newsroom is eleven people in two towns.</p>") String content,
        @Schema(example = "published") PageStatus status,
        @Schema(description = "Id of the parent page; null for a top page", nullable = true, example = "3") Long parentId,
        @Schema(description = "Position among its siblings, lowest first", example = "2") int menuOrder,
        @Schema(description = "Template name for the front-end (metadata)", nullable = true, example = "page-templates/full-width.php")
        String template,
        @Schema(example = "2") long authorId,
        @Schema(nullable = true) Instant publishedAt,
        Instant createdAt,
        Instant modifiedAt,
        @Schema(description = "Version, also the first part of the ETag (If-Match compares it)", example = "1") long version) {

    static PageView of(Page p, boolean withContent) {
        return new PageView(p.id, p.slug, p.path, p.title, p.excerpt, withContent ? p.content : null, p.status, p.parentId,
                p.menuOrder, p.template, p.author.id, p.publishedAt, p.createdAt, p.modifiedAt, p.version);
    }

    PageInput toInput() {
        return new PageInput(slug, title, content, null, excerpt, status, publishedAt, parentId, menuOrder, template, authorId);
    }
}
