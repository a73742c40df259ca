package dev.gazette.comment.identity;

import dev.gazette.common.web.Params;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Signed-in commenters, for moderators: who they are, and blocking. A comment's {@code author.commenterId} names them. */
@Path("/api/v1/commenters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Moderation")
@SecurityRequirement(name = "bearer")
public class CommenterResource {

    @Inject
    CommenterService service;

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a signed-in commenter", description = "Moderators, editors and admins: the identity, its email and its comment counts.")
    @APIResponse(responseCode = "200", description = "The commenter",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommenterView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public CommenterView getCommenter(@Parameter(description = "Commenter id (a comment's author.commenterId)", example = "17") @PathParam("id") String id) {
        return service.get(Params.id("id", id));
    }

    @POST
    @Path("/{id}/block")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Block a signed-in commenter", description = """
            The identity may no longer comment, edit its comments or like (403), on any device; its existing comments
            stay as they are (moderate them as usual). Idempotent.""")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BlockInput.class),
            examples = @ExampleObject(name = "block", value = "{\"reason\": \"Repeated abuse\"}")))
    @APIResponse(responseCode = "200", description = "The commenter, blocked",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommenterView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    public CommenterView blockCommenter(@Parameter(description = "Commenter id", example = "17") @PathParam("id") String id,
                                        @Valid BlockInput input) {
        return service.block(Params.id("id", id), input == null ? null : input.reason());
    }

    @DELETE
    @Path("/{id}/block")
    @Operation(summary = "Unblock a signed-in commenter", description = "The identity may comment and like again. Idempotent.")
    @APIResponse(responseCode = "200", description = "The commenter, not blocked",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommenterView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public CommenterView unblockCommenter(@Parameter(description = "Commenter id", example = "17") @PathParam("id") String id) {
        return service.unblock(Params.id("id", id));
    }

    @Schema(name = "BlockCommenter")
    public record BlockInput(@Size(max = 500) @Schema(description = "Why, for other moderators", example = "Repeated abuse") String reason) {
    }
}
