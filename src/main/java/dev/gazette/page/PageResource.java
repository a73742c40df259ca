package dev.gazette.page;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gazette.common.web.FieldSelection;
import dev.gazette.common.web.HttpCaching;
import dev.gazette.common.web.IdOrSlug;
import dev.gazette.common.web.ListPage;
import dev.gazette.common.web.MergePatch;
import dev.gazette.common.web.PageInfo;
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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;

@Path("/api/v1/pages")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Pages")
public class PageResource {

    static final String IF_MATCH = "ETag from a GET or a previous write; 412 when the page changed since";
    static final String ETAG_EXAMPLE = "\"2.Qx3mR0c5dYl1m1Xx4o2bH0nXJ0a\"";
    static final String KEY = "Numeric id or slug";
    static final String KEY_EXAMPLE = "about";
    static final String CREATE_EXAMPLE = """
            {"title": "Our team",
             "content": "The newsroom is **eleven people** in two towns.",
             "format": "markdown",
             "status": "published",
             "parentId": 1,
             "menuOrder": 2,
             "template": "page-templates/full-width.php"}""";

    @Inject
    PageService service;

    @Inject
    HttpCaching caching;

    @GET
    @Operation(summary = "List pages", description = """
            Published pages in menu order (`menuOrder`, then title), keyset-paged: follow `page.next` (or the `Link`
            header) until it is null. `parent` lists the children of one page, `parent=0` the top pages; without it
            every page comes, at every depth (each carries its `parentId` and `path`, enough to build the tree).
            Items leave out `content` unless `fields` names it. With a token, `status=draft` or `status=any` lists
            drafts too (authors see only their own). An unknown query parameter is a 400.""")
    @APIResponse(responseCode = "200", description = "A page of pages; Link header with rel=next/prev",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PagePage.class)))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match)")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public Response listPages(
            @Parameter(description = "Only the children of this page (id or slug); 0 for the top pages", example = "about")
            @QueryParam("parent") String parent,
            @Parameter(description = "published (default), or with a token draft or any", example = "published")
            @QueryParam("status") String status,
            @Parameter(description = "Comma-separated fields of each item; `content` is only returned when listed here",
                    example = "id,slug,path,title,parentId,menuOrder") @QueryParam("fields") String fields,
            @Parameter(description = "Page size, 1 to 100", example = "20") @QueryParam("limit") String limit,
            @Parameter(description = "page.next or page.prev of a previous page", example = "WyJtZW51IiwiYSIsMCwiQWJvdXQiLDFd")
            @QueryParam("cursor") String cursor,
            @Context Request request, @Context UriInfo uri) {
        FieldSelection selection = FieldSelection.parse(fields, PageView.class);
        PageService.StatusFilter statusFilter = Params.enumValue("status", status, PageService.StatusFilter.class,
                PageService.StatusFilter.PUBLISHED);
        String parentValue = Params.blankToNull(parent);
        ListPage<PageView> page = service.list(parentValue == null ? null : IdOrSlug.parse(parentValue), statusFilter,
                selection.explicitly("content"), Params.blankToNull(cursor), Params.limit(limit));
        Representation r = Representation.list(page).fields(selection)
                .lastModified(page.items().stream().map(PageView::modifiedAt).max(Instant::compareTo).orElse(null));
        if (page.page().next() != null) {
            r.link(uri.getRequestUriBuilder().replaceQueryParam("cursor", page.page().next()).build().toString(), "next");
        }
        if (page.page().prev() != null) {
            r.link(uri.getRequestUriBuilder().replaceQueryParam("cursor", page.page().prev()).build().toString(), "prev");
        }
        return caching.ok(request, r);
    }

    @GET
    @Path("/by-path")
    @Operation(summary = "Get a page by its path", description = """
            The page a front-end route names: `path` is the slugs from the top page down, joined by `/`
            (`about/team`), the `path` field of every page. Leading and trailing slashes, doubled slashes and upper
            case are ignored, so the path of the requested URL can be passed as it is. 404 when no page has it
            (drafts only with a token that may see them). A password-protected page (`protected: true`) comes without
            content and excerpt unless its password is sent in `X-Post-Password` (a wrong one is 403
            `incorrect-post-password`; too many wrong ones from an address, 429). For links of an imported WordPress site in any form
            (`/2020/03/some-post/`, `?p=123`), see `GET /api/v1/resolve`.""")
    @APIResponse(responseCode = "200", description = "The page",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PageView.class)))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match / If-Modified-Since)")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public Response getPageByPath(
            @Parameter(description = "The page's path", required = true, example = "about/team") @QueryParam("path") String path,
            @Parameter(description = "Comma-separated fields to return", example = "id,path,title,content") @QueryParam("fields") String fields,
            @Parameter(description = "The password of a protected page, to read its content and excerpt; the answer is then private",
                    example = "enter") @HeaderParam(dev.gazette.post.PostPassword.HEADER) String password,
            @Context Request request) {
        if (path == null || path.isBlank()) {
            throw dev.gazette.common.web.ApiException.badRequest("path", "is required: the page's path, such as about/team");
        }
        FieldSelection selection = FieldSelection.parse(fields, PageView.class);
        PageView page = service.byPath(path, password);
        return caching.ok(request, Representation.of(page).fields(selection).version(page.version()).lastModified(page.modifiedAt()));
    }

    @GET
    @Path("/{idOrSlug}")
    @Operation(summary = "Get a page", description = """
            By numeric id or slug, with its content. Drafts are 404 without a token that may see them. A
            password-protected page (`protected: true`) comes without content and excerpt unless its password is sent
            in `X-Post-Password` (a wrong one is 403 `incorrect-post-password`; too many wrong ones from an address, 429). The ETag's
            first part is the page's version, for If-Match on writes.""")
    @APIResponse(responseCode = "200", description = "The page",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PageView.class)))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match / If-Modified-Since)")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public Response getPage(
            @Parameter(description = KEY, example = KEY_EXAMPLE) @PathParam("idOrSlug") String idOrSlug,
            @Parameter(description = "Comma-separated fields to return", example = "id,path,title,content") @QueryParam("fields") String fields,
            @Parameter(description = "The password of a protected page, to read its content and excerpt; the answer is then private",
                    example = "enter") @HeaderParam(dev.gazette.post.PostPassword.HEADER) String password,
            @Context Request request) {
        FieldSelection selection = FieldSelection.parse(fields, PageView.class);
        PageView page = service.get(IdOrSlug.parse(idOrSlug), password);
        return caching.ok(request, Representation.of(page).fields(selection).version(page.version()).lastModified(page.modifiedAt()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a page", description = """
            Authors, editors and admins (as for posts). Content is HTML or Markdown (`format`), stored sanitized. The
            slug comes from the title unless given and is unique among pages; `parentId` places the page in the tree
            (its `path` follows). `status` defaults to draft.""")
    @SecurityRequirement(name = "bearer")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PageInput.class),
            examples = @ExampleObject(name = "child", summary = "A page under another", value = CREATE_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created; Location names the new page, ETag its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PageView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    public Response createPage(@NotNull @Valid PageInput input, @Context UriInfo uri) {
        PageView created = service.create(input);
        return written(Response.created(uri.getBaseUriBuilder().path("api/v1/pages/{id}").build(created.id())), created);
    }

    @PUT
    @Path("/{idOrSlug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a page", description = """
            The whole page: omitted optional fields are cleared (no `parentId`: a top page). A parent that is the page
            itself or one of its descendants is refused (422). Changing the slug or the parent moves the paths of
            every page below. Authors only their own pages.""")
    @SecurityRequirement(name = "bearer")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PageInput.class),
            examples = @ExampleObject(name = "child", value = CREATE_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The updated page",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PageView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    public Response replacePage(
            @Parameter(description = KEY, example = KEY_EXAMPLE) @PathParam("idOrSlug") String idOrSlug,
            @Parameter(description = IF_MATCH, example = ETAG_EXAMPLE) @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid PageInput input) {
        return written(Response.ok(), service.replace(IdOrSlug.parse(idOrSlug), input, ifMatch));
    }

    @PATCH
    @Path("/{idOrSlug}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(summary = "Update a page", description = """
            JSON Merge Patch (RFC 7386): send only the fields to change; null clears one (`"parentId": null` makes it a
            top page). The result is validated like a PUT. Authors only their own pages.""")
    @SecurityRequirement(name = "bearer")
    @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE,
            examples = @ExampleObject(name = "move", value = "{\"parentId\": 4, \"menuOrder\": 1}")))
    @APIResponse(responseCode = "200", description = "The updated page",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PageView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    public Response patchPage(
            @Parameter(description = KEY, example = KEY_EXAMPLE) @PathParam("idOrSlug") String idOrSlug,
            @Parameter(description = IF_MATCH, example = ETAG_EXAMPLE) @HeaderParam("If-Match") String ifMatch,
            @NotNull JsonNode patch) {
        return written(Response.ok(), service.patch(IdOrSlug.parse(idOrSlug), patch, ifMatch));
    }

    @DELETE
    @Path("/{idOrSlug}")
    @Operation(summary = "Delete a page", description = """
            Deletes for good. Its children move up to its parent (as in WordPress) and their paths with them.
            Authors only their own pages.""")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    public void deletePage(
            @Parameter(description = KEY, example = KEY_EXAMPLE) @PathParam("idOrSlug") String idOrSlug,
            @Parameter(description = IF_MATCH, example = ETAG_EXAMPLE) @HeaderParam("If-Match") String ifMatch) {
        service.delete(IdOrSlug.parse(idOrSlug), ifMatch);
    }

    @Schema(name = "PagePage", description = "A page of pages")
    public record PagePage(List<PageView> items, PageInfo page) {
    }

    /** A write's response: the page as the next GET shows it, with that GET's ETag (its new version first), for If-Match. */
    private Response written(Response.ResponseBuilder status, PageView page) {
        PageView asRead = service.get(IdOrSlug.parse(Long.toString(page.id())));
        return caching.written(status, Representation.of(asRead).version(asRead.version()));
    }
}
