package dev.gazette.media;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** The media library ({@code gazette.media.*}). */
@ConfigMapping(prefix = "gazette.media")
public interface MediaConfig {

    /** Where files are stored: one folder per media item with the original and its derived sizes. */
    @WithDefault("./data/media")
    String directory();

    /**
     * Prefix of the files' URLs in answers, e.g. {@code https://cdn.example.com} (a CDN in front of
     * {@code /media/...}); unset, answers carry paths ({@code /media/12/full.jpg}).
     */
    Optional<String> baseUrl();

    /** Largest upload (and largest file fetched by an import); 413 above it. */
    @WithDefault("10M")
    MemorySize maxSize();

    /** Largest image in pixels (width × height) that is decoded to make derived sizes; 422 above it. */
    @WithDefault("40000000")
    long maxPixels();

    /** Fetching imported attachments from the original site. */
    Fetch fetch();

    interface Fetch {
        /** Fetch attachment files at all; off keeps every attachment's original URL (and counts a warning). */
        @WithDefault("true")
        boolean enabled();

        /** Time allowed to resolve the host name and to connect. */
        @WithDefault("2s")
        Duration connectTimeout();

        /** Time allowed for the whole answer. */
        @WithDefault("10s")
        Duration timeout();

        /** Allow loopback, private, link-local and other non-public addresses (tests; never on a public server). */
        @WithDefault("false")
        boolean allowPrivate();
    }
}
