package dev.gazette.author;

import dev.gazette.common.web.HttpCaching;
import dev.gazette.common.web.ListPage;
import dev.gazette.common.web.PageInfo;
import dev.gazette.common.web.Params;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tokens")
@SecurityRequirement(name = "bearer")
public class TokenResource {

    @Inject
    TokenService service;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a token", description = """
            Mints a bearer token. Admins may mint for any author (`authorId`); others only for themselves.
            The response carries the secret (`token`) this once; Gazette stores only its SHA-256 digest.""")
    @APIResponse(responseCode = "201", description = "Created; the body holds the secret",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenView.Created.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    public Response createToken(@NotNull @Valid TokenView.Input input, @Context UriInfo uri) {
        TokenView.Created created = service.mint(input);
        return Response.created(uri.getBaseUriBuilder().path("api/v1/tokens/{id}").build(created.id()))
                .cacheControl(HttpCaching.noStore()).entity(created).build();
    }

    @GET
    @Operation(summary = "List tokens", description = """
            Admins see every token, others their own, oldest first and keyset-paged: follow `page.next` until it is null.
            Secrets are never listed.""")
    @APIResponse(responseCode = "200", description = "A page of tokens",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenPage.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    public Response listTokens(
            @Parameter(description = "Page size, 1 to 100", example = "20") @QueryParam("limit") String limit,
            @Parameter(description = "page.next or page.prev of a previous page", example = "WyJ0b2tlbnMiLCJhIiwzXQ")
            @QueryParam("cursor") String cursor) {
        ListPage<TokenView> page = service.list(Params.blankToNull(cursor), Params.limit(limit));
        return Response.ok(page).cacheControl(HttpCaching.noStore()).build();
    }

    @Schema(name = "TokenPage", description = "A page of tokens")
    public record TokenPage(List<TokenView> items, PageInfo page) {
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Revoke a token", description = "The token stops working at once. Admins may revoke any token, others their own.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public void revokeToken(@Parameter(description = "Token id", example = "3") @PathParam("id") String id) {
        service.revoke(Params.id("id", id));
    }
}
