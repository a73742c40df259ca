package dev.gazette.post;

import dev.gazette.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.gazette.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** include= and page size do not change how many SQL statements a list costs (no N+1). */
@QuarkusTest
class PostQueryCountTest {

    @Inject
    SessionFactory sessionFactory;

    private long statementsFor(long tagId, int limit) {
        Statistics stats = sessionFactory.getStatistics();
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) { // the least of three, in case a background job ran in between
            long before = stats.getPrepareStatementCount();
            given().queryParam("tag", tagId).queryParam("limit", limit).queryParam("include", "author,categories,tags")
                    .queryParam("fields", "title,content,author,categories,tags")
                    .get("/api/v1/posts").then().statusCode(200);
            fewest = Math.min(fewest, stats.getPrepareStatementCount() - before);
        }
        return fewest;
    }

    @Test
    void listCostsAFixedNumberOfStatements() {
        assertTrue(sessionFactory.getStatistics().isStatisticsEnabled());
        long tagId = Fixtures.tag(unique("count"));
        for (int i = 0; i < 24; i++) {
            Fixtures.Actor author = i % 8 == 0 ? Fixtures.actor("author") : null;
            long cat = Fixtures.category(unique("c"), null);
            Fixtures.publishedPost(author == null ? Fixtures.ADMIN_TOKEN : author.token(), unique("n1"),
                    Map.of("tags", List.of(tagId, Fixtures.tag(unique("t"))), "categories", List.of(cat)));
        }
        long small = statementsFor(tagId, 2);
        long large = statementsFor(tagId, 24);
        assertEquals(small, large, "statements for 2 items vs 24 items");
        assertTrue(large <= 7, "a list with includes costs " + large + " statements");
    }
}
