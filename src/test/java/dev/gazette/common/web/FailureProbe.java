package dev.gazette.common.web;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Test only (never packaged): two ways to fail unexpectedly, so tests can show that an
 * unforeseen exception becomes a 500 problem without class names or stack traces, both inside
 * a JAX-RS resource and in a plain Vert.x route. Hidden from the OpenAPI document.
 */
@Path("/test-only/failure")
@ApplicationScoped
public class FailureProbe {

    static final String SECRET = "dev.gazette.SecretInternals: stack detail that must never leak";

    @GET
    @Operation(hidden = true)
    public String inResource() {
        throw new IllegalStateException(SECRET);
    }

    void install(@Observes Router router) {
        router.get("/test-only/vertx-failure").handler(ctx -> {
            throw new IllegalStateException(SECRET);
        });
    }
}
