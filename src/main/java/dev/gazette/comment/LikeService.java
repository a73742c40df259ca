package dev.gazette.comment;

import dev.gazette.common.Times;
import dev.gazette.common.web.ApiException;
import dev.gazette.common.web.IdOrSlug;
import dev.gazette.post.Post;
import dev.gazette.post.PostRepository;
import dev.gazette.sync.ChangeLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;


/**
 * Likes of posts and comments: one per liker, idempotent. The like row is inserted with
 * {@code on conflict do nothing}, and the counter moves only when a row was really inserted or
 * deleted, so 100 parallel likes give exactly 100 and a repeated like changes nothing. A like
 * that changes a count is a change of the post or comment (change feed, response caches).
 */
@ApplicationScoped
public class LikeService {

    @Inject
    EntityManager em;

    @Inject
    PostRepository posts;

    @Inject
    CommentRepository comments;

    @Inject
    ChangeLog changes;

    @Transactional
    public LikeView likePost(IdOrSlug key, Liker liker, boolean like) {
        Post post = posts.find(key).filter(p -> p.isPublicAt(Times.now()))
                .orElseThrow(() -> ApiException.notFound("Post", key));
        boolean changed = toggle("post_like", "post_id", "post", post.id, liker, like);
        // read while this transaction holds the post's row (it updated it), before the change counter's lock
        int count = count("post", post.id);
        if (changed) {
            changes.postLiked(post.id, post.slug);
        }
        return new LikeView(count, like);
    }

    @Transactional
    public LikeView likeComment(long id, Liker liker, boolean like) {
        Comment comment = comments.findByIdOptional(id).filter(c -> c.status == CommentStatus.APPROVED)
                .orElseThrow(() -> ApiException.notFound("Comment", id));
        boolean onPublicPost = posts.findByIdOptional(comment.postId).map(p -> p.isPublicAt(Times.now())).orElse(false);
        if (!onPublicPost) {
            throw ApiException.notFound("Comment", id);
        }
        boolean changed = toggle("comment_like", "comment_id", "comment", comment.id, liker, like);
        int count = count("comment", comment.id);
        if (changed) {
            changes.commentLiked(comment.id, comment.postId);
        }
        return new LikeView(count, like);
    }

    public boolean likesPost(long postId, Liker liker) {
        return ((Number) em.createNativeQuery("select count(*) from post_like where post_id = :id and liker = :liker")
                .setParameter("id", postId).setParameter("liker", liker.key()).getSingleResult()).longValue() > 0;
    }

    /** Adds or removes the like and moves the count; false when nothing changed (a repeated like). */
    private boolean toggle(String table, String column, String target, long id, Liker liker, boolean like) {
        int changed = like
                ? em.createNativeQuery("insert into " + table + " (" + column + ", liker, created_at) values (:id, :liker, :now)"
                        + " on conflict do nothing")
                .setParameter("id", id).setParameter("liker", liker.key()).setParameter("now", Times.now()).executeUpdate()
                : em.createNativeQuery("delete from " + table + " where " + column + " = :id and liker = :liker")
                .setParameter("id", id).setParameter("liker", liker.key()).executeUpdate();
        if (changed != 1) {
            return false;
        }
        em.createNativeQuery("update " + target + " set like_count = like_count + :d where id = :id")
                .setParameter("d", like ? 1 : -1).setParameter("id", id).executeUpdate();
        return true;
    }

    private int count(String target, long id) {
        return ((Number) em.createNativeQuery("select like_count from " + target + " where id = :id")
                .setParameter("id", id).getSingleResult()).intValue();
    }
}
