package dev.gazette.taxonomy;

import dev.gazette.common.Times;
import dev.gazette.common.web.AnswerKeys;
import dev.gazette.common.web.ContentKeys;
import dev.gazette.common.web.ContentVersion;
import dev.gazette.post.PostStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    private volatile Counted categories = new Counted(-1, Map.of());
    private volatile Counted tags = new Counted(-1, Map.of());
    private volatile Ranked tagsByCount = new Ranked(-1, null);

    private record Counted(long since, Map<Long, Long> counts) {
    }

    private record Ranked(long since, TagsByCount order) {
    }

    /** Public posts per category id (a category without any is absent). */
    Map<Long, Long> categories() {
        answer.shows(ContentKeys.TERM_COUNTS);
        long since = versions.current();
        Counted known = categories;
        if (!versions.unchangedSince(known.since(), ContentKeys.TERM_COUNTS)) {
            categories = known = new Counted(since, count("post_category", "category_id"));
        }
        return known.counts();
    }

    /** Public posts per tag id (a tag without any is absent). */
    Map<Long, Long> tags() {
        answer.shows(ContentKeys.TERM_COUNTS);
        long since = versions.current();
        Counted known = tags;
        if (!versions.unchangedSince(known.since(), ContentKeys.TERM_COUNTS)) {
            tags = known = new Counted(since, count("post_tag", "tag_id"));
        }
        return known.counts();
    }

    /**
     * Every tag, most public posts first: the order of {@code sort=count}, sorted once per change
     * to posts or terms like the counts it is made of (a tag created or deleted moves
     * {@link ContentKeys#TERM_COUNTS} too).
     */
    TagsByCount tagsByCount() {
        answer.shows(ContentKeys.TERM_COUNTS);
        long since = versions.current();
        Ranked known = tagsByCount;
        if (!versions.unchangedSince(known.since(), ContentKeys.TERM_COUNTS)) {
            @SuppressWarnings("unchecked")
            List<Number> ids = em.createNativeQuery("select id from tag").getResultList();
            tagsByCount = known = new Ranked(since, TagsByCount.of(ids.stream().map(Number::longValue).toList(), tags()));
        }
        return known.order();
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
