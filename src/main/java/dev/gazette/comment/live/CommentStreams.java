package dev.gazette.comment.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gazette.comment.CommentService;
import dev.gazette.comment.CommentView;
import dev.gazette.common.Times;
import dev.gazette.common.persistence.DatabaseAvailability;
import dev.gazette.common.web.ApiException;
import dev.gazette.post.PostStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The open live comment streams, fed from the change feed. Every change to a post's public discussion
 * (a comment approved, edited, liked or removed; the post liked) is a row of {@code change_log} naming
 * the post, numbered by the shared change counter, whichever instance wrote it. Every
 * {@code gazette.comments.stream.poll-interval}, while anyone follows a post, this reads the counter; when
 * it moved, which followed posts the new rows name; and for each of those, the rows after the oldest
 * position of its followers, turned into events once and sent to each follower that has not had them.
 * The row's number is the event id: a client reconnecting with {@code Last-Event-ID} gets every row after
 * it, in order, so nothing is lost (rows become visible in counter order: the counter row stays locked until
 * its transaction commits). An event carries the object's state now (a comment created and then liked is
 * sent twice, both times with its current like count); a removed comment is named by its id only.
 */
@ApplicationScoped
public class CommentStreams {

    private static final Logger LOG = Logger.getLogger(CommentStreams.class);
    /** Rows read per post and round; more wait for the next round. */
    private static final int BATCH = 200;

    @Inject
    StreamConfig config;

    @Inject
    EntityManager em;

    @Inject
    CommentService comments;

    @Inject
    ObjectMapper mapper;

    @Inject
    DatabaseAvailability database;

    private final Map<Long, Set<Follower>> byPost = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> perClient = new ConcurrentHashMap<>();
    private final Set<Long> dirty = ConcurrentHashMap.newKeySet();
    /** The change counter at the last round; -1 before the first. */
    private long seen = -1;

    /** An open stream: the post it follows, the last event id it was sent, and where its events go. */
    private static final class Follower {
        final long postId;
        final String client;
        final Sse sse;
        final MultiEmitter<? super OutboundSseEvent> emitter;
        volatile long position;
        volatile long lastSent = System.nanoTime();

        Follower(long postId, String client, Sse sse, MultiEmitter<? super OutboundSseEvent> emitter, long position) {
            this.postId = postId;
            this.client = client;
            this.sse = sse;
            this.emitter = emitter;
            this.position = position;
        }

        void send(OutboundSseEvent event) {
            if (!emitter.isCancelled()) {
                lastSent = System.nanoTime();
                emitter.emit(event);
            }
        }
    }

    /** An event built once for all followers of a post: the change number, its name, and its JSON. */
    private record Built(long seq, String name, String data, boolean last) {
    }

    /**
     * A stream of the post's changes after {@code resumeAfter} (a {@code Last-Event-ID}), or from now when null.
     *
     * @throws ApiException 429 when this client address holds {@code max-per-client} streams already
     */
    public Multi<OutboundSseEvent> open(long postId, Long resumeAfter, String client, Sse sse) {
        AtomicInteger held = perClient.computeIfAbsent(client, k -> new AtomicInteger());
        if (held.incrementAndGet() > config.maxPerClient()) {
            release(client);
            throw ApiException.tooManyRequests("This address holds " + config.maxPerClient() + " open comment streams already"
                    + " (gazette.comments.stream.max-per-client): close one first.", config.retry().toSeconds());
        }
        long start;
        String reset = null;
        try {
            long[] counter = QuarkusTransaction.requiringNew().call(this::counter);
            long pruned = counter[0];
            long last = counter[1];
            if (resumeAfter == null) {
                start = last;
            } else if (resumeAfter > last) {
                start = last;
                reset = "The Last-Event-ID " + resumeAfter + " is ahead of the newest change (" + last + "): reload the comments.";
            } else if (resumeAfter < pruned) {
                start = last;
                reset = "Changes up to " + pruned + " were removed after their retention: reload the comments.";
            } else {
                start = resumeAfter;
            }
        } catch (RuntimeException e) {
            release(client);
            throw e;
        }
        String resetReason = reset;
        return Multi.createFrom().<OutboundSseEvent>emitter(emitter -> {
            Follower follower = new Follower(postId, client, sse, emitter, start);
            emitter.onTermination(() -> close(follower));
            follower.send(resetReason == null
                    ? event(sse, start, "ready", new StreamEvent.Ready(postId, Long.toString(start)))
                    : event(sse, start, "reset", new StreamEvent.Reset(postId, resetReason)));
            byPost.computeIfAbsent(postId, k -> ConcurrentHashMap.newKeySet()).add(follower);
            // whatever came after `start` (missed while away, or written since the counter was read) is sent next round
            dirty.add(postId);
        });
    }

    /** Open streams of this client address (for tests and metrics). */
    public int openStreams(String client) {
        AtomicInteger held = perClient.get(client);
        return held == null ? 0 : held.get();
    }

    private void close(Follower follower) {
        Set<Follower> followers = byPost.get(follower.postId);
        if (followers != null) {
            followers.remove(follower);
            if (followers.isEmpty()) {
                byPost.remove(follower.postId, followers);
            }
        }
        release(follower.client);
    }

    private void release(String client) {
        perClient.computeIfPresent(client, (k, held) -> held.decrementAndGet() <= 0 ? null : held);
    }

    /** One round: heartbeats, then the changes of the followed posts. */
    @Scheduled(every = "${gazette.comments.stream.poll-interval:250ms}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = DatabaseAvailability.Down.class)
    void round() {
        if (byPost.isEmpty()) {
            seen = -1;
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(this::deliver);
        } catch (RuntimeException e) {
            if (!database.failed(e)) {
                LOG.warn("could not read the change feed for the live comment streams", e);
            }
        }
        heartbeats();
    }

    private void heartbeats() {
        long due = System.nanoTime() - config.heartbeat().toNanos();
        for (Set<Follower> followers : byPost.values()) {
            for (Follower f : followers) {
                if (f.lastSent - due <= 0) {
                    f.send(f.sse.newEventBuilder().comment("heartbeat").build());
                }
            }
        }
    }

    private long[] counter() {
        Object[] row = (Object[]) em.createNativeQuery("select pruned_through, last_seq from change_counter where id = 1").getSingleResult();
        return new long[] {((Number) row[0]).longValue(), ((Number) row[1]).longValue()};
    }

    private void deliver() {
        long last = counter()[1];
        if (seen >= 0 && last > seen) {
            @SuppressWarnings("unchecked")
            List<Number> posts = em.createNativeQuery("select distinct post_id from change_log where seq > :seen and seq <= :last"
                    + " and post_id is not null").setParameter("seen", seen).setParameter("last", last).getResultList();
            for (Number post : posts) {
                if (byPost.containsKey(post.longValue())) {
                    dirty.add(post.longValue());
                }
            }
        }
        seen = last;
        for (Long post : List.copyOf(dirty)) {
            dirty.remove(post);
            Set<Follower> following = byPost.get(post);
            // those following now; one that comes while this round runs is marked dirty, for the next round
            List<Follower> followers = following == null ? List.of() : List.copyOf(following);
            if (followers.isEmpty()) {
                continue;
            }
            long from = Long.MAX_VALUE;
            for (Follower f : followers) {
                from = Math.min(from, f.position);
            }
            deliver(post, from, last, followers);
        }
    }

    private void deliver(long post, long from, long last, List<Follower> followers) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select seq, type, entity_id, action from change_log"
                        + " where post_id = :post and seq > :from and seq <= :last order by seq")
                .setParameter("post", post).setParameter("from", from).setParameter("last", last)
                .setMaxResults(BATCH).getResultList();
        long through = last;
        if (rows.size() == BATCH) {
            through = ((Number) rows.get(rows.size() - 1)[0]).longValue();
            dirty.add(post); // the rest next round
        }
        List<Built> events = build(post, rows);
        for (Follower f : followers) {
            for (Built e : events) {
                if (e.seq() > f.position) {
                    f.send(event(f.sse, e));
                }
            }
            f.position = Math.max(f.position, through);
            if (!events.isEmpty() && events.get(events.size() - 1).last()) {
                f.emitter.complete();
            }
        }
    }

    /** The events of a post's change rows: each object as the public sees it now. */
    private List<Built> build(long post, List<Object[]> rows) {
        List<Built> events = new ArrayList<>(rows.size());
        Map<Long, Optional<CommentView>> seenComments = new HashMap<>();
        Map<Long, List<Object[]>> seenCounts = new HashMap<>();
        for (Object[] r : rows) {
            long seq = ((Number) r[0]).longValue();
            String type = (String) r[1];
            long id = ((Number) r[2]).longValue();
            String action = (String) r[3];
            if ("COMMENT".equals(type)) {
                Optional<CommentView> now = "DELETED".equals(action) ? Optional.empty()
                        : seenComments.computeIfAbsent(id, comments::publicComment);
                events.add(now.isPresent()
                        ? built(seq, "comment", new StreamEvent.Comment("CREATED".equals(action) ? "created" : "updated", now.get()))
                        : built(seq, "comment-removed", new StreamEvent.CommentRemoved(id, post)));
            } else if ("POST".equals(type)) {
                // the counts as they are now: read once per round, however many likes the rows hold
                List<Object[]> counts = seenCounts.computeIfAbsent(id, this::publicCounts);
                if (counts.isEmpty()) {
                    events.add(new Built(seq, "closed", json(new StreamEvent.Closed(post)), true));
                    break;
                }
                events.add(built(seq, "post", new StreamEvent.Post(id, ((Number) counts.get(0)[0]).intValue(),
                        ((Number) counts.get(0)[1]).intValue())));
            }
        }
        return events;
    }

    /** A public post's like and comment counts (one row), or no row when it is not public now. */
    @SuppressWarnings("unchecked")
    private List<Object[]> publicCounts(long id) {
        return em.createNativeQuery("select p.like_count, p.comment_count from post p where p.id = :id and " + PostStatus.PUBLIC_SQL)
                .setParameter("id", id).setParameter("now", Times.now()).getResultList();
    }

    private Built built(long seq, String name, Object data) {
        return new Built(seq, name, json(data), false);
    }

    private String json(Object data) {
        try {
            return mapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private OutboundSseEvent event(Sse sse, long seq, String name, Object data) {
        return sse.newEventBuilder().id(Long.toString(seq)).name(name).data(String.class, json(data))
                .reconnectDelay(config.retry().toMillis()).build();
    }

    private static OutboundSseEvent event(Sse sse, Built e) {
        return sse.newEventBuilder().id(Long.toString(e.seq())).name(e.name()).data(String.class, e.data()).build();
    }

    void stop(@Observes ShutdownEvent stopping) {
        for (Set<Follower> followers : byPost.values()) {
            for (Follower f : followers) {
                f.emitter.complete();
            }
        }
    }
}
