package dev.gazette.common;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Gazette's own settings ({@code gazette.*} in application.properties or GAZETTE_* variables). */
@ConfigMapping(prefix = "gazette")
public interface GazetteConfig {

    Http http();

    Auth auth();

    Demo demo();

    Posts posts();

    Comments comments();

    interface Http {
        /** Largest accepted request body, e.g. {@code 2M}. */
        @WithDefault("2M")
        MemorySize maxBodySize();

        /** Cache-Control sent with public GET responses. */
        @WithDefault("public, max-age=60")
        String cacheControl();
    }

    interface Auth {
        /** Token of the first admin. When empty and no token exists, one is generated and logged once. */
        Optional<String> bootstrapToken();
    }

    interface Demo {
        /** Load the demo publication into an empty database at start (on in dev mode). */
        @WithDefault("false")
        boolean enabled();
    }

    interface Comments {
        /** Nesting levels of a reply tree; a reply to a comment at the last level attaches beside it. */
        @WithDefault("10")
        int maxDepth();

        /** Longest comment, in characters. */
        @WithDefault("5000")
        int maxLength();

        /** hold-all, approve-all, or approve-known (authors with an earlier approved comment). */
        @WithDefault("approve-known")
        Moderation moderation();

        /** Close comments this long after a post's publication; unset keeps them open. */
        Optional<Duration> closeAfter();

        /** How long a commenter may edit or delete their comment with its edit key. */
        @WithDefault("15m")
        Duration editWindow();

        /** Default and largest number of replies a tree response carries. */
        @WithDefault("500")
        int defaultReplyBudget();

        @WithDefault("10000")
        int maxReplyBudget();

        /** Secret mixed into the stored hash of commenter IPs (set it in production). */
        @WithDefault("gazette-ip-hash")
        String ipHashSecret();

        enum Moderation { HOLD_ALL, APPROVE_ALL, APPROVE_KNOWN }
    }

    interface Posts {
        /** How often scheduled posts whose time has come are switched to published. */
        @WithDefault("30s")
        Duration schedulerInterval();
    }
}
