package dev.gazette.common.persistence;

import io.quarkus.logging.LoggingFilter;
import org.jboss.logmanager.ExtLogRecord;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.logging.Filter;
import java.util.logging.LogRecord;

/**
 * Keeps the layers between Gazette and its database (Hibernate's JDBC error log, the Agroal pool,
 * the Narayana transaction manager) from logging every request that fails because the database
 * cannot be reached: a line or a stack trace each, hundreds a second under load. That an outage
 * began and ended is logged once by {@link DatabaseAvailability}; every other record passes.
 */
@LoggingFilter(name = "database-outage")
public final class OutageLogFilter implements Filter {

    private static final List<String> LAYERS = List.of("org.hibernate.orm.jdbc.error", "org.hibernate.orm.session", "org.hibernate.engine.jdbc.spi",
            "io.agroal.pool", "com.arjuna.ats");

    /** What the drivers and the pool say of a connection they could not open or lost (PostgreSQL, H2, Agroal). */
    private static final List<String> CONNECTION_TROUBLE = List.of("Connection is broken", "Connection refused",
            "An I/O error occurred", "This connection has been closed", "Database is already closed",
            "terminating connection due to administrator command", "the database system is shutting down",
            "the database system is starting up", "acquisition timeout", "Unable to acquire JDBC Connection",
            "Exception in association of connection to existing transaction", "could not register transaction",
            "Closing connection in incorrect state VALIDATION",
            "SQLState: 08", "SQLState: 57P", "SQLState: 90067");

    @Override
    public boolean isLoggable(LogRecord record) {
        String logger = record.getLoggerName();
        if (logger == null || LAYERS.stream().noneMatch(logger::startsWith)) {
            return true;
        }
        if (record.getThrown() != null && DatabaseAvailability.isConnectionFailure(record.getThrown())) {
            return false;
        }
        String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        if (tellsOfConnectionTrouble(message)) {
            return false;
        }
        // Hibernate's "HHH90010102: JDBC exception executing SQL" says what went wrong only in its exception
        // ("Unable to acquire JDBC Connection"), whose cause need not carry a connection SQL state
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = record.getThrown(); t != null && seen.add(t) && seen.size() <= 20; t = t.getCause()) {
            if (tellsOfConnectionTrouble(t.getMessage())) {
                return false;
            }
        }
        return true;
    }

    private static boolean tellsOfConnectionTrouble(String message) {
        return message != null && CONNECTION_TROUBLE.stream().anyMatch(message::contains);
    }
}
