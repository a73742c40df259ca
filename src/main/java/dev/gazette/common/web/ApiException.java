package dev.gazette.common.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A failure the client can act on. Thrown by services and resources, turned into
 * {@code application/problem+json} by {@link ProblemMapper}.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<FieldError> errors;
    private Long retryAfterSeconds;
    private final Map<String, String> headers = new LinkedHashMap<>();

    /** The challenge every 401 carries (RFC 9110 section 11.6.1, RFC 6750). */
    public static final String BEARER_CHALLENGE = "Bearer realm=\"gazette\"";

    public ApiException(int status, String type, String title, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors;
    }

    public static ApiException notFound(String what, Object key) {
        return new ApiException(404, "not-found", "Not found", what + " '" + key + "' does not exist.", null);
    }

    public static ApiException badRequest(String field, String message) {
        return new ApiException(400, "bad-request", "Bad request", field + ": " + message,
                List.of(new FieldError(field, message)));
    }

    public static ApiException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static ApiException invalid(List<FieldError> errors) {
        return new ApiException(422, "validation", "Validation failed",
                "The request has " + errors.size() + " invalid field" + (errors.size() == 1 ? "" : "s") + ".", errors);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(409, "conflict", "Conflict", detail, null);
    }

    public static ApiException unauthorized(String detail) {
        return new ApiException(401, "unauthorized", "Unauthorized", detail, null)
                .header("WWW-Authenticate", BEARER_CHALLENGE);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(403, "forbidden", "Forbidden", detail, null);
    }

    public static ApiException preconditionFailed(String detail) {
        return new ApiException(412, "precondition-failed", "Precondition failed", detail, null);
    }

    public static ApiException gone(String detail) {
        return new ApiException(410, "gone", "Gone", detail, null);
    }

    public static ApiException payloadTooLarge(String detail) {
        return new ApiException(413, "payload-too-large", "Payload too large", detail, null);
    }

    /** 429: too many requests; the client may retry after this many seconds. */
    public static ApiException tooManyRequests(String detail, long retryAfterSeconds) {
        ApiException e = new ApiException(429, "too-many-requests", "Too many requests", detail, null);
        e.retryAfterSeconds = Math.max(1, retryAfterSeconds);
        return e;
    }

    /** 503: the database cannot be reached; the client may retry after this many seconds. */
    public static ApiException databaseUnavailable(long retryAfterSeconds) {
        ApiException e = new ApiException(503, "database-unavailable", "Service unavailable",
                "The database cannot be reached right now, so the request was not carried out (a write is not applied). "
                        + "Retry in " + Math.max(1, retryAfterSeconds) + " seconds.", null);
        e.retryAfterSeconds = Math.max(1, retryAfterSeconds);
        return e;
    }

    /** A header the error response carries besides the problem body. */
    public ApiException header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    public Problem toProblem(String instance) {
        return new Problem(Problem.TYPE_BASE + type, title, status, getMessage(), instance, errors);
    }
}
