package dev.gazette.comment;

import dev.gazette.common.web.ApiException;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import org.hibernate.jpa.HibernateHints;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class CommentRepository implements PanacheRepository<Comment> {

    /** Most roots whose replies are read root by root (each through its index, cut to the budget). */
    static final int UNION_ROOTS = 50;

    public Comment get(long id) {
        return findByIdOptional(id).orElseThrow(() -> ApiException.notFound("Comment", id));
    }

    /**
     * Ids of the approved comments below the given roots, breadth first (depth, then time), at
     * most {@code max}. Each root's thread is read through its index up to {@code max} entries
     * (ids only) and the union is cut to {@code max}: the cost follows the budget, not the size
     * of the threads. One statement. Past {@value #UNION_ROOTS} roots (a whole discussion in one
     * page) one range read of the post's replies replaces the per-root reads.
     */
    public List<Long> approvedIdsBelowRoots(long postId, Collection<Long> rootIds, int max) {
        if (rootIds.isEmpty() || max == 0) {
            return List.of();
        }
        if (rootIds.size() > UNION_ROOTS) {
            @SuppressWarnings("unchecked")
            List<Number> ids = getEntityManager().createNativeQuery("select c.id from comment c where c.post_id = :post"
                            + " and c.root_id in (:roots) and c.status = 'APPROVED' and c.depth > 0"
                            + " order by c.depth, c.created_at, c.id limit :max")
                    .setParameter("post", postId).setParameter("roots", rootIds).setParameter("max", max).getResultList();
            return ids.stream().map(Number::longValue).toList();
        }
        StringBuilder sql = new StringBuilder("select x.id from (");
        int i = 0;
        for (Long ignored : rootIds) {
            sql.append(i == 0 ? "" : " union all ")
                    .append("(select c.id, c.depth, c.created_at from comment c where c.root_id = :r").append(i)
                    .append(" and c.status = 'APPROVED' and c.depth > 0 order by c.depth, c.created_at, c.id limit :max)");
            i++;
        }
        sql.append(") x order by x.depth, x.created_at, x.id limit :max");
        var query = getEntityManager().createNativeQuery(sql.toString()).setParameter("max", max);
        i = 0;
        for (Long root : rootIds) {
            query.setParameter("r" + i++, root);
        }
        @SuppressWarnings("unchecked")
        List<Number> ids = query.getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /**
     * The approved replies below a post's approved roots (all of its threads), breadth first, at
     * most {@code max}, for reading only: the same rows as {@link #approvedIdsBelowRoots} given
     * every root, read in one statement.
     */
    public List<Comment> approvedRepliesOf(long postId, int max) {
        if (max == 0) {
            return List.of();
        }
        return find("postId = ?1 and status = ?2 and depth > 0 and rootId in (select r.id from Comment r where r.postId = ?1"
                        + " and r.status = ?2 and r.parentId is null) order by depth, createdAt, id", postId, CommentStatus.APPROVED)
                .withHint(HibernateHints.HINT_READ_ONLY, true).range(0, max - 1).list();
    }

    /** The comments with these ids, in this order, for reading only (no snapshots, no dirty checks). */
    public List<Comment> inOrder(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Comment> byId = new HashMap<>();
        find("id in ?1", ids).withHint(HibernateHints.HINT_READ_ONLY, true).list().forEach(c -> byId.put(c.id, c));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /** Approved comments below one comment (its subtree), breadth first, at most {@code max}. */
    public List<Comment> approvedBelow(Comment top, int max) {
        if (max == 0) {
            return List.of();
        }
        return find("rootId = ?1 and status = ?2 and path like ?3 order by depth, createdAt, id",
                top.rootId, CommentStatus.APPROVED, top.subtreePath() + "%").range(0, max - 1).list();
    }

    /** Approved comments below any of {@code tops} (all in one thread), breadth first, at most {@code max}. */
    public List<Comment> approvedBelowAll(List<Comment> tops, int max) {
        if (tops.isEmpty() || max == 0) {
            return List.of();
        }
        StringBuilder hql = new StringBuilder("rootId = :root and status = :status and (");
        Map<String, Object> params = new HashMap<>();
        params.put("root", tops.get(0).rootId);
        params.put("status", CommentStatus.APPROVED);
        for (int i = 0; i < tops.size(); i++) {
            hql.append(i == 0 ? "" : " or ").append("path like :p").append(i);
            params.put("p" + i, tops.get(i).subtreePath() + "%");
        }
        hql.append(") order by depth, createdAt, id");
        return find(hql.toString(), params).range(0, max - 1).list();
    }

    /** The same author already wrote this text on this post. */
    public boolean isDuplicate(Comment c) {
        if (c.authorId != null) {
            return count("postId = ?1 and authorId = ?2 and content = ?3", c.postId, c.authorId, c.content) > 0;
        }
        return c.authorEmail != null
                && count("postId = ?1 and authorEmail = ?2 and content = ?3", c.postId, c.authorEmail, c.content) > 0;
    }

    /** When the newest comment from this IP hash or email after {@code since} was written, if any. */
    public Optional<Instant> lastCommentAfter(String ipHash, String email, Instant since) {
        Instant last = null;
        if (ipHash != null) {
            last = getEntityManager().createQuery("select max(c.createdAt) from Comment c where c.ipHash = :ip and c.createdAt > :since",
                    Instant.class).setParameter("ip", ipHash).setParameter("since", since).getSingleResult();
        }
        if (email != null) {
            Instant byEmail = getEntityManager().createQuery(
                            "select max(c.createdAt) from Comment c where c.authorEmail = :email and c.createdAt > :since", Instant.class)
                    .setParameter("email", email).setParameter("since", since).getSingleResult();
            if (byEmail != null && (last == null || byEmail.isAfter(last))) {
                last = byEmail;
            }
        }
        return Optional.ofNullable(last);
    }

    public boolean hasApprovedFrom(String email) {
        return count("authorEmail = ?1 and status = ?2", email, CommentStatus.APPROVED) > 0;
    }

    /** Moves a comment from one status to another, only if it still has the first: true when this call moved it. */
    public boolean transition(long id, CommentStatus from, CommentStatus to, Instant now) {
        return update("status = ?1, updatedAt = ?2 where id = ?3 and status = ?4", to, now, id, from) == 1;
    }
}
