package dev.gazette.author;

import dev.gazette.common.web.ApiException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import java.util.Arrays;
import java.util.Optional;

/**
 * Who is calling: resolved lazily from the {@code Authorization: Bearer} header the first time
 * a service asks, so public reads without a header never touch the token table. A header that
 * is present but not a valid token is a 401, even on a public read.
 */
@RequestScoped
public class Caller {

    @Inject
    HttpServerRequest request;

    @Inject
    TokenService tokens;

    private Optional<Principal> principal;

    public Optional<Principal> principal() {
        if (principal == null) {
            principal = resolve();
        }
        return principal;
    }

    /** For work outside an HTTP request (demo content, imports): act as this principal. */
    public void actAs(Principal principal) {
        this.principal = Optional.of(principal);
    }

    /** For work outside an HTTP request: act as an anonymous visitor. */
    public void actAsAnonymous() {
        this.principal = Optional.empty();
    }

    public boolean isAuthenticated() {
        return principal().isPresent();
    }

    /** Whether the caller may see everyone behind the content and their roles (editors and admins). */
    public boolean seesStaff() {
        return principal().map(p -> p.role().editsAllContent()).orElse(false);
    }

    /** The principal, if it has one of the roles; 401 without a token, 403 with a token of another role. */
    public Principal require(Role... roles) {
        Principal p = principal().orElseThrow(() -> ApiException.unauthorized(
                "This operation needs an API token: send 'Authorization: Bearer <token>'."));
        if (roles.length > 0 && Arrays.stream(roles).noneMatch(r -> r == p.role())) {
            throw ApiException.forbidden("Your role (" + p.role().json() + ") may not do this.");
        }
        return p;
    }

    private Optional<Principal> resolve() {
        return Tokens.bearer(request == null ? null : request.getHeader("Authorization"))
                .map(secret -> tokens.authenticate(secret)
                        .orElseThrow(() -> ApiException.unauthorized("The token is unknown or has been revoked.")));
    }
}
