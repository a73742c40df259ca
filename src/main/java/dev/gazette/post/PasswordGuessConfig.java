package dev.gazette.post;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * The limit on wrong passwords of protected posts and pages ({@code gazette.post-passwords.rate-limit}): a
 * token bucket per client address, one token per wrong password. An empty bucket answers 429 with
 * Retry-After before the password is even hashed, so guessing costs the guesser time, not the server CPU.
 */
@ConfigMapping(prefix = "gazette.post-passwords")
public interface PasswordGuessConfig {

    RateLimit rateLimit();

    interface RateLimit {
        @WithDefault("true")
        boolean enabled();

        /** Wrong passwords allowed in a burst. */
        @WithDefault("10")
        long capacity();

        /** Wrong passwords that come back per period. */
        @WithDefault("10")
        long refillTokens();

        @WithDefault("10m")
        Duration refillPeriod();
    }
}
