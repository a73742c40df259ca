package dev.gazette.common.web;

import dev.gazette.common.GazetteConfig;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a request whose declared body is larger than {@code gazette.http.max-body-size} with
 * a 413 problem, before the body is read. (A chunked body without Content-Length is cut by the
 * HTTP layer's own limit, {@code quarkus.http.limits.max-body-size}, set to the same value.)
 */
public class BodySizeLimit {

    /** A provider: filters are created during static init, before configuration mappings exist. */
    @Inject
    Provider<GazetteConfig> config;

    @ServerRequestFilter(preMatching = true)
    public Response check(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return null;
        }
        long limit = config.get().http().maxBodySize().asLongValue();
        try {
            if (Long.parseLong(length.trim()) <= limit) {
                return null;
            }
        } catch (NumberFormatException e) {
            return ProblemMapper.toResponse(ApiException.badRequest("Content-Length", "must be a number"),
                    request.getUriInfo().getRequestUri().getRawPath());
        }
        return ProblemMapper.toResponse(ApiException.payloadTooLarge("The request body is larger than the limit of "
                + limit + " bytes."), request.getUriInfo().getRequestUri().getRawPath());
    }
}
