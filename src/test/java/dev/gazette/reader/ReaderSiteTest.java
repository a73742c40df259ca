package dev.gazette.reader;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

/** The reader site's files are served at / and under /reader/, and leave every other route where it was. */
@QuarkusTest
class ReaderSiteTest {

    @Test
    void thePageAndItsFilesAreServedWithAPolicyThatAllowsOnlyThisOrigin() {
        String etag = given().get("/").then().statusCode(200).contentType(startsWith("text/html"))
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("Cache-Control", "no-cache")
                .body(containsString("<main id=\"main\""))
                .body(containsString("type=\"application/rss+xml\""))
                .body(containsString("<script type=\"module\" src=\"reader/app.js\"></script>"))
                .extract().header("ETag");
        given().header("If-None-Match", etag).get("/").then().statusCode(304);
        given().get("/reader/app.js").then().statusCode(200).contentType(startsWith("text/javascript"))
                .body(containsString("import"));
        given().get("/reader/comments.js").then().statusCode(200).body(containsString("EventSource"));
        given().get("/reader/style.css").then().statusCode(200).contentType(startsWith("text/css"));
    }

    @Test
    void otherPathsAreUntouched() {
        given().get("/reader/nothing-here.js").then().statusCode(404);
        given().get("/reader/../application.properties").then().statusCode(404);
        given().get("/api/v1/posts?limit=1").then().statusCode(200).contentType(startsWith("application/json"));
        given().get("/q/swagger-ui/").then().statusCode(200).contentType(startsWith("text/html"));
        given().get("/q/openapi").then().statusCode(200);
        given().get("/wp-json/").then().statusCode(200).body("namespaces", org.hamcrest.Matchers.hasItem("wp/v2"));
        given().get("/api/v1/feeds/posts.rss").then().statusCode(200).contentType(startsWith("application/rss+xml"));
        given().get("/no-such-page").then().statusCode(404);
    }
}
