package dev.gazette.comment;

import dev.gazette.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.gazette.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class LikeAndCounterConcurrencyTest {

    private static List<Integer> parallel(int threads, int tasks, Callable<Integer> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < tasks; i++) {
                futures.add(pool.submit(task));
            }
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void hundredVisitorsLikingAtOnceGiveExactlyHundred() throws Exception {
        long postId = CommentTreeTest.post();
        String email = CommentTreeTest.knownEmail(postId, Fixtures.actor("moderator"));
        long commentId = CommentTreeTest.comment(postId, null, email, "Like me").getLong("id");

        List<Integer> statuses = parallel(16, 100, () -> given().header("X-Visitor-Id", UUID.randomUUID().toString())
                .put("/api/v1/comments/" + commentId + "/like").statusCode());
        assertTrue(statuses.stream().allMatch(s -> s == 200), statuses.toString());
        given().get("/api/v1/comments/" + commentId).then().body("likeCount", equalTo(100));

        List<Integer> postStatuses = parallel(16, 100, () -> given().header("X-Visitor-Id", UUID.randomUUID().toString())
                .put("/api/v1/posts/" + postId + "/like").statusCode());
        assertTrue(postStatuses.stream().allMatch(s -> s == 200), postStatuses.toString());
        given().get("/api/v1/posts/" + postId).then().body("likeCount", equalTo(100));
    }

    @Test
    void editingAPostWhileItIsLikedLosesNoLike() throws Exception {
        long postId = CommentTreeTest.post();
        AtomicInteger n = new AtomicInteger();
        List<Integer> statuses = parallel(8, 60, () -> {
            int i = n.getAndIncrement();
            if (i % 3 == 0) {
                return Fixtures.asAdmin().contentType("application/merge-patch+json").body(Map.of("title", "Edit " + i))
                        .patch("/api/v1/posts/" + postId).statusCode();
            }
            return given().header("X-Visitor-Id", "editor-race-" + i).put("/api/v1/posts/" + postId + "/like").statusCode();
        });
        assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 409), statuses.toString());
        given().get("/api/v1/posts/" + postId).then().body("likeCount", equalTo(40));
    }

    @Test
    void oneVisitorLikingRepeatedlyCountsOnce() throws Exception {
        long postId = CommentTreeTest.post();
        String email = CommentTreeTest.knownEmail(postId, Fixtures.actor("moderator"));
        long commentId = CommentTreeTest.comment(postId, null, email, "Like me once").getLong("id");
        String visitor = "visitor-" + unique("v");
        List<Integer> statuses = parallel(8, 20, () -> given().header("X-Visitor-Id", visitor)
                .put("/api/v1/comments/" + commentId + "/like").statusCode());
        assertEquals(20, statuses.size());
        assertTrue(statuses.stream().allMatch(s -> s == 200), "a repeated like is idempotent, never an error: " + statuses);
        given().header("X-Visitor-Id", visitor).get("/api/v1/comments/" + commentId).then()
                .body("likeCount", equalTo(1)).body("likedByMe", equalTo(true));
        given().header("X-Visitor-Id", "someone-else-1").get("/api/v1/comments/" + commentId).then().body("likedByMe", equalTo(false));
        given().get("/api/v1/comments/" + commentId).then().body("likedByMe", equalTo(null));
        given().header("X-Visitor-Id", visitor).get("/api/v1/posts/" + postId + "/comments").then()
                .body("items.find { it.id == " + commentId + " }.likedByMe", equalTo(true))
                .header("Cache-Control", equalTo("private, no-cache"));

        given().header("X-Visitor-Id", visitor).delete("/api/v1/comments/" + commentId + "/like").then().statusCode(200)
                .body("likeCount", equalTo(0)).body("likedByMe", equalTo(false));
        given().header("X-Visitor-Id", visitor).delete("/api/v1/comments/" + commentId + "/like").then().statusCode(200)
                .body("likeCount", equalTo(0));
        // a token's author likes as themselves
        Fixtures.Actor reader = Fixtures.actor("author");
        Fixtures.as(reader.token()).put("/api/v1/comments/" + commentId + "/like").then().statusCode(200).body("likeCount", equalTo(1));
        Fixtures.as(reader.token()).put("/api/v1/comments/" + commentId + "/like").then().statusCode(200).body("likeCount", equalTo(1));
        given().put("/api/v1/comments/" + commentId + "/like").then().statusCode(400).contentType("application/problem+json");
        given().header("X-Visitor-Id", "bad id!").put("/api/v1/comments/" + commentId + "/like").then().statusCode(400);
    }

    @Test
    void parallelRepliesKeepEveryCounterExact() throws Exception {
        long postId = CommentTreeTest.post();
        String email = CommentTreeTest.knownEmail(postId, Fixtures.actor("moderator"));
        long root = CommentTreeTest.comment(postId, null, email, "root").getLong("id");
        long child = CommentTreeTest.comment(postId, root, email, "child").getLong("id");
        AtomicInteger n = new AtomicInteger();
        List<Integer> statuses = parallel(8, 40, () -> {
            int i = n.getAndIncrement();
            return given().contentType("application/json")
                    .body(Map.of("authorName", "R", "authorEmail", email, "content", "reply " + i, "parentId", i % 2 == 0 ? root : child))
                    .post("/api/v1/posts/" + postId + "/comments").statusCode();
        });
        assertTrue(statuses.stream().allMatch(s -> s == 201), statuses.toString());
        given().get("/api/v1/posts/" + postId).then().body("commentCount", equalTo(1 + 2 + 40));
        given().get("/api/v1/comments/" + root).then().body("replyCount", equalTo(1 + 20)).body("descendantCount", equalTo(1 + 40));
        given().get("/api/v1/comments/" + child).then().body("replyCount", equalTo(20)).body("descendantCount", equalTo(20));
        given().get("/api/v1/comments/" + root + "/thread").then().body("replies.size()", equalTo(21))
                .body("replies.find { it.id == " + child + " }.replies.size()", equalTo(20));
    }
}
