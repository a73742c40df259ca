package dev.gazette.taxonomy;

import dev.gazette.common.Times;
import dev.gazette.post.PostStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Published post counts per category or tag, one grouped query for a whole page. */
@ApplicationScoped
class PostCounts {

    @Inject
    EntityManager em;

    Map<Long, Long> categories(Collection<Long> ids) {
        return count("post_category", "category_id", ids);
    }

    Map<Long, Long> tags(Collection<Long> ids) {
        return count("post_tag", "tag_id", ids);
    }

    private Map<Long, Long> count(String table, String column, Collection<Long> ids) {
        Map<Long, Long> counts = new HashMap<>();
        if (ids.isEmpty()) {
            return counts;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select x." + column + ", count(*) from " + table + " x"
                        + " join post p on p.id = x.post_id where x." + column + " in (:ids) and " + PostStatus.PUBLIC_SQL
                        + " group by x." + column)
                .setParameter("ids", ids)
                .setParameter("now", Times.now())
                .getResultList();
        rows.forEach(r -> counts.put(((Number) r[0]).longValue(), ((Number) r[1]).longValue()));
        return counts;
    }
}
