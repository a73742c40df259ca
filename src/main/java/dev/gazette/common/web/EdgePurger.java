package dev.gazette.common.web;

import dev.gazette.common.GazetteConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Purges what a committed change made wrong from the shared HTTP caches in front of Gazette
 * (Varnish, a CDN): the change's {@link ContentKeys keys}, which public answers carry in their
 * {@code xkey} / {@code Surrogate-Key} / {@code Cache-Tag} headers, go to every
 * {@code gazette.http.edge.purge-urls} endpoint in one request each ({@code PURGE} with
 * {@code xkey-purge: key key ...} for Varnish).
 *
 * <p>The write that made the change waits for its purges (at most {@code purge-timeout}) before it
 * answers, so its writer's very next read through the cache shows it. Keys of counters shown in
 * lists ({@code ...~}) are purged together once per {@code list-counter-lag}, as the in-memory cache
 * recomputes them: a like on one post does not empty every cached list it appears in at once. Only
 * the instance that committed a change purges it (the others hear of it for their own memory only).
 *
 * <p>A purge that fails (refused, an error status, no answer) is retried with its endpoint's other
 * waiting keys, backing off from {@code purge-backoff} to {@code purge-max-backoff}; logged once when
 * an endpoint starts failing and once when it works again, counted in {@code gazette.edge.purges}
 * ({@code result=failed}). While any purge waits for a retry, public answers carry a short
 * {@code s-maxage} ({@code fallback-s-maxage}): what a cache takes meanwhile and cannot be told to
 * drop is kept only briefly ({@link #cacheControl}).
 */
@Singleton
public class EdgePurger {

    private static final Logger LOG = Logger.getLogger(EdgePurger.class);
    private static final Pattern S_MAXAGE = Pattern.compile("s-maxage=\\d+");
    /** Keys per purge request: a header of a few kilobytes, well within what Varnish and CDNs accept. */
    private static final int KEYS_PER_REQUEST = 200;

    private final Provider<GazetteConfig> config;
    private final Counter purged;
    private final Counter failed;
    private volatile List<Endpoint> endpoints;
    private volatile HttpClient client;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gazette-edge-purge");
        t.setDaemon(true);
        return t;
    });
    private final Set<String> lagging = new LinkedHashSet<>();
    private boolean laggingPlanned;
    private volatile String normalCacheControl;
    private volatile String fallbackCacheControl;

    @Inject
    public EdgePurger(Provider<GazetteConfig> config, MeterRegistry metrics) {
        this.config = config;
        this.purged = Counter.builder("gazette.edge.purges").tag("result", "ok")
                .description("Purge requests to shared HTTP caches").register(metrics);
        this.failed = Counter.builder("gazette.edge.purges").tag("result", "failed")
                .description("Purge requests to shared HTTP caches").register(metrics);
    }

    /** One purge endpoint: the keys waiting for a retry, and how long to wait before the next one. */
    private static final class Endpoint {
        final URI uri;
        final Set<String> waiting = new LinkedHashSet<>();
        long backoffMillis;
        boolean retryPlanned;
        boolean failing;

        Endpoint(URI uri) {
            this.uri = uri;
        }
    }

    /** Whether purging is configured at all. */
    public boolean enabled() {
        return !endpoints().isEmpty();
    }

    /**
     * These keys changed by a commit made here: purges them now (waiting for the answers, up to the
     * purge timeout) and the lagging ones with the next batch.
     */
    public void changed(Collection<String> keys) {
        if (!enabled() || keys.isEmpty()) {
            return;
        }
        List<String> now = new ArrayList<>(keys.size());
        long lag = config.get().http().cache().listCounterLag().toMillis();
        synchronized (lagging) {
            for (String key : keys) {
                if (lag > 0 && ContentKeys.lags(key)) {
                    lagging.add(key);
                } else {
                    now.add(key);
                }
            }
            if (!lagging.isEmpty() && !laggingPlanned) {
                laggingPlanned = true;
                retries.schedule(this::purgeLagging, lag, TimeUnit.MILLISECONDS);
            }
        }
        if (!now.isEmpty()) {
            List<CompletableFuture<Void>> sent = new ArrayList<>();
            for (Endpoint endpoint : endpoints()) {
                sent.add(send(endpoint, now));
            }
            try {
                CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
                        .get(config.get().http().edge().purgeTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception slowOrInterrupted) {
                // the retries carry on in the background; the answer does not wait longer
                if (slowOrInterrupted instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private void purgeLagging() {
        List<String> keys;
        synchronized (lagging) {
            keys = new ArrayList<>(lagging);
            lagging.clear();
            laggingPlanned = false;
        }
        for (Endpoint endpoint : endpoints()) {
            send(endpoint, keys);
        }
    }

    /** Sends these keys (with any waiting for a retry) to one endpoint; completes when it answered or failed. */
    private CompletableFuture<Void> send(Endpoint endpoint, Collection<String> keys) {
        List<String> batch;
        synchronized (endpoint) {
            endpoint.waiting.addAll(keys);
            if (endpoint.retryPlanned) {
                return CompletableFuture.completedFuture(null); // the planned retry takes them
            }
            batch = new ArrayList<>(endpoint.waiting);
            endpoint.waiting.clear();
        }
        List<CompletableFuture<Boolean>> requests = new ArrayList<>();
        for (int from = 0; from < batch.size(); from += KEYS_PER_REQUEST) {
            List<String> part = batch.subList(from, Math.min(batch.size(), from + KEYS_PER_REQUEST));
            requests.add(request(endpoint, part));
        }
        return CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new)).thenRun(() -> {
            List<String> failedKeys = new ArrayList<>();
            for (int i = 0; i < requests.size(); i++) {
                if (!requests.get(i).join()) {
                    int from = i * KEYS_PER_REQUEST;
                    failedKeys.addAll(batch.subList(from, Math.min(batch.size(), from + KEYS_PER_REQUEST)));
                }
            }
            settle(endpoint, failedKeys);
        });
    }

    /** One purge request; true when the endpoint accepted it (2xx). */
    private CompletableFuture<Boolean> request(Endpoint endpoint, List<String> keys) {
        GazetteConfig.Http.Edge edge = config.get().http().edge();
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.uri)
                .timeout(edge.purgeTimeout())
                .method(edge.purgeMethod(), HttpRequest.BodyPublishers.noBody())
                .header(edge.purgeKeyHeader(), String.join(" ", keys));
        for (String header : edge.purgeHeaders().orElse(List.of())) {
            int colon = header.indexOf(':');
            if (colon > 0) {
                request.header(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
            }
        }
        return client().sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
                .handle((response, error) -> {
                    boolean ok = error == null && response.statusCode() / 100 == 2;
                    (ok ? purged : failed).increment();
                    if (!ok) {
                        logFailure(endpoint, error != null ? describe(error) : "status " + response.statusCode());
                    }
                    return ok;
                });
    }

    /** After a send: failed keys wait for a retry (with backoff); success ends a failure streak. */
    private void settle(Endpoint endpoint, List<String> failedKeys) {
        GazetteConfig.Http.Edge edge = config.get().http().edge();
        synchronized (endpoint) {
            if (failedKeys.isEmpty()) {
                if (endpoint.failing && endpoint.waiting.isEmpty()) {
                    endpoint.failing = false;
                    endpoint.backoffMillis = 0;
                    LOG.infof("purging at %s works again", endpoint.uri);
                }
                return;
            }
            endpoint.waiting.addAll(failedKeys);
            endpoint.failing = true;
            endpoint.backoffMillis = endpoint.backoffMillis == 0 ? edge.purgeBackoff().toMillis()
                    : Math.min(endpoint.backoffMillis * 2, edge.purgeMaxBackoff().toMillis());
            if (!endpoint.retryPlanned) {
                endpoint.retryPlanned = true;
                retries.schedule(() -> retry(endpoint), endpoint.backoffMillis, TimeUnit.MILLISECONDS);
            }
        }
    }

    private void retry(Endpoint endpoint) {
        synchronized (endpoint) {
            endpoint.retryPlanned = false;
        }
        send(endpoint, List.of());
    }

    private void logFailure(Endpoint endpoint, String why) {
        boolean first;
        synchronized (endpoint) {
            first = !endpoint.failing;
            endpoint.failing = true;
        }
        if (first) {
            LOG.warnf("purging at %s failed (%s); retrying with backoff, and public answers carry s-maxage=%d until it works",
                    endpoint.uri, why, config.get().http().edge().fallbackSMaxage().toSeconds());
        }
    }

    /** Whether some purge waits for a retry. */
    public boolean failing() {
        for (Endpoint endpoint : endpoints()) {
            if (endpoint.failing) {
                return true;
            }
        }
        return false;
    }

    /**
     * The Cache-Control a public answer is sent with: as rendered, or, while purges fail, with the
     * fallback {@code s-maxage}.
     */
    public String cacheControl(String rendered) {
        if (rendered == null || !failing() || !rendered.startsWith("public")) {
            return rendered;
        }
        if (rendered.equals(normalCacheControl)) {
            return fallbackCacheControl;
        }
        String fallback = withFallback(rendered);
        normalCacheControl = rendered;
        fallbackCacheControl = fallback;
        return fallback;
    }

    private String withFallback(String cacheControl) {
        String sMaxage = "s-maxage=" + config.get().http().edge().fallbackSMaxage().toSeconds();
        Matcher m = S_MAXAGE.matcher(cacheControl);
        return m.find() ? m.replaceFirst(sMaxage) : cacheControl + ", " + sMaxage;
    }

    private List<Endpoint> endpoints() {
        List<Endpoint> e = endpoints;
        if (e == null) {
            synchronized (this) {
                if (endpoints == null) {
                    endpoints = config.get().http().edge().purgeUrls().orElse(List.of()).stream()
                            .filter(u -> !u.isBlank()).map(u -> new Endpoint(URI.create(u.trim()))).toList();
                }
                e = endpoints;
            }
        }
        return e;
    }

    private HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    client = HttpClient.newBuilder().connectTimeout(config.get().http().edge().purgeTimeout()).build();
                }
                c = client;
            }
        }
        return c;
    }

    private static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    void stop(@Observes ShutdownEvent event) {
        retries.shutdownNow();
    }
}
