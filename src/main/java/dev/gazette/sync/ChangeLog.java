package dev.gazette.sync;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.gazette.common.Times;
import dev.gazette.common.persistence.DatabaseAvailability;
import dev.gazette.common.web.ContentKeys;
import dev.gazette.common.web.ContentVersion;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.List;
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

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ObjectType", description = "The kind of object that changed")
    public enum Type {
        POST, COMMENT, CATEGORY, TAG, AUTHOR, PAGE;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ChangeAction",
            description = "created or updated: fetch the object and store it; deleted: it left the public view")
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

    @Inject
    ChangeAnnouncements announcements;

    @Inject
    DatabaseAvailability database;

    /**
     * A post, category, tag or author was created, changed or removed (for comments, see
     * {@link #comment}; for likes, {@link #postLiked} and {@link #commentLiked}).
     */
    public void record(Type type, long id, String slug, Action action) {
        List<String> keys = switch (type) {
            case POST -> postKeys(id, true);
            // (posts a removed term leaves are recorded as post changes, which move the counts per term)
            case CATEGORY -> List.of(ContentKeys.category(id), ContentKeys.CATEGORIES);
            case TAG -> List.of(ContentKeys.tag(id), ContentKeys.TAGS);
            case AUTHOR -> List.of(ContentKeys.author(id), ContentKeys.AUTHORS);
            case PAGE -> List.of(ContentKeys.page(id), ContentKeys.PAGE_LISTS);
            case COMMENT -> throw new IllegalArgumentException("comment changes name their post: use comment()");
        };
        log(type, id, slug, action, keys, type == Type.POST ? id : null);
    }

    /** An approved comment of a public post appeared, changed or left: its discussion and its post's comment count change. */
    public void comment(long id, long postId, Action action) {
        log(Type.COMMENT, id, null, action, commentKeys(postId), postId);
    }

    /** A like moved a post's like count: the post shows it at once, lists and feeds within the list counter lag. */
    public void postLiked(long id, String slug) {
        log(Type.POST, id, slug, Action.UPDATED, List.of(ContentKeys.postCounts(id), ContentKeys.postCountsInLists(id)), id);
    }

    /** A like moved a comment's like count: its discussion shows it at once, site-wide comment lists within the lag. */
    public void commentLiked(long id, long postId) {
        log(Type.COMMENT, id, null, Action.UPDATED, List.of(ContentKeys.discussion(postId), ContentKeys.COMMENT_LIST_COUNTS), postId);
    }

    /** What a post's change makes wrong: the post, every post list, and the counts per term when {@code filing} moved them. */
    private static List<String> postKeys(long id, boolean filing) {
        return filing
                ? List.of(ContentKeys.post(id), ContentKeys.postCounts(id), ContentKeys.POST_LISTS, ContentKeys.TERM_COUNTS)
                : List.of(ContentKeys.post(id), ContentKeys.postCounts(id), ContentKeys.POST_LISTS);
    }

    private static List<String> commentKeys(long postId) {
        return List.of(ContentKeys.discussion(postId), ContentKeys.COMMENT_LISTS,
                ContentKeys.postCounts(postId), ContentKeys.postCountsInLists(postId));
    }

    /** {@code postId}: the post the change belongs to (a post's own changes, its comments'), for its live comment stream; else null. */
    private void log(Type type, long id, String slug, Action action, List<String> keys, Long postId) {
        long seq = advance(1, withEveryChange(keys));
        var insert = em.createNativeQuery("insert into change_log (seq, type, entity_id, action, at"
                        + (slug == null ? "" : ", slug") + (postId == null ? "" : ", post_id") + ") values (:seq, :type, :id, :action, :at"
                        + (slug == null ? "" : ", :slug") + (postId == null ? "" : ", :post") + ")")
                .setParameter("seq", seq).setParameter("type", type.name()).setParameter("id", id)
                .setParameter("action", action.name()).setParameter("at", Times.now());
        if (slug != null) {
            insert.setParameter("slug", slug);
        }
        if (postId != null) {
            insert.setParameter("post", postId);
        }
        insert.executeUpdate();
    }

    /**
     * Numbers {@code n} changes of these keys: the last number. They move the keys here when this transaction
     * commits, and on every other instance (announced in the same statement). The counter must be the last lock
     * a transaction takes (else a writer holding it could wait for a row another writer holds while waiting for
     * the counter): pending entity changes are written first. Its row stays locked until the transaction ends.
     */
    private long advance(int n, List<String> keys) {
        em.flush();
        long last = announcements.advance(n, keys);
        version.changedInThisTransaction(last - n + 1, last, keys);
        return last;
    }

    /** Every change is in the change feed, and moves what depends on any change at all. */
    private static List<String> withEveryChange(List<String> keys) {
        List<String> all = new ArrayList<>(keys.size() + 2);
        all.addAll(keys);
        all.add(ContentKeys.CHANGES);
        all.add(ContentKeys.ANY);
        return all;
    }

    /**
     * Changes committed through other instances sharing the database: the response cache here
     * must not outlive them. (Changes made here move the {@link ContentVersion} at commit.)
     */
    @Scheduled(every = "${gazette.http.cache.peer-check-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = DatabaseAvailability.Down.class)
    void followOtherInstances() {
        try {
            version.observe(QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                    "select last_seq from change_counter where id = 1").getSingleResult()).longValue()));
        } catch (RuntimeException e) {
            if (!database.failed(e)) {
                throw e;
            }
        }
    }

    /** A post became public or stopped being public: so did its approved comments. */
    public void postVisibilityChanged(long postId, boolean nowPublic) {
        comments(postId, approvedComments(postId), nowPublic ? Action.CREATED : Action.DELETED);
    }

    /** Ids of a post's approved comments (read before the post is deleted, recorded after). */
    public List<Long> approvedComments(long postId) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("select id from comment where post_id = :post and status = 'APPROVED' order by id")
                .setParameter("post", postId).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /** The same change for many comments of one post: one counter update for all of them (the counter stays the last lock). */
    public void comments(long postId, List<Long> ids, Action action) {
        if (ids.isEmpty()) {
            return;
        }
        long last = advance(ids.size(), withEveryChange(commentKeys(postId)));
        java.sql.Timestamp at = java.sql.Timestamp.from(Times.now());
        long first = last - ids.size() + 1;
        em.unwrap(org.hibernate.Session.class).doWork(connection -> {
            try (var insert = connection.prepareStatement(
                    "insert into change_log (seq, type, entity_id, action, at, post_id) values (?, ?, ?, ?, ?, ?)")) {
                long n = first;
                for (Long id : ids) {
                    insert.setLong(1, n++);
                    insert.setString(2, Type.COMMENT.name());
                    insert.setLong(3, id);
                    insert.setString(4, action.name());
                    insert.setTimestamp(5, at);
                    insert.setLong(6, postId);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /** Public posts filed under a category or tagged with a tag (read before it goes away). */
    public List<Object[]> publicPostsOf(String joinTable, String column, long termId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select p.id, p.slug from post p join " + joinTable
                        + " x on x.post_id = p.id where x." + column + " = :term and " + dev.gazette.post.PostStatus.PUBLIC_SQL)
                .setParameter("term", termId).setParameter("now", Times.now()).getResultList();
        return rows;
    }

    /** Those posts' categoryIds or tagIds changed. */
    public void postsUpdated(List<Object[]> idsAndSlugs) {
        for (Object[] r : idsAndSlugs) {
            record(Type.POST, ((Number) r[0]).longValue(), (String) r[1], Action.UPDATED);
        }
    }

    /**
     * The change between two public states of one post, if any; {@code filingChanged} when its
     * categories or tags changed (an edit that keeps them does not move the post counts per term).
     */
    public void postTransition(long id, String slug, boolean wasPublic, boolean isPublic, boolean filingChanged) {
        Action action = action(wasPublic, isPublic);
        if (action != null) {
            log(Type.POST, id, slug, action, postKeys(id, action != Action.UPDATED || filingChanged), id);
        }
    }

    /** The change between two public states of one page (or author, category, tag), if any. */
    public void transition(Type type, long id, String slug, boolean wasPublic, boolean isPublic) {
        Action action = action(wasPublic, isPublic);
        if (action != null) {
            record(type, id, slug, action);
        }
    }

    /** The change between two public states of one comment of a post, if any. */
    public void commentTransition(long id, long postId, boolean wasPublic, boolean isPublic) {
        Action action = action(wasPublic, isPublic);
        if (action != null) {
            comment(id, postId, action);
        }
    }

    private static Action action(boolean wasPublic, boolean isPublic) {
        return wasPublic && isPublic ? Action.UPDATED : isPublic ? Action.CREATED : wasPublic ? Action.DELETED : null;
    }
}
