package dev.gazette.reader;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

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

    /**
     * Imported posts keep their images where the old site hosted them, and posts show images, audio and video from
     * other sites: those load from any https host. The page's own code, styles and calls stay on this origin (no
     * sign-in provider is configured here: nothing else is allowed), and nothing frames or plugs in.
     */
    @Test
    void contentImagesAndMediaMayComeFromHttpsHostsWhileCodeStylesAndCallsStayHere() {
        Map<String, String> policy = directives(given().get("/").then().statusCode(200).extract().header("Content-Security-Policy"));
        assertEquals("'self' data: https:", policy.get("img-src"));
        assertEquals("'self' https:", policy.get("media-src"));
        assertEquals("'self'", policy.get("default-src"));
        assertEquals("'self'", policy.get("script-src"));
        assertEquals("'self'", policy.get("style-src"));
        assertEquals("'self'", policy.get("connect-src"));
        assertEquals("'none'", policy.get("frame-src"));
        assertEquals("'none'", policy.get("object-src"));
        assertEquals("'none'", policy.get("base-uri"));
        assertEquals("'self'", policy.get("frame-ancestors"));
        // the scripts and styles carry the same policy, and the sign-in options say there is nothing to sign in with
        given().get("/reader/app.js").then().statusCode(200).header("Content-Security-Policy", containsString("img-src 'self' data: https:;"));
        given().get("/api/v1/sign-in").then().statusCode(200).header("Cache-Control", "no-cache")
                .body("providers", empty()).body("tokenHeader", equalTo("X-Id-Token"))
                .body("commentEditWindowSeconds", equalTo(900));
        given().get("/api/v1/sign-in?provider=google").then().statusCode(400).contentType(startsWith("application/problem+json"));
    }

    static Map<String, String> directives(String policy) {
        return Arrays.stream(policy.split(";")).map(String::trim).filter(d -> !d.isEmpty())
                .collect(Collectors.toMap(d -> d.split(" ", 2)[0], d -> d.split(" ", 2)[1]));
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
