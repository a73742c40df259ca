package dev.gazette.wordpress;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Writes {@link WpError}s as WordPress does: JSON of its shape, with its status. */
public class WpErrorMapper {

    @ServerExceptionMapper
    public Response wordpress(WpError e) {
        return Response.status(e.status()).type(MediaType.APPLICATION_JSON).entity(e.body()).build();
    }
}
