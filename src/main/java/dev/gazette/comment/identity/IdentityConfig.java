package dev.gazette.comment.identity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Sign-in of commenters with OpenID Connect providers ({@code gazette.comments.identity.*}): the
 * providers a front-end may sign readers in with, and how their ID tokens are checked.
 */
@ConfigMapping(prefix = "gazette.comments.identity")
public interface IdentityConfig {

    /**
     * The accepted providers, {@code providers[0].issuer=https://accounts.google.com},
     * {@code providers[0].audience=<client id>}, {@code providers[0].name=Google}; none turns sign-in off.
     */
    Optional<List<Provider>> providers();

    /** Clock difference tolerated on {@code exp}, {@code nbf} and {@code iat}. */
    @WithDefault("60s")
    Duration clockSkew();

    /** Time allowed to fetch a provider's discovery document and keys. */
    @WithDefault("5s")
    Duration fetchTimeout();

    /** How long a provider's keys (JWKS) are kept when its answer names no lifetime; an unknown key id refreshes them sooner. */
    @WithDefault("1h")
    Duration keysCacheDuration();

    /**
     * With {@code gazette.comments.moderation=approve-trusted}: how many approved comments make a
     * signed-in commenter trusted, so that their next comments are approved at once.
     */
    @WithDefault("3")
    int trustedAfter();

    interface Provider {
        /** The issuer exactly as its ID tokens name it ({@code iss}); its discovery document is {issuer}/.well-known/openid-configuration. */
        String issuer();

        /** The client id the front-end signs in with: the ID token's {@code aud} must contain it. */
        String audience();

        /** Shown with the commenter's name ("Google", "WordPress.com"). */
        String name();
    }
}
