package dev.gazette.common;

import dev.gazette.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.gazette.Fixtures.asAdmin;
import static dev.gazette.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * A write that answers with what it wrote carries the ETag a following GET of it has, so that ETag
 * works as it is in If-Match (and in If-None-Match).
 */
@QuarkusTest
class WriteETagTest {

    /** The ETag of a GET of {@code path} by the admin (a draft is not public). */
    private static String etagOfGet(String path) {
        return asAdmin().get(path).then().statusCode(200).extract().header("ETag");
    }

    private static String sameAsNextGet(Response write, String path) {
        String etag = write.header("ETag");
        assertEquals(etagOfGet(path), etag, "a write's ETag is the next GET's, for " + path);
        return etag;
    }

    @Test
    void postWritesAnswerTheETagOfTheNextGet() {
        Response created = asAdmin().body(Map.of("title", unique("etag"), "content", "<p>x</p>")).post("/api/v1/posts");
        created.then().statusCode(201).header("ETag", matchesPattern("\"0\\.[A-Za-z0-9_-]{16}\""));
        String path = "/api/v1/posts/" + created.jsonPath().getLong("id");
        String etag = sameAsNextGet(created, path);
        asAdmin().header("If-None-Match", etag).get(path).then().statusCode(304);

        Response patched = asAdmin().contentType("application/merge-patch+json").header("If-Match", etag)
                .body(Map.of("title", "Retitled")).patch(path);
        patched.then().statusCode(200).body("title", equalTo("Retitled"));
        String afterPatch = sameAsNextGet(patched, path);
        assertNotEquals(etag, afterPatch);
        asAdmin().contentType("application/merge-patch+json").header("If-Match", etag)
                .body(Map.of("title", "Stale")).patch(path).then().statusCode(412);

        Response replaced = asAdmin().header("If-Match", afterPatch)
                .body(Map.of("title", "Replaced", "content", "<p>y</p>", "status", "draft")).put(path);
        replaced.then().statusCode(200);
        String afterPut = sameAsNextGet(replaced, path);

        Response published = asAdmin().header("If-Match", afterPut).post(path + "/publish");
        published.then().statusCode(200).body("status", equalTo("published"));
        String afterPublish = sameAsNextGet(published, path);
        // an anonymous reader gets another representation (no likedByMe), so another ETag, but of the same version
        String anonymous = given().get(path).then().statusCode(200).extract().header("ETag");
        assertEquals(afterPublish.substring(0, afterPublish.indexOf('.')), anonymous.substring(0, anonymous.indexOf('.')),
                "anonymous GET shows the same version");

        Response unpublished = asAdmin().header("If-Match", afterPublish).post(path + "/unpublish");
        unpublished.then().statusCode(200);
        Response trashed = asAdmin().header("If-Match", sameAsNextGet(unpublished, path)).post(path + "/trash");
        trashed.then().statusCode(200);
        Response restored = asAdmin().header("If-Match", sameAsNextGet(trashed, path)).post(path + "/restore");
        restored.then().statusCode(200).body("status", equalTo("draft"));
        Response scheduled = asAdmin().header("If-Match", sameAsNextGet(restored, path))
                .body(Map.of("publishAt", "2099-01-01T00:00:00Z")).post(path + "/schedule");
        scheduled.then().statusCode(200).body("status", equalTo("scheduled"));
        asAdmin().header("If-Match", sameAsNextGet(scheduled, path)).delete(path).then().statusCode(204);
    }

    @Test
    void categoryAndTagWritesAnswerTheETagOfTheNextGet() {
        for (String kind : new String[] {"categories", "tags"}) {
            Response created = asAdmin().body(Map.of("name", unique("ETag " + kind))).post("/api/v1/" + kind);
            created.then().statusCode(201).header("ETag", matchesPattern("\"0\\.[A-Za-z0-9_-]{16}\""));
            String path = "/api/v1/" + kind + "/" + created.jsonPath().getLong("id");
            String etag = sameAsNextGet(created, path);
            assertEquals(etag, given().get(path).then().statusCode(200).extract().header("ETag"));
            given().header("If-None-Match", etag).get(path).then().statusCode(304);

            Response patched = asAdmin().contentType("application/merge-patch+json").header("If-Match", etag)
                    .body(Map.of("description", "Changed")).patch(path);
            patched.then().statusCode(200).body("description", equalTo("Changed"));
            String afterPatch = sameAsNextGet(patched, path);
            Response replaced = asAdmin().header("If-Match", afterPatch)
                    .body(Map.of("name", unique("Renamed"))).put(path);
            replaced.then().statusCode(200);
            sameAsNextGet(replaced, path);
            asAdmin().header("If-Match", afterPatch).body(Map.of("name", unique("Stale"))).put(path).then().statusCode(412);
        }
    }

    @Test
    void authorWritesAnswerTheETagOfTheNextGet() {
        Response created = asAdmin().body(Map.of("displayName", unique("ETag author"), "role", "author",
                "email", unique("etag") + "@example.com")).post("/api/v1/authors");
        created.then().statusCode(201);
        String path = "/api/v1/authors/" + created.jsonPath().getLong("id");
        sameAsNextGet(created, path);
        Response patched = asAdmin().contentType("application/merge-patch+json").body(Map.of("bio", "Reports.")).patch(path);
        patched.then().statusCode(200).body("bio", equalTo("Reports."));
        String etag = sameAsNextGet(patched, path);
        asAdmin().header("If-None-Match", etag).get(path).then().statusCode(304);
    }
}
