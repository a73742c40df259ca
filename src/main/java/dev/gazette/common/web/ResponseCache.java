package dev.gazette.common.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.gazette.common.GazetteConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Rendered public responses (bytes, ETag and headers), kept in memory and served on the I/O
 * thread without touching the database. An entry is valid while the {@link ContentVersion} it was
 * computed under is current; any change to public content moves that version, so a write is
 * visible to the very next read and nothing is ever invalidated by hand.
 *
 * <p>Only anonymous GETs are looked up: a request with {@code Authorization} always reaches the
 * resource (its token is checked, its answer may be personal). Only responses rendered by
 * {@link HttpCaching} as public are stored; personal ones ({@code private}) never are. The key is
 * the request URI, the {@code Accept} header, and whether an {@code X-Visitor-Id} was sent (a
 * response that depends on the visitor is personal and not stored; one that does not is the same
 * for every visitor).
 */
@Singleton
public class ResponseCache {

    private static final String PENDING = ResponseCache.class.getName();
    /** Says whether a response came from the cache ({@code HIT}) or was computed and stored ({@code MISS}). */
    public static final String HEADER = "X-Cache";

    private final Provider<GazetteConfig> config;
    private final ContentVersion versions;
    private final CurrentVertxRequest current;
    private final Counter hits;
    private final Counter misses;
    private volatile Cache<String, Entry> cache;

    @Inject
    public ResponseCache(Provider<GazetteConfig> config, ContentVersion versions, CurrentVertxRequest current, MeterRegistry metrics) {
        this.config = config;
        this.versions = versions;
        this.current = current;
        this.hits = Counter.builder("gazette.response.cache").tag("result", "hit").register(metrics);
        this.misses = Counter.builder("gazette.response.cache").tag("result", "miss").register(metrics);
    }

    private record Entry(long version, HttpCaching.Rendered rendered) {
    }

    /** The key and version a request was looked up with, for storing what the resource renders. */
    record Pending(String key, long version) {
    }

    /** Before matching (on the I/O thread): answer from memory (200 or 304) when a current entry exists. */
    @ServerRequestFilter(preMatching = true)
    public Response lookup(ContainerRequestContext request, RoutingContext routing) {
        if (!HttpMethod.GET.equals(request.getMethod()) || !enabled()) {
            return null;
        }
        HttpServerRequest http = routing.request();
        if (http.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            return null;
        }
        String accept = http.getHeader(HttpHeaders.ACCEPT);
        String key = (http.getHeader(HttpCaching.VISITOR_HEADER) == null ? "- " : "v ")
                + (accept == null ? "" : accept) + " " + http.uri();
        long version = versions.current();
        Entry entry = cache().getIfPresent(key);
        if (entry != null && entry.version() == version) {
            hits.increment();
            return HttpCaching.respond(request.getRequest(), entry.rendered(), "HIT");
        }
        routing.put(PENDING, new Pending(key, version));
        return null;
    }

    /**
     * The resource rendered {@code r} for the current request: kept if the request was looked up and
     * the response is public. Returns the {@link #HEADER} value to send, or null.
     */
    String offer(HttpCaching.Rendered r) {
        RoutingContext routing = current.getCurrent();
        Pending pending = routing == null ? null : routing.get(PENDING);
        if (pending == null || !r.shared()) {
            return null;
        }
        misses.increment();
        cache().asMap().merge(pending.key(), new Entry(pending.version(), r),
                (old, computed) -> computed.version() >= old.version() ? computed : old);
        return "MISS";
    }

    private boolean enabled() {
        return config.get().http().cache().enabled();
    }

    private Cache<String, Entry> cache() {
        Cache<String, Entry> c = cache;
        if (c == null) {
            synchronized (this) {
                if (cache == null) {
                    cache = Caffeine.newBuilder()
                            .maximumWeight(config.get().http().cache().maxSize().asLongValue())
                            .weigher((String key, Entry e) -> e.rendered().body().length + 2 * key.length() + 300)
                            .build();
                }
                c = cache;
            }
        }
        return c;
    }
}
