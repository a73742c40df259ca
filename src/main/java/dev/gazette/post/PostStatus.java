package dev.gazette.post;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * Lifecycle of a post. A scheduled post becomes public by itself when its {@code publishedAt}
 * passes: reads treat it as published from that instant, and {@link PostScheduler} switches
 * the stored status shortly after.
 */
public enum PostStatus {
    DRAFT, SCHEDULED, PUBLISHED, TRASHED;

    /**
     * SQL condition (alias {@code p}, parameter {@code :now}) for posts the public may see.
     * One range over {@code published_at}, so the status/date index serves it.
     */
    public static final String PUBLIC_SQL = "p.status in ('PUBLISHED', 'SCHEDULED') and p.published_at <= :now";

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
