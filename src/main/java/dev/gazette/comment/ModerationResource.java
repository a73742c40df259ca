package dev.gazette.comment;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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

/** The moderation queue's actions: moderators, editors and admins. The queue itself is GET /comments?status=pending. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Moderation")
@SecurityRequirement(name = "bearer")
public class ModerationResource {

    @Inject
    CommentService service;

    @POST
    @Path("/comments/{id}/approve")
    @Operation(summary = "Approve a comment", description = "It becomes public and is counted (post commentCount, parent replyCount, ancestors' descendantCount).")
    @APIResponse(responseCode = "200", description = "The comment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommentView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public CommentView approveComment(@Parameter(description = "Comment id", example = "1") @PathParam("id") String id) {
        return service.moderate(CommentResource.commentId(id), CommentService.Action.APPROVE);
    }

    @POST
    @Path("/comments/{id}/spam")
    @Operation(summary = "Mark a comment as spam", description = "It leaves the public site and the counts.")
    @APIResponse(responseCode = "200", description = "The comment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommentView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public CommentView markCommentSpam(@Parameter(description = "Comment id", example = "1") @PathParam("id") String id) {
        return service.moderate(CommentResource.commentId(id), CommentService.Action.SPAM);
    }

    @POST
    @Path("/comments/{id}/trash")
    @Operation(summary = "Trash a comment", description = "It leaves the public site and the counts; restorable.")
    @APIResponse(responseCode = "200", description = "The comment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommentView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public CommentView trashComment(@Parameter(description = "Comment id", example = "1") @PathParam("id") String id) {
        return service.moderate(CommentResource.commentId(id), CommentService.Action.TRASH);
    }

    @POST
    @Path("/comments/{id}/restore")
    @Operation(summary = "Restore a comment", description = "Out of spam or trash, back to the queue (pending) for a fresh decision.")
    @APIResponse(responseCode = "200", description = "The comment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommentView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public CommentView restoreComment(@Parameter(description = "Comment id", example = "1") @PathParam("id") String id) {
        return service.moderate(CommentResource.commentId(id), CommentService.Action.RESTORE);
    }

    @POST
    @Path("/comments/bulk")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Moderate many comments", description = """
            One action (approve, spam, trash, restore, delete) on up to 500 comments. Each id gets its own result:
            200 with the new status, 204 when deleted, 404 when unknown.""")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BulkInput.class),
            examples = @ExampleObject(name = "spam", value = "{\"ids\": [1042, 1043, 1050], \"action\": \"spam\"}")))
    @APIResponse(responseCode = "200", description = "One result per id",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BulkOutput.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    public Response moderateComments(@NotNull @Valid BulkInput input) {
        return Response.ok(new BulkOutput(service.bulk(input.ids(), input.action()))).build();
    }

    @Schema(name = "BulkModeration")
    public record BulkInput(
            @NotEmpty @Size(max = 500) @Schema(example = "[1042, 1043]") List<@NotNull Long> ids,
            @NotNull @Schema(example = "approve") CommentService.Action action) {
    }

    @Schema(name = "BulkModerationResult")
    public record BulkOutput(List<CommentService.BulkResult> results) {
    }
}
