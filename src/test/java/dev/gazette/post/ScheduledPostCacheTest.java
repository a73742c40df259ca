package dev.gazette.post;

import dev.gazette.Fixtures;
import dev.gazette.common.Times;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.gazette.Fixtures.asAdmin;
import static dev.gazette.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * A scheduled post is public from its publishedAt on, by itself: no cached list, feed or 404 may
 * outlive that moment (README: reads never wait for the scheduler). The application's clock is
 * moved past the moment instead of waiting for it.
 */
@QuarkusTest
class ScheduledPostCacheTest {

    @AfterEach
    void resetClock() {
        Times.reset();
    }

    @Test
    void cachedListsAndFeedsEndWhenAScheduledPostComesDue() {
        String tag = unique("due");
        long tagId = Fixtures.tag(tag);
        String title = unique("coming");
        long id = asAdmin().body(Map.of("title", title, "status", "published", "tags", List.of(tagId),
                        "publishedAt", Times.now().plus(Duration.ofHours(1)).toString()))
                .post("/api/v1/posts").then().statusCode(201).body("status", equalTo("scheduled"))
                .extract().jsonPath().getLong("id");

        // cached while the post is still in the future
        for (String cache : List.of("MISS", "HIT")) {
            given().queryParam("tag", tagId).get("/api/v1/posts").then().statusCode(200)
                    .header("X-Cache", cache).body("items", empty());
            given().queryParam("tag", tagId).get("/api/v1/feeds/posts.rss").then().statusCode(200)
                    .header("X-Cache", cache).body(not(containsString(title)));
        }
        given().get("/api/v1/posts/" + id).then().statusCode(404);

        Times.advance(Duration.ofHours(1).plusSeconds(1));

        // the very next reads show it: none of the cached answers is served
        given().queryParam("tag", tagId).get("/api/v1/posts").then().statusCode(200)
                .header("X-Cache", "MISS").body("items.id", contains((int) id));
        given().queryParam("tag", tagId).get("/api/v1/feeds/posts.rss").then().statusCode(200)
                .header("X-Cache", "MISS").body(containsString(title));
        given().get("/api/v1/posts/" + id).then().statusCode(200).body("status", equalTo("published"));
    }
}
