package dev.gazette.comment;

import dev.gazette.author.Caller;
import dev.gazette.comment.identity.SignedInCommenter;
import dev.gazette.common.GazetteConfig;
import dev.gazette.common.web.HttpCaching;
import dev.gazette.common.web.IdOrSlug;
import dev.gazette.common.web.ListPage;
import dev.gazette.common.web.MergePatch;
import dev.gazette.common.web.PageInfo;
import dev.gazette.common.web.Params;
import dev.gazette.common.web.Representation;
import dev.gazette.post.PostPassword;
import io.vertx.core.http.HttpServerRequest;
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
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Comments")
public class CommentResource {

    static final String VISITOR = "Anonymous liker id (8 to 64 of A-Z a-z 0-9 - _, e.g. a UUID kept by the client); with it, nodes carry likedByMe";
    static final String VISITOR_EXAMPLE = "3f0c2a7e-5b1d-4e8a-9c61-2d7f0b9e4a11";
    /** The header PostProtection reads for a protected post's discussion (declared on each operation it guards). */
    static final String DISCUSSION_PASSWORD = "The post's password when it is protected: its discussion is neither shown nor accepted"
            + " without it (a token that may edit the post, or a moderator's, needs none). Wrong passwords count toward a"
            + " per-address limit (429)";
    static final String PROTECTED = "A protected post's discussion without its password in X-Post-Password"
            + " (`post-password-required`) or with a wrong one (`incorrect-post-password`)";

    @Inject
    CommentService service;

    @Inject
    LikeService likes;

    @Inject
    HttpCaching caching;

    @Inject
    CommentJson json;

    @Inject
    Caller caller;

    @Inject
    GazetteConfig config;

    @Inject
    HttpServerRequest http;

    @Inject
    SignedInCommenter signedIn;

    @POST
    @Path("/posts/{idOrSlug}/comments")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = "bearer"))
    @SecurityRequirementsSet(@SecurityRequirement(name = "commenter"))
    @Operation(summary = "Post a comment", description = """
            Public: name and email (never shown; its SHA-256 becomes the avatar hash), or a token to comment as
            its author, or signed in with an OpenID Connect provider (`X-Id-Token: <id token>`): the name, picture and
            provider then come from the ID token (name and email in the body are ignored) and a bad token is a 401. `parentId` replies to an approved comment of the same post; past the depth cap a reply
            attaches beside the comment at the cap. The response shows the comment's status (`pending` means
            "awaiting moderation") and, once, an `editKey` for editing or deleting it within the edit window.""")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommentInput.class),
            examples = @ExampleObject(name = "reply", value = """
                    {"parentId": 1040, "authorName": "Ada", "authorEmail": "ada@example.com",
                     "content": "Thanks, great read.\\n\\nWhere does the data come from?"}""")))
    @APIResponse(responseCode = "201", description = "Created; Location names the comment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommentView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", description = "Comments are closed on this post, or " + PROTECTED,
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    @Parameter(name = PostPassword.HEADER, in = ParameterIn.HEADER, description = DISCUSSION_PASSWORD, example = "enter",
            schema = @Schema(implementation = String.class))
    public Response createComment(
            @Parameter(description = "Post id or slug", example = "council-approves-harbour-wall-repairs-after-winter-storms") @PathParam("idOrSlug") String idOrSlug,
            @NotNull @Valid CommentInput input, @Context UriInfo uri) {
        CommentView created = service.create(IdOrSlug.parse(idOrSlug), input,
                new CommentService.Origin(http.remoteAddress() == null ? null : http.remoteAddress().host(),
                        http.getHeader("User-Agent"), http.getHeader("Referer")));
        return Response.created(uri.getBaseUriBuilder().path("api/v1/comments/{id}").build(created.id()))
                .header("Cache-Control", "no-store").entity(created).build();
    }

    @GET
    @Path("/posts/{idOrSlug}/comments")
    @Operation(summary = "A post's comment tree", description = """
            Approved comments as a tree in one request: root threads paged with a keyset cursor (`sort` oldest,
            newest or top by likes), each with its replies nested oldest first, up to `replies` replies for the
            whole page. A node whose replies were cut says how many in `moreReplies`, with the URL of the rest.
            Costs a constant number of SQL statements, whatever the size of the tree.""")
    @APIResponse(responseCode = "200", description = "A page of root threads with nested replies",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommentPage.class)))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match)")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", description = PROTECTED,
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    @Parameter(name = PostPassword.HEADER, in = ParameterIn.HEADER, description = DISCUSSION_PASSWORD, example = "enter",
            schema = @Schema(implementation = String.class))
    public Response getCommentTree(
            @Parameter(description = "Post id or slug", example = "council-approves-harbour-wall-repairs-after-winter-storms") @PathParam("idOrSlug") String idOrSlug,
            @Parameter(description = "oldest (default), newest, or top (most liked)", example = "oldest") @QueryParam("sort") String sort,
            @Parameter(description = "Root threads per page, 1 to " + CommentService.MAX_TREE_ROOTS
                    + " (with `replies=10000` a whole discussion of that many threads in one request)", example = "20")
            @QueryParam("limit") String limit,
            @Parameter(description = "page.next or page.prev of a previous page", example = "WyJvbGRlc3QiLCJhIiwiMjAyNi0xMS0yMFQwOTowMDowMFoiLDEwNDBd")
            @QueryParam("cursor") String cursor,
            @Parameter(description = "Most replies to include below the page's roots (default 100, at most 10000)", example = "500")
            @QueryParam("replies") String replies,
            @Parameter(description = VISITOR, example = VISITOR_EXAMPLE) @HeaderParam(Liker.HEADER) String visitorId,
            @Context Request request) {
        Optional<Liker> liker = Liker.of(caller, signedIn, visitorId);
        IdOrSlug post = IdOrSlug.parse(idOrSlug);
        CommentService.Sort order = Params.enumValue("sort", sort, CommentService.Sort.class, CommentService.Sort.OLDEST);
        String from = Params.blankToNull(cursor);
        int size = Params.intIn("limit", limit, Params.DEFAULT_LIMIT, 1, CommentService.MAX_TREE_ROOTS);
        int budget = budget(replies);
        ListPage<CommentView> page = service.tree(post, order, from, size, budget, liker);
        return caching.ok(request, Representation.raw(json.page(page), MediaType.APPLICATION_JSON).etagOnly()
                .personal(caller.isAuthenticated() || liker.isPresent()).lastModified(lastModified(page.items())));
    }

    @GET
    @Path("/comments")
    @Operation(summary = "List comments (flat)", description = """
            Approved comments as a flat, chronological list, for integrations: one post's (`post`) or the whole site's.
            `q` searches content and commenter names. With a moderator, editor or admin token, `status` lists the moderation
            queue (pending, spam, trashed), `q` also searches emails, and items carry the commenter's email under `moderation`.""")
    @APIResponse(responseCode = "200", description = "A page of comments",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommentPage.class)))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match)")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", description = "A status other than approved without a moderator's token, or " + PROTECTED,
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    @Parameter(name = PostPassword.HEADER, in = ParameterIn.HEADER, description = DISCUSSION_PASSWORD, example = "enter",
            schema = @Schema(implementation = String.class))
    public Response listComments(
            @Parameter(description = "Post id or slug", example = "council-approves-harbour-wall-repairs-after-winter-storms") @QueryParam("post") String post,
            @Parameter(description = "approved (default); pending, spam or trashed for moderators", example = "approved")
            @QueryParam("status") String status,
            @Parameter(description = "Search in content and author name (moderators: also the email), case-insensitive", example = "harbour") @QueryParam("q") String q,
            @Parameter(description = "oldest (default), newest or top", example = "newest") @QueryParam("sort") String sort,
            @Parameter(description = "Page size, 1 to 100", example = "50") @QueryParam("limit") String limit,
            @Parameter(description = "page.next or page.prev of a previous page", example = "WyJvbGRlc3QiLCJhIiwiMjAyNi0xMS0yMFQwOTowMDowMFoiLDEwNDBd")
            @QueryParam("cursor") String cursor,
            @Context Request request) {
        ListPage<CommentView> page = service.flat(Params.blankToNull(post),
                Params.enumValue("status", status, CommentStatus.class, null), q,
                Params.enumValue("sort", sort, CommentService.Sort.class, CommentService.Sort.OLDEST),
                Params.blankToNull(cursor), Params.limit(limit));
        return caching.ok(request, Representation.raw(json.page(page), MediaType.APPLICATION_JSON).etagOnly()
                .personal(caller.isAuthenticated()).lastModified(lastModified(page.items())));
    }

    @GET
    @Path("/comments/{id}")
    @Operation(summary = "Get a comment", description = "An approved comment (moderators: any), without its replies.")
    @APIResponse(responseCode = "200", description = "The comment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommentView.class)))
    @APIResponse(responseCode = "304", description = "Not modified")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", description = PROTECTED,
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    @Parameter(name = PostPassword.HEADER, in = ParameterIn.HEADER, description = DISCUSSION_PASSWORD, example = "enter",
            schema = @Schema(implementation = String.class))
    public Response getComment(@Parameter(description = "Comment id", example = "1") @PathParam("id") String id,
                               @Parameter(description = VISITOR, example = VISITOR_EXAMPLE) @HeaderParam(Liker.HEADER) String visitorId,
                               @Context Request request) {
        Optional<Liker> liker = Liker.of(caller, signedIn, visitorId);
        CommentView c = service.get(commentId(id), liker);
        return caching.ok(request, Representation.raw(json.one(c), MediaType.APPLICATION_JSON).lastModified(c.updatedAt())
                .personal(caller.isAuthenticated() || liker.isPresent()));
    }

    @GET
    @Path("/comments/{id}/replies")
    @Operation(summary = "A comment's replies", description = """
            Direct replies, oldest first, keyset-paged, each with its own replies nested (up to `replies`).
            `moreReplies.href` of a tree node points here with the cursor after the replies already shown.""")
    @APIResponse(responseCode = "200", description = "A page of replies",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommentPage.class)))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match)")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", description = PROTECTED,
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    @Parameter(name = PostPassword.HEADER, in = ParameterIn.HEADER, description = DISCUSSION_PASSWORD, example = "enter",
            schema = @Schema(implementation = String.class))
    public Response getCommentReplies(
            @Parameter(description = "Comment id", example = "1") @PathParam("id") String id,
            @Parameter(description = "Replies per page, 1 to 100", example = "20") @QueryParam("limit") String limit,
            @Parameter(description = "page.next of a previous page, or from moreReplies.href", example = "WyJvbGRlc3QiLCJhIiwiMjAyNi0xMS0yMFQwOTowMDowMFoiLDEwNDJd")
            @QueryParam("cursor") String cursor,
            @Parameter(description = "Most nested replies to include (default 100)", example = "500") @QueryParam("replies") String replies,
            @Parameter(description = VISITOR, example = VISITOR_EXAMPLE) @HeaderParam(Liker.HEADER) String visitorId,
            @Context Request request) {
        Optional<Liker> liker = Liker.of(caller, signedIn, visitorId);
        ListPage<CommentView> page = service.replies(commentId(id), Params.blankToNull(cursor), Params.limit(limit), budget(replies), liker);
        return caching.ok(request, Representation.raw(json.page(page), MediaType.APPLICATION_JSON).etagOnly()
                .personal(caller.isAuthenticated() || liker.isPresent()).lastModified(lastModified(page.items())));
    }

    @GET
    @Path("/comments/{id}/thread")
    @Operation(summary = "A comment with its whole subtree", description = "For permalinks: the comment and every approved reply below it, nested (up to `replies`).")
    @APIResponse(responseCode = "200", description = "The comment with nested replies",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommentView.class)))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match)")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", description = PROTECTED,
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    @Parameter(name = PostPassword.HEADER, in = ParameterIn.HEADER, description = DISCUSSION_PASSWORD, example = "enter",
            schema = @Schema(implementation = String.class))
    public Response getCommentThread(
            @Parameter(description = "Comment id", example = "1") @PathParam("id") String id,
            @Parameter(description = "Most replies to include (default 100)", example = "500") @QueryParam("replies") String replies,
            @Parameter(description = VISITOR, example = VISITOR_EXAMPLE) @HeaderParam(Liker.HEADER) String visitorId,
            @Context Request request) {
        Optional<Liker> liker = Liker.of(caller, signedIn, visitorId);
        CommentView thread = service.thread(commentId(id), budget(replies), liker);
        return caching.ok(request, Representation.raw(json.one(thread), MediaType.APPLICATION_JSON).etagOnly()
                .personal(caller.isAuthenticated() || liker.isPresent()).lastModified(lastModified(List.of(thread))));
    }

    @PATCH
    @Path("/comments/{id}")
    @Consumes({MediaType.APPLICATION_JSON, MergePatch.MEDIA_TYPE})
    @Operation(summary = "Edit a comment", description = """
            By its writer, with the edit key returned at creation (`X-Edit-Key`) or signed in as its writer
            (`X-Id-Token`, from any device), within the edit window (content only); or by a moderator, editor or admin
            (content, name, URL).""")
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = "bearer"))
    @SecurityRequirementsSet(@SecurityRequirement(name = "commenter"))
    @APIResponse(responseCode = "200", description = "The edited comment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommentView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    public CommentView editComment(@Parameter(description = "Comment id", example = "1") @PathParam("id") String id,
                                   @Parameter(description = "The edit key from the creation response", example = "q2xT0m1K9vRzL4s8yWc3bNf6hJ5dA7uE")
                                   @HeaderParam("X-Edit-Key") String editKey,
                                   @NotNull @Valid CommentEdit edit) {
        signedIn.current(); // a bad ID token is refused before anything, outside the transaction
        return service.edit(commentId(id), edit, editKey);
    }

    @DELETE
    @Path("/comments/{id}")
    @Operation(summary = "Delete a comment", description = """
            By its writer with the edit key or signed in as its writer (`X-Id-Token`) inside the edit window (the
            comment goes to the trash), or by a moderator, editor or admin (deleted for good, with its replies).""")
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = "bearer"))
    @SecurityRequirementsSet(@SecurityRequirement(name = "commenter"))
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public void deleteComment(@Parameter(description = "Comment id", example = "1") @PathParam("id") String id,
                              @Parameter(description = "The edit key from the creation response", example = "q2xT0m1K9vRzL4s8yWc3bNf6hJ5dA7uE")
                              @HeaderParam("X-Edit-Key") String editKey) {
        signedIn.current(); // a bad ID token is refused before anything, outside the transaction
        service.deleteOwnOrModerate(commentId(id), editKey);
    }

    @PUT
    @Path("/comments/{id}/like")
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = "bearer"))
    @SecurityRequirementsSet(@SecurityRequirement(name = "commenter"))
    @Operation(summary = "Like a comment", description = "Idempotent: one like per liker (a token's author, a signed-in commenter, or an X-Visitor-Id).")
    @APIResponse(responseCode = "200", description = "The like state",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LikeView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public LikeView likeComment(@Parameter(description = "Comment id", example = "1") @PathParam("id") String id,
                                @Parameter(description = VISITOR, example = VISITOR_EXAMPLE) @HeaderParam(Liker.HEADER) String visitorId) {
        return likes.likeComment(commentId(id), Liker.require(caller, signedIn, visitorId), true);
    }

    @DELETE
    @Path("/comments/{id}/like")
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = "bearer"))
    @SecurityRequirementsSet(@SecurityRequirement(name = "commenter"))
    @Operation(summary = "Unlike a comment", description = "Idempotent: removes the caller's like if there is one.")
    @APIResponse(responseCode = "200", description = "The like state",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LikeView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public LikeView unlikeComment(@Parameter(description = "Comment id", example = "1") @PathParam("id") String id,
                                  @Parameter(description = VISITOR, example = VISITOR_EXAMPLE) @HeaderParam(Liker.HEADER) String visitorId) {
        return likes.likeComment(commentId(id), Liker.require(caller, signedIn, visitorId), false);
    }

    @PUT
    @Path("/posts/{idOrSlug}/like")
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = "bearer"))
    @SecurityRequirementsSet(@SecurityRequirement(name = "commenter"))
    @Operation(summary = "Like a post", description = "Idempotent: one like per liker (a token's author, a signed-in commenter, or an X-Visitor-Id).")
    @APIResponse(responseCode = "200", description = "The like state",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LikeView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public LikeView likePost(@Parameter(description = "Post id or slug", example = "council-approves-harbour-wall-repairs-after-winter-storms") @PathParam("idOrSlug") String idOrSlug,
                             @Parameter(description = VISITOR, example = VISITOR_EXAMPLE) @HeaderParam(Liker.HEADER) String visitorId) {
        return likes.likePost(IdOrSlug.parse(idOrSlug), Liker.require(caller, signedIn, visitorId), true);
    }

    @DELETE
    @Path("/posts/{idOrSlug}/like")
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = "bearer"))
    @SecurityRequirementsSet(@SecurityRequirement(name = "commenter"))
    @Operation(summary = "Unlike a post", description = "Idempotent: removes the caller's like if there is one.")
    @APIResponse(responseCode = "200", description = "The like state",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LikeView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public LikeView unlikePost(@Parameter(description = "Post id or slug", example = "council-approves-harbour-wall-repairs-after-winter-storms") @PathParam("idOrSlug") String idOrSlug,
                               @Parameter(description = VISITOR, example = VISITOR_EXAMPLE) @HeaderParam(Liker.HEADER) String visitorId) {
        return likes.likePost(IdOrSlug.parse(idOrSlug), Liker.require(caller, signedIn, visitorId), false);
    }

    @Schema(name = "CommentPage", description = "A page of comments")
    public record CommentPage(List<CommentView> items, PageInfo page) {
    }

    static long commentId(String id) {
        return Params.id("id", id);
    }

    private int budget(String replies) {
        return Params.intIn("replies", replies, config.comments().defaultReplyBudget(), 0, config.comments().maxReplyBudget());
    }

    /** The newest change anywhere in these comment trees. */
    private static Instant lastModified(List<CommentView> nodes) {
        Instant newest = null;
        for (CommentView node : nodes) {
            Instant at = node.replies() == null ? node.updatedAt() : later(node.updatedAt(), lastModified(node.replies()));
            newest = later(newest, at);
        }
        return newest;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || (b != null && b.isAfter(a)) ? b : a;
    }

}
