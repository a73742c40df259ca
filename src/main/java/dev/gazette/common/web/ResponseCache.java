package dev.gazette.common.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.gazette.common.GazetteConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rendered public responses (bytes, ETag and headers), kept in memory and served on the I/O
 * thread without touching the database. Each is stored with the keys of what it shows
 * ({@link AnswerKeys}, {@link ContentKeys}) and the {@link ContentVersion} sequence number it was
 * computed from; it is served while none of its keys changed since. A like on one post therefore
 * drops that post's answers (and, after the list counter lag, the lists showing its count), not
 * the category tree or another post; a write is visible to the very next read of every answer it
 * changes, and nothing is invalidated by hand: the keys move with the change log.
 *
 * <p>Only anonymous GETs are looked up: a request with {@code Authorization} always reaches the
 * resource (its token is checked, its answer may be personal). Only responses rendered by
 * {@link HttpCaching} as public are stored; personal ones ({@code private}) never are. The key is
 * the request URI, the {@code Accept} header, and whether an {@code X-Visitor-Id} was sent (a
 * response that depends on the visitor is personal and not stored; one that does not is the same
 * for every visitor).
 *
 * <p>Concurrent misses of one answer compute it once: the first computes, the others wait for its
 * result (at most {@code gazette.http.cache.coalesce-wait}, then compute themselves), so a popular
 * answer dropped by a write costs one computation, not one per waiting reader.
 */
@Singleton
public class ResponseCache {

    static final String PENDING = ResponseCache.class.getName();
    /** Says whether a response came from the cache ({@code HIT}) or was computed and stored ({@code MISS}). */
    public static final String HEADER = "X-Cache";

    private final Provider<GazetteConfig> config;
    private final ContentVersion versions;
    private final CurrentVertxRequest current;
    private final Counter hits;
    private final Counter misses;
    private final Counter joined;
    private final ConcurrentHashMap<String, CompletableFuture<Entry>> computing = new ConcurrentHashMap<>();
    private volatile Cache<String, Entry> cache;

    @Inject
    public ResponseCache(Provider<GazetteConfig> config, ContentVersion versions, CurrentVertxRequest current, MeterRegistry metrics) {
        this.config = config;
        this.versions = versions;
        this.current = current;
        this.hits = Counter.builder("gazette.response.cache").tag("result", "hit").register(metrics);
        this.misses = Counter.builder("gazette.response.cache").tag("result", "miss").register(metrics);
        this.joined = Counter.builder("gazette.response.cache").tag("result", "joined").register(metrics);
    }

    /** A stored answer: valid while none of its key slots moved past {@code since}. */
    private record Entry(long since, int[] slots, HttpCaching.Rendered rendered) {
    }

    /** A looked-up request being computed: its cache key, where it started, and what its answer shows so far. */
    static final class Pending {
        final String key;
        final long since;
        final Set<String> keys = new LinkedHashSet<>();
        CompletableFuture<Entry> leading;

        Pending(String key, long since) {
            this.key = key;
            this.since = since;
        }
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
        long since = versions.current();
        Entry entry = cache().getIfPresent(key);
        if (entry != null && isCurrent(entry)) {
            hits.increment();
            return HttpCaching.respond(request.getRequest(), entry.rendered(), "HIT");
        }
        routing.put(PENDING, new Pending(key, since));
        return null;
    }

    /**
     * After a miss: when the same answer is being computed by another request, wait for it (bounded)
     * instead of computing it again; otherwise this request computes it and others may wait for it.
     */
    @ServerRequestFilter(preMatching = true, priority = Priorities.USER + 1)
    public Uni<Response> joinComputation(ContainerRequestContext request, RoutingContext routing) {
        Pending pending = routing.get(PENDING);
        Duration wait = config.get().http().cache().coalesceWait();
        if (pending == null || wait.isZero()) {
            return Uni.createFrom().nullItem();
        }
        CompletableFuture<Entry> mine = new CompletableFuture<>();
        CompletableFuture<Entry> other = computing.putIfAbsent(pending.key, mine);
        if (other == null) {
            pending.leading = mine;
            routing.addEndHandler(done -> finish(pending, null));
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom().completionStage(other)
                .ifNoItem().after(wait).recoverWithItem((Entry) null)
                .onFailure().recoverWithItem((Entry) null)
                .map(entry -> {
                    if (entry == null || !isCurrent(entry)) {
                        return null; // not shareable, failed, too slow, or already stale: compute it here
                    }
                    joined.increment();
                    return HttpCaching.respond(request.getRequest(), entry.rendered(), "HIT");
                });
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
        Set<String> keys = pending.keys.isEmpty() ? Set.of(ContentKeys.ANY) : pending.keys;
        Entry computed = new Entry(pending.since, keys.stream().mapToInt(ContentVersion::slot).distinct().toArray(), r);
        cache().asMap().merge(pending.key, computed, (old, fresh) -> fresh.since() >= old.since() ? fresh : old);
        finish(pending, computed);
        return "MISS";
    }

    private boolean isCurrent(Entry entry) {
        return versions.unchangedSince(entry.since(), entry.slots());
    }

    /** The computation of a pending answer is over: whoever waits for it gets the entry (or null: compute yourself). */
    private void finish(Pending pending, Entry entry) {
        CompletableFuture<Entry> leading = pending.leading;
        if (leading != null) {
            computing.remove(pending.key, leading);
            leading.complete(entry);
        }
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
                            .weigher((String key, Entry e) -> e.rendered().body().length + 2 * key.length()
                                    + 4 * e.slots().length + 300)
                            .build();
                }
                c = cache;
            }
        }
        return c;
    }
}
