package dev.gazette.common;

import dev.gazette.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.gazette.Fixtures.asAdmin;
import static dev.gazette.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.nullValue;

/**
 * One rule for every JSON answer: every declared field is sent, {@code null} when it has no value
 * (never left out), whether the answer is written by the ObjectMapper or field by field.
 */
@QuarkusTest
class NullFieldsTest {

    @Test
    void postsSendAbsentFieldsAsNull() {
        long id = Fixtures.postId(Fixtures.publishedPost(Fixtures.ADMIN_TOKEN, unique("nulls"), Map.of()));
        String body = given().get("/api/v1/posts/" + id).then().statusCode(200)
                .body("$", hasKey("featuredImageUrl")).body("featuredImageUrl", nullValue())
                .body("$", hasKey("source")).body("source", nullValue())
                .body("$", hasKey("canonicalUrl")).body("canonicalUrl", nullValue())
                .body("$", hasKey("author")).body("author", nullValue())
                .body("$", hasKey("categories")).body("tags", nullValue())
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(body.contains("\"featuredImageUrl\":null"), body);

        // the write answers the same shape
        asAdmin().body(Map.of("title", unique("nulls"), "status", "draft")).post("/api/v1/posts").then().statusCode(201)
                .body("$", hasKey("featuredImageUrl")).body("featuredImageUrl", nullValue())
                .body("$", hasKey("publishedAt")).body("publishedAt", nullValue());

        // a list item without content asked for
        given().queryParam("limit", 1).get("/api/v1/posts").then().statusCode(200)
                .body("items[0]", hasKey("content")).body("items[0].content", nullValue())
                .body("items[0]", hasKey("featuredImageUrl"));

        // a re-published post's source credit without a date
        long credited = Fixtures.postId(Fixtures.publishedPost(Fixtures.ADMIN_TOKEN, unique("credited"),
                Map.of("source", Map.of("outlet", "Somewhere"))));
        given().get("/api/v1/posts/" + credited).then().statusCode(200)
                .body("source.outlet", equalTo("Somewhere"))
                .body("source", hasKey("publishedAt")).body("source.publishedAt", nullValue())
                .body("source", hasKey("url")).body("source.url", nullValue());
    }

    @Test
    void commentsSendAbsentFieldsAsNull() {
        long post = Fixtures.commentablePost();
        long comment = Fixtures.comment(post, null, unique("n") + "@example.com", "Hello").getLong("id");
        asAdmin().post("/api/v1/comments/" + comment + "/approve").then().statusCode(200);
        given().get("/api/v1/comments/" + comment).then().statusCode(200)
                .body("$", hasKey("parentId")).body("parentId", nullValue())
                .body("$", hasKey("likedByMe")).body("likedByMe", nullValue())
                .body("$", hasKey("moderation")).body("moderation", nullValue())
                .body("$", hasKey("editKey")).body("editKey", nullValue())
                .body("$", hasKey("editableUntil")).body("moreReplies", nullValue())
                .body("author", hasKey("url")).body("author.url", nullValue())
                .body("author", hasKey("authorId")).body("author.authorId", nullValue());
        given().get("/api/v1/posts/" + post + "/comments").then().statusCode(200)
                .body("items[0]", hasKey("moreReplies")).body("items[0].moreReplies", nullValue())
                .body("items[0]", hasKey("parentId"));
    }

    @Test
    void categoriesChangesAndProblemsSendAbsentFieldsAsNull() {
        long category = asAdmin().body(Map.of("name", unique("Nulls"))).post("/api/v1/categories").then().statusCode(201)
                .body("$", hasKey("description")).body("description", nullValue())
                .body("$", hasKey("parentId")).body("parentId", nullValue())
                .body("$", hasKey("children")).body("children", nullValue())
                .extract().jsonPath().getLong("id");
        given().get("/api/v1/categories/" + category).then().statusCode(200)
                .body("$", hasKey("parentId")).body("parentId", nullValue());

        given().get("/api/v1/posts/" + unique("missing")).then().statusCode(404)
                .contentType(containsString("application/problem+json"))
                .body("$", hasKey("errors")).body("errors", nullValue());

        asAdmin().get("/api/v1/tokens").then().statusCode(200)
                .body("items[0]", hasKey("revokedAt"));
        // (an author without a published post is shown to editors and admins only)
        asAdmin().get("/api/v1/authors/" + Fixtures.actor("author").authorId()).then().statusCode(200)
                .body("$", hasKey("bio"));
    }
}
