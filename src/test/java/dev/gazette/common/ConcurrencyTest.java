package dev.gazette.common;

import dev.gazette.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.gazette.Fixtures.asAdmin;
import static dev.gazette.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parallel writers: no lost update, no category cycle, no duplicate slug. */
@QuarkusTest
class ConcurrencyTest {

    private static <T> List<T> parallel(int n, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(task));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void parallelEditsWithTheSameIfMatchLetExactlyOneWin() throws Exception {
        long id = Fixtures.postId(Fixtures.publishedPost(Fixtures.ADMIN_TOKEN, unique("race"), Map.of()));
        String etag = given().get("/api/v1/posts/" + id).header("ETag");
        List<Integer> statuses = parallel(8, () -> asAdmin().header("If-Match", etag)
                .contentType("application/merge-patch+json").body(Map.of("title", "Edit " + unique("e")))
                .patch("/api/v1/posts/" + id).statusCode());
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(7, statuses.stream().filter(s -> s == 412).count(), statuses.toString());
        given().get("/api/v1/posts/" + id).then().statusCode(200);
    }

    @Test
    void parallelMovesNeverMakeACategoryCycle() throws Exception {
        for (int round = 0; round < 5; round++) {
            long a = Fixtures.category("A " + unique("a"), null);
            long b = Fixtures.category("B " + unique("b"), null);
            List<Integer> statuses = parallel(2, new Callable<>() {
                private final java.util.concurrent.atomic.AtomicInteger turn = new java.util.concurrent.atomic.AtomicInteger();

                @Override
                public Integer call() {
                    boolean first = turn.getAndIncrement() == 0;
                    return asAdmin().contentType("application/merge-patch+json")
                            .body(Map.of("parentId", first ? b : a))
                            .patch("/api/v1/categories/" + (first ? a : b)).statusCode();
                }
            });
            Object parentOfA = given().get("/api/v1/categories/" + a).jsonPath().get("parentId");
            Object parentOfB = given().get("/api/v1/categories/" + b).jsonPath().get("parentId");
            assertFalse(parentOfA != null && parentOfB != null, "cycle A<->B after " + statuses);
            assertTrue(statuses.contains(200), statuses.toString());
        }
    }

    @Test
    void editsAndDeletesRacingOnTheSameContentNeverFail() throws Exception {
        for (int round = 0; round < 6; round++) {
            long category = Fixtures.category("Race " + round + " " + unique("r"), null);
            long tag = Fixtures.tag(unique("race"));
            long post = Fixtures.postId(Fixtures.publishedPost(Fixtures.ADMIN_TOKEN, unique("race"),
                    Map.of("categories", List.of(category), "tags", List.of(tag))));
            java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
            List<Integer> statuses = parallel(6, () -> switch (n.getAndIncrement()) {
                case 0 -> asAdmin().contentType("application/merge-patch+json").body(Map.of("title", "Edited"))
                        .patch("/api/v1/posts/" + post).statusCode();
                case 1 -> asAdmin().delete("/api/v1/posts/" + post).statusCode();
                case 2 -> asAdmin().contentType("application/merge-patch+json").body(Map.of("description", "x"))
                        .patch("/api/v1/tags/" + tag).statusCode();
                case 3 -> asAdmin().delete("/api/v1/tags/" + tag).statusCode();
                case 4 -> asAdmin().contentType("application/merge-patch+json").body(Map.of("description", "y"))
                        .patch("/api/v1/categories/" + category).statusCode();
                default -> asAdmin().delete("/api/v1/categories/" + category).statusCode();
            });
            assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 204 || s == 404 || s == 409), statuses.toString());
        }
    }

    @Test
    void parallelPostsWithOneTitleGetDistinctSlugsOrAClearConflict() throws Exception {
        String title = "Breaking " + unique("same");
        String base = title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
        List<io.restassured.response.Response> responses = parallel(6, () -> asAdmin().body(Map.of("title", title)).post("/api/v1/posts"));
        List<Integer> statuses = responses.stream().map(io.restassured.response.Response::statusCode).toList();
        assertTrue(statuses.stream().allMatch(s -> s == 201 || s == 409), statuses.toString());
        assertTrue(statuses.contains(201), "at least one of the parallel creates succeeds: " + statuses);
        responses.stream().filter(r -> r.statusCode() == 409).forEach(r -> r.then().contentType("application/problem+json"));
        Set<Long> createdIds = responses.stream().filter(r -> r.statusCode() == 201)
                .map(r -> r.jsonPath().getLong("id")).collect(java.util.stream.Collectors.toSet());
        assertEquals(statuses.stream().filter(s -> s == 201).count(), createdIds.size(), "each 201 is its own post");

        // the final state: exactly the created posts, each with the title and a distinct slug derived from it
        JsonPath listed = asAdmin().queryParam("status", "any").queryParam("q", title).queryParam("limit", 100)
                .get("/api/v1/posts").then().statusCode(200).extract().jsonPath();
        assertEquals(createdIds, new HashSet<>(listed.getList("items.id", Long.class)));
        List<String> slugs = listed.getList("items.slug");
        assertEquals(slugs.size(), new HashSet<>(slugs).size(), slugs.toString());
        assertTrue(slugs.stream().allMatch(slug -> slug.equals(base) || slug.matches(java.util.regex.Pattern.quote(base) + "-\\d+")),
                slugs.toString());
        assertTrue(slugs.contains(base), slugs.toString());
        assertTrue(listed.getList("items.title", String.class).stream().allMatch(title::equals));
    }
}
