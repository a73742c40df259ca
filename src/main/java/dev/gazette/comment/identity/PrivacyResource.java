package dev.gazette.comment.identity;

import dev.gazette.comment.CommenterData;
import dev.gazette.common.web.Params;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
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

/** Data-protection requests handled by an admin, by email address; their audit log; the retention purge. */
@Path("/api/v1/privacy")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Privacy")
@SecurityRequirement(name = "bearer")
public class PrivacyResource {

    @Inject
    CommenterData data;

    @GET
    @Path("/export")
    @Operation(summary = "Export a commenter's data", description = """
            Admins: everything stored about the person with this email: the signed-in identities with that email,
            their comments and likes, and the comments written anonymously with it. Logged in the audit log.""")
    @APIResponse(responseCode = "200", description = "The export",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommenterData.DataExport.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public Response exportCommenterData(@Parameter(description = "The commenter's email", example = "ada@example.com", required = true)
                                        @QueryParam("email") String email) {
        return MeResource.personal(data.exportFor(email));
    }

    @POST
    @Path("/erasures")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Erase a commenter's data", description = """
            Admins: erases the person with this email: their signed-in identities and likes are deleted, and their
            comments (signed in or anonymous) are anonymized (default: name "Deleted"; email, URL, avatar, picture, IP
            hash and user agent removed) or removed (`remove`; a comment others replied to stays as an anonymous
            "[removed]" node, so replies keep their place). Counts follow. Logged in the audit log.""")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommenterData.AdminErasureInput.class),
            examples = @ExampleObject(name = "remove", value = "{\"email\": \"ada@example.com\", \"comments\": \"remove\"}")))
    @APIResponse(responseCode = "200", description = "What was erased",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommenterData.ErasureResult.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    public Response eraseCommenterData(@NotNull @Valid CommenterData.AdminErasureInput input) {
        return MeResource.personal(data.eraseFor(input.email(), input.comments()));
    }

    @GET
    @Path("/requests")
    @Operation(summary = "Audit log of exports and erasures", description = """
            Admins: every export and erasure, newest first: who asked (self or an admin), when, which identities and
            what was done. The person is named only by a keyed hash of the email, so the log keeps no personal data.""")
    @APIResponse(responseCode = "200", description = "Log entries, newest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditPage.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public Response listPrivacyRequests(
            @Parameter(description = "Entries, 1 to 100", example = "20") @QueryParam("limit") String limit,
            @Parameter(description = "Only entries older than this id (the last id of the previous page)", example = "120")
            @QueryParam("before") String before) {
        List<CommenterData.AuditEntry> items = data.auditLog(before == null || before.isBlank() ? null : Params.id("before", before),
                Params.limit(limit));
        return MeResource.personal(new AuditPage(items));
    }

    @POST
    @Path("/retention-purge")
    @Operation(summary = "Run the retention purge now", description = """
            Admins: removes the IP hashes and user agents of comments older than `gazette.comments.privacy.retention`
            (default 90 days) now. The same purge runs by itself every `gazette.comments.privacy.purge-every` (6 h).""")
    @APIResponse(responseCode = "200", description = "How many comments lost their IP hash and user agent",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommenterData.PurgeResult.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public CommenterData.PurgeResult runRetentionPurge() {
        return data.purgeNow();
    }

    @Schema(name = "PrivacyRequestList")
    public record AuditPage(List<CommenterData.AuditEntry> items) {
    }
}
