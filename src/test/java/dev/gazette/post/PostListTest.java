package dev.gazette.post;

import dev.gazette.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static dev.gazette.Fixtures.asAdmin;
import static dev.gazette.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class PostListTest {

    /**
     * The title of the i-th of {@link #fiftyPosts}: a permutation of 00..49 (7 is prime to 50), so
     * title order is neither creation nor date order; zero-padded, so every collation sorts it alike.
     */
    private static String title(int i) {
        return String.format("Paged %02d", (i * 7) % 50);
    }

    /** 50 posts in a fresh tag, published a minute apart, newest last; titled by {@link #title}. */
    private static List<Long> fiftyPosts(long tagId) {
        Instant base = Instant.parse("2025-03-01T12:00:00Z");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ids.add(Fixtures.postId(Fixtures.publishedPost(Fixtures.ADMIN_TOKEN, title(i) + " " + unique("p"),
                    Map.of("tags", List.of(tagId), "publishedAt", base.plusSeconds(60L * i).toString()))));
        }
        return ids;
    }

    @Test
    void walkingAllPagesSeesEveryPostOnceInOrderEvenWhilePublishing() {
        long tagId = Fixtures.tag(unique("paging"));
        List<Long> created = fiftyPosts(tagId);
        List<Long> expected = new ArrayList<>(created);
        java.util.Collections.reverse(expected);

        List<Long> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("tag", tagId).queryParam("limit", 7);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response response = request.get("/api/v1/posts");
            response.then().statusCode(200).body("page.limit", equalTo(7)).body("page.total", equalTo(50 + Math.min(pages, 1)));
            JsonPath json = response.jsonPath();
            seen.addAll(json.getList("items.id", Long.class));
            cursor = json.getString("page.next");
            if (cursor != null) {
                assertTrue(response.header("Link").contains("rel=\"next\""), "Link header names the next page");
            }
            if (pages == 0) {
                assertNull(json.getString("page.prev"));
                // a new post published while the client walks the list must not shift the pages
                Fixtures.publishedPost(Fixtures.ADMIN_TOKEN, "Breaking " + unique("b"), Map.of("tags", List.of(tagId)));
            }
            pages++;
        } while (cursor != null);

        assertEquals(expected, seen);
        assertEquals(8, pages);
        assertEquals(new HashSet<>(seen).size(), seen.size());
    }

    @Test
    void prevCursorWalksBackToTheFirstPage() {
        long tagId = Fixtures.tag(unique("back"));
        fiftyPosts(tagId);
        JsonPath first = given().queryParam("tag", tagId).queryParam("limit", 10).get("/api/v1/posts").jsonPath();
        JsonPath second = given().queryParam("tag", tagId).queryParam("limit", 10)
                .queryParam("cursor", first.getString("page.next")).get("/api/v1/posts").jsonPath();
        String prev = second.getString("page.prev");
        assertNotNull(prev);
        given().queryParam("tag", tagId).queryParam("limit", 10).queryParam("cursor", prev).get("/api/v1/posts")
                .then().statusCode(200)
                .body("items.id", equalTo(first.getList("items.id")))
                .body("page.prev", nullValue())
                .body("page.next", equalTo(first.getString("page.next")));
    }

    @Test
    void otherSortsPageCorrectly() {
        long tagId = Fixtures.tag(unique("sorts"));
        List<Long> created = fiftyPosts(tagId);
        for (String sort : List.of("oldest", "title", "modified")) {
            List<Long> seen = new ArrayList<>();
            String cursor = null;
            do {
                var request = given().queryParam("tag", tagId).queryParam("limit", 9).queryParam("sort", sort);
                if (cursor != null) {
                    request.queryParam("cursor", cursor);
                }
                JsonPath json = request.get("/api/v1/posts").then().statusCode(200).extract().jsonPath();
                seen.addAll(json.getList("items.id", Long.class));
                cursor = json.getString("page.next");
            } while (cursor != null);
            assertEquals(50, seen.size(), sort);
            assertEquals(50, new HashSet<>(seen).size(), sort);
            List<Long> expected = switch (sort) {
                case "oldest" -> created;
                case "title" -> java.util.stream.IntStream.range(0, 50).boxed()
                        .sorted(java.util.Comparator.comparing(PostListTest::title)).map(created::get).toList();
                default -> { // modified: last changed first, and they were created in order
                    List<Long> reversed = new ArrayList<>(created);
                    java.util.Collections.reverse(reversed);
                    yield reversed;
                }
            };
            assertEquals(expected, seen, sort);
        }
        // a cursor belongs to its sort
        String newestCursor = given().queryParam("tag", tagId).queryParam("limit", 5).get("/api/v1/posts")
                .jsonPath().getString("page.next");
        given().queryParam("tag", tagId).queryParam("sort", "title").queryParam("cursor", newestCursor)
                .get("/api/v1/posts").then().statusCode(400).body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void badListParametersAreProblems() {
        for (String limit : List.of("0", "101", "abc", "-1")) {
            given().queryParam("limit", limit).get("/api/v1/posts").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("limit"));
        }
        given().queryParam("cursor", "not-a-cursor").get("/api/v1/posts").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        given().queryParam("sort", "sideways").get("/api/v1/posts").then().statusCode(400)
                .body("errors[0].field", equalTo("sort"));
        given().queryParam("publishedAfter", "yesterday").get("/api/v1/posts").then().statusCode(400)
                .body("errors[0].field", equalTo("publishedAfter"));
        given().queryParam("sort", "relevance").get("/api/v1/posts").then().statusCode(400)
                .body("detail", containsString("relevance"));
        given().queryParam("category", "no-such-" + unique("c")).get("/api/v1/posts").then().statusCode(400)
                .body("errors[0].field", equalTo("category"));
    }

    @Test
    void categoryFilterIncludesDescendants() {
        long world = Fixtures.category("World " + unique("w"), null);
        long europe = Fixtures.category("Europe", world);
        long spain = Fixtures.category("Spain", europe);
        long other = Fixtures.category("Other " + unique("o"), null);
        long inWorld = Fixtures.postId(Fixtures.publishedPost(Fixtures.ADMIN_TOKEN, unique("w"), Map.of("categories", List.of(world))));
        long inSpain = Fixtures.postId(Fixtures.publishedPost(Fixtures.ADMIN_TOKEN, unique("s"), Map.of("categories", List.of(spain))));
        long inEurope = Fixtures.postId(Fixtures.publishedPost(Fixtures.ADMIN_TOKEN, unique("e"), Map.of("categories", List.of(europe))));
        Fixtures.publishedPost(Fixtures.ADMIN_TOKEN, unique("o"), Map.of("categories", List.of(other)));

        given().queryParam("category", world).get("/api/v1/posts").then().statusCode(200)
                .body("items.id", containsInAnyOrder((int) inWorld, (int) inSpain, (int) inEurope));
        String europeSlug = given().get("/api/v1/categories/" + europe).jsonPath().getString("slug");
        given().queryParam("category", europeSlug).get("/api/v1/posts").then().statusCode(200)
                .body("items.id", containsInAnyOrder((int) inSpain, (int) inEurope));
        given().queryParam("category", spain).get("/api/v1/posts").then().statusCode(200)
                .body("items.id", contains((int) inSpain));
    }

    @Test
    void filtersByAuthorOutletAndDates() {
        Fixtures.Actor writer = Fixtures.actor("author");
        String outlet = "Outlet " + unique("o");
        long a = Fixtures.postId(Fixtures.publishedPost(writer.token(), unique("a"),
                Map.of("publishedAt", "2024-01-10T00:00:00Z", "source", Map.of("outlet", outlet))));
        long b = Fixtures.postId(Fixtures.publishedPost(writer.token(), unique("b"), Map.of("publishedAt", "2024-02-10T00:00:00Z")));
        long c = Fixtures.postId(Fixtures.publishedPost(writer.token(), unique("c"), Map.of("publishedAt", "2024-03-10T00:00:00Z")));

        given().queryParam("author", writer.authorId()).get("/api/v1/posts").then()
                .body("items.id", contains((int) c, (int) b, (int) a));
        given().queryParam("outlet", outlet.toUpperCase()).get("/api/v1/posts").then()
                .body("items.id", contains((int) a));
        given().queryParam("author", writer.slug()).queryParam("publishedAfter", "2024-01-31T00:00:00Z")
                .queryParam("publishedBefore", "2024-03-01T00:00:00Z").get("/api/v1/posts").then()
                .body("items.id", contains((int) b));
        Instant marker = Instant.now();
        asAdmin().contentType("application/merge-patch+json").body(Map.of("title", "Edited " + unique("e")))
                .patch("/api/v1/posts/" + a).then().statusCode(200);
        given().queryParam("author", writer.slug()).queryParam("modifiedSince", marker.toString()).get("/api/v1/posts").then()
                .body("items.id", contains((int) a));
    }

    @Test
    void searchRanksTitleMatchesFirst() {
        String word = "zyx" + unique("q").replace("-", "");
        long bodyOnly = Fixtures.postId(Fixtures.publishedPost(Fixtures.ADMIN_TOKEN, "Plain story " + unique("b"),
                Map.of("content", "<p>It mentions " + word + " once, deep in the text about markets.</p>")));
        long inTitle = Fixtures.postId(Fixtures.publishedPost(Fixtures.ADMIN_TOKEN, "All about " + word,
                Map.of("content", "<p>The " + word + " story in detail.</p>")));
        Fixtures.publishedPost(Fixtures.ADMIN_TOKEN, "Unrelated " + unique("u"), Map.of());

        given().queryParam("q", word).get("/api/v1/posts").then().statusCode(200)
                .body("items.id", contains((int) inTitle, (int) bodyOnly))
                .body("page.total", equalTo(2));
        given().queryParam("q", word + " -markets").get("/api/v1/posts").then().statusCode(200)
                .body("items.id", contains((int) inTitle));
        given().queryParam("q", word).queryParam("sort", "oldest").get("/api/v1/posts").then().statusCode(200)
                .body("items.id", contains((int) bodyOnly, (int) inTitle));
        // relevance pages like every other sort
        String next = given().queryParam("q", word).queryParam("limit", 1).get("/api/v1/posts").jsonPath().getString("page.next");
        given().queryParam("q", word).queryParam("limit", 1).queryParam("cursor", next).get("/api/v1/posts").then()
                .statusCode(200).body("items.id", contains((int) bodyOnly)).body("page.next", nullValue());
    }
}
