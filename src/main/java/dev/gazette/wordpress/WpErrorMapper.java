package dev.gazette.wordpress;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Writes {@link WpError}s as WordPress does: JSON of its shape, with its status, and the API's discovery link
 * WordPress sends on every answer without links of its own; {@code Allow} only on a 400 (WordPress leaves it out
 * where the item was not found or may not be read).
 */
public class WpErrorMapper {

    @ServerExceptionMapper
    public Response wordpress(WpError e, UriInfo uri) {
        String base = uri.getBaseUri().toString();
        Response.ResponseBuilder answer = Response.status(e.status()).type(MediaType.APPLICATION_JSON).entity(e.body())
                .header("Link", "<" + (base.endsWith("/") ? base : base + "/") + "wp-json/>; rel=\"https://api.w.org/\"");
        if (e.status() == 400) { // the route answered (its parameters were wrong): what it allows, as WordPress says
            answer.header("Allow", allowed(uri.getPath()));
        }
        return answer.build();
    }

    /** WordPress' {@code Allow} for an anonymous caller of this path: comments may be posted, the rest only read. */
    static String allowed(String path) {
        return path.endsWith("/wp/v2/comments") ? "GET, POST" : "GET";
    }
}
