package dev.gazette.common.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.gazette.common.GazetteConfig;
import dev.gazette.common.persistence.DatabaseAvailability;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.netty.buffer.Unpooled;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

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
 * resource (its token is checked, its answer may be personal), and so does one with a post password
 * ({@code X-Post-Password}: it is checked, and what the answer shows depends on it). Only responses rendered by
 * {@link HttpCaching} as public are stored; personal ones ({@code private}) never are. The key is
 * the request URI, the {@code Accept} header, and whether an {@code X-Visitor-Id} was sent (a
 * response that depends on the visitor is personal and not stored; one that does not is the same
 * for every visitor).
 *
 * <p>Hits are answered by a Vert.x route ahead of JAX-RS ({@link #serveFromMemory}), after the HTTP
 * layer's own checks ({@link HttpLayerProblems}) and CORS: a JAX-RS request context, its header
 * maps and its response builder were three quarters of what a hit allocated (18 kB per hit, so a
 * young collection every fraction of a second under load). A request with {@code If-Match} or
 * {@code If-Unmodified-Since} (rare on a GET) is looked up in JAX-RS instead, whose precondition
 * rules then answer it exactly as a miss would be answered.
 *
 * <p>Concurrent misses of one answer compute it once: the first computes, the others wait for its
 * result (at most {@code gazette.http.cache.coalesce-wait}, then compute themselves), so a popular
 * answer dropped by a write costs one computation, not one per waiting reader. They wait in the same
 * route, on the I/O thread without blocking it; a JAX-RS filter returning a {@code Uni} for this cost
 * every request (misses, writes, uncached reads) a suspension and resumption of its request context.
 *
 * <p>While the database is unreachable ({@link DatabaseAvailability}) every stored answer is served,
 * current or not, marked {@code X-Cache: STALE}: whether it is still current cannot be known (changes
 * made elsewhere cannot be heard), and a stale page is what a reader wants rather than an error. A
 * request whose answer is not stored gets the 503 the outage filter ({@link #duringOutage}) answers.
 */
@Singleton
public class ResponseCache {

    static final String PENDING = ResponseCache.class.getName();
    /** Says whether a response came from the cache ({@code HIT}) or was computed and stored ({@code MISS}). */
    public static final String HEADER = "X-Cache";
    /** The {@link #HEADER} value of an answer served while the database is unreachable. */
    public static final String STALE = "STALE";

    private final Provider<GazetteConfig> config;
    private final ContentVersion versions;
    private final CurrentVertxRequest current;
    private final DatabaseAvailability database;
    private final EdgePurger edge;
    private final Counter hits;
    private final Counter stale;
    private final Counter misses;
    private final Counter joined;
    private final ConcurrentHashMap<String, CompletableFuture<Entry>> computing = new ConcurrentHashMap<>();
    private volatile Cache<String, Entry> cache;
    private volatile GazetteConfig.Http.ResponseCache settings;
    private volatile List<String> keyHeaders;

    @Inject
    public ResponseCache(Provider<GazetteConfig> config, ContentVersion versions, CurrentVertxRequest current,
                         DatabaseAvailability database, EdgePurger edge, MeterRegistry metrics) {
        this.config = config;
        this.versions = versions;
        this.current = current;
        this.database = database;
        this.edge = edge;
        this.stale = Counter.builder("gazette.response.cache").tag("result", "stale").register(metrics);
        this.hits = Counter.builder("gazette.response.cache").tag("result", "hit").register(metrics);
        this.misses = Counter.builder("gazette.response.cache").tag("result", "miss").register(metrics);
        this.joined = Counter.builder("gazette.response.cache").tag("result", "joined").register(metrics);
    }

    /**
     * A stored answer: valid while none of its key slots moved past {@code since}; with its ETag and
     * Last-Modified header values written once.
     */
    private record Entry(long since, int[] slots, HttpCaching.Rendered rendered, String etag, String lastModified) {

        Entry(long since, int[] slots, HttpCaching.Rendered rendered) {
            this(since, slots, rendered, rendered.etag().toString(),
                    rendered.lastModified() == null ? null : HttpCaching.httpDate(rendered.lastModified()));
        }
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

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::serveFromMemory);
    }

    /**
     * Ahead of JAX-RS (on the I/O thread): answers an anonymous GET from memory (200 or 304) when a
     * current entry exists; otherwise marks it looked up, so that what the resource renders is kept.
     */
    void serveFromMemory(RoutingContext routing) {
        HttpServerRequest http = routing.request();
        if (http.method() != io.vertx.core.http.HttpMethod.GET
                || http.getHeader(HttpHeaders.AUTHORIZATION) != null || http.getHeader(HttpCaching.PASSWORD_HEADER) != null
                || http.getHeader(HttpCaching.ID_TOKEN_HEADER) != null
                || http.getHeader(HttpHeaders.IF_MATCH) != null || http.getHeader(HttpHeaders.IF_UNMODIFIED_SINCE) != null
                || isStream(http.path())) {
            routing.next();
            return;
        }
        String key = key(http);
        long since = versions.current();
        if (!enabled()) {
            // nothing is kept in memory, but the answer still names its keys for the caches in front
            routing.put(PENDING, new Pending(key, since));
            routing.next();
            return;
        }
        Entry entry = cache().getIfPresent(key);
        if (entry != null && database.isDown()) {
            stale.increment();
            send(routing, entry, STALE);
            return;
        }
        if (entry != null && isCurrent(entry)) {
            hits.increment();
            send(routing, entry, "HIT");
            return;
        }
        Pending pending = new Pending(key, since);
        Duration wait = settings().coalesceWait();
        CompletableFuture<Entry> other = null;
        if (!wait.isZero()) {
            CompletableFuture<Entry> mine = new CompletableFuture<>();
            other = computing.putIfAbsent(key, mine);
            if (other == null) {
                pending.leading = mine;
                routing.addEndHandler(done -> finish(pending, null));
            }
        }
        routing.put(PENDING, pending);
        if (other == null) {
            routing.next();
        } else {
            join(routing, other, wait);
        }
    }

    /**
     * Waits (without blocking the I/O thread) for the computation of the same answer by another
     * request: its result is sent as a hit when it is current; when it is not shareable, failed, is
     * already stale or takes longer than {@code wait}, this request computes the answer itself.
     */
    private void join(RoutingContext routing, CompletableFuture<Entry> other, Duration wait) {
        Context context = Vertx.currentContext();
        AtomicBoolean settled = new AtomicBoolean();
        routing.request().pause();
        long timer = routing.vertx().setTimer(wait.toMillis(), t -> {
            if (settled.compareAndSet(false, true)) {
                routing.request().resume();
                routing.next();
            }
        });
        other.whenComplete((entry, failure) -> context.runOnContext(v -> {
            if (!settled.compareAndSet(false, true)) {
                return;
            }
            routing.vertx().cancelTimer(timer);
            routing.request().resume();
            if (entry != null && isCurrent(entry)) {
                joined.increment();
                send(routing, entry, "HIT");
            } else {
                routing.next();
            }
        }));
    }

    /** Writes a stored answer: 200 with its body, or 304 when the client's copy is current. */
    private void send(RoutingContext routing, Entry entry, String xCache) {
        HttpCaching.Rendered r = entry.rendered();
        HttpServerResponse response = routing.response();
        MultiMap headers = response.headers();
        headers.set(HttpHeaders.ETAG, entry.etag())
                .set(HttpHeaders.CACHE_CONTROL, edge.cacheControl(r.cacheControl()))
                .add(HttpHeaders.VARY, HttpCaching.VARY);
        if (entry.lastModified() != null) {
            headers.set(HttpHeaders.LAST_MODIFIED, entry.lastModified());
        }
        if (r.links() != null) {
            headers.set("Link", r.links());
        }
        r.headers().forEach(headers::set);
        headers.set(HEADER, xCache);
        if (HttpCaching.notModified(routing.request(), r)) {
            response.setStatusCode(304).end();
        } else {
            headers.set(HttpHeaders.CONTENT_TYPE, r.mediaType());
            // a fresh wrapper (its own indexes and reference count) around the shared, never-modified array
            response.end(Buffer.buffer(Unpooled.wrappedBuffer(r.body())));
        }
    }

    /**
     * Before matching, for what {@link #serveFromMemory} left to JAX-RS (a GET with {@code If-Match}
     * or {@code If-Unmodified-Since}): the same lookup, answered by JAX-RS' precondition rules.
     */
    @ServerRequestFilter(preMatching = true)
    public Response lookup(ContainerRequestContext request, RoutingContext routing) {
        if (!HttpMethod.GET.equals(request.getMethod()) || routing.get(PENDING) != null || !enabled() || isStream(routing.request().path())) {
            return null;
        }
        HttpServerRequest http = routing.request();
        if (http.getHeader(HttpHeaders.AUTHORIZATION) != null || http.getHeader(HttpCaching.PASSWORD_HEADER) != null
                || http.getHeader(HttpCaching.ID_TOKEN_HEADER) != null) {
            return null;
        }
        String key = key(http);
        long since = versions.current();
        Entry entry = cache().getIfPresent(key);
        if (entry != null && isCurrent(entry)) {
            hits.increment();
            return HttpCaching.respond(request.getRequest(), null, entry.rendered(), "HIT", edge.cacheControl(entry.rendered().cacheControl()));
        }
        routing.put(PENDING, new Pending(key, since));
        return null;
    }

    /**
     * While the database is unreachable, before a resource runs: a stored answer for a GET that reached
     * JAX-RS (one with {@code If-Match}), else the 503 every request that needs the database would get
     * after waiting for a connection, at once.
     */
    @ServerRequestFilter(priority = jakarta.ws.rs.Priorities.AUTHENTICATION - 100)
    public Response duringOutage(ContainerRequestContext request, RoutingContext routing) {
        if (!database.isDown()) {
            return null;
        }
        Response answer = staleAnswer(request.getRequest(), routing);
        return answer != null ? answer
                : ProblemMapper.toResponse(ApiException.databaseUnavailable(database.retryAfter().toSeconds()), routing.request().path());
    }

    /**
     * The stored answer of the current request, current or not, marked {@link #STALE}: for a GET that
     * failed because the database could not be reached. Null when nothing is stored for it.
     */
    public Response staleAnswer(jakarta.ws.rs.core.Request request, RoutingContext routing) {
        Pending pending = routing == null ? null : routing.get(PENDING);
        if (pending == null || !enabled()) {
            return null;
        }
        Entry entry = cache().getIfPresent(pending.key);
        if (entry == null) {
            return null;
        }
        stale.increment();
        return HttpCaching.respond(request, routing.request(), entry.rendered(), STALE, edge.cacheControl(entry.rendered().cacheControl()));
    }

    /** An event stream (a post's live comments): never an answer to keep, nor one to wait for. */
    private static boolean isStream(String path) {
        return path != null && path.endsWith("/comments/stream");
    }

    /** The cache key of a request: whether it names a visitor, what it accepts, and its URI. */
    private static String key(HttpServerRequest http) {
        String accept = http.getHeader(HttpHeaders.ACCEPT);
        return (http.getHeader(HttpCaching.VISITOR_HEADER) == null ? "- " : "v ") + (accept == null ? "" : accept) + " " + http.uri();
    }

    /** What the resource's answer becomes: with the headers naming its keys, and the {@link #HEADER} value (or null). */
    record Offered(HttpCaching.Rendered rendered, String xCache) {
    }

    /**
     * The resource rendered {@code r} for the current request: when it is public and the request was
     * looked up, it gains the headers naming its keys (for the caches in front) and is kept.
     */
    Offered offer(HttpCaching.Rendered r) {
        RoutingContext routing = current.getCurrent();
        Pending pending = routing == null ? null : routing.get(PENDING);
        if (pending == null || !r.shared()) {
            return new Offered(r, null);
        }
        Set<String> keys = pending.keys.isEmpty() ? Set.of(ContentKeys.ANY) : pending.keys;
        HttpCaching.Rendered withKeys = withKeyHeaders(r, keys);
        if (!enabled()) {
            return new Offered(withKeys, null);
        }
        misses.increment();
        Entry computed = new Entry(pending.since, keys.stream().mapToInt(ContentVersion::slot).distinct().toArray(), withKeys);
        cache().asMap().merge(pending.key, computed, (old, fresh) -> fresh.since() >= old.since() ? fresh : old);
        finish(pending, computed);
        return new Offered(withKeys, "MISS");
    }

    /**
     * The answer with its keys in the headers shared caches read ({@code gazette.http.edge.key-headers}):
     * space-separated, except {@code Cache-Tag} (comma-separated).
     */
    private HttpCaching.Rendered withKeyHeaders(HttpCaching.Rendered r, Set<String> keys) {
        List<String> names = keyHeaders();
        if (names.isEmpty()) {
            return r;
        }
        String spaced = String.join(" ", keys);
        String commas = String.join(",", keys);
        Map<String, String> headers = new LinkedHashMap<>(r.headers());
        for (String name : names) {
            headers.put(name, name.equalsIgnoreCase("Cache-Tag") ? commas : spaced);
        }
        return new HttpCaching.Rendered(r.body(), r.mediaType(), r.etag(), r.lastModified(), r.etagOnly(), r.cacheControl(),
                r.links(), Map.copyOf(headers), r.shared());
    }

    private List<String> keyHeaders() {
        List<String> names = keyHeaders;
        if (names == null) {
            names = config.get().http().edge().keyHeaders().stream().map(String::trim).filter(n -> !n.isEmpty()).toList();
            keyHeaders = names;
        }
        return names;
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
        return settings().enabled();
    }

    /** The cache's settings, read once (a {@link Provider#get()} per request allocated as much as the rest of a hit). */
    private GazetteConfig.Http.ResponseCache settings() {
        GazetteConfig.Http.ResponseCache s = settings;
        if (s == null) {
            s = config.get().http().cache();
            settings = s;
        }
        return s;
    }

    private Cache<String, Entry> cache() {
        Cache<String, Entry> c = cache;
        if (c == null) {
            synchronized (this) {
                if (cache == null) {
                    cache = Caffeine.newBuilder()
                            .maximumWeight(settings().maxSize().asLongValue())
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
