package dev.gazette.post;

import dev.gazette.Fixtures;
import dev.gazette.common.Times;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import static dev.gazette.Fixtures.asAdmin;
import static dev.gazette.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keyset paging under stress (README: walking page.next returns every item exactly once, in
 * order, even while posts are being published): ties on the sort key, inserts in the middle,
 * the row under the cursor deleted, and writers publishing while a reader walks.
 */
@QuarkusTest
class PostPagingStressTest {

    @AfterEach
    void resetClock() {
        Times.reset();
    }

    /** Walks a tag's list with page.next; {@code afterPage} runs after each page with its number (0 first). */
    private static List<Long> walk(long tagId, String sort, int limit, Consumer<Integer> afterPage) {
        List<Long> seen = new ArrayList<>();
        String cursor = null;
        int page = 0;
        do {
            var request = given().queryParam("tag", tagId).queryParam("limit", limit).queryParam("sort", sort);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath json = request.get("/api/v1/posts").then().statusCode(200).extract().jsonPath();
            List<Long> items = json.getList("items.id", Long.class);
            assertTrue(items.size() <= limit);
            seen.addAll(items);
            cursor = json.getString("page.next");
            afterPage.accept(page++);
            assertTrue(page < 500, "the walk ends");
        } while (cursor != null);
        return seen;
    }

    private static long publish(long tagId, Instant at) {
        Map<String, Object> extra = at == null ? Map.of("tags", List.of(tagId)) : Map.of("tags", List.of(tagId), "publishedAt", at.toString());
        return Fixtures.postId(Fixtures.publishedPost(Fixtures.ADMIN_TOKEN, "Stress " + unique("s"), extra));
    }

    private static void assertExactlyOnce(List<Long> seen) {
        assertEquals(seen.size(), new HashSet<>(seen).size(), "no post twice: " + seen);
    }

    @Test
    void postsPublishedAtTheSameMillisecondPageByTheirIds() {
        long tagId = Fixtures.tag(unique("tied"));
        Times.freeze(); // every post below gets the very same publishedAt and modifiedAt
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            ids.add(publish(tagId, null));
        }
        Instant at = Instant.parse(given().get("/api/v1/posts/" + ids.get(0)).path("publishedAt"));
        for (long id : List.of(ids.get(11), ids.get(22))) {
            assertEquals(at, Instant.parse(given().get("/api/v1/posts/" + id).path("publishedAt")), "the clock stood still");
        }
        Times.reset();
        List<Long> ascending = new ArrayList<>(ids);
        ascending.sort(Comparator.naturalOrder());
        List<Long> descending = new ArrayList<>(ascending);
        Collections.reverse(descending);

        for (int limit : List.of(1, 4, 7, 23, 100)) {
            assertEquals(descending, walk(tagId, "newest", limit, p -> { }), "newest, limit " + limit);
            assertEquals(ascending, walk(tagId, "oldest", limit, p -> { }), "oldest, limit " + limit);
            assertEquals(descending, walk(tagId, "modified", limit, p -> { }), "modified, limit " + limit);
        }
    }

    @Test
    void insertsInTheMiddleAndBehindTheCursorNeitherRepeatNorSkip() {
        long tagId = Fixtures.tag(unique("middle"));
        Instant base = Instant.parse("2025-06-01T12:00:00Z");
        List<Long> existing = new ArrayList<>(); // newest first: minute 190, 180, ..., 0
        for (int i = 0; i < 20; i++) {
            existing.add(0, publish(tagId, base.plus(Duration.ofMinutes(10L * i))));
        }
        List<Long> inserted = new ArrayList<>();
        List<Long> behind = new ArrayList<>();
        List<Long> seen = walk(tagId, "newest", 4, page -> {
            if (page == 1) {
                // pages 0 and 1 showed minutes 190..120: one lands ahead of the cursor (it must be seen once),
                // one between rows already read (behind the cursor: not seen, nothing repeats)
                inserted.add(publish(tagId, base.plus(Duration.ofMinutes(45))));
                behind.add(publish(tagId, base.plus(Duration.ofMinutes(175))));
                // and a tie with a row ahead of the cursor: same publishedAt, a larger id, so it sorts before that row
                inserted.add(publish(tagId, base.plus(Duration.ofMinutes(50))));
            }
        });
        assertExactlyOnce(seen);
        assertTrue(seen.containsAll(existing), "every post that existed throughout is seen");
        assertTrue(seen.containsAll(inserted), "posts inserted ahead of the cursor are seen");
        assertTrue(Collections.disjoint(seen, behind), "posts inserted behind the cursor are not");
        List<Long> expected = new ArrayList<>(existing);
        expected.add(expected.indexOf(existing.get(14)), inserted.get(1)); // minute 50, larger id: before the existing minute-50 row
        expected.add(expected.indexOf(existing.get(14)) + 1, inserted.get(0)); // minute 45: between minutes 50 and 40
        assertEquals(expected, seen);
    }

    @Test
    void deletingThePostTheCursorPointsAtSkipsNothing() {
        long tagId = Fixtures.tag(unique("gone"));
        Instant base = Instant.parse("2025-07-01T12:00:00Z");
        List<Long> newestFirst = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            newestFirst.add(0, publish(tagId, base.plus(Duration.ofMinutes(i))));
        }
        List<Long> deleted = new ArrayList<>();
        List<Long> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("tag", tagId).queryParam("limit", 4);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath json = request.get("/api/v1/posts").then().statusCode(200).extract().jsonPath();
            List<Long> items = json.getList("items.id", Long.class);
            seen.addAll(items);
            cursor = json.getString("page.next");
            if (cursor != null && deleted.size() < 2) {
                long last = items.get(items.size() - 1); // the row the cursor points at
                asAdmin().delete("/api/v1/posts/" + last).then().statusCode(204);
                deleted.add(last);
            }
        } while (cursor != null);
        assertExactlyOnce(seen);
        assertEquals(newestFirst, seen, "every post once, in order: the deleted ones were read before they went");
        given().queryParam("tag", tagId).queryParam("limit", 100).get("/api/v1/posts").then().statusCode(200)
                .body("items.size()", org.hamcrest.Matchers.equalTo(13));
    }

    @Test
    void aReaderFollowingNextWhileWritersPublishSeesEveryEarlierPostExactlyOnce() throws Exception {
        long tagId = Fixtures.tag(unique("busy"));
        Instant base = Instant.parse("2025-08-01T12:00:00Z");
        List<Long> existing = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            existing.add(0, publish(tagId, base.plus(Duration.ofMinutes(5L * (i / 2))))); // pairs share a time
        }
        // newest first, ties by id descending: the reverse of creation (time and id both grow with i)
        AtomicBoolean reading = new AtomicBoolean(true);
        List<Long> written = new CopyOnWriteArrayList<>();
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                int writer = w;
                running.add(writers.submit(() -> {
                    for (int n = 0; reading.get() && n < 40; n++) {
                        // at the head (now), and in the middle of the range being walked
                        Instant at = n % 2 == 0 ? null : base.plus(Duration.ofMinutes(5L * ((n * 7 + writer) % 15))).plusSeconds(1);
                        written.add(publish(tagId, at));
                    }
                }));
            }
            List<Long> seen = walk(tagId, "newest", 3, page -> { });
            reading.set(false);
            for (Future<?> f : running) {
                f.get();
            }
            assertExactlyOnce(seen);
            List<Long> earlierSeen = seen.stream().filter(existing::contains).toList();
            assertEquals(existing, earlierSeen, "every post that existed throughout, exactly once and in order");
            assertTrue(written.size() > 0, "writers published meanwhile");
            Set<Long> known = new HashSet<>(existing);
            known.addAll(written);
            assertTrue(known.containsAll(seen), "nothing but these posts");
        } finally {
            reading.set(false);
            writers.shutdownNow();
        }
    }
}
