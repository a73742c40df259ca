package dev.gazette.comment;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * A comment as returned by the API: a node of a reply tree ({@code replies}, and
 * {@code moreReplies} where the tree was cut), or an item of a flat list. Commenter emails and
 * IP hashes appear only to moderators, under {@code moderation}.
 */
@Schema(name = "Comment")
public record CommentView(
        @Schema(example = "1") long id,
        @Schema(example = "42") long postId,
        @Schema(description = "The comment this one replies to; null for a root", example = "1", nullable = true) Long parentId,
        @Schema(description = "0 for a root comment", example = "1") int depth,
        CommentAuthor author,
        @Schema(description = "Sanitized HTML", example = "<p>Thanks, <em>great</em> read.</p>") String contentHtml,
        @Schema(example = "approved") CommentStatus status,
        Instant createdAt,
        Instant updatedAt,
        @Schema(example = "4") int likeCount,
        @Schema(description = "Whether the caller (token or X-Visitor-Id) likes it; only when the caller is known", nullable = true)
        Boolean likedByMe,
        @Schema(description = "Approved direct replies", example = "2") int replyCount,
        @Schema(description = "Approved comments anywhere below", example = "5") int descendantCount,
        @Schema(description = "Nested replies, oldest first (tree views)", nullable = true) List<CommentView> replies,
        @Schema(description = "Present where the tree was cut: how many direct replies are not included and where to get them", nullable = true)
        MoreReplies moreReplies,
        @Schema(description = "Moderators only", nullable = true) Moderation moderation,
        @Schema(description = "Only in the response that created the comment: the secret that lets its writer edit or delete it", nullable = true)
        String editKey,
        @Schema(description = "Only at creation: until when the edit key works", nullable = true) Instant editableUntil) {

    @Schema(name = "CommentAuthor")
    public record CommentAuthor(
            @Schema(example = "Ada") String name,
            @Schema(example = "https://ada.example", nullable = true) String url,
            @Schema(description = "SHA-256 of the trimmed, lower-cased email (Gravatar)", example = "a3f1c9...", nullable = true)
            String avatarHash,
            @Schema(description = "Set when written by a Gazette author", example = "2", nullable = true) Long authorId,
            @Schema(description = "A signed-in commenter's picture, from their provider", example = "https://lh3.googleusercontent.com/a/ACg8oc",
                    nullable = true) String picture,
            @Schema(description = "The provider a signed-in commenter signed in with; null for anonymous comments", example = "Google",
                    nullable = true) String provider,
            @Schema(description = "Set when written by a signed-in commenter (the same for all their comments)", example = "17",
                    nullable = true) Long commenterId) {
    }

    @Schema(name = "MoreReplies")
    public record MoreReplies(@Schema(example = "12") int remaining,
                              @Schema(example = "/api/v1/comments/1040/replies?cursor=WyJvbGRlc3QiLCJhIi...") String href) {
    }

    @Schema(name = "CommentModeration")
    public record Moderation(@Schema(example = "ada@example.com", nullable = true, description = "null for comments written with a token")
                             String authorEmail,
                             @Schema(description = "Keyed hash of the commenter's IP; null when not known (imports, tokens)", nullable = true)
                             String ipHash,
                             @Schema(nullable = true) String userAgent,
                             @Schema(description = "Why the spam checks held or filed it; null when they did not", example = "3 links (more than 2)",
                                     nullable = true) String reason) {
    }

    CommentView withReplies(List<CommentView> replies, MoreReplies more) {
        return new CommentView(id, postId, parentId, depth, author, contentHtml, status, createdAt, updatedAt, likeCount,
                likedByMe, replyCount, descendantCount, replies, more, moderation, editKey, editableUntil);
    }
}
