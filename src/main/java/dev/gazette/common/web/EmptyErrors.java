package dev.gazette.common.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The last guard of the error contract inside JAX-RS: an error response that leaves without a
 * body gets its problem. JAX-RS itself answers some preconditions that way (a GET whose
 * {@code If-Match} does not match is a bare 412 from {@code Request.evaluatePreconditions}),
 * and so could any future code that builds a status without an entity.
 */
public class EmptyErrors {

    private static final MediaType PROBLEM = MediaType.valueOf(Problem.MEDIA_TYPE);

    @ServerResponseFilter
    public void fill(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        if (status < 400 || response.hasEntity()) {
            return;
        }
        String title = ProblemMapper.titleFor(status);
        String detail = status == 412
                ? "The resource does not match the If-Match or If-Unmodified-Since condition; fetch it again."
                : title + ".";
        String slug = status == 412 ? "precondition-failed" : title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        response.setEntity(new Problem(Problem.TYPE_BASE + slug, title, status, detail,
                request.getUriInfo().getRequestUri().getRawPath(), null), null, PROBLEM);
    }
}
