package dev.gazette.common.web;

/**
 * The vocabulary of "what an answer shows". A public answer is stored with the keys of everything
 * it shows ({@link AnswerKeys}); a committed change moves the keys of what it makes wrong
 * ({@link ContentVersion}, fed by the change log), and only the answers holding one of those keys
 * are computed again. The same strings can be handed to an HTTP cache in front (as surrogate keys).
 *
 * <p>Keys ending in {@code ~} are the lagging twins of counters: lists and feeds show like and
 * comment counts of many items, and may show them up to {@code gazette.http.cache.list-counter-lag}
 * late, so a like on one post does not recompute every list it appears in at once.
 */
public final class ContentKeys {

    /** Moves with every change: the key of an answer that names no keys of its own. */
    public static final String ANY = "*";
    /** Which posts are public, their order and their text: every post list, search and post feed. */
    public static final String POST_LISTS = "posts";
    /** Which comments are public: site-wide comment lists and feeds. */
    public static final String COMMENT_LISTS = "comments";
    /** Like counts shown in site-wide comment lists (lagging). */
    public static final String COMMENT_LIST_COUNTS = "comments~";
    /** Every category (names, slugs, the tree); post lists filtered by a category depend on it. */
    public static final String CATEGORIES = "categories";
    /** Every tag. */
    public static final String TAGS = "tags";
    /** Every author. */
    public static final String AUTHORS = "authors";
    /** Published post counts per category and tag. */
    public static final String TERM_COUNTS = "term-counts";
    /** The change feed. */
    public static final String CHANGES = "changes";
    /** Which pages are public, their order, titles and paths: every page list, by-path lookup and resolve. */
    public static final String PAGE_LISTS = "pages";

    private ContentKeys() {
    }

    /** A post itself: content, status, slug, its terms and author ids. */
    public static String post(long id) {
        return "post:" + id;
    }

    /** A post's like and comment counts, as the post itself shows them (exact at once). */
    public static String postCounts(long id) {
        return "post-counts:" + id;
    }

    /** The same counts as lists and feeds show them (lagging). */
    public static String postCountsInLists(long id) {
        return "post-counts~:" + id;
    }

    /** A post's approved comments: its trees, threads, replies and single comments, with their likes. */
    public static String discussion(long postId) {
        return "discussion:" + postId;
    }

    public static String author(long id) {
        return "author:" + id;
    }

    public static String category(long id) {
        return "category:" + id;
    }

    public static String tag(long id) {
        return "tag:" + id;
    }

    /** A page itself: content, status, slug, path, parent. */
    public static String page(long id) {
        return "page:" + id;
    }

    /** Whether changes of this key may reach answers late (by the list counter lag). */
    static boolean lags(String key) {
        return key.endsWith("~") || key.contains("~:");
    }
}
