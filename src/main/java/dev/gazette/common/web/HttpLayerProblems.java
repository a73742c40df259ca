package dev.gazette.common.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gazette.common.GazetteConfig;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.common.util.DateUtil;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Problems for the requests that never reach JAX-RS, so that {@link ProblemMapper} cannot
 * answer them: the HTTP layer (Vert.x Web) fails them itself, and by default answers with an
 * empty body. Three hooks on the application router:
 * <ul>
 *   <li>a <em>failure handler</em> ahead of every route, which Vert.x runs for a failure of any
 *       route before Quarkus' own error page: a body over the HTTP layer's cap (413), an
 *       exception outside a resource (500, logged, never shown);</li>
 *   <li>the router's <em>error handlers</em> (one per status), for what fails while routes are
 *       matched, before any route runs (a path Vert.x cannot %-decode: 400);</li>
 *   <li>a <em>check of the request head</em>, as the first route: the URI's syntax (400, the
 *       check Quarkus would make before routing, see {@link UriCheckSwitch}), and the lengths
 *       of the request line and headers (414, 431); an {@code If-Modified-Since} or
 *       {@code If-Unmodified-Since} that is not a date is dropped, as RFC 9110 says (JAX-RS
 *       would fail on it). The HTTP codec answers over-long request lines and headers
 *       itself, below the router and without any hook, so its limits
 *       ({@code quarkus.http.limits.max-initial-line-length}, {@code max-header-size}) are set
 *       well above Gazette's ({@code gazette.http.max-uri-length}, {@code max-header-size}), and
 *       this check answers first, with a problem.</li>
 *   <li>an {@code Origin} outside {@code quarkus.http.cors.origins} (and not this server's own):
 *       403, as Quarkus' CORS filter would answer it, but with a problem instead of an empty body.</li>
 * </ul>
 */
@ApplicationScoped
public class HttpLayerProblems {

    private static final Logger LOG = Logger.getLogger(HttpLayerProblems.class);

    private static final List<String> CONDITIONAL_DATES = List.of("If-Modified-Since", "If-Unmodified-Since");

    @Inject
    GazetteConfig config;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "quarkus.http.cors.origins")
    Optional<List<String>> corsOrigins;

    private volatile List<Pattern> allowedOrigins;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::checkRequestHead);
        router.route().order(Integer.MIN_VALUE).failureHandler(ctx -> {
            if (ctx.response().headWritten()) {
                ctx.next(); // too late for a problem; Quarkus closes what it can
            } else {
                failed(ctx, statusOf(ctx));
            }
        });
        // what fails while routes are matched (a path or query that cannot be %-decoded is an
        // IllegalArgumentException there: 400) goes to the router's error handler for its status
        for (int status = 400; status < 600; status++) {
            int code = status;
            router.errorHandler(code, ctx -> failed(ctx, code));
        }
    }

    private static int statusOf(RoutingContext ctx) {
        int status = ctx.failure() instanceof HttpException http ? http.getStatusCode() : ctx.statusCode();
        return status < 400 || status > 599 ? 500 : status;
    }

    void checkRequestHead(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        long maxUri = config.http().maxUriLength().asLongValue();
        if (request.uri().length() > maxUri) {
            answer(ctx, new Problem(Problem.TYPE_BASE + "uri-too-long", "URI too long", 414,
                    "The request URI is longer than the limit of " + maxUri + " characters.", null, null));
            return;
        }
        try {
            new URI(request.uri()); // the check Quarkus makes before routing (see UriCheckSwitch)
        } catch (URISyntaxException e) {
            answer(ctx, new Problem(Problem.TYPE_BASE + "bad-request", "Bad request", 400,
                    "The request URI is malformed (" + e.getReason().toLowerCase(Locale.ROOT) + " at index " + e.getIndex()
                            + "): %-escape reserved and non-ASCII characters, and follow each % by two hex digits.",
                    null, null));
            return;
        }
        long maxHeaders = config.http().maxHeaderSize().asLongValue();
        long size = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            size += header.getKey().length() + header.getValue().length() + 4; // "name: value\r\n"
        }
        if (size > maxHeaders) {
            answer(ctx, new Problem(Problem.TYPE_BASE + "request-header-fields-too-large", "Request header fields too large", 431,
                    "The request headers are larger than the limit of " + maxHeaders + " bytes.", request.path(), null));
            return;
        }
        String origin = request.getHeader("Origin");
        if (origin != null && !originAllowed(origin, request)) {
            answer(ctx, new Problem(Problem.TYPE_BASE + "forbidden", "Forbidden", 403, "Cross-origin requests from '"
                    + origin + "' are not allowed (GAZETTE_CORS_ORIGINS lists the allowed origins).", request.path(), null));
            return;
        }
        for (String name : CONDITIONAL_DATES) {
            String value = request.getHeader(name);
            if (value != null && !isHttpDate(value)) {
                request.headers().remove(name); // RFC 9110 section 13.1.3: an invalid date is ignored, not an error
            }
        }
        ctx.next();
    }

    /** The rule of Quarkus' CORS filter: a listed origin (or a /regex/), or the server's own. */
    private boolean originAllowed(String origin, HttpServerRequest request) {
        List<Pattern> allowed = allowedOrigins;
        if (allowed == null) {
            allowed = corsOrigins.orElse(List.of()).stream().map(String::trim).filter(o -> !o.isEmpty())
                    .map(o -> o.length() > 2 && o.startsWith("/") && o.endsWith("/")
                            ? Pattern.compile(o.substring(1, o.length() - 1)) : Pattern.compile(Pattern.quote(o)))
                    .toList();
            allowedOrigins = allowed;
        }
        if (allowed.stream().anyMatch(p -> p.pattern().equals(Pattern.quote("*")) || p.matcher(origin).matches())) {
            return true;
        }
        String own = request.scheme() + "://" + request.getHeader("Host");
        return origin.equalsIgnoreCase(own);
    }

    private static boolean isHttpDate(String value) {
        try {
            DateUtil.parseDate(value); // the parser JAX-RS evaluates preconditions with
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    void failed(RoutingContext ctx, int status) {
        if (ctx.response().headWritten()) {
            return;
        }
        Throwable failure = ctx.failure();
        String path = ctx.request().path();
        if (status >= 500) {
            LOG.errorf(failure, "Unexpected error on %s %s", ctx.request().method(), path);
        } else {
            LOG.debugf(failure, "Request refused by the HTTP layer with %d: %s %s", status, ctx.request().method(), path);
        }
        answer(ctx, problem(status, path));
    }

    private static Problem problem(int status, String path) {
        return switch (status) {
            case 400 -> new Problem(Problem.TYPE_BASE + "bad-request", "Bad request", 400,
                    "The request could not be read: check the URI's %-escapes (a % must be followed by two hex digits "
                            + "of UTF-8) and the headers.", path, null);
            case 413 -> new Problem(Problem.TYPE_BASE + "payload-too-large", "Payload too large", 413,
                    "The request body is larger than the limit.", path, null);
            case 500 -> new Problem(Problem.TYPE_BASE + "internal", "Internal error", 500,
                    "The server could not complete the request. It has been logged.", path, null);
            default -> {
                String title = ProblemMapper.titleFor(status);
                yield new Problem(Problem.TYPE_BASE + title.toLowerCase().replaceAll("[^a-z0-9]+", "-"), title, status,
                        title + ".", path, null);
            }
        };
    }


    private void answer(RoutingContext ctx, Problem problem) {
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        ctx.response().setStatusCode(problem.status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Cache-Control", "no-store")
                .end(body);
    }
}
