package dev.gazette.common;

import dev.gazette.common.persistence.SqlReads;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * On PostgreSQL a read's statements are planned once per connection, except those marked to be
 * planned for their values (a text search, a filter by tag), and such a statement leaves its
 * connection planning once again, also when it fails inside a transaction.
 */
@QuarkusTest
class QueryPlansTest {

    private static final String MODE = "select current_setting('plan_cache_mode')";

    @Inject
    SqlReads reads;

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    private String mode(boolean planPerValues) {
        return reads.list(MODE, Map.of(), planPerValues, row -> row.string(1)).get(0);
    }

    @Test
    void statementsArePlannedOnceUnlessTheirValuesDecideThePlan() {
        assumeTrue(dbKind.startsWith("postgres"), "plan_cache_mode is PostgreSQL's (H2 keeps no plans per values)");
        List<String> seen = new ArrayList<>();
        // one transaction: every statement runs on the same connection
        QuarkusTransaction.requiringNew().run(() -> {
            seen.add(mode(false));
            seen.add(mode(true));
            seen.add(mode(false));
        });
        assertEquals(List.of("force_generic_plan", "force_custom_plan", "force_generic_plan"), seen);
        // every connection of the pool, new or reused, plans once
        for (int i = 0; i < 40; i++) {
            assertEquals("force_generic_plan", mode(false));
        }
    }

    @Test
    void aFailedStatementPlannedForItsValuesLeavesItsConnectionPlanningOnce() {
        assumeTrue(dbKind.startsWith("postgres"), "plan_cache_mode is PostgreSQL's (H2 keeps no plans per values)");
        List<String> after = new ArrayList<>();
        assertThrows(PersistenceException.class, () -> QuarkusTransaction.requiringNew().run(() ->
                reads.list("select 1 / (select count(*) - count(*) from author)", Map.of(), true, row -> row.getLong(1))));
        QuarkusTransaction.requiringNew().run(() -> after.add(mode(false)));
        assertEquals(List.of("force_generic_plan"), after);
    }
}
