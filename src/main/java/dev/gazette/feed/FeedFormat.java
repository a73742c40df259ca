package dev.gazette.feed;

import dev.gazette.common.web.ApiException;

import java.util.Locale;

/** The three feed formats and their media types. */
public enum FeedFormat {
    RSS("rss_2.0", "application/rss+xml; charset=UTF-8"),
    ATOM("atom_1.0", "application/atom+xml; charset=UTF-8"),
    JSON(null, "application/feed+json; charset=UTF-8");

    final String romeType;
    final String mediaType;

    FeedFormat(String romeType, String mediaType) {
        this.romeType = romeType;
        this.mediaType = mediaType;
    }

    static FeedFormat of(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("Feed format", name);
        }
    }
}
