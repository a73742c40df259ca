package dev.gazette.post;

import dev.gazette.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static dev.gazette.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Relevance: a match in the title first, then one in the excerpt (the lead), then matches only in
 * the body, newest first; the keyset pages visit every match once, forward and back.
 */
@QuarkusTest
class PostSearchRelevanceTest {

    /** More words than a generated excerpt keeps (55), so a word after them is in the body only. */
    private static final String FILLER = String.join(" ", Collections.nCopies(70, "harbour"));

    private static long post(String title, String content, String publishedAt) {
        return Fixtures.postId(Fixtures.publishedPost(Fixtures.ADMIN_TOKEN, title,
                Map.of("content", "<p>" + content + "</p>", "publishedAt", publishedAt)));
    }

    private static JsonPath search(String q, int limit, String cursor) {
        var request = given().queryParam("q", q).queryParam("limit", limit);
        if (cursor != null) {
            request.queryParam("cursor", cursor);
        }
        return request.get("/api/v1/posts").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void titleThenLeadThenBodyNewestFirstAndEveryPageExact() {
        String word = "qrv" + unique("w").replace("-", "");
        long deepOld = post("Old story " + unique("t"), FILLER + " and then " + word + ".", "2024-01-01T10:00:00Z");
        long inTitle = post("The " + word + " affair", "It began quietly. " + FILLER + " " + word + ".", "2023-05-01T10:00:00Z");
        long deepNew = post("New story " + unique("t"), FILLER + " and " + word + " again.", "2024-06-01T10:00:00Z");
        long inLead = post("Quiet story " + unique("t"), "Yesterday " + word + " was seen. " + FILLER, "2022-01-01T10:00:00Z");
        long deepTie = post("Tied story " + unique("t"), FILLER + " then " + word + ".", "2024-01-01T10:00:00Z");
        post("Unrelated " + unique("u"), FILLER, "2024-07-01T10:00:00Z");
        List<Long> expected = List.of(inTitle, inLead, deepNew, deepTie, deepOld);

        JsonPath all = search(word, 20, null);
        assertEquals(expected, all.getList("items.id", Long.class));
        assertEquals(5, all.getInt("page.total"));

        // one or two at a time: each match once, in the same order, then the same pages backwards
        for (int limit : List.of(1, 2)) {
            List<Long> seen = new ArrayList<>();
            List<String> prevs = new ArrayList<>();
            String cursor = null;
            do {
                JsonPath page = search(word, limit, cursor);
                seen.addAll(page.getList("items.id", Long.class));
                prevs.add(page.getString("page.prev"));
                cursor = page.getString("page.next");
            } while (cursor != null);
            assertEquals(expected, seen, "limit " + limit);
            assertNull(prevs.get(0));

            List<Long> back = new ArrayList<>();
            String prev = prevs.get(prevs.size() - 1);
            while (prev != null) {
                JsonPath page = search(word, limit, prev);
                List<Long> ids = new ArrayList<>(page.getList("items.id", Long.class));
                Collections.reverse(ids);
                back.addAll(ids);
                prev = page.getString("page.prev");
            }
            List<Long> expectedBack = new ArrayList<>(expected.subList(0, expected.size() - (expected.size() - 1) % limit - 1));
            Collections.reverse(expectedBack);
            assertEquals(expectedBack, back, "back, limit " + limit);
        }

        // other sorts of the same search list every match too
        given().queryParam("q", word).queryParam("sort", "newest").get("/api/v1/posts").then().statusCode(200)
                .body("items.id", contains((int) deepNew, (int) deepTie, (int) deepOld, (int) inTitle, (int) inLead))
                .body("page.total", equalTo(5));
        given().queryParam("q", word + " -yesterday").get("/api/v1/posts").then().statusCode(200)
                .body("items.id", contains((int) inTitle, (int) deepNew, (int) deepTie, (int) deepOld));
    }

    @Test
    void aWrittenExcerptIsSearchedAsTitlesAndTextsAre() {
        String word = "qxe" + unique("w").replace("-", "");
        long inExcerpt = Fixtures.postId(Fixtures.publishedPost(Fixtures.ADMIN_TOKEN, "Standfirst " + unique("t"),
                Map.of("content", "<p>" + FILLER + "</p>", "excerpt", "A " + word + " in the standfirst only.",
                        "publishedAt", "2024-02-01T10:00:00Z")));
        long inBody = post("Body " + unique("t"), FILLER + " " + word + ".", "2024-03-01T10:00:00Z");
        // the lead match ranks first; both are counted
        given().queryParam("q", word).get("/api/v1/posts").then().statusCode(200)
                .body("items.id", contains((int) inExcerpt, (int) inBody)).body("page.total", equalTo(2));
        given().queryParam("q", word).queryParam("sort", "newest").get("/api/v1/posts").then().statusCode(200)
                .body("items.id", contains((int) inBody, (int) inExcerpt)).body("page.total", equalTo(2));
        // an exclusion is tested against the excerpt too
        given().queryParam("q", word + " -standfirst").get("/api/v1/posts").then().statusCode(200)
                .body("items.id", contains((int) inBody)).body("page.total", equalTo(1));
    }

    @Test
    void aCursorFromBeforeTheDateTieBreakIsRejectedNotMisread() {
        String old = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("[\"relevance\",\"a\",0.5,42]".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        given().queryParam("q", "anything").queryParam("cursor", old).get("/api/v1/posts").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("cursor"));
    }
}
