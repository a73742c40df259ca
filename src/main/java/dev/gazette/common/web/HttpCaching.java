package dev.gazette.common.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gazette.common.GazetteConfig;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * Turns a {@link Representation} into a 200 with a strong ETag, Last-Modified and
 * Cache-Control, or into a 304 when the client's copy is current.
 *
 * <p>The ETag is a digest of the exact bytes sent, so anything that changes the body
 * (an edited tag name under {@code include=tags}, a new comment count) changes it. Versioned
 * resources prefix the digest with their version ({@code "7.Qx3..."}): {@code If-Match} on a
 * write compares only that version, so a new comment does not invalidate an editor's copy.
 *
 * <p>Lists honour {@code If-None-Match} only: a deletion does not move any remaining item's
 * modification time, so {@code If-Modified-Since} cannot be answered exactly for a list.
 */
@ApplicationScoped
public class HttpCaching {

    /** Header of the anonymous visitor whose likes a response may show (then it is personal). */
    public static final String VISITOR_HEADER = "X-Visitor-Id";
    /**
     * Header of a protected post's password (the post feature's {@code PostPassword.HEADER}): an answer
     * to a request carrying it is personal, and the response cache neither serves nor keeps one.
     */
    public static final String PASSWORD_HEADER = "X-Post-Password";
    /**
     * Header of a signed-in commenter's ID token (the comment feature's sign-in): an answer to a request
     * carrying it may show that commenter's likes; the response cache neither serves nor keeps one.
     */
    public static final String ID_TOKEN_HEADER = "X-Id-Token";
    /** What every cacheable answer varies by, besides its URI and Accept. */
    static final String VARY = "Authorization, " + VISITOR_HEADER + ", " + PASSWORD_HEADER + ", " + ID_TOKEN_HEADER;
    /** HTTP's date format (IMF-fixdate, RFC 9110 section 5.6.7). */
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);

    private final ObjectMapper mapper;
    private final GazetteConfig config;
    private final ResponseCache cache;
    private final CurrentVertxRequest current;
    private final EdgePurger edge;

    public HttpCaching(ObjectMapper mapper, GazetteConfig config, ResponseCache cache, CurrentVertxRequest current, EdgePurger edge) {
        this.mapper = mapper;
        this.config = config;
        this.cache = cache;
        this.current = current;
        this.edge = edge;
    }

    /**
     * 200 with the representation (or 304), kept by the {@link ResponseCache} when it is public. An
     * answer to a request that carries a token is personal whatever it shows (a feed, the change
     * feed): {@code private, no-cache}, never {@code public}, so no shared cache keeps a token's view. So is
     * one to a request carrying a post password: what it shows may depend on the password.
     */
    public Response ok(Request request, Representation r) {
        if (sentWithToken()) {
            r.personal(true);
        }
        RoutingContext routing = current.getCurrent();
        if (routing != null && (routing.request().getHeader(PASSWORD_HEADER) != null
                || routing.request().getHeader(ID_TOKEN_HEADER) != null)) {
            r.personal(true);
        }
        ResponseCache.Offered offered = cache.offer(render(r));
        Rendered rendered = offered.rendered();
        return respond(request, routing == null ? null : routing.request(), rendered, offered.xCache(), edge.cacheControl(rendered.cacheControl()));
    }

    /**
     * The answer to a write that returns what it wrote ({@code builder}: 200, or 201 with its
     * Location): the bytes a following GET of the resource returns, with that GET's ETag, so the
     * client can send it back as {@code If-Match} (or {@code If-None-Match}) as it is. Never
     * offered to the response cache: the write's own cache keys drop the old answers.
     */
    public Response written(Response.ResponseBuilder builder, Representation r) {
        Rendered rendered = render(r);
        return builder.entity(rendered.body()).type(rendered.mediaType()).tag(rendered.etag()).build();
    }

    private boolean sentWithToken() {
        RoutingContext routing = current.getCurrent();
        return routing != null && routing.request().getHeader(HttpHeaders.AUTHORIZATION) != null;
    }

    /** Serializes a representation once, with everything its responses need: a cacheable value. */
    public Rendered render(Representation r) {
        byte[] bytes = r.raw != null ? r.raw : serialize(r);
        EntityTag etag = new EntityTag((r.version == null ? "" : r.version + ".") + digest(bytes));
        Instant lastModified = r.lastModified == null ? null : r.lastModified.truncatedTo(ChronoUnit.SECONDS);
        String cacheControl = r.personal ? "private, no-cache" : r.cacheControl != null ? r.cacheControl : config.http().cacheControl();
        return new Rendered(bytes, r.mediaType, etag, lastModified, r.etagOnly, cacheControl,
                r.links.isEmpty() ? null : String.join(", ", r.links), Map.copyOf(r.headers), !r.personal);
    }

    /**
     * 200 with the body, or 304 when the client's copy is current; {@code xCache} is the X-Cache header,
     * if any. A GET without {@code If-Match} or {@code If-Unmodified-Since} ({@code http}) is judged as a
     * hit is ({@link #notModified}), so a computed answer and a stored one agree: JAX-RS compares
     * {@code If-None-Match} strongly, where HTTP wants the weak comparison (a CDN that compressed the
     * body sends {@code W/"..."} back). {@code cacheControl} is the answer's Cache-Control now
     * ({@link EdgePurger#cacheControl}).
     */
    static Response respond(Request request, HttpServerRequest http, Rendered r, String xCache, String cacheControl) {
        Response.ResponseBuilder notModified;
        if (http != null && http.getHeader(HttpHeaders.IF_MATCH) == null && http.getHeader(HttpHeaders.IF_UNMODIFIED_SINCE) == null) {
            notModified = notModified(http, r) ? Response.notModified() : null;
        } else if (r.etagOnly() || r.lastModified() == null) {
            notModified = request.evaluatePreconditions(r.etag());
        } else {
            notModified = request.evaluatePreconditions(Date.from(r.lastModified()), r.etag());
        }
        Response.ResponseBuilder builder = notModified != null
                ? notModified
                : Response.ok(xCache != null ? new CachedBody(r.body()) : r.body(), r.mediaType());
        builder.tag(r.etag())
                .header(HttpHeaders.CACHE_CONTROL, cacheControl)
                .header(HttpHeaders.VARY, VARY);
        if (r.lastModified() != null) {
            builder.lastModified(Date.from(r.lastModified()));
        }
        if (r.links() != null) {
            builder.header("Link", r.links());
        }
        r.headers().forEach(builder::header);
        if (xCache != null) {
            builder.header(ResponseCache.HEADER, xCache);
        }
        return builder.build();
    }

    /**
     * Whether a GET's {@code If-None-Match} (any tag, weak comparison, or {@code *}) or, without it, its
     * {@code If-Modified-Since} says the client's copy of {@code r} is current: JAX-RS'
     * {@code evaluatePreconditions} for a GET without {@code If-Match} or {@code If-Unmodified-Since}.
     * An unreadable date is ignored (RFC 9110 section 13.1.3).
     */
    static boolean notModified(HttpServerRequest request, Rendered r) {
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null) {
            String mine = r.etag().getValue();
            for (String tag : ifNoneMatch.split(",")) {
                String t = tag.trim();
                if (t.equals("*")) {
                    return true;
                }
                if (t.startsWith("W/")) {
                    t = t.substring(2);
                }
                if (t.length() >= 2 && t.charAt(0) == '"' && t.charAt(t.length() - 1) == '"') {
                    t = t.substring(1, t.length() - 1);
                }
                if (t.equals(mine)) {
                    return true;
                }
            }
            return false;
        }
        String ifModifiedSince = request.getHeader(HttpHeaders.IF_MODIFIED_SINCE);
        if (ifModifiedSince == null || r.etagOnly() || r.lastModified() == null) {
            return false;
        }
        try {
            Instant since = ZonedDateTime.parse(ifModifiedSince.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return !r.lastModified().isAfter(since);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** An instant as an HTTP date. */
    static String httpDate(Instant instant) {
        return HTTP_DATE.format(instant);
    }

    /** A serialized representation and its caching headers; {@code shared} when it is the same for everyone. */
    public record Rendered(byte[] body, String mediaType, EntityTag etag, Instant lastModified, boolean etagOnly,
                           String cacheControl, String links, Map<String, String> headers, boolean shared) {
    }

    /** Cache-Control of private answers (tokens, webhooks, imports): never stored by anyone. */
    public static jakarta.ws.rs.core.CacheControl noStore() {
        jakarta.ws.rs.core.CacheControl noStore = new jakarta.ws.rs.core.CacheControl();
        noStore.setNoStore(true);
        return noStore;
    }

    /**
     * The version an {@code If-Match} header refers to: empty when the header is absent or
     * {@code *}; otherwise the version part of the ETag we issued.
     *
     * @throws ApiException 412 when the header is not an ETag Gazette issued
     */
    public static OptionalLong versionOf(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return OptionalLong.empty();
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            throw ApiException.preconditionFailed("If-Match needs a strong ETag; weak ETags never match.");
        }
        tag = tag.replace("\"", "");
        int dot = tag.indexOf('.');
        try {
            return OptionalLong.of(Long.parseLong(dot < 0 ? tag : tag.substring(0, dot)));
        } catch (NumberFormatException e) {
            throw ApiException.preconditionFailed("If-Match '" + ifMatch + "' is not an ETag of this resource.");
        }
    }

    /**
     * Checks an {@code If-Match} header against the resource's current version.
     *
     * @throws ApiException 412 when the header names another version
     */
    public static void checkIfMatch(String ifMatch, long currentVersion, String what) {
        OptionalLong expected = versionOf(ifMatch);
        if (expected.isPresent() && expected.getAsLong() != currentVersion) {
            throw ApiException.preconditionFailed("The " + what + " has changed since version " + expected.getAsLong()
                    + " (now " + currentVersion + "); fetch it again and reapply your change.");
        }
    }

    private byte[] serialize(Representation r) {
        try {
            if (r.fields.isAll()) {
                return mapper.writeValueAsBytes(r.body);
            }
            JsonNode tree = mapper.valueToTree(r.body);
            if (r.list) {
                tree.path("items").forEach(r.fields::apply);
            } else {
                r.fields.apply(tree);
            }
            return mapper.writeValueAsBytes(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Response could not be serialized", e);
        }
    }

    /**
     * The ETag's digest of a body: its CRC-32C and CRC-32 (two different polynomials, together a
     * 64-bit check) and its length, in 16 base64url characters. An ETag only has to tell the versions
     * of one answer apart, which needs no cryptographic hash; both checksums run in the CPU's own
     * instructions (~0.1 ms for a 2.5 MB comment tree, against 3 to 5 ms for SHA-256 or MurmurHash3).
     */
    static String digest(byte[] bytes) {
        CRC32C castagnoli = new CRC32C();
        castagnoli.update(bytes);
        CRC32 ieee = new CRC32();
        ieee.update(bytes);
        byte[] raw = ByteBuffer.allocate(12).putInt((int) castagnoli.getValue()).putInt((int) ieee.getValue())
                .putInt(bytes.length).array();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }
}
