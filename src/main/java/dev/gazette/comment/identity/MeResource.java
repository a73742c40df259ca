package dev.gazette.comment.identity;

import dev.gazette.comment.CommentResource;
import dev.gazette.comment.CommenterData;
import dev.gazette.comment.CommentView;
import dev.gazette.comment.OwnComments;
import dev.gazette.common.web.ListPage;
import dev.gazette.common.web.Params;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The signed-in commenter's own things: who they are to Gazette, their comments. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Signed-in commenters")
@SecurityScheme(securitySchemeName = "commenter", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
        apiKeyName = IdTokenVerifier.HEADER, description = """
                A commenter's OpenID Connect ID token, from one of the configured providers
                (`gazette.comments.identity.providers`), sent as `X-Id-Token: <id token>`. The front-end obtains it
                with the authorization code flow with PKCE in the browser. Gazette checks its signature against the
                provider's published keys, its issuer, audience (the front-end's client id), expiry and not-before.
                A bad token is a 401 whose `errors[0].message` says why: malformed, alg-none, algorithm-not-allowed,
                wrong-issuer, wrong-audience, expired, not-yet-valid, unknown-key, bad-signature, missing-claim.""")
@SecurityRequirement(name = "commenter")
public class MeResource {

    @Inject
    SignedInCommenter signedIn;

    @Inject
    OwnComments own;

    @Inject
    CommenterData data;

    @GET
    @Path("/me/commenter")
    @Operation(summary = "The signed-in commenter", description = """
            Who the ID token names, as Gazette shows them: display name, picture and provider from the token's claims,
            and whether a moderator blocked them. The email is not shown here (it is in the data export).""")
    @APIResponse(responseCode = "200", description = "The commenter",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Me.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    public Response getSignedInCommenter() {
        SignedInCommenter.Ref me = signedIn.current().orElseThrow(IdTokenVerifier::missing);
        return personal(new Me(me.id(), me.name(), me.picture(), me.provider(), me.blocked()));
    }

    @GET
    @Path("/me/comments")
    @Operation(summary = "My comments", description = """
            The signed-in commenter's comments, newest first, on every post and in every status (their comments
            awaiting moderation too), keyset-paged. Each can be edited or deleted without an edit key within the
            edit window (PATCH or DELETE /api/v1/comments/{id} with the same X-Id-Token).""")
    @APIResponse(responseCode = "200", description = "A page of comments",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommentResource.CommentPage.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    public Response listMyComments(
            @Parameter(description = "Page size, 1 to 100", example = "20") @QueryParam("limit") String limit,
            @Parameter(description = "page.next or page.prev of a previous page", example = "WyJuZXdlc3QiLCJhIiwiMjAyNi0xMS0yMFQwOTowMDowMFoiLDEwNDBd")
            @QueryParam("cursor") String cursor) {
        ListPage<CommentView> page = own.mine(Params.blankToNull(cursor), Params.limit(limit));
        return personal(new CommentResource.CommentPage(page.items(), page.page()));
    }

    @GET
    @Path("/me/data")
    @Operation(summary = "Export my data", description = """
            Everything Gazette stores about the signed-in commenter, as JSON: the identity (with the email from the
            provider), every comment written signed in with the post it is on and every stored field (IP hash and
            user agent until the retention purge removes them), and the likes given signed in. Logged in the audit log.""")
    @APIResponse(responseCode = "200", description = "The export",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommenterData.DataExport.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    public Response exportMyData() {
        return personal(data.exportMine());
    }

    @POST
    @Path("/me/erasure")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Erase my data", description = """
            Erases the signed-in commenter: the identity and its likes are deleted, and their comments either keep
            their text without anything personal (`anonymize`, the default: name "Deleted"; email, URL, avatar, picture,
            IP hash and user agent removed) or are deleted (`remove`; one that others replied to stays as an anonymous
            "[removed]" node, so replies and the thread stay in place). Counts follow. Signing in again later starts a new,
            empty identity. Logged in the audit log.""")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CommenterData.ErasureInput.class),
            examples = @ExampleObject(name = "remove", value = "{\"comments\": \"remove\"}")))
    @APIResponse(responseCode = "200", description = "What was erased",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommenterData.ErasureResult.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    public Response eraseMyData(CommenterData.ErasureInput input) {
        return personal(data.eraseMine(input == null ? null : input.comments()));
    }

    /** Answers about one person: never stored by a shared cache. */
    static Response personal(Object body) {
        return Response.ok(body).header("Cache-Control", "private, no-store").header("Vary", IdTokenVerifier.HEADER).build();
    }

    @Schema(name = "Me", description = "The signed-in commenter")
    public record Me(@Schema(example = "17") long commenterId,
                     @Schema(example = "Ada Lovelace") String name,
                     @Schema(example = "https://lh3.googleusercontent.com/a/ACg8oc", nullable = true) String picture,
                     @Schema(example = "Google") String provider,
                     @Schema(description = "Blocked by a moderator: may no longer comment or like", example = "false") boolean blocked) {
    }
}
