package dev.gazette.post;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.gazette.author.AuthorView;
import dev.gazette.media.MediaView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * A post as the API returns it. In lists it is a summary: {@code content} appears only when
 * asked for ({@code fields=content,...}); {@code author}, {@code categories} and {@code tags}
 * appear with {@code include=}.
 */
@Schema(name = "Post")
public record PostView(
        @Schema(example = "42") long id,
        @Schema(example = "council-approves-harbour-wall-repairs-after-winter-storms") String slug,
        @Schema(example = "Council approves harbour wall repairs after winter storms") String title,
        @Schema(description = "Plain text; empty (\"\", as WordPress renders it) while the post is protected and the password"
                + " was not given", example = "Temperatures passed 44 °C in Seville on Tuesday…") String excerpt,
        @Schema(description = "Sanitized HTML; in lists only with fields=content; null while the post is protected and the"
                + " password was not given", nullable = true,
                example = "<p>Temperatures passed 44 °C in Seville on Tuesday.</p>") String content,
        @Schema(example = "published") PostStatus status,
        @Schema(nullable = true) Instant publishedAt,
        Instant modifiedAt,
        Instant createdAt,
        @Schema(example = "2") long authorId,
        @Schema(example = "[4, 7]") List<Long> categoryIds,
        @Schema(example = "[17]") List<Long> tagIds,
        @Schema(description = "Credit of a re-published article; null for original posts", nullable = true) SourceCredit source,
        @Schema(example = "https://www.example-news.com/2026/11/heatwave", nullable = true) String canonicalUrl,
        @Schema(example = "open") Post.CommentStatus commentStatus,
        @Schema(description = "Pinned to the top of the front page", example = "false") boolean sticky,
        @JsonProperty("protected") @Schema(name = "protected", description = "Password-protected: content and excerpt are"
                + " shown only with the password in X-Post-Password (or to staff who may edit the post)", example = "false")
        boolean isProtected,
        @Schema(nullable = true, example = "https://cdn.example.com/2026/11/seville.jpg") String featuredImageUrl,
        @Schema(description = "Id of the featured image's media item", nullable = true, example = "12") Long featuredMediaId,
        @Schema(description = "The featured image's media item (URLs and dimensions of every size, alt text, caption)",
                nullable = true) MediaView featuredMedia,
        @Schema(description = "Approved comments", example = "12") int commentCount,
        @Schema(example = "30") int likeCount,
        @Schema(description = "Whether the caller (X-Visitor-Id or token) likes the post; null for anonymous callers"
                + " without X-Visitor-Id", nullable = true, example = "false") Boolean likedByMe,
        @Schema(description = "Version, also the first part of the ETag (If-Match compares it)", example = "3") long version,
        @Schema(description = "With include=author", nullable = true) AuthorView author,
        @Schema(description = "With include=categories", nullable = true) List<CategoryRef> categories,
        @Schema(description = "With include=tags", nullable = true) List<TagRef> tags) {

    /** The same post with another embedded author (the public form of the same author, say). */
    public PostView withAuthor(AuthorView embedded) {
        return new PostView(id, slug, title, excerpt, content, status, publishedAt, modifiedAt, createdAt, authorId, categoryIds,
                tagIds, source, canonicalUrl, commentStatus, sticky, isProtected, featuredImageUrl, featuredMediaId, featuredMedia, commentCount,
                likeCount, likedByMe, version, embedded, categories, tags);
    }

    /** The same post showing its featured image's media item. */
    public PostView withFeaturedMedia(MediaView media) {
        return new PostView(id, slug, title, excerpt, content, status, publishedAt, modifiedAt, createdAt, authorId, categoryIds,
                tagIds, source, canonicalUrl, commentStatus, sticky, isProtected, featuredImageUrl, featuredMediaId, media, commentCount,
                likeCount, likedByMe, version, author, categories, tags);
    }

    /** The same post without what its password protects: its content (null) and excerpt (empty). */
    public PostView withheld() {
        return new PostView(id, slug, title, "", null, status, publishedAt, modifiedAt, createdAt, authorId, categoryIds,
                tagIds, source, canonicalUrl, commentStatus, sticky, isProtected, featuredImageUrl, featuredMediaId, featuredMedia,
                commentCount, likeCount, likedByMe, version, author, categories, tags);
    }

    @Schema(name = "SourceCredit", description = "Where a re-published article first appeared")
    public record SourceCredit(
            @Schema(example = "Lena Sørensen", nullable = true) String author,
            @Schema(example = "The Northern Ledger") String outlet,
            @Schema(example = "https://northern-ledger.example/2026/offshore-wind-first-power", nullable = true) String url,
            @Schema(nullable = true) Instant publishedAt) {
    }

    @Schema(name = "CategoryRef", description = "An embedded category")
    public record CategoryRef(@Schema(example = "4") long id, @Schema(example = "environment") String slug,
                              @Schema(example = "Environment") String name,
                              @Schema(example = "1", nullable = true) Long parentId) {
    }

    @Schema(name = "TagRef", description = "An embedded tag")
    public record TagRef(@Schema(example = "17") long id, @Schema(example = "harbour") String slug,
                         @Schema(example = "Harbour") String name) {
    }
}
