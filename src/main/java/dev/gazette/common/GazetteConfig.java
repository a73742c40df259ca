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

    interface Posts {
        /** How often scheduled posts whose time has come are switched to published. */
        @WithDefault("30s")
        Duration schedulerInterval();
    }
}
