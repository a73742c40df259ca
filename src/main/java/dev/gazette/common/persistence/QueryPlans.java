package dev.gazette.common.persistence;

import io.agroal.api.AgroalPoolInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import org.postgresql.PGConnection;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * How PostgreSQL plans Gazette's statements: once per connection, except where told otherwise.
 *
 * <p>Left to itself, PostgreSQL plans a prepared statement anew for every execution whenever its
 * one generic plan looks costlier than the plans made for the values (it does for a page of the front
 * page: the generic plan cannot know that {@code published_at <= :now} keeps every row). For the
 * statements of a read that is most of their cost: the page of 20 posts and their terms spent
 * 0.35 ms planning each and 0.1-0.2 ms running. So every connection plans each statement once
 * ({@code plan_cache_mode = force_generic_plan}), and the statements whose best plan depends on the
 * values (a text search matching 5 posts or 50,000, a filter by a tag on 3 posts or on half of them)
 * are planned for their values instead ({@link KeysetQuery#planPerValues}, {@link
 * SqlReads#list(String, java.util.Map, boolean, SqlReads.RowMapper)}).
 *
 * <p>H2 keeps no plans per values; nothing changes there.
 */
@ApplicationScoped
public class QueryPlans implements AgroalPoolInterceptor {

    /** Every statement on a new connection is planned once, its plan reused for any values. */
    static final String PLAN_ONCE = "set plan_cache_mode = force_generic_plan";
    /** The statements that follow are planned for the values they run with. */
    static final String PLAN_PER_VALUES = "set plan_cache_mode = force_custom_plan";

    @Override
    public void onConnectionCreate(Connection connection) {
        if (isPostgres(connection)) {
            run(connection, PLAN_ONCE);
        }
    }

    /**
     * Back to planning once after {@link #PLAN_PER_VALUES}. When the statement failed inside a
     * transaction the setting cannot be changed, and needs not be: the rollback undoes it.
     */
    static void planOnceAgain(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(PLAN_ONCE);
        } catch (SQLException e) {
            // the transaction is aborted: its rollback restores the setting
        }
    }

    static boolean isPostgres(Connection connection) {
        try {
            return connection.isWrapperFor(PGConnection.class);
        } catch (SQLException e) {
            return false;
        }
    }

    static void run(Connection connection, String setting) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(setting);
        } catch (SQLException e) {
            throw new IllegalStateException("could not apply '" + setting + "'", e);
        }
    }
}
