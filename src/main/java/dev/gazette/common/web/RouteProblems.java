package dev.gazette.common.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * The problem answer of a Vert.x route that works outside JAX-RS (the streaming uploads of imports and
 * media): what {@link ProblemMapper} gives inside it, written straight to the connection.
 */
public final class RouteProblems {

    private RouteProblems() {
    }

    /**
     * Answers {@code e} as problem+json for {@code path}, unless the response has begun; {@code close}
     * when the request's body was not read, so the connection cannot carry another request.
     */
    public static void send(RoutingContext ctx, ObjectMapper json, ApiException e, String path, boolean close) {
        HttpServerResponse response = ctx.response();
        if (response.ended() || response.headWritten()) {
            return;
        }
        Problem problem = e.toProblem(path);
        response.setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE);
        e.headers().forEach(response::putHeader);
        if (close) {
            response.putHeader("Connection", "close");
        }
        response.end(json(json, problem));
    }

    /** A value as JSON text. */
    public static String json(ObjectMapper json, Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
