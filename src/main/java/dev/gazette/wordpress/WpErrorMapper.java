package dev.gazette.wordpress;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Writes {@link WpError}s as WordPress does: JSON of its shape, with its status, and the API's discovery link
 * WordPress sends on every answer without links of its own (no {@code Allow}: the error is not the route's answer).
 */
public class WpErrorMapper {

    @ServerExceptionMapper
    public Response wordpress(WpError e, UriInfo uri) {
        String base = uri.getBaseUri().toString();
        return Response.status(e.status()).type(MediaType.APPLICATION_JSON).entity(e.body())
                .header("Link", "<" + (base.endsWith("/") ? base : base + "/") + "wp-json/>; rel=\"https://api.w.org/\"")
                .build();
    }

    /** WordPress' {@code Allow} for an anonymous caller of this path: comments may be posted, the rest only read. */
    static String allowed(String path) {
        return path.endsWith("/wp/v2/comments") ? "GET, POST" : "GET";
    }
}
