package dev.gazette.reader;

import dev.gazette.comment.identity.IdentityConfig;
import dev.gazette.comment.identity.ProviderDiscovery;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Serves the reader site: one page ({@code index.html}) at {@code gazette.reader.path} and its scripts and
 * styles under {@code <path>reader/}, read once from the classpath ({@code src/main/resources/reader}). The page
 * itself only calls the public API (`/api/v1`, the feeds, the live comment stream), as any front-end would.
 * Only those exact paths are answered here, ahead of JAX-RS; every other path goes on to the routes it always
 * went to ({@code /api}, {@code /q/swagger-ui}, {@code /wp-json}, {@code /media}, ...). Files are revalidated
 * on every use ({@code no-cache} with a strong ETag), and a Content-Security-Policy keeps the page's code, styles
 * and calls on this origin (and the sign-in providers'), while content may show images and media from https hosts.
 */
@ApplicationScoped
public class ReaderSite {

    private static final Pattern FILE = Pattern.compile("[a-z0-9-]+\\.(js|css|svg)");
    private static final Map<String, String> TYPES = Map.of("js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8", "svg", "image/svg+xml", "html", "text/html; charset=utf-8");
    /**
     * The page's own code, styles and calls come from this origin only; the calls may also go to the sign-in
     * providers (the token endpoint: {@code %s}). Images, audio and video inside content may come from any https
     * host: imported posts keep their images where the old site hosted them, and posts embed them from elsewhere.
     */
    static final String POLICY = "default-src 'self'; img-src 'self' data: https:; media-src 'self' https:; style-src 'self';"
            + " script-src 'self'; connect-src 'self'%s; frame-src 'none'; object-src 'none'; base-uri 'none'; form-action 'self';"
            + " frame-ancestors 'self'";

    private record File(byte[] bytes, String type, String etag) {
    }

    private final Map<String, File> files = new ConcurrentHashMap<>();

    @Inject
    IdentityConfig identity;

    @Inject
    ProviderDiscovery discovery;

    @Inject
    Vertx vertx;

    /** Issuers whose discovery document is being read in the background. */
    private final Set<String> reading = ConcurrentHashMap.newKeySet();

    void install(@Observes Router router, ReaderConfig config) {
        if (!config.enabled()) {
            return;
        }
        String base = config.path().endsWith("/") ? config.path() : config.path() + "/";
        // before the response cache and JAX-RS: static files need neither
        router.get(base).order(io.quarkus.vertx.http.runtime.RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT - 1)
                .handler(ctx -> send(ctx, "index.html"));
        router.get(base + "reader/:file").order(io.quarkus.vertx.http.runtime.RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT - 1)
                .handler(ctx -> {
                    String name = ctx.pathParam("file");
                    if (name != null && FILE.matcher(name).matches() && file(name) != null) {
                        send(ctx, name);
                    } else {
                        ctx.next();
                    }
                });
    }

    void warm(@Observes StartupEvent started, ReaderConfig config) {
        if (config.enabled()) {
            file("index.html");
        }
    }

    /**
     * The policy, with the origins the sign-in flow posts to: each provider's issuer and, once its discovery
     * document was read (by {@code GET /api/v1/sign-in} or a token check), its token endpoint. A document not read
     * yet is read in the background, for the next page (the page the provider sends the reader back to).
     */
    String policy() {
        Set<String> origins = new LinkedHashSet<>();
        for (IdentityConfig.Provider p : identity.providers().orElse(List.of())) {
            origin(p.issuer()).ifPresent(origins::add);
            var endpoints = discovery.known(p.issuer());
            if (endpoints.isPresent()) {
                origin(endpoints.get().tokenEndpoint()).ifPresent(origins::add);
            } else if (reading.add(p.issuer())) {
                vertx.executeBlocking(() -> discovery.read(p.issuer()), false).onComplete(done -> reading.remove(p.issuer()));
            }
        }
        origins.remove("'self'");
        return String.format(POLICY, origins.stream().map(o -> " " + o).collect(Collectors.joining()));
    }

    private static Optional<String> origin(String url) {
        if (url == null) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(url);
            if (uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                return Optional.empty();
            }
            return Optional.of(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private File file(String name) {
        File known = files.get(name);
        if (known != null) {
            return known;
        }
        try (InputStream in = ReaderSite.class.getClassLoader().getResourceAsStream("reader/" + name)) {
            if (in == null) {
                return null;
            }
            byte[] bytes = in.readAllBytes();
            String ext = name.substring(name.lastIndexOf('.') + 1);
            File f = new File(bytes, TYPES.get(ext), "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16) + "\"");
            files.put(name, f);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void send(RoutingContext ctx, String name) {
        File f = file(name);
        if (f == null) {
            ctx.next();
            return;
        }
        var response = ctx.response();
        response.putHeader(HttpHeaders.CACHE_CONTROL, "no-cache").putHeader(HttpHeaders.ETAG, f.etag())
                .putHeader("X-Content-Type-Options", "nosniff").putHeader("Content-Security-Policy", policy())
                .putHeader("Referrer-Policy", "same-origin");
        String match = ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH);
        if (match != null && match.contains(f.etag())) {
            response.setStatusCode(304).end();
            return;
        }
        response.putHeader(HttpHeaders.CONTENT_TYPE, f.type()).end(Buffer.buffer(f.bytes()));
    }
}
