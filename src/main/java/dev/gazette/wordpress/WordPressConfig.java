package dev.gazette.wordpress;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.ZoneId;
import java.util.Optional;

/** Settings of the WordPress-compatible API ({@code /wp-json}). */
@ConfigMapping(prefix = "gazette.wordpress")
public interface WordPressConfig {

    /**
     * The site's time zone, as WordPress' {@code timezone_string}: {@code date} and {@code modified}
     * are local times in it, {@code date_gmt} and {@code modified_gmt} UTC.
     */
    @WithDefault("UTC")
    ZoneId timeZone();

    /** The site's name and description in the discovery index. */
    @WithDefault("Gazette")
    String siteName();

    Optional<String> siteDescription();

    /**
     * The public site's address, for {@code link} and {@code guid} (permalinks {@code /<slug>/},
     * {@code /category/<slug>/}, {@code /tag/<slug>/}, {@code /author/<slug>/}); absent, the API's own
     * base URL. API links ({@code _links}) always name this server.
     */
    Optional<String> siteUrl();
}
