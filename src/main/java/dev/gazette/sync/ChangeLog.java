package dev.gazette.sync;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.gazette.common.Times;
import dev.gazette.common.web.ContentVersion;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.Locale;

/**
 * Records changes to public content in the transaction that makes them. A change is about what
 * the public sees: {@code created} when something becomes public, {@code updated} while it
 * stays public, {@code deleted} when it leaves (unpublished, trashed, spam, deleted). Clients
 * treat created and updated alike: fetch the item and store it. Every recorded change also moves
 * the {@link ContentVersion} when its transaction commits: the response cache follows this log.
 */
@ApplicationScoped
public class ChangeLog {

    public enum Type {
        POST, COMMENT, CATEGORY, TAG, AUTHOR;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Action {
        CREATED, UPDATED, DELETED;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Inject
    EntityManager em;

    @Inject
    ContentVersion version;

    public void record(Type type, long id, String slug, Action action) {
        version.changedInThisTransaction(1, type != Type.COMMENT && type != Type.AUTHOR);
        // the counter must be the last lock a transaction takes (else a writer holding it could wait for a row
        // another writer holds while waiting for the counter): write pending entity changes first
        em.flush();
        // the counter row stays locked until this transaction ends: numbers become visible in order
        em.createNativeQuery("update change_counter set last_seq = last_seq + 1 where id = 1").executeUpdate();
        long seq = ((Number) em.createNativeQuery("select last_seq from change_counter where id = 1").getSingleResult()).longValue();
        var insert = em.createNativeQuery(slug == null
                        ? "insert into change_log (seq, type, entity_id, action, at) values (:seq, :type, :id, :action, :at)"
                        : "insert into change_log (seq, type, entity_id, slug, action, at) values (:seq, :type, :id, :slug, :action, :at)")
                .setParameter("seq", seq).setParameter("type", type.name()).setParameter("id", id)
                .setParameter("action", action.name()).setParameter("at", Times.now());
        if (slug != null) {
            insert.setParameter("slug", slug);
        }
        insert.executeUpdate();
    }

    /**
     * Changes committed through other instances sharing the database: the response cache here
     * must not outlive them. (Changes made here move the {@link ContentVersion} at commit.)
     */
    @Scheduled(every = "${gazette.http.cache.peer-check-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void followOtherInstances() {
        version.observe(QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select last_seq from change_counter where id = 1").getSingleResult()).longValue()));
    }

    /** A post became public or stopped being public: so did its approved comments. */
    public void postVisibilityChanged(long postId, boolean nowPublic) {
        comments(approvedComments(postId), nowPublic ? Action.CREATED : Action.DELETED);
    }

    /** Ids of a post's approved comments (read before the post is deleted, recorded after). */
    public java.util.List<Long> approvedComments(long postId) {
        @SuppressWarnings("unchecked")
        java.util.List<Number> ids = em.createNativeQuery("select id from comment where post_id = :post and status = 'APPROVED' order by id")
                .setParameter("post", postId).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /** The same change for many comments: one counter update for all of them (the counter stays the last lock). */
    public void comments(java.util.List<Long> ids, Action action) {
        if (ids.isEmpty()) {
            return;
        }
        version.changedInThisTransaction(ids.size(), false);
        em.flush();
        em.createNativeQuery("update change_counter set last_seq = last_seq + :n where id = 1").setParameter("n", ids.size())
                .executeUpdate();
        long last = ((Number) em.createNativeQuery("select last_seq from change_counter where id = 1").getSingleResult()).longValue();
        long seq = last - ids.size();
        java.sql.Timestamp at = java.sql.Timestamp.from(Times.now());
        long first = seq + 1;
        em.unwrap(org.hibernate.Session.class).doWork(connection -> {
            try (var insert = connection.prepareStatement("insert into change_log (seq, type, entity_id, action, at) values (?, ?, ?, ?, ?)")) {
                long n = first;
                for (Long id : ids) {
                    insert.setLong(1, n++);
                    insert.setString(2, Type.COMMENT.name());
                    insert.setLong(3, id);
                    insert.setString(4, action.name());
                    insert.setTimestamp(5, at);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /** Public posts filed under a category or tagged with a tag (read before it goes away). */
    public java.util.List<Object[]> publicPostsOf(String joinTable, String column, long termId) {
        @SuppressWarnings("unchecked")
        java.util.List<Object[]> rows = em.createNativeQuery("select p.id, p.slug from post p join " + joinTable
                        + " x on x.post_id = p.id where x." + column + " = :term and " + dev.gazette.post.PostStatus.PUBLIC_SQL)
                .setParameter("term", termId).setParameter("now", Times.now()).getResultList();
        return rows;
    }

    /** Those posts' categoryIds or tagIds changed. */
    public void postsUpdated(java.util.List<Object[]> idsAndSlugs) {
        for (Object[] r : idsAndSlugs) {
            record(Type.POST, ((Number) r[0]).longValue(), (String) r[1], Action.UPDATED);
        }
    }

    /** The change between two public states of one item, if any. */
    public void transition(Type type, long id, String slug, boolean wasPublic, boolean isPublic) {
        if (wasPublic && isPublic) {
            record(type, id, slug, Action.UPDATED);
        } else if (isPublic) {
            record(type, id, slug, Action.CREATED);
        } else if (wasPublic) {
            record(type, id, slug, Action.DELETED);
        }
    }
}
