package dev.gazette.common.persistence;

import dev.gazette.common.GazetteConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether the database can be reached, as the last probe found it.
 *
 * <p>A request or job that fails for want of a connection ({@link #isConnectionFailure}) reports it
 * here ({@link #failed}); that starts a probe (one connection from the pool, validated). When the
 * probe fails too, the database is <em>down</em>: logged once, without a stack trace; requests that
 * need it are answered {@code 503} with {@code Retry-After} at once instead of each waiting for a
 * connection; cached public answers are served stale; the readiness check reports down; the pool is
 * emptied of connections the outage broke. The probe repeats every {@code gazette.database.probe-interval}
 * until a connection works again: logged once, with the outage's length, and the pool emptied again
 * (connections opened during the outage may point at a server that is gone). A single failed
 * connection of a database that is up (a backend ended by an administrator) costs that one request a
 * 503 and nothing else: the probe succeeds at once.
 */
@Singleton
public class DatabaseAvailability {

    private static final Logger LOG = Logger.getLogger(DatabaseAvailability.class);

    // providers: filters that use this bean are created before the configuration and the pool exist
    private final Provider<AgroalDataSource> dataSource;
    private final Provider<GazetteConfig> config;
    private final AtomicBoolean probing = new AtomicBoolean();
    private volatile boolean down;
    private volatile Instant downSince;
    private volatile String lastFailure;
    /** The application is shutting down: jobs that still run find the pool closing under them. */
    private volatile boolean stopping;

    @Inject
    public DatabaseAvailability(Provider<AgroalDataSource> dataSource, Provider<GazetteConfig> config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /** Whether the last probe found the database unreachable. */
    public boolean isDown() {
        return down;
    }

    /** When the database became unreachable, or null while it is up. */
    public Instant downSince() {
        return down ? downSince : null;
    }

    /** What the last failed probe said (for the readiness check). */
    public String lastFailure() {
        return lastFailure;
    }

    /** How long clients are told to wait before retrying while the database is unreachable. */
    public Duration retryAfter() {
        return config.get().database().retryAfter();
    }

    /**
     * A request or job failed with {@code failure}: when it is a connection failure, probes the database
     * (in the background) and returns true; the caller answers 503 and logs nothing itself. While the
     * application shuts down every failure is taken as that (the pool closes before the last jobs end).
     */
    public boolean failed(Throwable failure) {
        if (stopping) {
            return true; // a job that ran into the closing pool: nothing to report
        }
        if (!isConnectionFailure(failure)) {
            return false;
        }
        lastFailure = describe(failure);
        if (!down && probing.compareAndSet(false, true)) {
            Thread probe = new Thread(() -> {
                try {
                    if (!reachable()) {
                        markDown();
                    }
                } finally {
                    probing.set(false);
                }
            }, "gazette-database-probe");
            probe.setDaemon(true);
            probe.start();
        }
        return true;
    }

    /** While the database is down, one probe every interval; the first that connects ends the outage. */
    @Scheduled(every = "${gazette.database.probe-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Up.class)
    void probeWhileDown() {
        if (down && probing.compareAndSet(false, true)) {
            try {
                if (reachable()) {
                    markUp();
                }
            } finally {
                probing.set(false);
            }
        }
    }

    private boolean reachable() {
        try (Connection connection = dataSource.get().getConnection()) {
            if (connection.isValid((int) Math.max(1, config.get().database().probeTimeout().toSeconds()))) {
                return true;
            }
            return false; // a connection the outage broke: what the failing request said stays the reason
        } catch (SQLException | RuntimeException e) {
            lastFailure = describe(e);
            return false;
        }
    }

    private synchronized void markDown() {
        if (down) {
            return;
        }
        downSince = Instant.now();
        down = true;
        LOG.warnf("The database is unreachable (%s). Writes and uncached reads answer 503 with Retry-After, cached "
                + "answers are served stale, until a connection works again (checked every %s).", lastFailure,
                config.get().database().probeInterval());
        flushPool();
    }

    private synchronized void markUp() {
        if (!down) {
            return;
        }
        down = false;
        flushPool();
        LOG.infof("The database is reachable again after %d ms.", Duration.between(downSince, Instant.now()).toMillis());
    }

    /** Connections the outage broke (or opened to a server that has gone) are closed, in use ones when returned. */
    private void flushPool() {
        try {
            dataSource.get().flush(AgroalDataSource.FlushMode.ALL);
        } catch (RuntimeException e) {
            LOG.debugf("flushing the connection pool failed: %s", e);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        probing.set(true); // no new probe while the pool closes
    }

    /**
     * Whether a failure means the database could not be reached (no connection, a broken one, a server
     * shutting down), rather than a fault of the statement: JDBC's connection exception classes, SQL
     * states of class 08 (connection exception) and 57P (operator intervention: the server is shutting
     * down or starting), H2's broken connection, and the pool's acquisition timeout.
     */
    public static boolean isConnectionFailure(Throwable failure) {
        return isConnectionFailure(failure, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
    }

    /** The failure, its causes and what was suppressed along the way (the pool hides a broken connection there). */
    private static boolean isConnectionFailure(Throwable t, java.util.Set<Throwable> seen) {
        if (t == null || seen.size() > 50 || !seen.add(t)) {
            return false;
        }
        if (t instanceof JDBCConnectionException || t instanceof SQLTransientConnectionException
                || t instanceof SQLNonTransientConnectionException || t instanceof java.net.ConnectException) {
            return true;
        }
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
                return true;
            }
            if (sql.getErrorCode() == 90067 /* H2: connection broken */ || sql.getErrorCode() == 90028 /* H2: I/O */) {
                return true;
            }
            String message = sql.getMessage();
            if (message != null && message.toLowerCase(Locale.ROOT).contains("acquisition timeout")) {
                return true;
            }
        }
        for (Throwable suppressed : t.getSuppressed()) {
            if (isConnectionFailure(suppressed, seen)) {
                return true;
            }
        }
        return isConnectionFailure(t.getCause(), seen);
    }

    /** What the driver said: the innermost SQL exception's message, else the innermost message. */
    private static String describe(Throwable failure) {
        String said = null;
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 20; depth++, t = t.getCause()) {
            if (t instanceof SQLException && t.getMessage() != null) {
                said = t.getMessage();
            } else if (said == null && t.getCause() == null) {
                said = t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
            }
        }
        return said == null ? failure.toString() : said.lines().findFirst().orElse(said);
    }

    /** Skips the probe while the database is up. */
    @ApplicationScoped
    public static class Up implements Scheduled.SkipPredicate {

        @Inject
        DatabaseAvailability availability;

        @Override
        public boolean test(ScheduledExecution execution) {
            return !availability.isDown();
        }
    }

    /** Skips a scheduled job that needs the database while it is down or the application stops (it would only fail and log). */
    @ApplicationScoped
    public static class Down implements Scheduled.SkipPredicate {

        @Inject
        DatabaseAvailability availability;

        @Override
        public boolean test(ScheduledExecution execution) {
            return availability.isDown() || availability.stopping;
        }
    }
}
