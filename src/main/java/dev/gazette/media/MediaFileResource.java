package dev.gazette.media;

import dev.gazette.common.web.ApiException;
import dev.gazette.common.web.Params;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The image files: {@code /media/{id}/{size}.{ext}}. A file never changes once stored (a new upload
 * is a new id), so it is served with {@code Cache-Control: public, max-age=31536000, immutable}.
 */
@Path("/media")
@Tag(name = "Media")
public class MediaFileResource {

    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static final Pattern FILE = Pattern.compile("(full|thumbnail|medium|large)\\.([a-z]{3,4})");

    @Inject
    MediaService service;

    @GET
    @Path("/{id}/{file}")
    @Produces({"image/jpeg", "image/png", "image/gif", "image/webp"})
    @Operation(summary = "Get an image file", description = """
            One size of a media item, as listed in its `sizes` (`full` is the original file as uploaded). Files never
            change: they are sent with `Cache-Control: public, max-age=31536000, immutable` and an ETag.""")
    @APIResponse(responseCode = "200", description = "The image",
            content = {@Content(mediaType = "image/jpeg", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")),
                    @Content(mediaType = "image/png", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")),
                    @Content(mediaType = "image/gif", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")),
                    @Content(mediaType = "image/webp", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match)")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response getMediaFile(
            @Context Request request,
            @Parameter(description = "Media id", example = "1") @PathParam("id") String id,
            @Parameter(description = "Size and extension, as in the item's sizes", example = "medium.jpg") @PathParam("file") String file) {
        long mediaId = Params.id("id", id);
        Matcher m = FILE.matcher(file);
        MediaService.StoredFile stored = m.matches() ? service.file(mediaId, m.group(1), m.group(2)) : null;
        if (stored == null || !Files.isRegularFile(stored.path())) {
            throw ApiException.notFound("Media file", id + "/" + file);
        }
        EntityTag etag = new EntityTag(stored.etag().substring(1, stored.etag().length() - 1));
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        Response.ResponseBuilder builder = notModified != null ? notModified
                : Response.ok(stored.path().toFile(), stored.mimeType());
        return builder.tag(etag).header(HttpHeaders.CACHE_CONTROL, IMMUTABLE).build();
    }
}
