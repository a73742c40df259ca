package dev.gazette.sync;

import dev.gazette.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.gazette.Fixtures.asAdmin;
import static dev.gazette.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ChangeFeedTest {

    @Inject
    EntityManager em;

    /** The cursor of "now": everything after it is this test's. */
    private static String now() {
        String cursor = null;
        while (true) {
            var req = given().queryParam("limit", 1000);
            if (cursor != null) {
                req.queryParam("after", cursor);
            }
            JsonPath page = req.get("/api/v1/changes").then().statusCode(200).extract().jsonPath();
            cursor = page.getString("page.next");
            if (page.getList("items").size() < 1000) {
                return cursor;
            }
        }
    }

    /** All changes after a cursor (following page.next), as "type:id:action". */
    private static List<String> since(String cursor, String types) {
        List<String> seen = new ArrayList<>();
        while (true) {
            var req = given().queryParam("after", cursor).queryParam("limit", 50);
            if (types != null) {
                req.queryParam("types", types);
            }
            JsonPath page = req.get("/api/v1/changes").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            items.forEach(i -> seen.add(i.get("type") + ":" + i.get("id") + ":" + i.get("action")));
            String next = page.getString("page.next");
            if (items.isEmpty()) {
                return seen;
            }
            cursor = next;
        }
    }

    @Test
    void postsCommentsAndTaxonomyEmitPublicStateChanges() {
        String start = now();
        long draft = asAdmin().body(Map.of("title", unique("draft"))).post("/api/v1/posts").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        asAdmin().post("/api/v1/posts/" + draft + "/publish").then().statusCode(200);
        asAdmin().contentType("application/merge-patch+json").body(Map.of("title", "Edited")).patch("/api/v1/posts/" + draft)
                .then().statusCode(200);
        Fixtures.Actor moderator = Fixtures.actor("moderator");
        String email = Fixtures.knownEmail(draft, moderator);
        long comment = Fixtures.comment(draft, null, email, "A comment").getLong("id");
        long firstComment = Long.parseLong(given().queryParam("post", draft).get("/api/v1/comments")
                .jsonPath().getList("items.id").get(0).toString());
        asAdmin().post("/api/v1/posts/" + draft + "/unpublish").then().statusCode(200);
        asAdmin().post("/api/v1/posts/" + draft + "/publish").then().statusCode(200);
        Fixtures.asAdmin().post("/api/v1/comments/" + comment + "/spam").then().statusCode(200);
        long tag = Fixtures.tag(unique("t"));
        asAdmin().delete("/api/v1/tags/" + tag).then().statusCode(204);
        asAdmin().delete("/api/v1/posts/" + draft).then().statusCode(204);

        List<String> expected = List.of(
                "post:" + draft + ":created", "post:" + draft + ":updated",
                "comment:" + firstComment + ":created", "comment:" + comment + ":created",
                "comment:" + firstComment + ":deleted", "comment:" + comment + ":deleted", "post:" + draft + ":deleted",
                "post:" + draft + ":created", "comment:" + firstComment + ":created", "comment:" + comment + ":created",
                "comment:" + comment + ":deleted",
                "tag:" + tag + ":created", "tag:" + tag + ":deleted",
                "comment:" + firstComment + ":deleted", "post:" + draft + ":deleted");
        List<String> mine = since(start, null).stream()
                .filter(c -> c.startsWith("post:" + draft + ":") || c.startsWith("comment:" + comment + ":")
                        || c.startsWith("comment:" + firstComment + ":") || c.startsWith("tag:" + tag + ":"))
                .toList();
        assertEquals(expected, mine);
        List<String> tagsOnly = since(start, "tag");
        assertTrue(tagsOnly.containsAll(List.of("tag:" + tag + ":created", "tag:" + tag + ":deleted")), tagsOnly.toString());
        assertTrue(tagsOnly.stream().allMatch(c -> c.startsWith("tag:")), tagsOnly.toString());
    }

    @Test
    void deletingACategoryUpdatesItsChildrenAndPosts() {
        long parent = Fixtures.category("Parent " + unique("p"), null);
        long child = Fixtures.category("Child", parent);
        long post = Fixtures.postId(Fixtures.publishedPost(Fixtures.ADMIN_TOKEN, unique("p"), Map.of("categories", List.of(parent))));
        String start = now();
        asAdmin().delete("/api/v1/categories/" + parent).then().statusCode(204);
        assertEquals(List.of("category:" + child + ":updated", "post:" + post + ":updated", "category:" + parent + ":deleted"),
                since(start, "category,post"));
    }

    @Test
    void authorsAndLikeCountsAreChangesToo() {
        String start = now();
        Fixtures.Actor author = Fixtures.actor("author");
        asAdmin().body(Map.of("displayName", unique("Renamed"))).patch("/api/v1/authors/" + author.authorId()).then().statusCode(200);
        long post = Fixtures.commentablePost();
        String email = Fixtures.knownEmail(post, Fixtures.actor("moderator"));
        long comment = Fixtures.comment(post, null, email, "Likeable").getLong("id");
        String visitor = unique("visitor");
        String afterSetup = now();
        given().header("X-Visitor-Id", visitor).put("/api/v1/comments/" + comment + "/like").then().statusCode(200);
        given().header("X-Visitor-Id", visitor).put("/api/v1/comments/" + comment + "/like").then().statusCode(200); // no change
        given().header("X-Visitor-Id", visitor).put("/api/v1/posts/" + post + "/like").then().statusCode(200);
        assertEquals(List.of("author:" + author.authorId() + ":created", "author:" + author.authorId() + ":updated"),
                since(start, "author").stream().filter(c -> c.startsWith("author:" + author.authorId() + ":")).toList());
        assertEquals(List.of("comment:" + comment + ":updated", "post:" + post + ":updated"), since(afterSetup, "comment,post"));
    }

    @Test
    void cursorsAreValidatedAndOldOnesGetGone() {
        given().queryParam("after", "nonsense").get("/api/v1/changes").then().statusCode(400)
                .body("errors[0].field", equalTo("after"));
        given().queryParam("types", "post,reader").get("/api/v1/changes").then().statusCode(400);
        given().queryParam("limit", 1001).get("/api/v1/changes").then().statusCode(400);
        String cursor = now();
        long seq = Long.parseLong(cursor.substring(2));
        Fixtures.tag(unique("g"));
        long pruned = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select pruned_through from change_counter where id = 1").getSingleResult()).longValue());
        try {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update change_counter set pruned_through = :p where id = 1")
                    .setParameter("p", seq + 1).executeUpdate());
            given().queryParam("after", cursor).get("/api/v1/changes").then().statusCode(410)
                    .contentType("application/problem+json");
            given().get("/api/v1/changes").then().statusCode(200);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update change_counter set pruned_through = :p where id = 1")
                    .setParameter("p", pruned).executeUpdate());
        }
    }

    @Test
    void aCursorPastTheNewestChangeIsAConflictThatSaysHowToResync() {
        String cursor = now();
        long newest = Long.parseLong(cursor.substring(2));
        // the newest change's own cursor is where a client polls from: nothing new yet, not an error
        given().queryParam("after", cursor).get("/api/v1/changes").then().statusCode(200);
        for (long ahead : List.of(newest + 1, newest + 961)) {
            given().queryParam("after", "c-" + ahead).get("/api/v1/changes").then().statusCode(409)
                    .contentType("application/problem+json")
                    .body("status", equalTo(409))
                    .body("detail", org.hamcrest.Matchers.containsString("c-" + ahead))
                    .body("detail", org.hamcrest.Matchers.containsString("ahead of the newest change"))
                    .body("detail", org.hamcrest.Matchers.containsString("GET /api/v1/changes (without 'after')"));
        }
        // once the feed has come that far, the same cursor is an ordinary one
        Fixtures.tag(unique("catch-up"));
        given().queryParam("after", "c-" + (newest + 1)).get("/api/v1/changes").then().statusCode(200);
    }

    @Test
    void aMirrorFollowingTheFeedDuringParallelWritesEndsWithExactlyThePublicPosts() throws Exception {
        String tagSlug = unique("mirror");
        long tag = Fixtures.tag(tagSlug);
        String start = now();
        Map<Long, Boolean> mirror = new ConcurrentHashMap<>();
        Set<Long> mine = ConcurrentHashMap.newKeySet();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            Future<?> poller = pool.submit(() -> {
                String cursor = start;
                while (true) {
                    boolean last = !writing.get();
                    JsonPath page = given().queryParam("after", cursor).queryParam("types", "post").queryParam("limit", 37)
                            .get("/api/v1/changes").then().statusCode(200).extract().jsonPath();
                    for (Map<String, Object> c : page.<Map<String, Object>>getList("items")) {
                        long id = ((Number) c.get("id")).longValue();
                        if ("deleted".equals(c.get("action"))) {
                            mirror.remove(id);
                        } else {
                            mirror.put(id, true);
                        }
                    }
                    cursor = page.getString("page.next");
                    if (last && page.getList("items").isEmpty()) {
                        return null;
                    }
                }
            });
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int seed = w;
                writers.add(pool.submit(() -> {
                    Random random = new Random(seed);
                    List<Long> own = new ArrayList<>();
                    for (int i = 0; i < 15; i++) {
                        int op = own.isEmpty() ? 0 : random.nextInt(5);
                        switch (op) {
                            case 0 -> {
                                long id = Fixtures.postId(Fixtures.publishedPost(Fixtures.ADMIN_TOKEN, "Mirror " + unique("m"),
                                        Map.of("tags", List.of(tag))));
                                own.add(id);
                                mine.add(id);
                            }
                            case 1 -> asAdmin().contentType("application/merge-patch+json").body(Map.of("title", "Edit " + i))
                                    .patch("/api/v1/posts/" + own.get(random.nextInt(own.size()))).then().statusCode(200);
                            case 2 -> asAdmin().post("/api/v1/posts/" + own.get(random.nextInt(own.size())) + "/unpublish")
                                    .then().statusCode(200);
                            case 3 -> asAdmin().post("/api/v1/posts/" + own.get(random.nextInt(own.size())) + "/publish")
                                    .then().statusCode(200);
                            default -> {
                                long id = own.remove(random.nextInt(own.size()));
                                asAdmin().delete("/api/v1/posts/" + id).then().statusCode(204);
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : writers) {
                f.get();
            }
            writing.set(false);
            poller.get();
        } finally {
            pool.shutdownNow();
        }
        Set<Long> listed = new HashSet<>(given().queryParam("tag", tag).queryParam("limit", 100).get("/api/v1/posts")
                .jsonPath().getList("items.id", Long.class));
        Set<Long> mirrored = new HashSet<>(mirror.keySet());
        mirrored.retainAll(mine);
        assertEquals(listed, mirrored);
        assertTrue(mine.size() >= 4);
    }
}
