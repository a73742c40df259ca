package dev.gazette.common;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The current time at the precision Gazette stores and returns (milliseconds), so a write's
 * response shows the same timestamps a later read does, on H2 and PostgreSQL alike.
 */
public final class Times {

    private Times() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
