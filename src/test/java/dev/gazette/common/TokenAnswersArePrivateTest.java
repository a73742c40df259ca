package dev.gazette.common;

import dev.gazette.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.gazette.Fixtures.as;
import static dev.gazette.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * An answer to a request with a token is never {@code public}: {@code private, no-cache} on every
 * readable endpoint (feeds and the change feed included), and never stored in the response cache.
 */
@QuarkusTest
class TokenAnswersArePrivateTest {

    @Test
    void everyGetAnsweredToATokenIsPrivate() {
        Fixtures.Actor reader = Fixtures.actor("author");
        long category = Fixtures.category("Private " + unique("c"), null);
        long tag = Fixtures.tag("Private " + unique("t"));
        long post = Fixtures.postId(Fixtures.publishedPost(Fixtures.ADMIN_TOKEN, unique("private"),
                Map.of("categories", List.of(category), "tags", List.of(tag))));
        long comment = Fixtures.comment(post, null, unique("p") + "@example.com", "Hello").getLong("id");
        Fixtures.asAdmin().post("/api/v1/comments/" + comment + "/approve").then().statusCode(200);
        // an author with a published post (the admin wrote it): authors without one are shown to editors and admins only
        long publishedAuthor = Fixtures.asAdmin().get("/api/v1/me").then().statusCode(200).extract().jsonPath().getLong("id");

        List<String> paths = List.of("/api/v1/posts", "/api/v1/posts/" + post, "/api/v1/categories", "/api/v1/categories?view=tree",
                "/api/v1/categories/" + category, "/api/v1/tags", "/api/v1/tags/" + tag, "/api/v1/authors",
                "/api/v1/authors/" + publishedAuthor, "/api/v1/posts/" + post + "/comments", "/api/v1/comments?post=" + post,
                "/api/v1/comments/" + comment, "/api/v1/comments/" + comment + "/thread", "/api/v1/comments/" + comment + "/replies",
                "/api/v1/feeds/posts.rss", "/api/v1/feeds/posts.atom", "/api/v1/feeds/posts.json",
                "/api/v1/feeds/comments.rss?post=" + post, "/api/v1/changes", "/api/v1/me");
        for (String path : paths) {
            // twice: the second could come from the response cache if the first had been stored
            for (int i = 0; i < 2; i++) {
                as(reader.token()).get(path).then().statusCode(200)
                        .header("Cache-Control", equalTo("private, no-cache"))
                        .header("Cache-Control", not(containsString("public")))
                        .header("X-Cache", nullValue());
            }
        }
        // the same feed without a token is public
        given().get("/api/v1/feeds/posts.rss").then().statusCode(200).header("Cache-Control", containsString("public"));
        given().get("/api/v1/feeds/posts.rss").then().statusCode(200).header("Cache-Control", containsString("public"))
                .header("Vary", containsString("Authorization"));
    }
}
