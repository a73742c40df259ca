package dev.gazette.common;

import dev.gazette.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.gazette.Fixtures.asAdmin;
import static dev.gazette.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * Query parameters an operation of /api/v1 does not declare are refused (400) by name, with the
 * ones it accepts, instead of being ignored: a typo must not silently widen an answer.
 */
@QuarkusTest
class UnknownParametersTest {

    @Test
    void aMistypedFilterIsA400NamingItAndTheAcceptedOnes() {
        given().queryParam("catgory", "news").get("/api/v1/posts").then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("detail", allOf(containsString("'catgory'"), containsString("category"), containsString("sticky")))
                .body("errors.field", contains("catgory"))
                .body("errors[0].message", containsString("accepted: author, category, cursor, fields, include, limit"));
        // several at once, each named; parameters that exist still work beside them
        given().queryParam("tag", "x").queryParam("zz", "1").queryParam("aa", "").get("/api/v1/posts").then().statusCode(400)
                .body("errors.field", contains("aa", "zz"));
        given().queryParam("limit", 1).get("/api/v1/posts").then().statusCode(200);
    }

    @Test
    void everyOperationKnowsItsOwnParameters() {
        long tag = Fixtures.tag(unique("known"));
        // a parameter of the list is not one of the single resource
        given().queryParam("limit", 5).get("/api/v1/tags/" + tag).then().statusCode(400)
                .body("errors[0].field", equalTo("limit")).body("detail", containsString("accepts: fields"));
        given().queryParam("fields", "id,name").get("/api/v1/tags/" + tag).then().statusCode(200);
        given().queryParam("after", "c-0").queryParam("type", "post").get("/api/v1/changes").then().statusCode(400)
                .body("errors[0].field", equalTo("type")).body("detail", containsString("types"));
        given().queryParam("category", "x").get("/api/v1/feeds/posts.rss").then().statusCode(not(equalTo(500)));
        given().queryParam("utm_source", "mail").get("/api/v1/feeds/posts.rss").then().statusCode(400)
                .contentType("application/problem+json");
        Fixtures.asAdmin().queryParam("verbose", "1").get("/api/v1/me").then().statusCode(400)
                .body("detail", containsString("takes none"));
    }

    @Test
    void writesWithUnknownParametersChangeNothing() {
        String name = "Unknown " + unique("u");
        asAdmin().queryParam("dryRun", "true").body(Map.of("name", name)).post("/api/v1/categories").then().statusCode(400)
                .body("errors[0].field", equalTo("dryRun"));
        given().queryParam("limit", 100).get("/api/v1/categories").then().statusCode(200)
                .body("items.name", not(org.hamcrest.Matchers.hasItem(name)));
    }

    @Test
    void pathsOutsideTheApiAreNotChecked() {
        given().queryParam("anything", "1").get("/q/health").then().statusCode(200);
    }
}
