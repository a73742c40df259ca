package dev.gazette.comment.identity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Data kept about commenters ({@code gazette.comments.privacy.*}). */
@ConfigMapping(prefix = "gazette.comments.privacy")
public interface PrivacyConfig {

    /** IP hashes and user agents of comments older than this are removed by the retention job. */
    @WithDefault("90d")
    Duration retention();

    /** How often the retention job runs ({@code gazette.comments.privacy.purge-every}). */
    @WithDefault("6h")
    String purgeEvery();
}
