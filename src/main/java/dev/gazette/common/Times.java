package dev.gazette.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The current time at the precision Gazette stores and returns (milliseconds), so a write's
 * response shows the same timestamps a later read does, on H2 and PostgreSQL alike.
 *
 * <p>Every decision that depends on the time of day (scheduled posts, edit windows, comment
 * closing, flood intervals, webhook retries, retention) reads this one clock. Tests run the
 * application in their own JVM and move it forward with {@link #advance} instead of sleeping (or stop it with
 * {@link #freeze}), and put it back with {@link #reset}; in production it is the system clock and nothing changes it.
 */
public final class Times {

    private static final Clock SYSTEM = Clock.systemUTC();

    private static volatile Clock clock = SYSTEM;

    private Times() {
    }

    public static Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Moves the application's clock forward (tests only): it keeps ticking from there. */
    public static synchronized void advance(Duration by) {
        clock = Clock.offset(clock, by);
    }

    /** Stops the application's clock where it is (tests only): every write gets the same instant. */
    public static synchronized void freeze() {
        clock = Clock.fixed(clock.instant(), ZoneOffset.UTC);
    }

    /** Back to the system clock (tests only). */
    public static synchronized void reset() {
        clock = SYSTEM;
    }
}
