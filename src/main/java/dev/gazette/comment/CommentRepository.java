package dev.gazette.comment;

import dev.gazette.common.web.ApiException;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class CommentRepository implements PanacheRepository<Comment> {

    public Comment get(long id) {
        return findByIdOptional(id).orElseThrow(() -> ApiException.notFound("Comment", id));
    }

    /** Approved comments below one comment (its subtree), breadth first, at most {@code max}. */
    public List<Comment> approvedBelow(Comment top, int max) {
        if (max == 0) {
            return List.of();
        }
        return find("rootId = ?1 and status = ?2 and path like ?3 order by depth, createdAt, id",
                top.rootId, CommentStatus.APPROVED, top.subtreePath() + "%").range(0, max - 1).list();
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

    /** When the signed-in commenter's newest comment after {@code since} was written, if any. */
    public Optional<Instant> lastCommentOfCommenterAfter(long commenterId, Instant since) {
        return Optional.ofNullable(getEntityManager().createQuery(
                        "select max(c.createdAt) from Comment c where c.commenterId = :me and c.createdAt > :since", Instant.class)
                .setParameter("me", commenterId).setParameter("since", since).getSingleResult());
    }

    /** How many of the signed-in commenter's comments are approved. */
    public long approvedOfCommenter(long commenterId) {
        return count("commenterId = ?1 and status = ?2", commenterId, CommentStatus.APPROVED);
    }

    public boolean hasApprovedFrom(String email) {
        return count("authorEmail = ?1 and status = ?2", email, CommentStatus.APPROVED) > 0;
    }

    /** Moves a comment from one status to another, only if it still has the first: true when this call moved it. */
    public boolean transition(long id, CommentStatus from, CommentStatus to, Instant now) {
        return update("status = ?1, updatedAt = ?2 where id = ?3 and status = ?4", to, now, id, from) == 1;
    }
}
