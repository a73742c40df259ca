package dev.gazette.author;

import com.fasterxml.jackson.databind.JsonNode;
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

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Authors")
public class AuthorResource {

    @Inject
    AuthorService service;

    @Inject
    HttpCaching caching;

    @Inject
    Caller caller;

    @GET
    @Path("/authors")
    @Operation(summary = "List authors", description = "Authors ordered by display name, keyset-paged. Emails are never returned.")
    @APIResponse(responseCode = "200", description = "A page of authors",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuthorPage.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    public Response listAuthors(
            @Parameter(description = "Page size, 1 to 100", example = "20") @QueryParam("limit") String limit,
            @Parameter(description = "page.next or page.prev of a previous page", example = "WyJuYW1lIiwiYSIsIk1hcmlhIEzDs3BleiIsMl0")
            @QueryParam("cursor") String cursor,
            @Parameter(description = "Comma-separated fields to return", example = "id,slug,displayName") @QueryParam("fields") String fields,
            @Context Request request, @Context UriInfo uri) {
        FieldSelection selection = FieldSelection.parse(fields, AuthorView.class);
        ListPage<AuthorView> page = service.list(cursor, Params.limit(limit));
        return caching.ok(request, Representation.list(page).fields(selection)
                .lastModified(page.items().stream().map(AuthorView::updatedAt).max(Comparable::compareTo).orElse(null))
                .personal(caller.isAuthenticated()));
    }

    @GET
    @Path("/authors/{idOrSlug}")
    @Operation(summary = "Get an author", description = "By numeric id or slug.")
    @APIResponse(responseCode = "200", description = "The author",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuthorView.class)))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match / If-Modified-Since)")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response getAuthor(@Parameter(description = "Numeric id or slug", example = "maria-lopez") @PathParam("idOrSlug") String idOrSlug,
                        @Parameter(description = "Comma-separated fields to return", example = "id,displayName") @QueryParam("fields") String fields,
                        @Context Request request) {
        FieldSelection selection = FieldSelection.parse(fields, AuthorView.class);
        AuthorView author = service.get(IdOrSlug.parse(idOrSlug));
        return caching.ok(request, Representation.of(author).fields(selection).lastModified(author.updatedAt())
                .personal(caller.isAuthenticated()));
    }

    @GET
    @Path("/me")
    @Operation(summary = "The caller's author", description = "The author and role the bearer token acts as.")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "200", description = "The caller",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuthorView.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    public Response getMe(@Context Request request) {
        AuthorView me = service.me();
        return caching.ok(request, Representation.of(me).lastModified(me.updatedAt()).personal(true));
    }

    @POST
    @Path("/authors")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an author", description = "Admins only. The slug is generated from displayName when omitted.")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "201", description = "Created; Location names the new author",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuthorView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    public Response createAuthor(@NotNull @Valid AuthorView.Input input, @Context UriInfo uri) {
        AuthorView created = service.create(input);
        return written(Response.created(uri.getBaseUriBuilder().path("api/v1/authors/{id}").build(created.id())), created);
    }

    @PUT
    @Path("/authors/{idOrSlug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace an author", description = "Admins only. Omitted optional fields are cleared.")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "200", description = "The updated author; ETag as a GET of it has",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuthorView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    public Response replaceAuthor(@Parameter(description = "Numeric id or slug", example = "maria-lopez") @PathParam("idOrSlug") String idOrSlug,
                              @NotNull @Valid AuthorView.Input input) {
        return written(Response.ok(), service.replace(IdOrSlug.parse(idOrSlug), input));
    }

    @PATCH
    @Path("/authors/{idOrSlug}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(summary = "Update an author", description = "Admins only. JSON Merge Patch: send only the fields to change; null clears one.")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "200", description = "The updated author; ETag as a GET of it has",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuthorView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    public Response patchAuthor(@Parameter(description = "Numeric id or slug", example = "maria-lopez") @PathParam("idOrSlug") String idOrSlug,
                            @NotNull JsonNode patch) {
        return written(Response.ok(), service.patch(IdOrSlug.parse(idOrSlug), patch));
    }

    @DELETE
    @Path("/authors/{idOrSlug}")
    @Operation(summary = "Delete an author", description = "Admins only; refused (409) while the author has posts.")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public void deleteAuthor(@Parameter(description = "Numeric id or slug", example = "maria-lopez") @PathParam("idOrSlug") String idOrSlug) {
        service.delete(IdOrSlug.parse(idOrSlug));
    }

    /** A write's response: the author as a GET shows it, with the ETag that GET has (for If-Match / If-None-Match). */
    private Response written(Response.ResponseBuilder status, AuthorView written) {
        return caching.written(status, Representation.of(written));
    }

    @Schema(name = "AuthorPage", description = "A page of authors")
    public record AuthorPage(java.util.List<AuthorView> items, dev.gazette.common.web.PageInfo page) {
    }
}
