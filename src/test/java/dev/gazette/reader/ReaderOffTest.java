package dev.gazette.reader;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/** {@code gazette.reader.enabled=false}: nothing at / or /reader/, and every other route as before. */
@QuarkusTest
@TestProfile(ReaderOffTest.ReaderOff.class)
class ReaderOffTest {

    public static class ReaderOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gazette.reader.enabled", "false");
        }
    }

    @Test
    void theSiteIsGoneAndItsPathsAre404ProblemsLikeAnyUnknownPath() {
        given().accept("text/html").get("/").then().statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(404)).body("title", equalTo("Not found"));
        given().get("/").then().statusCode(404).contentType(startsWith("application/problem+json"));
        given().get("/reader/app.js").then().statusCode(404).contentType(startsWith("application/problem+json"));
        given().get("/reader/style.css").then().statusCode(404);
    }

    @Test
    void theApiSwaggerUiAndTheWordPressApiAreUnaffected() {
        given().get("/api/v1/posts?limit=1").then().statusCode(200).contentType(startsWith("application/json"));
        given().get("/api/v1/sign-in").then().statusCode(200).body("tokenHeader", equalTo("X-Id-Token"));
        given().get("/q/swagger-ui/").then().statusCode(200).contentType(startsWith("text/html"));
        given().get("/q/openapi").then().statusCode(200);
        given().get("/wp-json/").then().statusCode(200).body("namespaces", hasItem("wp/v2"));
        given().get("/api/v1/feeds/posts.rss").then().statusCode(200).contentType(startsWith("application/rss+xml"));
    }
}
