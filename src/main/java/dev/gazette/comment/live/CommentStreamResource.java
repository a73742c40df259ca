package dev.gazette.comment.live;

import dev.gazette.comment.CommentService;
import dev.gazette.common.web.ApiException;
import dev.gazette.common.web.IdOrSlug;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.regex.Pattern;

@Path("/api/v1")
@Tag(name = "Comments")
public class CommentStreamResource {

    /** The header a reconnecting EventSource sends: the id of the last event it received. */
    static final String LAST_EVENT_ID = "Last-Event-ID";
    private static final Pattern EVENT_ID = Pattern.compile("^[0-9]{1,18}$");

    @Inject
    CommentService comments;

    @Inject
    CommentStreams streams;

    @Inject
    HttpServerRequest http;

    @GET
    @Path("/posts/{idOrSlug}/comments/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    @Operation(summary = "Follow a post's comments live", description = """
            Server-sent events (`EventSource`) for one post's public discussion, from whichever instance the writes went
            through: `comment` (`{"action": "created"|"updated", "comment": Comment}`: a comment was approved, edited or
            liked; the comment as the tree shows it, without replies), `comment-removed` (`{"id", "postId"}`: deleted,
            trashed, spam), `post` (`{"id", "likeCount", "commentCount"}`: the post's counts moved), `closed` (the post
            is no longer public; the stream ends). The first event is `ready` (`{"postId", "lastEventId"}`), or `reset`
            (`{"postId", "reason"}`) when the stream cannot resume from the `Last-Event-ID` sent: reload the comments.
            Every event's id is its change number: a client reconnecting with `Last-Event-ID` (browsers do so by
            themselves) gets every change it missed, in order. A comment line (`: heartbeat`) is sent after
            `gazette.comments.stream.heartbeat` (15 s) without events. An address may hold
            `gazette.comments.stream.max-per-client` (6) streams at once; beyond, 429. Never cached (`no-store`).
            Emails and IP addresses never appear. A protected post's stream needs its `X-Post-Password`.""")
    @APIResponse(responseCode = "200", description = "The event stream (it stays open)",
            headers = @Header(name = "Cache-Control", description = "no-store", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "events", value = """
                            retry: 3000
                            id: 1200
                            event: ready
                            data: {"postId":42,"lastEventId":"1200"}

                            id: 1201
                            event: comment
                            data: {"action":"created","comment":{"id":1041,"postId":42,"parentId":1040,"depth":1,...}}

                            : heartbeat

                            """)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public Multi<OutboundSseEvent> streamComments(
            @Parameter(description = "Post id or slug", example = "council-approves-harbour-wall-repairs-after-winter-storms")
            @PathParam("idOrSlug") String idOrSlug,
            @Parameter(description = "Resume after this event id (sent by a reconnecting EventSource)", example = "1200")
            @HeaderParam(LAST_EVENT_ID) String lastEventId,
            @Context Sse sse) {
        long postId = comments.discussion(IdOrSlug.parse(idOrSlug));
        Long resumeAfter = null;
        if (lastEventId != null && !lastEventId.isBlank()) {
            if (!EVENT_ID.matcher(lastEventId.strip()).matches()) {
                throw ApiException.badRequest(LAST_EVENT_ID, "must be the id of an event of this stream (a number)");
            }
            resumeAfter = Long.parseLong(lastEventId.strip());
        }
        String client = http.remoteAddress() == null ? "unknown" : http.remoteAddress().host();
        Multi<OutboundSseEvent> events = streams.open(postId, resumeAfter, client, sse);
        // on the connection's response: its head goes out with the first event (RestMulti's headers do not reach an SSE answer)
        http.response().putHeader("Cache-Control", "no-store").putHeader("X-Accel-Buffering", "no");
        return events;
    }
}
