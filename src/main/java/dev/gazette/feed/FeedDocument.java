package dev.gazette.feed;

import java.time.Instant;
import java.util.List;

/** A feed independent of its format: what {@link FeedWriter} turns into RSS, Atom or JSON Feed. */
record FeedDocument(String title, String description, String homeUrl, String feedUrl, Instant updated, List<Item> items) {

    /** {@code imageUrl}: the post's featured image, null when it has none (and for comments). */
    record Item(String id, String url, String title, String summary, String contentHtml, Instant published,
                Instant updated, String author, List<Term> terms, Source source, String imageUrl) {
    }

    /** A category or tag: {@code scheme} says which. */
    record Term(String scheme, String slug, String name) {
    }

    /** Credit of a re-published article. */
    record Source(String outlet, String url, String author) {
    }
}
