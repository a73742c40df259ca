package dev.gazette.common.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import java.util.function.Supplier;

/**
 * Rendered public responses (body bytes with their ETag), kept in memory (Caffeine, bounded by
 * size). The key must name everything the body depends on, including a version that every write
 * to the underlying data bumps in its own transaction: then a write is visible to the very next
 * read, on every instance, and nothing is ever invalidated by hand. Only anonymous responses
 * belong here.
 */
@ApplicationScoped
public class ResponseCache {

    private static final long MAX_BYTES = 64L * 1024 * 1024;

    private final Cache<String, HttpCaching.Rendered> cache = Caffeine.newBuilder()
            .maximumWeight(MAX_BYTES)
            .weigher((String key, HttpCaching.Rendered r) -> r.body().length + key.length() + 200)
            .build();

    private final HttpCaching caching;

    public ResponseCache(HttpCaching caching) {
        this.caching = caching;
    }

    public Response get(Request request, String key, Supplier<Representation> build) {
        return caching.respond(request, cache.get(key, k -> caching.render(build.get())));
    }
}
