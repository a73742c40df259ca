package dev.gazette.comment.live;

import dev.gazette.comment.CommentView;

/**
 * What the events of a live comment stream carry (as JSON in their {@code data}); never an email or an IP,
 * only what the public comment tree shows.
 */
final class StreamEvent {

    private StreamEvent() {
    }

    /** {@code ready}: the stream follows the post from the event id it carries. */
    record Ready(long postId, String lastEventId) {
    }

    /** {@code reset}: the stream could not resume from the Last-Event-ID sent (too old, or unknown): reload the comments. */
    record Reset(long postId, String reason) {
    }

    /** {@code comment}: an approved comment appeared ({@code created}) or changed ({@code updated}: its text, its likes). */
    record Comment(String action, CommentView comment) {
    }

    /** {@code comment-removed}: a comment left the public discussion (deleted, trashed, spam, unapproved). */
    record CommentRemoved(long id, long postId) {
    }

    /** {@code post}: the post's counts moved (a like, a comment). */
    record Post(long id, int likeCount, int commentCount) {
    }

    /** {@code closed}: the post is no longer public; the stream ends. */
    record Closed(long postId) {
    }
}
