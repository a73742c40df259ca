package dev.gazette.common;

import dev.gazette.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.gazette.Fixtures.asAdmin;
import static dev.gazette.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Caching headers, conditional requests, optimistic concurrency, CORS and problem+json errors. */
@QuarkusTest
class HttpBehaviourTest {

    @Test
    void getHasStrongEtagAndAnswersIfNoneMatchWith304() {
        long id = Fixtures.postId(Fixtures.publishedPost(Fixtures.ADMIN_TOKEN, unique("etag"), Map.of()));
        var first = given().get("/api/v1/posts/" + id).then().statusCode(200)
                .header("ETag", startsWith("\""))
                .header("Last-Modified", notNullValue())
                .header("Cache-Control", equalTo("public, max-age=60, s-maxage=60, stale-while-revalidate=30, stale-if-error=86400"))
                .header("Vary", containsString("Authorization"))
                .extract();
        String etag = first.header("ETag");
        given().header("If-None-Match", etag).get("/api/v1/posts/" + id)
                .then().statusCode(304).header("ETag", equalTo(etag)).body(emptyOrNullString());
        given().header("If-Modified-Since", first.header("Last-Modified")).get("/api/v1/posts/" + id)
                .then().statusCode(304);
        given().header("If-None-Match", "\"something-else\"").header("If-Modified-Since", first.header("Last-Modified"))
                .get("/api/v1/posts/" + id).then().statusCode(200);
        // lists too
        String listTag = given().queryParam("limit", 3).get("/api/v1/posts").then().statusCode(200).extract().header("ETag");
        given().queryParam("limit", 3).header("If-None-Match", listTag).get("/api/v1/posts").then().statusCode(304);
        String treeTag = given().queryParam("view", "tree").get("/api/v1/categories").then().statusCode(200).extract().header("ETag");
        given().queryParam("view", "tree").header("If-None-Match", treeTag).get("/api/v1/categories").then().statusCode(304);
    }

    @Test
    void etagChangesWhenTagsCategoriesOrAuthorChange() {
        long id = Fixtures.postId(Fixtures.publishedPost(Fixtures.ADMIN_TOKEN, unique("rel"), Map.of()));
        String before = given().get("/api/v1/posts/" + id).header("ETag");
        long tag = Fixtures.tag(unique("t"));
        asAdmin().contentType("application/merge-patch+json").body(Map.of("tags", List.of(tag)))
                .patch("/api/v1/posts/" + id).then().statusCode(200);
        String afterTag = given().get("/api/v1/posts/" + id).header("ETag");
        assertNotEquals(before, afterTag);
        given().header("If-None-Match", before).get("/api/v1/posts/" + id).then().statusCode(200);

        long category = Fixtures.category(unique("c"), null);
        asAdmin().contentType("application/merge-patch+json").body(Map.of("categories", List.of(category)))
                .patch("/api/v1/posts/" + id).then().statusCode(200);
        String afterCategory = given().get("/api/v1/posts/" + id).header("ETag");
        assertNotEquals(afterTag, afterCategory);

        Fixtures.Actor other = Fixtures.actor("author");
        asAdmin().contentType("application/merge-patch+json").body(Map.of("authorId", other.authorId()))
                .patch("/api/v1/posts/" + id).then().statusCode(200).body("authorId", equalTo((int) other.authorId()));
        assertNotEquals(afterCategory, given().get("/api/v1/posts/" + id).header("ETag"));

        // an embedded tag renamed changes the representation that embeds it
        String withInclude = given().queryParam("include", "tags").get("/api/v1/posts/" + id).header("ETag");
        asAdmin().contentType("application/merge-patch+json").body(Map.of("name", "Renamed " + unique("r")))
                .patch("/api/v1/tags/" + tag).then().statusCode(200);
        assertNotEquals(withInclude, given().queryParam("include", "tags").get("/api/v1/posts/" + id).header("ETag"));
    }

    @Test
    void staleIfMatchIsRefusedWith412() {
        long id = Fixtures.postId(Fixtures.publishedPost(Fixtures.ADMIN_TOKEN, unique("ifm"), Map.of()));
        String etag = given().get("/api/v1/posts/" + id).header("ETag");
        String next = asAdmin().header("If-Match", etag).contentType("application/merge-patch+json")
                .body(Map.of("title", "First edit")).patch("/api/v1/posts/" + id)
                .then().statusCode(200).extract().header("ETag");
        asAdmin().header("If-Match", etag).contentType("application/merge-patch+json")
                .body(Map.of("title", "Lost update")).patch("/api/v1/posts/" + id)
                .then().statusCode(412).contentType("application/problem+json").body("status", equalTo(412));
        asAdmin().header("If-Match", etag).body(Map.of("title", "Lost update")).put("/api/v1/posts/" + id)
                .then().statusCode(412);
        asAdmin().header("If-Match", etag).delete("/api/v1/posts/" + id).then().statusCode(412);
        given().get("/api/v1/posts/" + id).then().body("title", equalTo("First edit"));
        asAdmin().header("If-Match", next).contentType("application/merge-patch+json")
                .body(Map.of("title", "Second edit")).patch("/api/v1/posts/" + id).then().statusCode(200);
        asAdmin().header("If-Match", "W/\"1\"").post("/api/v1/posts/" + id + "/unpublish").then().statusCode(412);
    }

    @Test
    void authenticatedReadsAreNotPubliclyCacheable() {
        asAdmin().get("/api/v1/posts").then().statusCode(200).header("Cache-Control", equalTo("private, no-cache"));
    }

    @Test
    void corsAllowsConfiguredOriginsOnly() {
        given().header("Origin", "http://localhost:3000").header("Access-Control-Request-Method", "GET")
                .options("/api/v1/posts").then()
                .header("Access-Control-Allow-Origin", equalTo("http://localhost:3000"))
                .header("Access-Control-Expose-Headers", containsString("ETag"));
        given().header("Origin", "https://evil.example").get("/api/v1/posts").then()
                .statusCode(403).contentType("application/problem+json")
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "GET")
                .options("/api/v1/posts").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void browsersMayLikeAndEditAcrossOrigins() {
        // a reader's like carries the visitor id, an own edit the edit key: both must pass the preflight
        given().header("Origin", "http://localhost:3000").header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "x-visitor-id")
                .options("/api/v1/posts/some-post/like").then()
                .header("Access-Control-Allow-Origin", equalTo("http://localhost:3000"))
                .header("Access-Control-Allow-Headers", containsString("X-Visitor-Id"));
        given().header("Origin", "http://localhost:3000").header("Access-Control-Request-Method", "PATCH")
                .header("Access-Control-Request-Headers", "content-type,x-edit-key")
                .options("/api/v1/comments/1").then()
                .header("Access-Control-Allow-Origin", equalTo("http://localhost:3000"))
                .header("Access-Control-Allow-Headers", containsString("X-Edit-Key"));
    }

    @Test
    void malformedJsonIsA400Problem() {
        asAdmin().body("{\"title\": ").post("/api/v1/posts").then().statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Malformed request body"))
                .body("detail", not(containsString("com.fasterxml")))
                .body("detail", not(containsString("Exception")));
        asAdmin().body("{\"title\": \"x\", \"publishedAt\": \"soon\"}").post("/api/v1/posts").then().statusCode(400)
                .body("errors[0].field", equalTo("publishedAt"));
        asAdmin().body("{\"title\": \"x\", \"bogus\": 1}").post("/api/v1/posts").then().statusCode(400)
                .body("errors[0].field", equalTo("bogus"));
        asAdmin().body("{\"title\": \"x\", \"status\": \"lost\"}").post("/api/v1/posts").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
        asAdmin().body("[1,2]").post("/api/v1/posts").then().statusCode(400).contentType("application/problem+json");
        asAdmin().post("/api/v1/posts").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void unknownResourcesAndPathsAre404Problems() {
        given().get("/api/v1/posts/no-such-post-" + unique("x")).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404)).body("detail", containsString("no-such-post"));
        given().get("/api/v1/posts/999999999").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/categories/none-" + unique("x")).then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/tags/none-" + unique("x")).then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/authors/none-" + unique("x")).then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/nothing-here").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void wrongMethodIs405AndWrongMediaTypeIs415() {
        asAdmin().delete("/api/v1/posts").then().statusCode(405).contentType("application/problem+json")
                .header("Allow", notNullValue());
        asAdmin().contentType(ContentType.TEXT).body("title=x").post("/api/v1/posts").then().statusCode(415)
                .contentType("application/problem+json");
        asAdmin().contentType(ContentType.XML).body("<post/>").post("/api/v1/posts").then().statusCode(415);
    }

    @Test
    void duplicateSlugIs409() {
        String slug = unique("dup");
        asAdmin().body(Map.of("title", "One", "slug", slug)).post("/api/v1/posts").then().statusCode(201);
        asAdmin().body(Map.of("title", "Two", "slug", slug)).post("/api/v1/posts").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString(slug));
        String tagSlug = unique("dup-tag");
        asAdmin().body(Map.of("name", "T", "slug", tagSlug)).post("/api/v1/tags").then().statusCode(201);
        asAdmin().body(Map.of("name", "T2", "slug", tagSlug)).post("/api/v1/tags").then().statusCode(409);
        String catSlug = unique("dup-cat");
        asAdmin().body(Map.of("name", "C " + catSlug, "slug", catSlug)).post("/api/v1/categories").then().statusCode(201);
        asAdmin().body(Map.of("name", "C2", "slug", catSlug)).post("/api/v1/categories").then().statusCode(409);
    }

    @Test
    void oversizedBodyIs413() {
        String huge = "x".repeat(3 * 1024 * 1024);
        asAdmin().body(Map.of("title", "big", "content", huge)).post("/api/v1/posts").then().statusCode(413)
                .contentType("application/problem+json").body("status", equalTo(413));
    }
}
