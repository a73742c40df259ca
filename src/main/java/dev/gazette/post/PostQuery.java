package dev.gazette.post;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Filters, order and page of a post list, as parsed from the query string. {@code categories},
 * {@code tags} and {@code authors} each hold the ids or slugs of one filter: a post matches a filter
 * when it matches any of its values (OR), and the list holds the posts matching every filter given
 * (AND); an empty list is no filter. {@code sticky} is null when the list is not filtered by it.
 */
public record PostQuery(
        List<String> categories,
        List<String> tags,
        List<String> authors,
        String outlet,
        Instant publishedAfter,
        Instant publishedBefore,
        Instant modifiedSince,
        String q,
        Boolean sticky,
        Sort sort,
        Set<StatusFilter> status,
        Set<String> include,
        boolean withContent,
        String cursor,
        int limit) {

    /** In a fixed order (an error lists them; {@code Set.of} iterates in an order that changes with every start). */
    public static final Set<String> INCLUDES = Collections.unmodifiableSet(new LinkedHashSet<>(List.of("author", "categories", "tags")));

    public PostQuery {
        categories = categories == null ? List.of() : List.copyOf(categories);
        tags = tags == null ? List.of() : List.copyOf(tags);
        authors = authors == null ? List.of() : List.copyOf(authors);
        status = status == null || status.isEmpty() ? EnumSet.of(StatusFilter.PUBLISHED) : EnumSet.copyOf(status);
    }

    /** A list filtered by at most one category, tag and author, in one order and lifecycle state (feeds). */
    public PostQuery(String category, String tag, String author, String outlet, Instant publishedAfter, Instant publishedBefore,
                     Instant modifiedSince, String q, Sort sort, StatusFilter status, Set<String> include,
                     boolean withContent, String cursor, int limit) {
        this(one(category), one(tag), one(author), outlet, publishedAfter, publishedBefore, modifiedSince, q, null, sort,
                status == null ? null : EnumSet.of(status), include, withContent, cursor, limit);
    }

    private static List<String> one(String value) {
        return value == null ? List.of() : List.of(value);
    }

    /**
     * Whether this is the front page: the public list in its default order, filtered by nothing, where
     * sticky posts come first (as on a WordPress front page).
     */
    boolean frontPage() {
        return sort == null && (q == null || q.isBlank()) && categories.isEmpty() && tags.isEmpty() && authors.isEmpty()
                && (outlet == null || outlet.isBlank()) && publishedAfter == null && publishedBefore == null
                && modifiedSince == null && sticky == null && status.equals(EnumSet.of(StatusFilter.PUBLISHED));
    }

    public enum Sort { NEWEST, OLDEST, MODIFIED, TITLE, RELEVANCE }

    /** Which lifecycle states to list; anything but PUBLISHED needs a token. */
    public enum StatusFilter { PUBLISHED, DRAFT, SCHEDULED, TRASHED, ANY }
}
