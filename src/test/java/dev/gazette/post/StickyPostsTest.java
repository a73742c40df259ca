package dev.gazette.post;

import dev.gazette.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static dev.gazette.Fixtures.asAdmin;
import static dev.gazette.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sticky posts lead the front page (the unfiltered list in its default order) and nothing else;
 * walking the front page with page.next still sees every post exactly once.
 */
@QuarkusTest
class StickyPostsTest {

    record Item(long id, boolean sticky, Instant publishedAt) {
    }

    /** Every page of a list, following page.next. */
    private static List<Item> walk(Supplier<RequestSpecification> request, int limit) {
        List<Item> seen = new ArrayList<>();
        String cursor = null;
        long total = -1;
        do {
            RequestSpecification r = request.get().queryParam("limit", limit).queryParam("fields", "id,sticky,publishedAt");
            if (cursor != null) {
                r.queryParam("cursor", cursor);
            }
            JsonPath page = r.get("/api/v1/posts").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            for (Map<String, Object> item : items) {
                seen.add(new Item(((Number) item.get("id")).longValue(), (Boolean) item.get("sticky"),
                        Instant.parse((String) item.get("publishedAt"))));
            }
            total = page.getLong("page.total");
            cursor = page.getString("page.next");
        } while (cursor != null);
        assertEquals(total, seen.size(), "page.total is the number of posts walked");
        assertEquals(seen.size(), new HashSet<>(seen.stream().map(Item::id).toList()).size(), "no post twice");
        return seen;
    }

    private static List<Long> ids(List<Item> items) {
        return items.stream().map(Item::id).toList();
    }

    @Test
    void stickyPostsLeadTheFrontPageOnlyAndEveryPostIsWalkedOnce() {
        long tag = Fixtures.tag(unique("sticky"));
        Instant old = Instant.parse("2021-05-01T08:00:00Z");
        List<Long> sticky = new ArrayList<>();
        List<Long> plain = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sticky.add(Fixtures.postId(Fixtures.publishedPost(Fixtures.ADMIN_TOKEN, "Pinned " + unique("s"),
                    Map.of("sticky", true, "tags", List.of(tag), "publishedAt", old.plusSeconds(60L * i).toString()))));
            plain.add(Fixtures.postId(Fixtures.publishedPost(Fixtures.ADMIN_TOKEN, "Plain " + unique("p"),
                    Map.of("tags", List.of(tag), "publishedAt", old.plusSeconds(3600 + 60L * i).toString()))));
        }
        try {
            // the front page: every sticky post before every other one, each block newest first, each post once
            List<Item> front = walk(() -> given(), 7);
            int firstPlain = 0;
            while (firstPlain < front.size() && front.get(firstPlain).sticky()) {
                firstPlain++;
            }
            List<Item> stickyBlock = front.subList(0, firstPlain);
            List<Item> rest = front.subList(firstPlain, front.size());
            assertTrue(rest.stream().noneMatch(Item::sticky), "no sticky post after the first one that is not");
            assertTrue(ids(stickyBlock).containsAll(sticky));
            assertTrue(ids(rest).containsAll(plain));
            for (List<Item> block : List.of(stickyBlock, rest)) {
                for (int i = 1; i < block.size(); i++) {
                    assertFalse(block.get(i).publishedAt().isAfter(block.get(i - 1).publishedAt()), "newest first within a block");
                }
            }
            given().queryParam("limit", 1).get("/api/v1/posts").then().statusCode(200).body("items[0].sticky", equalTo(true));

            // walking back from the second page returns the first, sticky posts included
            JsonPath first = given().queryParam("limit", 2).get("/api/v1/posts").jsonPath();
            JsonPath second = given().queryParam("limit", 2).queryParam("cursor", first.getString("page.next"))
                    .get("/api/v1/posts").jsonPath();
            given().queryParam("limit", 2).queryParam("cursor", second.getString("page.prev")).get("/api/v1/posts")
                    .then().statusCode(200).body("items.id", equalTo(first.getList("items.id")));

            // filtered, or sorted explicitly: plain newest first, sticky posts where their date puts them
            List<Long> mine = new ArrayList<>(List.of(plain.get(2), plain.get(1), plain.get(0), sticky.get(2), sticky.get(1), sticky.get(0)));
            assertEquals(mine, ids(walk(() -> given().queryParam("tag", tag), 4)));
            List<Long> newest = ids(walk(() -> given().queryParam("sort", "newest"), 100));
            assertTrue(newest.indexOf(plain.get(0)) < newest.indexOf(sticky.get(2)), "sort=newest does not pin sticky posts");

            // the sticky filter
            given().queryParam("tag", tag).queryParam("sticky", "true").get("/api/v1/posts").then().statusCode(200)
                    .body("items.id", equalTo(reversed(sticky))).body("page.total", equalTo(3));
            given().queryParam("tag", tag).queryParam("sticky", "false").get("/api/v1/posts").then().statusCode(200)
                    .body("items.id", equalTo(reversed(plain))).body("page.total", equalTo(3));
            given().queryParam("sticky", "true").queryParam("limit", 100).get("/api/v1/posts").then().statusCode(200)
                    .body("items.sticky", everyItem(equalTo(true)));
            given().queryParam("sticky", "false").queryParam("limit", 100).get("/api/v1/posts").then().statusCode(200)
                    .body("items.sticky", everyItem(equalTo(false)))
                    .body("items.id", not(hasItems(sticky.get(0).intValue())));
            given().queryParam("sticky", "yes").get("/api/v1/posts").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("sticky"));
        } finally {
            // leave no sticky post behind: other tests read the front page
            for (long id : sticky) {
                asAdmin().contentType("application/merge-patch+json").body(Map.of("sticky", false))
                        .patch("/api/v1/posts/" + id).then().statusCode(200);
            }
        }
    }

    /** Ids as JSON numbers read by REST Assured, last first. */
    private static List<Integer> reversed(List<Long> ids) {
        List<Integer> result = new ArrayList<>();
        for (int i = ids.size() - 1; i >= 0; i--) {
            result.add(ids.get(i).intValue());
        }
        return result;
    }
}
