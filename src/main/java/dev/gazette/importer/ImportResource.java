package dev.gazette.importer;

import dev.gazette.common.web.PageInfo;
import dev.gazette.common.web.Params;
import dev.gazette.common.web.HttpCaching;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Reading import jobs. Starting one ({@code POST /api/v1/imports}) is {@link ImportUpload}. */
@Path("/api/v1/imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Imports")
@SecurityRequirement(name = "bearer")
public class ImportResource {

    @Inject
    ImportService service;

    @GET
    @Operation(summary = "List import jobs", description = "Admins only. Newest first.")
    @APIResponse(responseCode = "200", description = "A page of jobs",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportPage.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public Response listImports(
            @Parameter(description = "page.next of the previous page", example = "WyJpbXBvcnRzIiwiYSIsN10") @QueryParam("cursor") String cursor,
            @Parameter(description = "Jobs per page, 1 to 100 (default 20)", example = "20") @QueryParam("limit") String limit) {
        return noStore(service.list(Params.blankToNull(cursor), Params.limit(limit)));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get an import job", description = """
            Admins only. Status (queued, running, succeeded, failed), progress in bytes and items, and per type (authors,
            categories, tags, posts, comments) how many were created, updated or skipped, with the reasons for skips
            (`unchanged` on a re-import, `page`, `attachment`, `nav_menu_item`, `pingback`, `trackback`, ...). Poll it until
            the status is succeeded or failed.""")
    @APIResponse(responseCode = "200", description = "The job",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportJobView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response getImport(@Parameter(description = "Import job id", example = "7") @PathParam("id") String id) {
        return noStore(service.get(Params.id("id", id)));
    }

    @Schema(name = "ImportPage", description = "A page of import jobs")
    public record ImportPage(List<ImportJobView> items, PageInfo page) {
    }

    private static Response noStore(Object body) {
        return Response.ok(body).cacheControl(HttpCaching.noStore()).build();
    }
}
