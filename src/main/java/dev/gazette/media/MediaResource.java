package dev.gazette.media;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gazette.common.web.HttpCaching;
import dev.gazette.common.web.ListPage;
import dev.gazette.common.web.MergePatch;
import dev.gazette.common.web.PageInfo;
import dev.gazette.common.web.Params;
import dev.gazette.common.web.Representation;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * The media library's JSON: list, read, edit, delete. Uploading ({@code POST /api/v1/media}) is
 * {@link MediaUpload}; the files themselves are served by {@link MediaFileResource}.
 */
@Path("/api/v1/media")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Media")
public class MediaResource {

    static final String IF_MATCH = "ETag from a GET or a previous write; 412 when the item changed since";
    static final String ETAG_EXAMPLE = "\"2.Qx3mR0c5dYl1m1Xx4o2bH0nXJ0a\"";
    /** Media answers are revalidated (ETag) rather than cached: they are small, and edits must show at once. */
    private static final String CACHE_CONTROL = "public, no-cache";

    @Inject
    MediaService service;

    @Inject
    HttpCaching caching;

    @GET
    @Operation(summary = "List media", description = """
            Every item of the media library, newest first, keyset-paged: follow `page.next` until it is null. Each item
            carries the URL, width and height of every size.""")
    @APIResponse(responseCode = "200", description = "A page of media items",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MediaPage.class)))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match)")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response listMedia(
            @Context Request request,
            @Parameter(description = "page.next of the previous page", example = "WyJtZWRpYSIsImEiLDEyXQ") @QueryParam("cursor") String cursor,
            @Parameter(description = "Items per page, 1 to 100 (default 20)", example = "20") @QueryParam("limit") String limit) {
        ListPage<MediaView> page = service.list(Params.blankToNull(cursor), Params.limit(limit));
        return answer(request, Representation.list(page));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a media item", description = "Its sizes with URLs and dimensions, alt text, caption, type and byte size.")
    @APIResponse(responseCode = "200", description = "The media item",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MediaView.class)))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match)")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response getMedia(@Context Request request,
                             @Parameter(description = "Media id", example = "1") @PathParam("id") String id) {
        MediaView view = service.get(Params.id("id", id));
        return answer(request, Representation.of(view).version(view.version()));
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(summary = "Update a media item", description = """
            JSON Merge Patch (RFC 7386) of `title`, `altText` and `caption` (plain text); null clears one. Authors only
            their own items. Posts showing the item as their featured image show the change at once.""")
    @SecurityRequirement(name = "bearer")
    @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(implementation = MediaEdit.class),
            examples = @ExampleObject(name = "alt", value = "{\"altText\": \"Waves breaking over the harbour wall\", \"caption\": \"Photo: J. Doe\"}")))
    @APIResponse(responseCode = "200", description = "The updated item",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MediaView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    public Response patchMedia(
            @Parameter(description = "Media id", example = "1") @PathParam("id") String id,
            @Parameter(description = IF_MATCH, example = ETAG_EXAMPLE) @HeaderParam("If-Match") String ifMatch,
            @NotNull JsonNode patch) {
        MediaView view = service.patch(Params.id("id", id), patch, ifMatch);
        return caching.written(Response.ok(), Representation.of(view).version(view.version()));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a media item", description = """
            Deletes the item and all its files. Posts that had it as their featured image keep no featured media.
            Authors only their own items.""")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    public void deleteMedia(
            @Parameter(description = "Media id", example = "1") @PathParam("id") String id,
            @Parameter(description = IF_MATCH, example = ETAG_EXAMPLE) @HeaderParam("If-Match") String ifMatch) {
        service.delete(Params.id("id", id), ifMatch);
    }

    @Schema(name = "MediaPage", description = "A page of media items")
    public record MediaPage(List<MediaView> items, PageInfo page) {
    }

    /** 200 with an ETag (or 304), revalidated on every use and never kept by the response cache. */
    private Response answer(Request request, Representation r) {
        HttpCaching.Rendered rendered = caching.render(r.cacheControl(CACHE_CONTROL));
        Response.ResponseBuilder notModified = request.evaluatePreconditions(rendered.etag());
        Response.ResponseBuilder builder = notModified != null ? notModified : Response.ok(rendered.body(), rendered.mediaType());
        return builder.tag(rendered.etag()).header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL).build();
    }
}
