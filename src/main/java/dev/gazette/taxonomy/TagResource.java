package dev.gazette.taxonomy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gazette.author.Caller;
import dev.gazette.common.web.FieldSelection;
import dev.gazette.common.web.HttpCaching;
import dev.gazette.common.web.IdOrSlug;
import dev.gazette.common.web.ListPage;
import dev.gazette.common.web.MergePatch;
import dev.gazette.common.web.Params;
import dev.gazette.common.web.Representation;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/tags")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tags")
public class TagResource {

    @Inject
    TagService service;

    @Inject
    HttpCaching caching;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "List tags", description = """
            Tags ordered by name (`sort=name`, default) or by published post count, most used first (`sort=count`),
            keyset-paged. `q` filters by name or slug prefix for autocomplete.""")
    @APIResponse(responseCode = "200", description = "A page of tags",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TagPage.class)))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match)")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response listTags(
            @Parameter(description = "name or count", example = "count") @QueryParam("sort") String sort,
            @Parameter(description = "Name or slug prefix (autocomplete)", example = "har") @QueryParam("q") String q,
            @Parameter(description = "Page size, 1 to 100", example = "20") @QueryParam("limit") String limit,
            @Parameter(description = "page.next or page.prev of a previous page", example = "WyJuYW1lIiwiYSIsIlNvbGFyIHBvd2VyIiwxN10")
            @QueryParam("cursor") String cursor,
            @Parameter(description = "Comma-separated fields to return", example = "id,slug,name,postCount") @QueryParam("fields") String fields,
            @Context Request request) {
        FieldSelection selection = FieldSelection.parse(fields, TagView.class);
        TagService.Sort order = Params.enumValue("sort", sort, TagService.Sort.class, TagService.Sort.NAME);
        ListPage<TagView> page = service.list(order, q, cursor, Params.limit(limit));
        return caching.ok(request, Representation.list(page).fields(selection)
                .lastModified(page.items().stream().map(TagView::updatedAt).max(Comparable::compareTo).orElse(null))
                .personal(caller.isAuthenticated()));
    }

    @GET
    @Path("/{idOrSlug}")
    @Operation(summary = "Get a tag", description = "By numeric id or slug, with its published post count.")
    @APIResponse(responseCode = "200", description = "The tag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TagView.class)))
    @APIResponse(responseCode = "304", description = "Not modified")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response getTag(@Parameter(description = "Numeric id or slug", example = "harbour") @PathParam("idOrSlug") String idOrSlug,
                        @Parameter(description = "Comma-separated fields to return", example = "id,name,postCount") @QueryParam("fields") String fields,
                        @Context Request request) {
        FieldSelection selection = FieldSelection.parse(fields, TagView.class);
        TagView tag = service.get(IdOrSlug.parse(idOrSlug));
        return caching.ok(request, Representation.of(tag).fields(selection).version(tag.version())
                .lastModified(tag.updatedAt()).personal(caller.isAuthenticated()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a tag", description = "Editors and admins. The slug is generated from the name when omitted.")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "201", description = "Created; Location names the new tag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TagView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    public Response createTag(@NotNull @Valid TagView.Input input, @Context UriInfo uri) {
        TagView created = service.create(input);
        return written(Response.created(uri.getBaseUriBuilder().path("api/v1/tags/{id}").build(created.id())), created);
    }

    @PUT
    @Path("/{idOrSlug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a tag", description = "Editors and admins. Omitted optional fields are cleared.")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "200", description = "The updated tag; ETag as a GET of it has",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TagView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    public Response replaceTag(@Parameter(description = "Numeric id or slug", example = "harbour") @PathParam("idOrSlug") String idOrSlug,
                                @Parameter(description = "ETag from a GET; 412 when the tag changed since", example = "\"2.mR0c5dYl1m1Xx4o2bH0nXJ0aT1k\"")
                                @HeaderParam("If-Match") String ifMatch,
                                @NotNull @Valid TagView.Input input) {
        return written(Response.ok(), service.replace(IdOrSlug.parse(idOrSlug), input, ifMatch));
    }

    @PATCH
    @Path("/{idOrSlug}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(summary = "Update a tag", description = "JSON Merge Patch: send only what changes; null clears a field.")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "200", description = "The updated tag; ETag as a GET of it has",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TagView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    public Response patchTag(@Parameter(description = "Numeric id or slug", example = "harbour") @PathParam("idOrSlug") String idOrSlug,
                              @Parameter(description = "ETag from a GET; 412 when the tag changed since", example = "\"2.mR0c5dYl1m1Xx4o2bH0nXJ0aT1k\"")
                              @HeaderParam("If-Match") String ifMatch,
                              @NotNull JsonNode patch) {
        return written(Response.ok(), service.patch(IdOrSlug.parse(idOrSlug), patch, ifMatch));
    }

    @DELETE
    @Path("/{idOrSlug}")
    @Operation(summary = "Delete a tag", description = "Posts lose the tag.")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public void deleteTag(@Parameter(description = "Numeric id or slug", example = "harbour") @PathParam("idOrSlug") String idOrSlug) {
        service.delete(IdOrSlug.parse(idOrSlug));
    }

    /** A write's response: the tag as a GET shows it, with the ETag that GET has (for If-Match / If-None-Match). */
    private Response written(Response.ResponseBuilder status, TagView written) {
        return caching.written(status, Representation.of(written).version(written.version()));
    }

    @Schema(name = "TagPage", description = "A page of tags")
    public record TagPage(java.util.List<TagView> items, dev.gazette.common.web.PageInfo page) {
    }
}
