package dev.gazette.resolve;

import dev.gazette.common.web.ApiException;
import dev.gazette.common.web.HttpCaching;
import dev.gazette.common.web.Representation;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/resolve")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Resolve")
public class ResolveResource {

    @Inject
    ResolveService service;

    @Inject
    HttpCaching caching;

    @GET
    @Operation(summary = "Resolve an old or public path", description = """
            Which public post or page a path of the site names, so a front-end can answer an old URL with a 301 to
            the new one. Tried in this order: WordPress's `?p=123` and `?page_id=12` forms (inside `path`, e.g.
            `path=/?p=123`; URL-encode the `?`), the permalink of an imported post or page (the path of its
            WordPress `<link>`, such as `/2020/03/some-post/`), a page's path (`about/team`), and a post's slug as the
            only segment (`/some-post/`). A full URL is accepted too (its path and query are used). Trailing and
            doubled slashes, percent-encoding and upper case do not matter. 404 when nothing public is there.
            Public and cacheable.""")
    @APIResponse(responseCode = "200", description = "What the path names",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ResolveView.class)))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match)")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response resolve(
            @Parameter(description = "A path of the site or of the WordPress site it was imported from, or such a URL",
                    required = true, example = "/council-approves-harbour-wall-repairs-after-winter-storms/")
            @QueryParam("path") String path,
            @Context Request request) {
        if (path == null || path.isBlank()) {
            throw ApiException.badRequest("path", "is required: a path such as /2020/03/some-post/ or /?p=123");
        }
        if (path.length() > 4000) {
            throw ApiException.badRequest("path", "at most 4000 characters");
        }
        return caching.ok(request, Representation.of(service.resolve(path)).etagOnly());
    }
}
