package dev.gazette.post;

import dev.gazette.common.Times;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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

    @Scheduled(every = "${gazette.posts.scheduler-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void publishDuePosts() {
        posts.update("status = ?1 where status = ?2 and publishedAt <= ?3",
                PostStatus.PUBLISHED, PostStatus.SCHEDULED, Times.now());
    }
}
