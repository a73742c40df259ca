package dev.gazette.post;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Filters, order and page of a post list, as parsed from the query string. */
public record PostQuery(
        String category,
        String tag,
        String author,
        String outlet,
        Instant publishedAfter,
        Instant publishedBefore,
        Instant modifiedSince,
        String q,
        Sort sort,
        StatusFilter status,
        Set<String> include,
        boolean withContent,
        String cursor,
        int limit) {

    /** In a fixed order (an error lists them; {@code Set.of} iterates in an order that changes with every start). */
    public static final Set<String> INCLUDES = Collections.unmodifiableSet(new LinkedHashSet<>(List.of("author", "categories", "tags")));

    public enum Sort { NEWEST, OLDEST, MODIFIED, TITLE, RELEVANCE }

    /** Which lifecycle states to list; anything but PUBLISHED needs a token. */
    public enum StatusFilter { PUBLISHED, DRAFT, SCHEDULED, TRASHED, ANY }
}
