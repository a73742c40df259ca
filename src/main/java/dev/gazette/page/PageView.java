package dev.gazette.page;

import com.fasterxml.jackson.annotation.JsonProperty;

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
        @Schema(name = "protected", description = "Whether the page is password-protected: content and excerpt come only with its password in the "
                + "X-Post-Password header (or a token that may edit it); without it content is null and excerpt empty",
                example = "false") @JsonProperty("protected") boolean isProtected,
        @Schema(nullable = true) Instant publishedAt,
        Instant createdAt,
        Instant modifiedAt,
        @Schema(description = "Version, also the first part of the ETag (If-Match compares it)", example = "1") long version) {

    static PageView of(Page p, boolean withContent) {
        return new PageView(p.id, p.slug, p.path, p.title, p.excerpt, withContent ? p.content : null, p.status, p.parentId,
                p.menuOrder, p.template, p.author.id, p.passwordHash != null, p.publishedAt, p.createdAt, p.modifiedAt, p.version);
    }

    /** The page as shown without its password: no content, an empty excerpt (as WordPress renders both). */
    PageView withheld() {
        return new PageView(id, slug, path, title, "", null, status, parentId, menuOrder, template, authorId, isProtected,
                publishedAt, createdAt, modifiedAt, version);
    }

    PageInput toInput() {
        return new PageInput(slug, title, content, null, excerpt, status, publishedAt, parentId, menuOrder, template, authorId);
    }
}
