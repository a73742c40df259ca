package dev.gazette.common;

import dev.gazette.Fixtures;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.gazette.Fixtures.as;
import static dev.gazette.Fixtures.asAdmin;
import static dev.gazette.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A write drops exactly the cached answers it makes wrong: the answers that show what changed are
 * fresh at the very next read, every other answer is still served from the cache. Counters shown
 * in lists catch up within the list counter lag (1 s by default); concurrent misses compute once.
 */
@QuarkusTest
class CacheInvalidationTest {

    /** The default gazette.http.cache.list-counter-lag. */
    private static final Duration LAG = Duration.ofSeconds(1);

    @TestHTTPResource("/")
    URL base;

    /** Two public posts, each with its own category, tag and an approved commenter; A and B share nothing. */
    private record Story(long id, String slug, long category, long tag, String email, Fixtures.Actor author) {
    }

    private Story story(String title) {
        Fixtures.Actor editor = Fixtures.actor("editor");
        long category = Fixtures.category(unique("Section"), null);
        long tag = Fixtures.tag(unique("Topic"));
        Map<String, Object> post = Fixtures.publishedPost(editor.token(), title,
                Map.of("categories", List.of(String.valueOf(category)), "tags", List.of(String.valueOf(tag))));
        long id = Fixtures.postId(post);
        return new Story(id, (String) post.get("slug"), category, tag, Fixtures.knownEmail(id, Fixtures.actor("moderator")), editor);
    }

    private static Response cached(String path) {
        return ResponseCacheTest.cached(path);
    }

    private static void allCached(List<String> paths) {
        paths.forEach(CacheInvalidationTest::cached);
    }

    /** The write did not touch these: still served from the cache, unchanged. */
    private static void stillCached(List<String> paths, Map<String, String> bodiesBefore) {
        for (String path : paths) {
            Response r = given().get(path);
            assertEquals("HIT", r.header("X-Cache"), path + " was dropped by a write that does not change it");
            assertEquals(bodiesBefore.get(path), r.asString(), path);
        }
    }

    /** The write changes these: the very next read is computed anew. */
    private static Response fresh(String path) {
        Response r = given().get(path);
        assertEquals(200, r.statusCode(), path + ": " + r.asString());
        assertNotEquals("HIT", r.header("X-Cache"), path + " was served from the cache after a write that changes it");
        return r;
    }

    private static Map<String, String> bodies(List<String> paths) {
        Map<String, String> bodies = new java.util.HashMap<>();
        paths.forEach(p -> bodies.put(p, cached(p).asString()));
        return bodies;
    }

    /** Lagging list counters planned by the set-up writes have moved: what is cached now stays until the next write. */
    private static void settle() throws InterruptedException {
        Thread.sleep(LAG.toMillis() + 300);
    }

    private static String categoryTree() {
        return "/api/v1/categories?view=tree";
    }

    @Test
    void aLikeDropsThatPostAtOnceItsListsWithinTheLagAndNothingElse() throws InterruptedException {
        Story a = story(unique("Liked story"));
        Story b = story(unique("Quiet story"));
        String aPost = "/api/v1/posts/" + a.slug();
        String aList = "/api/v1/posts?category=" + a.category();
        List<String> untouched = List.of("/api/v1/posts/" + b.slug(), "/api/v1/posts/" + b.id() + "/comments",
                "/api/v1/posts?category=" + b.category(), categoryTree(), "/api/v1/tags?sort=count",
                "/api/v1/tags/" + a.tag(), "/api/v1/authors/" + a.author().slug(), "/api/v1/posts/" + a.id() + "/comments");
        settle();
        allCached(List.of(aPost, aList));
        Map<String, String> before = bodies(untouched);
        int likes = cached(aList).then().extract().path("items[0].likeCount");

        given().header("X-Visitor-Id", unique("liker")).put(aPost + "/like").then().statusCode(200).body("likeCount", equalTo(likes + 1));
        Instant liked = Instant.now();
        // a list showing A may show the old count for up to the lag (read at once: a slow machine may pass the lag)
        Response listNow = given().get(aList);
        if (Duration.between(liked, Instant.now()).compareTo(LAG.dividedBy(2)) < 0) {
            assertEquals("HIT", listNow.header("X-Cache"), "a list counter is not recomputed at once");
            assertEquals(likes, (int) listNow.path("items[0].likeCount"));
        }

        // the post itself shows the like at once
        fresh(aPost).then().body("likeCount", equalTo(likes + 1));
        // another post, its comments, other lists, terms, the author and even A's own comment tree: untouched
        stillCached(untouched, before);
        // then the list shows the new count
        Awaitility.await("the list shows the like within the lag").atMost(LAG.plusSeconds(2)).pollInterval(Duration.ofMillis(50))
                .until(() -> given().get(aList).<Integer>path("items[0].likeCount"), shown -> shown == likes + 1);
    }

    @Test
    void aNewCommentDropsItsDiscussionAndItsPostCountOnly() throws InterruptedException {
        Story a = story(unique("Discussed story"));
        Story b = story(unique("Other story"));
        String aTree = "/api/v1/posts/" + a.id() + "/comments";
        String aPost = "/api/v1/posts/" + a.slug();
        String comments = "/api/v1/comments?post=" + a.id();
        String siteComments = "/api/v1/comments?sort=newest";
        String commentFeed = "/api/v1/feeds/comments.json";
        List<String> untouched = List.of("/api/v1/posts/" + b.slug(), "/api/v1/posts/" + b.id() + "/comments",
                categoryTree(), "/api/v1/tags?sort=count", "/api/v1/tags/" + a.tag(), "/api/v1/categories/" + a.category());
        settle();
        allCached(List.of(aTree, aPost, comments, siteComments, commentFeed));
        Map<String, String> before = bodies(untouched);
        int count = cached(aPost).then().extract().path("commentCount");

        String text = unique("Fresh words");
        Fixtures.comment(a.id(), null, a.email(), text);

        fresh(aTree).then().body(containsString(text));
        fresh(aPost).then().body("commentCount", equalTo(count + 1));
        fresh(comments).then().body(containsString(text));
        fresh(siteComments).then().body(containsString(text));
        fresh(commentFeed).then().body(containsString(text));
        stillCached(untouched, before);
    }

    @Test
    void aCommentLikeDropsItsDiscussionAndNotThePost() throws InterruptedException {
        Story a = story(unique("Comment liked"));
        long comment = Fixtures.comment(a.id(), null, a.email(), "Like this one").getLong("id");
        String aTree = "/api/v1/posts/" + a.id() + "/comments";
        String aThread = "/api/v1/comments/" + comment + "/thread";
        List<String> untouched = List.of("/api/v1/posts/" + a.slug(), "/api/v1/posts?category=" + a.category(), categoryTree());
        settle();
        allCached(List.of(aTree, aThread));
        Map<String, String> before = bodies(untouched);

        given().header("X-Visitor-Id", unique("liker")).put("/api/v1/comments/" + comment + "/like").then().statusCode(200);

        fresh(aTree).then().body("items.find { it.id == " + comment + " }.likeCount", equalTo(1));
        fresh(aThread).then().body("likeCount", equalTo(1));
        stillCached(untouched, before);
    }

    @Test
    void aPostEditDropsThePostAndThePostListsButNotTermCountsOrOtherPosts() throws InterruptedException {
        Story a = story(unique("Edited story"));
        Story b = story(unique("Untouched story"));
        String aPost = "/api/v1/posts/" + a.id();
        String bList = "/api/v1/posts?category=" + b.category();
        String feed = "/api/v1/feeds/posts.rss?tag=" + a.tag();
        List<String> untouched = List.of("/api/v1/posts/" + b.slug(), "/api/v1/posts/" + b.id() + "/comments",
                categoryTree(), "/api/v1/tags?sort=count", "/api/v1/authors/" + a.author().slug());
        settle();
        allCached(List.of(aPost, bList, feed));
        Map<String, String> before = bodies(untouched);

        String title = unique("Edited title");
        as(a.author().token()).body(Map.of("title", title)).patch(aPost).then().statusCode(200);

        fresh(aPost).then().body("title", equalTo(title));
        fresh(feed).then().body(containsString(title));
        fresh(bList); // a post list: the edit may move A into or out of any of them (search, sort by title)
        stillCached(untouched, before);

        // re-filing it moves the counts per term
        long other = Fixtures.tag(unique("New topic"));
        as(a.author().token()).body(Map.of("tags", List.of(String.valueOf(other)))).patch(aPost).then().statusCode(200);
        fresh("/api/v1/tags?sort=count"); // recomputed (its first page need not show a new tag on a database with many)
        fresh("/api/v1/tags/" + other).then().body("postCount", equalTo(1));
        fresh(categoryTree());
    }

    @Test
    void termAndAuthorEditsDropOnlyWhatShowsThem() throws InterruptedException {
        Story a = story(unique("Filed story"));
        Story b = story(unique("Elsewhere story"));
        String aEmbedded = "/api/v1/posts/" + a.id() + "?include=author,categories,tags";
        String aPlain = "/api/v1/posts/" + a.id();
        String bEmbedded = "/api/v1/posts/" + b.id() + "?include=author,categories,tags";
        settle();

        // a category renamed: the category answers and what embeds it, not tags nor other posts
        allCached(List.of(aEmbedded, categoryTree(), "/api/v1/categories/" + a.category()));
        List<String> untouched = List.of(aPlain, bEmbedded, "/api/v1/tags?sort=count", "/api/v1/tags/" + a.tag());
        Map<String, String> before = bodies(untouched);
        String name = unique("Renamed section");
        asAdmin().body(Map.of("name", name)).patch("/api/v1/categories/" + a.category()).then().statusCode(200);
        fresh(aEmbedded).then().body(containsString(name));
        fresh(categoryTree()).then().body(containsString(name));
        fresh("/api/v1/categories/" + a.category()).then().body("name", equalTo(name));
        stillCached(untouched, before);

        // a tag renamed: the tag answers and what embeds it, not categories
        allCached(List.of(aEmbedded, "/api/v1/tags/" + a.tag()));
        untouched = List.of(aPlain, bEmbedded, categoryTree());
        before = bodies(untouched);
        String topic = unique("Renamed topic");
        asAdmin().body(Map.of("name", topic)).patch("/api/v1/tags/" + a.tag()).then().statusCode(200);
        fresh(aEmbedded).then().body(containsString(topic));
        fresh("/api/v1/tags/" + a.tag()).then().body("name", equalTo(topic));
        stillCached(untouched, before);

        // an author renamed: their page and the posts that embed them, not posts that only carry the id
        allCached(List.of(aEmbedded, "/api/v1/authors/" + a.author().slug()));
        untouched = List.of(aPlain, bEmbedded, categoryTree(), "/api/v1/tags?sort=count");
        before = bodies(untouched);
        String person = unique("Renamed editor");
        asAdmin().body(Map.of("displayName", person)).patch("/api/v1/authors/" + a.author().slug()).then().statusCode(200);
        fresh(aEmbedded).then().body("author.displayName", equalTo(person));
        fresh("/api/v1/authors/" + a.author().slug()).then().body("displayName", equalTo(person));
        stillCached(untouched, before);
    }

    @Test
    void concurrentMissesOfOneAnswerComputeItOnce() throws Exception {
        Fixtures.Actor editor = Fixtures.actor("editor");
        long category = Fixtures.category(unique("Busy section"), null);
        String longText = "Lorem ipsum dolor sit amet. ".repeat(200);
        for (int i = 0; i < 30; i++) {
            as(editor.token()).body(Map.of("title", unique("Busy " + i), "content", "<p>" + longText + "</p>", "status", "published",
                    "categories", List.of(String.valueOf(category)))).post("/api/v1/posts").then().statusCode(201);
        }
        // a fresh answer nobody asked for yet: every request below is a miss but one computes it
        String path = "/api/v1/posts?limit=100&fields=id,title,content&include=author,categories,tags&category=" + category
                + "&publishedBefore=" + Instant.now().plusSeconds(86_400 + (long) (Math.random() * 100_000)).toString();
        int parallel = 12;
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        CyclicBarrier start = new CyclicBarrier(parallel);
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return client.send(HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path)).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
                }));
            }
            int computed = 0;
            String body = null;
            for (Future<HttpResponse<String>> f : answers) {
                HttpResponse<String> r = f.get();
                assertEquals(200, r.statusCode(), r.body());
                computed += "MISS".equals(r.headers().firstValue("X-Cache").orElse("")) ? 1 : 0;
                assertTrue(body == null || body.equals(r.body()), "every reader gets the same answer");
                body = r.body();
            }
            assertEquals(1, computed, "concurrent misses of one answer are computed once");
        } finally {
            pool.shutdownNow();
        }
    }
}
