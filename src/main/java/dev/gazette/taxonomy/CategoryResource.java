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

import java.util.Set;

@Path("/api/v1/categories")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Categories")
public class CategoryResource {

    @Inject
    CategoryService service;

    @Inject
    HttpCaching caching;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "List categories", description = """
            `view=flat` (default): categories ordered by name, keyset-paged. `view=tree`: the whole tree in one
            response, roots in `items`, each with its `children` nested and ordered by name. Every category carries
            `postCount`, its published posts including those of its sub-categories (each post once: what
            `/posts?category=` lists), and `directPostCount`, those filed directly under it.""")
    @APIResponse(responseCode = "200", description = "Categories",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CategoryPage.class)))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match)")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response listCategories(
            @Parameter(description = "flat or tree", example = "tree") @QueryParam("view") String view,
            @Parameter(description = "Page size, 1 to 100 (flat view)", example = "20") @QueryParam("limit") String limit,
            @Parameter(description = "page.next or page.prev of a previous page (flat view)", example = "WyJuYW1lIiwiYSIsIkNsaW1hdGUiLDRd")
            @QueryParam("cursor") String cursor,
            @Parameter(description = "Comma-separated fields to return", example = "id,slug,name,postCount") @QueryParam("fields") String fields,
            @Context Request request) {
        FieldSelection selection = FieldSelection.parse(fields, CategoryView.class);
        boolean tree = Params.words("view", view, Set.of("flat", "tree")).contains("tree");
        ListPage<CategoryView> page = tree ? service.tree() : service.list(cursor, Params.limit(limit));
        return caching.ok(request, Representation.list(page).fields(selection)
                .lastModified(page.items().stream().map(CategoryView::updatedAt).max(Comparable::compareTo).orElse(null))
                .personal(caller.isAuthenticated()));
    }

    @GET
    @Path("/{idOrSlug}")
    @Operation(summary = "Get a category", description = "By numeric id or slug, with its published post counts"
            + " (`postCount` including sub-categories, `directPostCount`).")
    @APIResponse(responseCode = "200", description = "The category",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CategoryView.class)))
    @APIResponse(responseCode = "304", description = "Not modified")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response getCategory(@Parameter(description = "Numeric id or slug", example = "environment") @PathParam("idOrSlug") String idOrSlug,
                        @Parameter(description = "Comma-separated fields to return", example = "id,name") @QueryParam("fields") String fields,
                        @Context Request request) {
        FieldSelection selection = FieldSelection.parse(fields, CategoryView.class);
        CategoryView category = service.get(IdOrSlug.parse(idOrSlug));
        return caching.ok(request, Representation.of(category).fields(selection).version(category.version())
                .lastModified(category.updatedAt()).personal(caller.isAuthenticated()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a category", description = "Editors and admins. `parentId` places it in the tree."
            + " A name already used under the same parent (case-insensitive) is a 409, as in WordPress.")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "201", description = "Created; Location names the new category",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CategoryView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    public Response createCategory(@NotNull @Valid CategoryView.Input input, @Context UriInfo uri) {
        CategoryView created = service.create(input);
        return written(Response.created(uri.getBaseUriBuilder().path("api/v1/categories/{id}").build(created.id())), created);
    }

    @PUT
    @Path("/{idOrSlug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a category", description = "Editors and admins. Moving it under one of its own descendants,"
            + " or to a name already used under its (new) parent, is a 409.")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "200", description = "The updated category; ETag as a GET of it has",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CategoryView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    public Response replaceCategory(@Parameter(description = "Numeric id or slug", example = "environment") @PathParam("idOrSlug") String idOrSlug,
                                @Parameter(description = "ETag from a GET; 412 when the category changed since", example = "\"2.mR0c5dYl1m1Xx4o2bH0nXJ0aT1k\"")
                                @HeaderParam("If-Match") String ifMatch,
                                @NotNull @Valid CategoryView.Input input) {
        return written(Response.ok(), service.replace(IdOrSlug.parse(idOrSlug), input, ifMatch));
    }

    @PATCH
    @Path("/{idOrSlug}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(summary = "Update a category", description = "JSON Merge Patch: send only what changes; `\"parentId\": null` makes it a root."
            + " A name already used under the (new) parent is a 409.")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "200", description = "The updated category; ETag as a GET of it has",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CategoryView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    public Response patchCategory(@Parameter(description = "Numeric id or slug", example = "environment") @PathParam("idOrSlug") String idOrSlug,
                              @Parameter(description = "ETag from a GET; 412 when the category changed since", example = "\"2.mR0c5dYl1m1Xx4o2bH0nXJ0aT1k\"")
                              @HeaderParam("If-Match") String ifMatch,
                              @NotNull JsonNode patch) {
        return written(Response.ok(), service.patch(IdOrSlug.parse(idOrSlug), patch, ifMatch));
    }

    @DELETE
    @Path("/{idOrSlug}")
    @Operation(summary = "Delete a category", description = "Its sub-categories move up to its parent; its posts lose it.")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public void deleteCategory(@Parameter(description = "Numeric id or slug", example = "environment") @PathParam("idOrSlug") String idOrSlug) {
        service.delete(IdOrSlug.parse(idOrSlug));
    }

    /** A write's response: the category as a GET shows it, with the ETag that GET has (for If-Match / If-None-Match). */
    private Response written(Response.ResponseBuilder status, CategoryView written) {
        return caching.written(status, Representation.of(written).version(written.version()));
    }

    @Schema(name = "CategoryPage", description = "A page of categorys")
    public record CategoryPage(java.util.List<CategoryView> items, dev.gazette.common.web.PageInfo page) {
    }
}
