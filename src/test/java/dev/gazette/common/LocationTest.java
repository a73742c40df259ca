package dev.gazette.common;

import dev.gazette.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.URI;
import java.util.Map;

import static dev.gazette.Fixtures.asAdmin;
import static dev.gazette.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every 201 and 202 names what it made with an absolute URL that a GET (with the right token) answers. */
@QuarkusTest
class LocationTest {

    /** Asserts the Location is absolute, on this server, with this path, and returns it. */
    private static String absolute(Response r, int status, String pathPrefix) {
        r.then().statusCode(status);
        String location = r.header("Location");
        URI uri = URI.create(location);
        assertTrue(uri.isAbsolute(), location);
        assertEquals(URI.create(RestAssured.baseURI).getHost(), uri.getHost(), location);
        assertEquals(RestAssured.port, uri.getPort(), location);
        assertTrue(uri.getPath().startsWith(pathPrefix), location);
        return location;
    }

    @Test
    void everyCreateAnswersAnAbsoluteLocation() throws Exception {
        String post = absolute(asAdmin().body(Map.of("title", unique("loc"), "status", "published")).post("/api/v1/posts"),
                201, "/api/v1/posts/");
        asAdmin().get(post).then().statusCode(200);
        long postId = Long.parseLong(post.substring(post.lastIndexOf('/') + 1));
        asAdmin().get(absolute(asAdmin().body(Map.of("name", unique("Loc"))).post("/api/v1/categories"), 201,
                "/api/v1/categories/")).then().statusCode(200);
        asAdmin().get(absolute(asAdmin().body(Map.of("name", unique("Loc"))).post("/api/v1/tags"), 201,
                "/api/v1/tags/")).then().statusCode(200);
        asAdmin().get(absolute(asAdmin().body(Map.of("displayName", unique("Loc"), "role", "author",
                "email", unique("loc") + "@example.com")).post("/api/v1/authors"), 201, "/api/v1/authors/")).then().statusCode(200);
        absolute(asAdmin().body(Map.of("name", "location test")).post("/api/v1/tokens"), 201, "/api/v1/tokens/");
        given().get(absolute(given().contentType("application/json").body(Map.of("authorName", "Loc",
                "authorEmail", unique("loc") + "@example.com", "content", "Where?")).post("/api/v1/posts/" + postId + "/comments"),
                201, "/api/v1/comments/"));

        String webhook = absolute(asAdmin().body(Map.of("url", "https://hooks.example.org/location", "events", java.util.List.of("post.deleted")))
                .post("/api/v1/webhooks"), 201, "/api/v1/webhooks/");
        try {
            asAdmin().get(webhook).then().statusCode(200);
            String ping = absolute(asAdmin().post(webhook + "/ping"), 202, URI.create(webhook).getPath() + "/deliveries/");
            asAdmin().get(ping).then().statusCode(200);
            asAdmin().get(absolute(asAdmin().post(ping + "/redeliver"), 202, URI.create(webhook).getPath() + "/deliveries/"))
                    .then().statusCode(200);
        } finally {
            asAdmin().delete(webhook).then().statusCode(204);
        }

        byte[] wxr;
        try (InputStream in = LocationTest.class.getResourceAsStream("/wxr/not-wxr.xml")) {
            wxr = in.readAllBytes();
        }
        String job = absolute(given().header("Authorization", "Bearer " + Fixtures.ADMIN_TOKEN).contentType("application/xml")
                .body(wxr).post("/api/v1/imports"), 202, "/api/v1/imports/");
        asAdmin().get(job).then().statusCode(200);
    }
}
