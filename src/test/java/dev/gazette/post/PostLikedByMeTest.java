package dev.gazette.post;

import dev.gazette.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.gazette.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * {@code likedByMe} on posts for a visitor or a token: a personal answer, never stored by the
 * response cache nor served to anyone else; anonymous answers without the header stay shared.
 */
@QuarkusTest
class PostLikedByMeTest {

    @Test
    void postsSayWhetherTheCallerLikesThemAndSuchAnswersArePrivate() {
        long tag = Fixtures.tag(unique("liked"));
        long liked = Fixtures.postId(Fixtures.publishedPost(Fixtures.ADMIN_TOKEN, "Liked " + unique("l"), Map.of("tags", List.of(tag))));
        long other = Fixtures.postId(Fixtures.publishedPost(Fixtures.ADMIN_TOKEN, "Other " + unique("l"), Map.of("tags", List.of(tag))));
        String visitor = UUID.randomUUID().toString();
        String stranger = UUID.randomUUID().toString();
        Fixtures.Actor reader = Fixtures.actor("author");

        // an anonymous answer without the header, cached and shared: no likedByMe
        for (String cache : List.of("MISS", "HIT")) {
            given().get("/api/v1/posts/" + liked).then().statusCode(200).header("X-Cache", cache)
                    .body("likedByMe", nullValue()).header("Cache-Control", containsString("public"));
        }
        given().header("X-Visitor-Id", visitor).put("/api/v1/posts/" + liked + "/like").then().statusCode(200);
        Fixtures.as(reader.token()).put("/api/v1/posts/" + other + "/like").then().statusCode(200);

        // the visitor's own answers: likedByMe, private, never stored (no X-Cache), asked twice
        for (int i = 0; i < 2; i++) {
            Response single = given().header("X-Visitor-Id", visitor).get("/api/v1/posts/" + liked);
            single.then().statusCode(200).body("likedByMe", equalTo(true))
                    .header("Cache-Control", containsString("private")).header("Vary", containsString("X-Visitor-Id"))
                    .header("X-Cache", nullValue());
            given().header("X-Visitor-Id", visitor).queryParam("tag", tag).get("/api/v1/posts").then().statusCode(200)
                    .body("items.id", contains((int) other, (int) liked)).body("items.likedByMe", contains(false, true))
                    .header("Cache-Control", containsString("private")).header("X-Cache", nullValue());
        }
        // another visitor sees their own (none), a token its author's, anonymous readers nothing personal
        given().header("X-Visitor-Id", stranger).queryParam("tag", tag).get("/api/v1/posts").then().statusCode(200)
                .body("items.likedByMe", contains(false, false));
        Fixtures.as(reader.token()).queryParam("tag", tag).get("/api/v1/posts").then().statusCode(200)
                .body("items.likedByMe", contains(true, false)).header("Cache-Control", containsString("private"));
        given().queryParam("tag", tag).get("/api/v1/posts").then().statusCode(200)
                .body("items[0].likedByMe", nullValue()).body("items[1].likedByMe", nullValue())
                .header("Cache-Control", not(containsString("private")));
        given().get("/api/v1/posts/" + liked).then().statusCode(200).body("likedByMe", nullValue()).body("likeCount", equalTo(1));
        given().header("X-Visitor-Id", "bad id!").get("/api/v1/posts/" + liked).then().statusCode(400)
                .body("errors[0].field", equalTo("X-Visitor-Id"));
    }
}
