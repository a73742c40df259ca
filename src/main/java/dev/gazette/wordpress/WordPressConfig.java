package dev.gazette.wordpress;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.ZoneId;

/**
 * Settings of the WordPress-compatible API ({@code /wp-json}). The site's name, address and post
 * URLs are the publication's own ({@code gazette.site.*}), as feeds use them.
 */
@ConfigMapping(prefix = "gazette.wordpress")
public interface WordPressConfig {

    /**
     * The site's time zone, as WordPress' {@code timezone_string}: {@code date} and {@code modified}
     * are local times in it, {@code date_gmt} and {@code modified_gmt} UTC.
     */
    @WithDefault("UTC")
    ZoneId timeZone();
}
