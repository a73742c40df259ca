package dev.gazette.comment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.List;

/**
 * Keeps the post's {@code commentCount} and the ancestors' {@code replyCount} and
 * {@code descendantCount} exact. Every change is a relative update ({@code x = x + :d}) done in
 * the transaction that changes the comment's visibility, so parallel writers never lose a count.
 * Counts include approved comments only.
 */
@ApplicationScoped
class CommentCounters {

    @Inject
    EntityManager em;

    /** {@code approved} comments at or below {@code c} became visible (+) or invisible (−). */
    void shift(Comment c, int approved, boolean includesItself) {
        if (approved == 0) {
            return;
        }
        em.createNativeQuery("update post set comment_count = comment_count + :d where id = :id")
                .setParameter("d", approved).setParameter("id", c.postId).executeUpdate();
        if (c.parentId != null && includesItself) {
            em.createNativeQuery("update comment set reply_count = reply_count + :d where id = :id")
                    .setParameter("d", Integer.signum(approved)).setParameter("id", c.parentId).executeUpdate();
        }
        List<Long> ancestors = c.ancestorIds();
        if (!ancestors.isEmpty()) {
            em.createNativeQuery("update comment set descendant_count = descendant_count + :d where id in (:ids)")
                    .setParameter("d", approved).setParameter("ids", ancestors).executeUpdate();
        }
    }

    void becameVisible(Comment c) {
        shift(c, 1, true);
    }

    void becameInvisible(Comment c) {
        shift(c, -1, true);
    }

    /** Approved comments strictly below {@code c}. */
    long approvedBelow(Comment c) {
        return ((Number) em.createNativeQuery("select count(*) from comment where root_id = :root and status = 'APPROVED'"
                        + " and path like :prefix")
                .setParameter("root", c.rootId).setParameter("prefix", c.subtreePath() + "%").getSingleResult()).longValue();
    }
}
