package dev.gazette.common.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.gazette.common.persistence.DatabaseAvailability;
import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.StaleObjectStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one place where failures become HTTP responses: every error leaves Gazette as
 * {@code application/problem+json}, without Java class names or stack traces.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response api(ApiException e, UriInfo uri) {
        return toResponse(e, path(uri));
    }

    /** The problem response for a failure, also for filters that answer before a resource runs. */
    public static Response toResponse(ApiException e, String path) {
        Response.ResponseBuilder builder = Response.status(e.status()).type(Problem.MEDIA_TYPE).entity(e.toProblem(path));
        e.headers().forEach(builder::header);
        if (e.retryAfterSeconds() != null) {
            builder.header("Retry-After", e.retryAfterSeconds());
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = new ArrayList<>();
        boolean body = false;
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            ViolationPath p = ViolationPath.of(v.getPropertyPath());
            body |= p.inBody();
            errors.add(new FieldError(p.field(), v.getMessage()));
        }
        errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
        ApiException problem = body ? ApiException.invalid(errors)
                : new ApiException(400, "bad-request", "Bad request",
                "Invalid parameter: " + errors.stream().map(FieldError::field).distinct()
                        .collect(Collectors.joining(", ")) + ".", errors);
        return respond(problem.toProblem(path(uri)));
    }

    /** Listed one by one: Quarkus ships mappers for the specific Jackson types, which would win over a general one. */
    @ServerExceptionMapper({JsonProcessingException.class, JsonParseException.class, JsonMappingException.class,
            MismatchedInputException.class, InvalidFormatException.class, UnrecognizedPropertyException.class,
            InvalidDefinitionException.class, ValueInstantiationException.class, TextInput.RefusedText.class})
    public Response json(JsonProcessingException e, UriInfo uri) {
        if (e instanceof TextInput.RefusedText refused) {
            // well-formed JSON, but a value no field may hold: an invalid field, like a failed constraint
            String field = jsonPath(refused);
            return respond(ApiException.invalid(field == null ? "body" : field, refused.getOriginalMessage()).toProblem(path(uri)));
        }
        String field = null;
        String message;
        if (e instanceof UnrecognizedPropertyException u) {
            field = jsonPath(u);
            message = "unknown property '" + u.getPropertyName() + "'";
        } else if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()
                && !f.getPath().isEmpty()) {
            field = jsonPath(f);
            message = "must be one of: " + allowedValues(f.getTargetType());
        } else if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            field = jsonPath(m);
            message = "has the wrong type or format";
        } else {
            message = "is not well-formed JSON";
        }
        var loc = e.getLocation();
        String detail = (field == null ? "The request body " + message : "Field '" + field + "' " + message)
                + (loc != null && loc.getLineNr() > 0 ? " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")." : ".");
        List<FieldError> errors = field == null ? null : List.of(new FieldError(field, message));
        return respond(new Problem(Problem.TYPE_BASE + "malformed-body", "Malformed request body", 400, detail, path(uri), errors));
    }

    @ServerExceptionMapper
    public Response patchJson(MergePatch.WrappedJsonException e, UriInfo uri) {
        return json(e.json(), uri);
    }

    /**
     * Two writes raced on the same version: the loser gets 412 when it sent If-Match (its
     * precondition no longer holds), 409 otherwise.
     */
    @ServerExceptionMapper({OptimisticLockException.class, StaleObjectStateException.class})
    public Response concurrentUpdate(RuntimeException e, UriInfo uri, HttpHeaders headers) {
        boolean conditional = headers != null && headers.getHeaderString("If-Match") != null;
        ApiException problem = conditional
                ? ApiException.preconditionFailed("The resource was changed by another request at the same time; fetch it again.")
                : ApiException.conflict("The resource was changed by another request at the same time; fetch it again and retry.");
        return respond(problem.toProblem(path(uri)));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri, Request request) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri, null, null);
        }
        if (e.getCause() instanceof JsonProcessingException jpe) {
            return json(jpe, uri);
        }
        String title = titleFor(status);
        String detail = switch (status) {
            case 404 -> "No resource at " + path(uri) + ".";
            case 405 -> "Method not allowed on " + path(uri) + ".";
            case 406 -> notAcceptable(uri, request);
            case 415 -> "Unsupported content type; send application/json.";
            default -> title + ".";
        };
        Response.ResponseBuilder builder = Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem(Problem.TYPE_BASE + slug(title), title, status, detail, path(uri), null));
        if (status == 405 && uri != null) {
            String allow = AllowedMethods.forPath(uri.getPath());
            if (!allow.isEmpty()) {
                builder.header("Allow", allow);
            }
        }
        return builder.build();
    }

    /**
     * A 406 names what the route is served as: the comment stream text/event-stream, media files their image
     * types, the rest JSON.
     */
    private static String notAcceptable(UriInfo uri, Request request) {
        Set<String> types = uri == null ? Set.of()
                : AllowedMethods.producedAt(uri.getPath(), request == null ? "GET" : request.getMethod());
        return "This resource is served as " + (types.isEmpty() ? MediaType.APPLICATION_JSON : String.join(" or ", types)) + " only.";
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri, HttpHeaders headers, Request request) {
        DatabaseAvailability database = Arc.container().instance(DatabaseAvailability.class).get();
        if (database.failed(e)) {
            // the database could not be reached: a stored answer if there is one, else 503; logged once by the probe
            RoutingContext routing = Arc.container().instance(CurrentVertxRequest.class).get().getCurrent();
            Response stale = request == null ? null : Arc.container().instance(ResponseCache.class).get().staleAnswer(request, routing);
            return stale != null ? stale : toResponse(ApiException.databaseUnavailable(database.retryAfter().toSeconds()), path(uri));
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.hibernate.exception.ConstraintViolationException) {
                // a unique key raced by a parallel request (e.g. the same slug created twice at once)
                return respond(ApiException.conflict("The request conflicts with existing data (a duplicate key).")
                        .toProblem(path(uri)));
            }
            if (cause instanceof OptimisticLockException || cause instanceof StaleObjectStateException) {
                return concurrentUpdate((RuntimeException) cause, uri, headers);
            }
            if (isLockConflict(cause)) {
                // the database chose this request as the victim of a deadlock or serialization conflict
                return respond(ApiException.conflict("The request collided with a concurrent change to the same data; retry it.")
                        .toProblem(path(uri)));
            }
        }
        LOG.errorf(e, "Unexpected error on %s", path(uri));
        return respond(new Problem(Problem.TYPE_BASE + "internal", "Internal error", 500,
                "The server could not complete the request. It has been logged.", path(uri), null));
    }

    /** The values an enum accepts, as JSON writes them (their {@code @JsonValue}). */
    static String allowedValues(Class<?> type) {
        ObjectMapper mapper = Arc.container().instance(ObjectMapper.class).get();
        return Arrays.stream(type.getEnumConstants()).map(c -> {
            Object value = mapper.convertValue(c, Object.class);
            return String.valueOf(value);
        }).collect(Collectors.joining(", "));
    }

    private static boolean isLockConflict(Throwable t) {
        if (t instanceof jakarta.persistence.PessimisticLockException || t instanceof jakarta.persistence.LockTimeoutException
                || t instanceof org.hibernate.PessimisticLockException || t instanceof org.hibernate.exception.LockAcquisitionException) {
            return true;
        }
        // PostgreSQL: deadlock_detected (40P01), serialization_failure (40001)
        return t instanceof java.sql.SQLException sql && ("40P01".equals(sql.getSQLState()) || "40001".equals(sql.getSQLState()));
    }

    /** The title of a problem with only a status to go by: its reason phrase, in sentence case ("Not found"). */
    static String titleFor(int status) {
        String phrase = io.netty.handler.codec.http.HttpResponseStatus.valueOf(status).reasonPhrase();
        if (phrase.isEmpty() || phrase.startsWith("Unknown")) {
            return status >= 500 ? "Server error" : "Client error";
        }
        return phrase.charAt(0) + phrase.substring(1).toLowerCase(java.util.Locale.ROOT).replace("uri", "URI");
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }

    private static String slug(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? null : sb.toString();
    }

    /** Where a violation sits: a query/path parameter (400) or a field of the request body (422). */
    private record ViolationPath(String field, boolean inBody) {
        static ViolationPath of(Path path) {
            List<String> names = new ArrayList<>();
            String parameter = null;
            boolean inBody = false;
            for (Path.Node node : path) {
                if (node.getKind() == ElementKind.METHOD) {
                    continue;
                }
                if (node.getKind() == ElementKind.PARAMETER) {
                    parameter = node.getName();
                    continue;
                }
                inBody = true;
                String name = node.getName();
                if (name == null) {
                    continue;
                }
                if (node.getIndex() != null && !names.isEmpty()) {
                    int last = names.size() - 1;
                    names.set(last, names.get(last) + "[" + node.getIndex() + "]");
                }
                names.add(name);
            }
            if (!inBody) {
                return new ViolationPath(parameter == null ? "request" : parameter, false);
            }
            return new ViolationPath(names.isEmpty() ? (parameter == null ? "body" : parameter) : String.join(".", names), true);
        }
    }
}
