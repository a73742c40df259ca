package dev.gazette.taxonomy;

import dev.gazette.common.Times;
import dev.gazette.common.web.AnswerKeys;
import dev.gazette.common.web.ContentKeys;
import dev.gazette.common.web.ContentVersion;
import dev.gazette.post.PostStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Published post counts per category or tag. Counting is a pass over every filing of every public
 * post, so the counts of all terms are computed in one grouped query and remembered until posts,
 * categories or tags change ({@link ContentKeys#TERM_COUNTS}): new comments, likes and author
 * edits, the most frequent writes, never cost a recount. The tags sorted by these counts
 * ({@link TagsByCount}, the tag list by count) are remembered alike.
 */
@ApplicationScoped
class PostCounts {

    @Inject
    EntityManager em;

    @Inject
    ContentVersion versions;

    @Inject
    AnswerKeys answer;

    private final Remembered<Map<Long, Long>> categories = new Remembered<>(() -> count("post_category", "category_id"));
    /** Also computed again when a category moves in the tree (which moves {@link ContentKeys#CATEGORIES}). */
    private final Remembered<Map<Long, Long>> categorySubtrees = new Remembered<>(this::countSubtrees, ContentKeys.CATEGORIES);
    private final Remembered<Map<Long, Long>> tags = new Remembered<>(() -> count("post_tag", "tag_id"));
    private final Remembered<TagsByCount> tagsByCount = new Remembered<>(this::sortTags);

    /** Public posts per category id (a category without any is absent). */
    Map<Long, Long> categories() {
        answer.shows(ContentKeys.TERM_COUNTS);
        return categories.get();
    }

    /**
     * Public posts per category id counting its sub-categories at any depth, each post once (one filed
     * under a category and its child counts one): the posts {@code ?category=} lists. A category
     * without any is absent.
     */
    Map<Long, Long> categoriesWithSubcategories() {
        answer.shows(ContentKeys.TERM_COUNTS, ContentKeys.CATEGORIES);
        return categorySubtrees.get();
    }

    /** Public posts per tag id (a tag without any is absent). */
    Map<Long, Long> tags() {
        answer.shows(ContentKeys.TERM_COUNTS);
        return tags.get();
    }

    /**
     * Every tag, most public posts first: the order of {@code sort=count}, sorted once per change
     * to posts or terms like the counts it is made of (a tag created or deleted moves
     * {@link ContentKeys#TERM_COUNTS} too).
     */
    TagsByCount tagsByCount() {
        answer.shows(ContentKeys.TERM_COUNTS);
        return tagsByCount.get();
    }

    private TagsByCount sortTags() {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("select id from tag").getResultList();
        return TagsByCount.of(ids.stream().map(Number::longValue).toList(), tags());
    }

    /**
     * A value computed again after each change of {@link ContentKeys#TERM_COUNTS}. Requests that find
     * it stale wait for one computation rather than each running it: after a publication, every
     * concurrent tag or category request would otherwise run the same grouped count (~170 ms at
     * 600,000 filings) at once. A stale value is never served: an answer made from it would be kept
     * as current by the response cache.
     */
    private final class Remembered<T> {

        private final Supplier<T> compute;
        private final String[] alsoMadeOf;
        private volatile Known<T> known = new Known<>(-1, null);

        Remembered(Supplier<T> compute, String... alsoMadeOf) {
            this.compute = compute;
            this.alsoMadeOf = alsoMadeOf;
        }

        private boolean current(Known<T> k) {
            if (!versions.unchangedSince(k.since(), ContentKeys.TERM_COUNTS)) {
                return false;
            }
            for (String key : alsoMadeOf) {
                if (!versions.unchangedSince(k.since(), key)) {
                    return false;
                }
            }
            return true;
        }

        T get() {
            Known<T> k = known;
            if (!current(k)) {
                synchronized (this) {
                    k = known;
                    if (!current(k)) {
                        long since = versions.current();
                        known = k = new Known<>(since, compute.get());
                    }
                }
            }
            return k.value();
        }
    }

    private record Known<T>(long since, T value) {
    }

    /**
     * One grouped count over the filings of public posts, each filing counted for its category and every
     * ancestor of it (a recursive walk up the tree), distinct per post.
     */
    private Map<Long, Long> countSubtrees() {
        Map<Long, Long> counts = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("with recursive up(category_id, ancestor_id) as ("
                        + " select id, id from category"
                        + " union all select up.category_id, c.parent_id from up join category c on c.id = up.ancestor_id"
                        + " where c.parent_id is not null)"
                        + " select up.ancestor_id, count(distinct x.post_id) from post_category x"
                        + " join post p on p.id = x.post_id join up on up.category_id = x.category_id"
                        + " where " + PostStatus.PUBLIC_SQL + " group by up.ancestor_id")
                .setParameter("now", Times.now())
                .getResultList();
        rows.forEach(r -> counts.put(((Number) r[0]).longValue(), ((Number) r[1]).longValue()));
        return Map.copyOf(counts);
    }

    private Map<Long, Long> count(String table, String column) {
        Map<Long, Long> counts = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select x." + column + ", count(*) from " + table + " x"
                        + " join post p on p.id = x.post_id where " + PostStatus.PUBLIC_SQL + " group by x." + column)
                .setParameter("now", Times.now())
                .getResultList();
        rows.forEach(r -> counts.put(((Number) r[0]).longValue(), ((Number) r[1]).longValue()));
        return Map.copyOf(counts);
    }
}
