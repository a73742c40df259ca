package dev.gazette.reader;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The reader site ({@code gazette.reader.*}): a small public site built only on the API, served by Gazette itself. */
@ConfigMapping(prefix = "gazette.reader")
public interface ReaderConfig {

    /** Serve the reader site; false leaves its path to nothing (404). */
    @WithDefault("true")
    boolean enabled();

    /** Where it is served: its page at this path, its files under {@code <path>reader/}. */
    @WithDefault("/")
    String path();
}
