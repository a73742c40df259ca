package dev.gazette.comment;

/**
 * A comment as the read paths load it: its view (without replies) and where it sits in its
 * thread. {@code path} is read only where a subtree is selected by it, null elsewhere.
 */
record CommentRow(CommentView view, long rootId, String path) {

    /** The path prefix of everything below this comment. */
    String subtreePath() {
        return path + view.id() + "/";
    }
}
