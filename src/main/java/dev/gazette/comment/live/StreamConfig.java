package dev.gazette.comment.live;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The live comment streams ({@code gazette.comments.stream.*}). */
@ConfigMapping(prefix = "gazette.comments.stream")
public interface StreamConfig {

    /** A comment line sent on a stream that had nothing else to say for this long (keeps proxies and clients from closing it). */
    @WithDefault("15s")
    Duration heartbeat();

    /** How often the change feed is read for the posts someone follows (changes made through any instance). */
    @WithDefault("250ms")
    Duration pollInterval();

    /** Open streams one client address may hold; 429 beyond. */
    @WithDefault("6")
    int maxPerClient();

    /** What a browser waits before reconnecting after a stream broke (the {@code retry} field). */
    @WithDefault("3s")
    Duration retry();
}
