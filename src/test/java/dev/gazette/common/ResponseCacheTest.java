package dev.gazette.common;

import dev.gazette.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static dev.gazette.Fixtures.as;
import static dev.gazette.Fixtures.asAdmin;
import static dev.gazette.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The in-memory response cache: every public path it serves shows a write to the very next read,
 * and nothing personal is ever served from it.
 */
@QuarkusTest
class ResponseCacheTest {

    /** A public post with its own category, tag, author and comment thread. */
    private record Story(long id, String slug, String category, String tag, Fixtures.Actor author, String email) {
    }

    private Story story(String title) {
        Fixtures.Actor editor = Fixtures.actor("editor");
        long category = Fixtures.category(unique("Cached section"), null);
        long tag = Fixtures.tag(unique("Cached topic"));
        Map<String, Object> post = Fixtures.publishedPost(editor.token(), title,
                Map.of("categories", List.of(String.valueOf(category)), "tags", List.of(String.valueOf(tag))));
        long id = Fixtures.postId(post);
        String email = Fixtures.knownEmail(id, Fixtures.actor("moderator"));
        String categorySlug = given().get("/api/v1/categories/" + category).then().extract().path("slug");
        String tagSlug = given().get("/api/v1/tags/" + tag).then().extract().path("slug");
        return new Story(id, (String) post.get("slug"), categorySlug, tagSlug, editor, email);
    }

    /** Reads until the answer comes from the cache (a background write may move the version once or twice). */
    static Response cached(String path) {
        for (int i = 0; i < 10; i++) {
            Response r = given().get(path);
            assertEquals(200, r.statusCode(), path + ": " + r.asString());
            if ("HIT".equals(r.header("X-Cache"))) {
                return r;
            }
        }
        fail(path + " is never served from the cache");
        return null;
    }

    /** Every path is cached, then after the write the very next read shows it (and was computed anew). */
    private static void nextReadShows(List<String> paths, Runnable write, Consumer<Response> expectation) {
        Map<String, Consumer<Response>> expectations = new LinkedHashMap<>();
        paths.forEach(path -> expectations.put(path, expectation));
        nextReadShows(expectations, write);
    }

    private static void nextReadShows(Map<String, Consumer<Response>> expectations, Runnable write) {
        expectations.keySet().forEach(ResponseCacheTest::cached);
        write.run();
        expectations.forEach((path, expectation) -> {
            Response r = given().get(path);
            assertNotEquals("HIT", r.header("X-Cache"), path + " was served from the cache after the write");
            expectation.accept(r);
        });
    }

    @Test
    void everyCachedPathShowsAWriteToTheVeryNextRead() {
        String word = unique("zebrafinch").replace("-", "");
        Story s = story("Harbour wall " + word);
        String list = "/api/v1/posts?include=author,categories,tags&category=" + s.category();
        String byId = "/api/v1/posts/" + s.id() + "?include=author,categories,tags";
        String bySlug = "/api/v1/posts/" + s.slug();
        String search = "/api/v1/posts?q=" + word;
        String rss = "/api/v1/feeds/posts.rss?category=" + s.category();
        String json = "/api/v1/feeds/posts.json?tag=" + s.tag();
        String tree = "/api/v1/posts/" + s.id() + "/comments";
        String categoryTree = "/api/v1/categories?view=tree&fields=id,name";
        String tagPath = "/api/v1/tags/" + s.tag();
        String authorPath = "/api/v1/authors/" + s.author().slug();

        // the post itself: list, by id, by slug, search, feeds
        String title = "Harbour wall rebuilt " + word;
        nextReadShows(List.of(list, byId, bySlug, search, rss, json),
                () -> as(s.author().token()).body(Map.of("title", title)).patch("/api/v1/posts/" + s.id()).then().statusCode(200),
                r -> r.then().statusCode(200).body(containsString(title)));

        // its category, tag and author, embedded in the post and on their own
        String categoryName = unique("Renamed section");
        nextReadShows(List.of(list, byId, categoryTree),
                () -> asAdmin().body(Map.of("name", categoryName)).patch("/api/v1/categories/" + s.category()).then().statusCode(200),
                r -> r.then().body(containsString(categoryName)));
        String tagName = unique("Renamed topic");
        nextReadShows(List.of(byId, tagPath),
                () -> asAdmin().body(Map.of("name", tagName)).patch("/api/v1/tags/" + s.tag()).then().statusCode(200),
                r -> r.then().body(containsString(tagName)));
        String authorName = unique("Renamed editor");
        nextReadShows(List.of(list, byId, authorPath),
                () -> asAdmin().body(Map.of("displayName", authorName)).patch("/api/v1/authors/" + s.author().slug()).then().statusCode(200),
                r -> r.then().body(containsString(authorName)));

        // comments: a new one in the tree and in the post's count, then a like
        int before = given().get(bySlug).then().extract().path("commentCount");
        long[] comment = new long[1];
        Map<String, Consumer<Response>> commented = new LinkedHashMap<>();
        commented.put(tree, r -> r.then().body(containsString("A fresh comment " + word)));
        commented.put(bySlug, r -> r.then().body("commentCount", equalTo(before + 1)));
        nextReadShows(commented, () -> comment[0] = Fixtures.comment(s.id(), null, s.email(), "A fresh comment " + word).getLong("id"));
        nextReadShows(List.of(tree),
                () -> given().header("X-Visitor-Id", unique("liker")).put("/api/v1/comments/" + comment[0] + "/like").then().statusCode(200),
                r -> r.then().body("items.find { it.id == " + comment[0] + " }.likeCount", equalTo(1)));

        // unpublished: gone from the list and the search, 404 by slug
        nextReadShows(List.of(list, search), () -> asAdmin().post("/api/v1/posts/" + s.id() + "/unpublish").then().statusCode(200),
                r -> r.then().statusCode(200).body("items.id", not(hasItem((int) s.id()))));
        given().get(bySlug).then().statusCode(404);
    }

    @Test
    void listTotalsFollowEveryChange() {
        Story s = story(unique("Counted"));
        String list = "/api/v1/posts?limit=1&fields=id&category=" + s.category();
        given().get(list).then().body("page.total", equalTo(1));
        Map<String, Object> second = Fixtures.publishedPost(s.author().token(), unique("Counted too"),
                Map.of("categories", List.of(s.category())));
        String next = given().get(list).then().body("page.total", equalTo(2)).extract().path("page.next");
        // a later page of the same list: the same total, remembered, and still exact after a change
        given().queryParam("cursor", next).get(list).then().body("page.total", equalTo(2)).body("items", org.hamcrest.Matchers.hasSize(1));
        asAdmin().post("/api/v1/posts/" + Fixtures.postId(second) + "/unpublish").then().statusCode(200);
        given().queryParam("cursor", next).get(list).then().body("page.total", equalTo(1));
        given().get(list).then().body("page.total", equalTo(1));
        // post counts per term are remembered too, and follow publishing
        String category = "/api/v1/categories/" + s.category();
        given().get(category).then().body("postCount", equalTo(1));
        Fixtures.comment(s.id(), null, s.email(), "Counts do not move with comments");
        given().get(category).then().body("postCount", equalTo(1));
        asAdmin().post("/api/v1/posts/" + Fixtures.postId(second) + "/publish").then().statusCode(200);
        given().get(category).then().body("postCount", equalTo(2));
        given().get("/api/v1/categories?view=tree").then().body("items.find { it.slug == '" + s.category() + "' }.postCount", equalTo(2));
        asAdmin().post("/api/v1/posts/" + Fixtures.postId(second) + "/unpublish").then().statusCode(200);
        given().get(category).then().body("postCount", equalTo(1));
        // a token's list (drafts included) is counted for the caller, never from the public total
        as(s.author().token()).body(Map.of("title", unique("Counted draft"), "content", "<p>x</p>", "categories", List.of(s.category())))
                .post("/api/v1/posts").then().statusCode(201);
        as(s.author().token()).get(list + "&status=any").then().body("page.total", equalTo(3)); // with the unpublished one
        given().get(list).then().body("page.total", equalTo(1));
    }

    @Test
    void aConditionalReadIsAnsweredFromTheCache() {
        Story s = story(unique("Conditional"));
        String path = "/api/v1/posts/" + s.slug();
        String etag = cached(path).header("ETag");
        given().header("If-None-Match", etag).get(path).then().statusCode(304).header("X-Cache", "HIT").header("ETag", etag);
        as(s.author().token()).body(Map.of("excerpt", "Changed")).patch(path).then().statusCode(200);
        given().header("If-None-Match", etag).get(path).then().statusCode(200).header("X-Cache", "MISS")
                .header("ETag", not(etag)).body("excerpt", equalTo("Changed"));
    }

    @Test
    void aComputedAnswerComparesIfNoneMatchWeaklyAsAHitDoes() {
        Story s = story(unique("Weak comparison"));
        String path = "/api/v1/posts/" + s.slug();
        String etag = cached(path).header("ETag");
        // another Accept is another entry: these are computed by the resource, not served from memory
        given().accept("application/json").header("If-None-Match", "W/" + etag).get(path).then().statusCode(304)
                .header("X-Cache", not(equalTo("HIT"))).header("ETag", etag);
        given().accept("application/json, */*").header("If-None-Match", "\"other\"").get(path).then().statusCode(200)
                .header("X-Cache", not(equalTo("HIT"))).header("ETag", etag);
    }

    @Test
    void aHitCarriesTheHeadersOfTheMissAndFollowsThePreconditionRules() {
        Story s = story(unique("Hit headers"));
        String list = "/api/v1/posts?category=" + s.category() + "&limit=1&include=author";
        Fixtures.publishedPost(s.author().token(), unique("Second in section"), Map.of("categories", List.of(s.category())));
        for (String path : List.of("/api/v1/posts/" + s.slug(), list, "/api/v1/feeds/posts.rss?category=" + s.category())) {
            Response first = given().get(path);
            assertEquals("MISS", first.header("X-Cache"), path);
            Response hit = cached(path);
            assertEquals("HIT", hit.header("X-Cache"), path);
            for (String name : List.of("ETag", "Cache-Control", "Vary", "Last-Modified", "Link", "Content-Type", "Content-Length")) {
                assertEquals(first.header(name), hit.header(name), path + " " + name);
            }
            assertEquals(first.asString(), hit.asString(), path);
            String etag = hit.header("ETag");
            // weak comparison, a list of tags, and * all match; another tag does not
            given().header("If-None-Match", "W/" + etag).get(path).then().statusCode(304).header("X-Cache", "HIT")
                    .header("ETag", etag).header("Cache-Control", hit.header("Cache-Control"));
            given().header("If-None-Match", "\"other\", " + etag).get(path).then().statusCode(304);
            given().header("If-None-Match", "*").get(path).then().statusCode(304);
            given().header("If-None-Match", "\"other\"").get(path).then().statusCode(200).header("X-Cache", "HIT");
            // If-None-Match wins over a date that would say "not modified"
            given().header("If-None-Match", "\"other\"").header("If-Modified-Since", "Fri, 31 Dec 9999 23:59:59 GMT")
                    .get(path).then().statusCode(200);
            // a GET with If-Match is judged by the same rules as a computed answer: 412 problem when it differs
            given().header("If-Match", "\"9.other\"").get(path).then().statusCode(412).contentType("application/problem+json");
            given().header("If-Match", etag).get(path).then().statusCode(200);
        }
        String single = "/api/v1/posts/" + s.slug();
        String lastModified = cached(single).header("Last-Modified");
        given().header("If-Modified-Since", lastModified).get(single).then().statusCode(304).header("X-Cache", "HIT");
        given().header("If-Modified-Since", "Mon, 01 Jan 2001 00:00:00 GMT").get(single).then().statusCode(200).header("X-Cache", "HIT");
        given().header("If-Modified-Since", "not a date").get(single).then().statusCode(200);
    }

    @Test
    void personalAnswersNeverComeFromTheCacheNorGoIntoIt() {
        Story s = story(unique("Personal"));
        String list = "/api/v1/posts?category=" + s.category() + "&status=any";
        String publicList = "/api/v1/posts?category=" + s.category();
        long draft = Fixtures.postId(as(s.author().token()).body(Map.of("title", unique("Draft"), "content", "<p>x</p>",
                "categories", List.of(s.category()))).post("/api/v1/posts").then().statusCode(201).extract().jsonPath().getMap(""));

        // the public list is cached without the draft; the author's list has it, and is never cached
        cached(publicList).then().body("items.id", not(hasItem((int) draft)));
        for (int i = 0; i < 3; i++) {
            as(s.author().token()).get(list).then().statusCode(200).header("X-Cache", nullValue())
                    .header("Cache-Control", containsString("private")).body("items.id", hasItem((int) draft));
        }
        cached(publicList).then().body("items.id", not(hasItem((int) draft)));
        // a token that is not valid gets its 401, even where the anonymous answer is cached
        given().header("Authorization", "Bearer not-a-real-token").get(publicList).then().statusCode(401);

        // likedByMe is personal: computed for each visitor, never stored, never mixed up
        long comment = Fixtures.comment(s.id(), null, s.email(), "Like me").getLong("id");
        String tree = "/api/v1/posts/" + s.id() + "/comments";
        String visitor = unique("visitor-a");
        given().header("X-Visitor-Id", visitor).put("/api/v1/comments/" + comment + "/like").then().statusCode(200);
        for (int i = 0; i < 3; i++) {
            given().header("X-Visitor-Id", visitor).get(tree).then().statusCode(200).header("X-Cache", nullValue())
                    .body("items.find { it.id == " + comment + " }.likedByMe", equalTo(true));
            given().header("X-Visitor-Id", unique("visitor-b")).get(tree).then().statusCode(200).header("X-Cache", nullValue())
                    .body("items.find { it.id == " + comment + " }.likedByMe", equalTo(false));
        }
        cached(tree).then().body("items.find { it.id == " + comment + " }.likedByMe", nullValue())
                .body("items.find { it.id == " + comment + " }.likeCount", equalTo(1));

        // a moderator's view carries emails; the cached public one never does
        Fixtures.Actor moderator = Fixtures.actor("moderator");
        as(moderator.token()).get(tree).then().statusCode(200).body(containsString(s.email()));
        String publicTree = cached(tree).asString();
        assertFalse(publicTree.contains(s.email()) || publicTree.contains("\"moderation\":{"), publicTree);

        // a visitor header on a path whose answer does not depend on it: shared, served from the cache
        Response withVisitor = null;
        for (int i = 0; i < 10 && (withVisitor == null || !"HIT".equals(withVisitor.header("X-Cache"))); i++) {
            withVisitor = given().header("X-Visitor-Id", unique("visitor-c")).get("/api/v1/categories/" + s.category());
        }
        assertTrue("HIT".equals(withVisitor.header("X-Cache")), "a category read with a visitor id is shared");
        // a post shows the visitor's likedByMe: personal, never shared
        given().header("X-Visitor-Id", unique("visitor-d")).get("/api/v1/posts/" + s.slug()).then().statusCode(200)
                .header("X-Cache", nullValue()).header("Cache-Control", containsString("private")).body("likedByMe", equalTo(false));
    }

    @Test
    void theAcceptHeaderIsPartOfTheKey() {
        Story s = story(unique("Negotiated"));
        String path = "/api/v1/posts/" + s.slug();
        cached(path);
        given().accept(ContentType.XML).get(path).then().statusCode(406).contentType(containsString("problem+json"));
        given().accept(ContentType.JSON).get(path).then().statusCode(200).contentType(containsString("application/json"));
    }
}
