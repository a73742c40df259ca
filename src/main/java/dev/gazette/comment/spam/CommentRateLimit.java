package dev.gazette.comment.spam;

import dev.gazette.comment.identity.IdTokenVerifier;
import dev.gazette.common.GazetteConfig;
import dev.gazette.common.web.ApiException;
import dev.gazette.common.web.ProblemMapper;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A token bucket per client IP (Bucket4j) over all anonymous comment writes: posting, editing
 * and deleting comments, and likes; per identity for signed-in commenters ({@code X-Id-Token}). Over the limit: 429 with Retry-After. Requests with a token
 * are not limited here (an invalid token is refused with 401 anyway). Behind a proxy, set
 * {@code quarkus.http.proxy.proxy-address-forwarding=true} so the client's address is used.
 */
@Singleton
public class CommentRateLimit {

    private static final Pattern COMMENT_WRITE = Pattern.compile(
            "/api/v1/(posts/[^/]+/(comments|like)|comments/[0-9]+(/like)?)/?|/wp-json/wp/v2/comments/?");

    @Inject
    Provider<GazetteConfig> config;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    @ServerRequestFilter(preMatching = true)
    public Response limit(ContainerRequestContext request, HttpServerRequest http) {
        String method = request.getMethod();
        if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
            return null; // reads are never limited: decided before anything else is looked up
        }
        GazetteConfig.RateLimit limit = config.get().comments().spam().rateLimit();
        if (!limit.enabled() || request.getHeaderString("Authorization") != null
                || !COMMENT_WRITE.matcher(request.getUriInfo().getPath()).matches()) {
            return null;
        }
        // a signed-in commenter has a bucket of their own wherever they write from (a bad token is refused later)
        String key = IdTokenVerifier.unverifiedIdentity(request.getHeaderString(IdTokenVerifier.HEADER))
                .orElseGet(() -> http.remoteAddress() == null ? "unknown" : http.remoteAddress().host());
        ConsumptionProbe probe = buckets.computeIfAbsent(key, k -> Bucket.builder()
                        .addLimit(l -> l.capacity(limit.capacity()).refillGreedy(limit.refillTokens(), limit.refillPeriod()))
                        .build())
                .tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return null;
        }
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        ApiException e = ApiException.tooManyRequests("Too many comment writes from your " + (key.startsWith("id ") ? "account" : "address")
                + "; retry in "
                + seconds + " s.", seconds);
        return ProblemMapper.toResponse(e, request.getUriInfo().getRequestUri().getRawPath());
    }

    /** Full buckets carry no state worth keeping: forget them so the map stays small. */
    @Scheduled(every = "5m")
    void forgetIdleClients() {
        long capacity = config.get().comments().spam().rateLimit().capacity();
        buckets.values().removeIf(b -> b.getAvailableTokens() >= capacity);
    }
}
