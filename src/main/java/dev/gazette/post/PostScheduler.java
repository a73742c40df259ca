package dev.gazette.post;

import dev.gazette.common.Times;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import dev.gazette.sync.ChangeLog;
import dev.gazette.webhook.WebhookEvent;
import dev.gazette.webhook.Webhooks;
import jakarta.transaction.Transactional;

import java.time.Instant;

/**
 * Switches scheduled posts whose time has come to published. Reads do not wait for it (they
 * treat a due scheduled post as published already); this keeps the stored status honest.
 */
@ApplicationScoped
public class PostScheduler {

    @Inject
    PostRepository posts;

    @Inject
    ChangeLog changes;

    @Inject
    Webhooks webhooks;

    /** Flips due posts one by one, each with its "created" change (it became public by itself). */
    @Scheduled(every = "${gazette.posts.scheduler-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void publishDuePosts() {
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
