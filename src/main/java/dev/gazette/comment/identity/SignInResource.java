package dev.gazette.comment.identity;

import dev.gazette.common.GazetteConfig;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * What a front-end needs to sign commenters in: the configured providers as a public client sees them (issuer,
 * client id, and the authorization and token endpoints from the provider's discovery document). Nothing secret:
 * Gazette holds no client secret, and the client id is public in every front-end that signs in with it.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Signed-in commenters")
public class SignInResource {

    static final String SCOPE = "openid profile email";

    @Inject
    IdentityConfig identity;

    @Inject
    ProviderDiscovery discovery;

    @Inject
    GazetteConfig config;

    @GET
    @Path("/sign-in")
    @Operation(summary = "How commenters sign in", description = """
            The OpenID Connect providers commenters may sign in with (`gazette.comments.identity.providers`), for a
            front-end's authorization code flow with PKCE: send the reader to `authorizationEndpoint` with `clientId`,
            `scope`, a `code_challenge` (S256), `state` and `nonce`, redeem the code at `tokenEndpoint` with the
            `code_verifier` (no client secret: a public client), and send the ID token as `X-Id-Token`. The endpoints
            come from the provider's discovery document; they are null while it cannot be read. `providers` is empty
            when sign-in is off. `commentEditWindowSeconds`: how long after writing a comment its writer may edit or
            delete it (signed in, from any device).""")
    @APIResponse(responseCode = "200", description = "The sign-in providers",
            headers = @Header(name = "Cache-Control", description = "no-cache", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SignInOptions.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response getSignIn() {
        List<ProviderView> providers = identity.providers().orElse(List.of()).stream().map(p -> {
            var endpoints = discovery.read(p.issuer());
            return new ProviderView(p.name(), p.issuer(), p.audience(), SCOPE,
                    endpoints.map(ProviderDiscovery.Endpoints::authorizationEndpoint).orElse(null),
                    endpoints.map(ProviderDiscovery.Endpoints::tokenEndpoint).orElse(null));
        }).toList();
        return Response.ok(new SignInOptions(providers, IdTokenVerifier.HEADER, config.comments().editWindow().toSeconds()))
                .header("Cache-Control", "no-cache").build();
    }

    @Schema(name = "SignInOptions")
    public record SignInOptions(
            @Schema(description = "The providers, in configuration order; empty when sign-in is off") List<ProviderView> providers,
            @Schema(description = "The header the ID token goes in", example = "X-Id-Token") String tokenHeader,
            @Schema(description = "How long a comment's writer may edit or delete it", example = "900") long commentEditWindowSeconds) {
    }

    @Schema(name = "SignInProvider")
    public record ProviderView(
            @Schema(description = "Shown to readers: \"Sign in with <name>\"", example = "Google") String name,
            @Schema(description = "The issuer, as its ID tokens name it", example = "https://accounts.google.com") String issuer,
            @Schema(description = "The front-end's (public) client id at the provider: the ID tokens' audience",
                    example = "1234567890-abc.apps.googleusercontent.com") String clientId,
            @Schema(description = "The scopes to ask for", example = "openid profile email") String scope,
            @Schema(description = "From the discovery document; null while it cannot be read",
                    example = "https://accounts.google.com/o/oauth2/v2/auth", nullable = true) String authorizationEndpoint,
            @Schema(description = "From the discovery document; null while it cannot be read",
                    example = "https://oauth2.googleapis.com/token", nullable = true) String tokenEndpoint) {
    }
}
