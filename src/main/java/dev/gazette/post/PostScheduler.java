package dev.gazette.post;

import dev.gazette.common.persistence.DatabaseAvailability;
import dev.gazette.common.Times;
import dev.gazette.common.web.ContentVersion;
import dev.gazette.sync.ChangeLog;
import dev.gazette.webhook.WebhookEvent;
import dev.gazette.webhook.Webhooks;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Switches scheduled posts whose time has come to published, at that moment.
 *
 * <p>Reads do not wait for it: they treat a due scheduled post as published already, and every
 * moment a scheduled post comes due is announced to {@link ContentVersion#changesAt}, so no
 * cached answer outlives it. This class keeps the stored status, the change feed and the webhooks
 * on time: a timer is armed for the earliest due post and re-armed whenever a post is scheduled
 * earlier; it flips the post at that instant. The poll every
 * {@code gazette.posts.scheduler-interval} stays as a safety net (another instance's schedules,
 * a timer lost to a restart).
 */
@ApplicationScoped
public class PostScheduler {

    private static final Logger LOG = Logger.getLogger(PostScheduler.class);

    @Inject
    PostRepository posts;

    @Inject
    DatabaseAvailability database;

    @Inject
    ChangeLog changes;

    @Inject
    Webhooks webhooks;

    @Inject
    ContentVersion versions;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gazette-post-scheduler");
        t.setDaemon(true);
        return t;
    });
    private Instant armedFor;
    private ScheduledFuture<?> armed;

    void onStart(@Observes StartupEvent start) {
        rescan();
    }

    /** Arms for every scheduled post in the database (at start, and after an import that may have added some). */
    public void rescan() {
        QuarkusTransaction.requiringNew().run(() -> {
            for (Post post : posts.list("status = ?1", PostStatus.SCHEDULED)) {
                scheduled(post.publishedAt);
            }
        });
    }

    void onStop(@Observes ShutdownEvent stop) {
        timer.shutdownNow();
    }

    /**
     * A post will become public at {@code at} (called when it is scheduled, even before its
     * transaction commits: a moment that changes nothing costs one needless recomputation).
     */
    public void scheduled(Instant at) {
        if (at == null) {
            return;
        }
        versions.changesAt(at);
        arm(at);
    }

    private synchronized void arm(Instant at) {
        if (armed != null && !armed.isDone() && armedFor != null && !at.isBefore(armedFor)) {
            return;
        }
        if (armed != null) {
            armed.cancel(false);
        }
        armedFor = at;
        long delay = Math.max(0, Duration.between(Times.now(), at).toMillis());
        try {
            armed = timer.schedule(this::fire, delay, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            armed = null;
        }
    }

    /** The timer's moment has come: flip what is due, then arm for the next scheduled post. */
    private void fire() {
        synchronized (this) {
            armed = null;
            armedFor = null;
        }
        ManagedContext requests = Arc.container().requestContext();
        boolean activated = !requests.isActive();
        if (activated) {
            requests.activate();
        }
        try {
            QuarkusTransaction.requiringNew().run(this::flipDuePosts);
            Instant next = QuarkusTransaction.requiringNew().call(() -> posts.getEntityManager()
                    .createQuery("select min(p.publishedAt) from Post p where p.status = :s", Instant.class)
                    .setParameter("s", PostStatus.SCHEDULED).getSingleResult());
            if (next != null) {
                arm(next);
            }
        } catch (RuntimeException e) {
            if (!database.failed(e)) {
                LOG.warnf("Publishing due posts failed (%s); the next poll retries", e.toString());
            }
        } finally {
            if (activated) {
                requests.terminate();
            }
        }
    }

    /** The safety net: flips whatever is due, whether or not a timer was armed for it. */
    @Scheduled(every = "${gazette.posts.scheduler-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = DatabaseAvailability.Down.class)
    void publishDuePosts() {
        try {
            QuarkusTransaction.requiringNew().run(this::flipDuePosts);
        } catch (RuntimeException e) {
            if (!database.failed(e)) {
                throw e;
            }
        }
    }

    /** Flips due posts one by one, each with its "created" change (it became public by itself). */
    private void flipDuePosts() {
        for (Post post : posts.list("status = ?1 and publishedAt <= ?2", PostStatus.SCHEDULED, Times.now())) {
            if (posts.update("status = ?1 where id = ?2 and status = ?3", PostStatus.PUBLISHED, post.id, PostStatus.SCHEDULED) == 1) {
                webhooks.post(WebhookEvent.POST_PUBLISHED, post.id, post.slug, post.title, PostStatus.PUBLISHED.json(),
                        post.publishedAt, post.modifiedAt);
                changes.record(ChangeLog.Type.POST, post.id, post.slug, ChangeLog.Action.CREATED);
                changes.postVisibilityChanged(post.id, true);
            }
        }
    }
}
