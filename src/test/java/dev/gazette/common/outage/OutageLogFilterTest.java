package dev.gazette.common.outage;

import dev.gazette.common.persistence.OutageLogFilter;
import org.hibernate.exception.GenericJDBCException;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the console filter drops: only the records of the layers under Gazette that tell of a connection
 * the database could not give; everything else, from them too, reaches the console.
 */
class OutageLogFilterTest {

    private final OutageLogFilter filter = new OutageLogFilter();

    private static ExtLogRecord record(String logger, String message, Throwable thrown) {
        ExtLogRecord r = new ExtLogRecord(Level.SEVERE, message, ExtLogRecord.FormatStyle.NO_FORMAT, OutageLogFilterTest.class.getName());
        r.setLoggerName(logger);
        r.setThrown(thrown);
        return r;
    }

    @Test
    void hibernatesRolledBackStatementIsDroppedWhenItsExceptionSaysNoConnectionCouldBeHad() {
        // as seen in CI: the SQL exception under it carried no connection SQL state
        Throwable thrown = new GenericJDBCException("Unable to acquire JDBC Connection [Sorry, acquisition failed]",
                new SQLException("Sorry, acquisition failed"));
        assertFalse(filter.isLoggable(record("org.hibernate.orm.session",
                "HHH90010102: JDBC exception executing SQL; transaction rolled back", thrown)));
    }

    @Test
    void aConnectionSqlStateOrMessageIsDropped() {
        assertFalse(filter.isLoggable(record("org.hibernate.orm.jdbc.error", "SQL Error: 0, SQLState: 08001", null)));
        assertFalse(filter.isLoggable(record("io.agroal.pool", "Datasource '<default>': Connection refused",
                new SQLException("Connection refused", "08001"))));
    }

    @Test
    void otherFailuresOfTheSameLayersAndAnyOtherLoggerStay() {
        Throwable constraint = new GenericJDBCException("could not execute statement", new SQLException("duplicate key", "23505"));
        assertTrue(filter.isLoggable(record("org.hibernate.orm.session",
                "HHH90010102: JDBC exception executing SQL; transaction rolled back", constraint)));
        assertTrue(filter.isLoggable(record("dev.gazette.post.PostService", "Connection refused",
                new SQLException("Connection refused", "08001"))));
    }
}
