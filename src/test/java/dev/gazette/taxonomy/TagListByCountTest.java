package dev.gazette.taxonomy;

import dev.gazette.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static dev.gazette.Fixtures.asAdmin;
import static dev.gazette.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /api/v1/tags?sort=count}: most used first, ties by the higher id, keyset pages exact both ways. */
@QuarkusTest
class TagListByCountTest {

    private record Row(long id, long count) {
    }

    /** Five tags with counts 2, 2, 1, 0, 0 (created in this order: a, b, c, d, e). */
    private static List<Long> fiveTags(String prefix) {
        List<Long> t = new ArrayList<>();
        for (String name : List.of("a", "b", "c", "d", "e")) {
            t.add(Fixtures.tag(prefix + " " + name));
        }
        Fixtures.publishedPost(Fixtures.ADMIN_TOKEN, unique("p"), Map.of("tags", List.of(t.get(0), t.get(1), t.get(2))));
        Fixtures.publishedPost(Fixtures.ADMIN_TOKEN, unique("p"), Map.of("tags", List.of(t.get(0), t.get(1))));
        Fixtures.publishedPost(Fixtures.ADMIN_TOKEN, unique("p"), Map.of("status", "draft", "tags", List.of(t.get(3))));
        return t;
    }

    private static JsonPath page(String prefix, int limit, String cursor) {
        var request = given().queryParam("sort", "count").queryParam("limit", limit);
        if (prefix != null) {
            request.queryParam("q", prefix);
        }
        if (cursor != null) {
            request.queryParam("cursor", cursor);
        }
        return request.get("/api/v1/tags").then().statusCode(200).extract().jsonPath();
    }

    private static List<Row> rows(JsonPath page) {
        List<Row> rows = new ArrayList<>();
        List<Long> ids = page.getList("items.id", Long.class);
        List<Long> counts = page.getList("items.postCount", Long.class);
        for (int i = 0; i < ids.size(); i++) {
            rows.add(new Row(ids.get(i), counts.get(i)));
        }
        return rows;
    }

    /** Every row of the list, following {@code page.next} (or {@code page.prev} from {@code start}). */
    private static List<Row> walk(String prefix, int limit, String start, Function<JsonPath, String> step) {
        List<Row> seen = new ArrayList<>();
        String cursor = start;
        do {
            JsonPath page = page(prefix, limit, cursor);
            List<Row> rows = rows(page);
            if (start != null) {
                Collections.reverse(rows);
            }
            seen.addAll(rows);
            cursor = step.apply(page);
        } while (cursor != null);
        return seen;
    }

    @Test
    void tiesPageExactlyForwardAndBack() {
        String prefix = "zc" + unique("x").substring(2, 8);
        List<Long> t = fiveTags(prefix);
        long a = t.get(0), b = t.get(1), c = t.get(2), d = t.get(3), e = t.get(4);

        JsonPath first = page(prefix, 2, null);
        assertEquals(List.of(new Row(b, 2), new Row(a, 2)), rows(first));
        assertEquals(5, first.getInt("page.total"));
        assertEquals(null, first.getString("page.prev"));
        JsonPath second = page(prefix, 2, first.getString("page.next"));
        assertEquals(List.of(new Row(c, 1), new Row(e, 0)), rows(second));
        JsonPath third = page(prefix, 2, second.getString("page.next"));
        assertEquals(List.of(new Row(d, 0)), rows(third));
        assertEquals(null, third.getString("page.next"));

        // back from the last page: the same pages, the first one without a prev
        JsonPath back = page(prefix, 2, third.getString("page.prev"));
        assertEquals(rows(second), rows(back));
        JsonPath backToFirst = page(prefix, 2, back.getString("page.prev"));
        assertEquals(rows(first), rows(backToFirst));
        assertEquals(null, backToFirst.getString("page.prev"));
        assertEquals(rows(second), rows(page(prefix, 2, backToFirst.getString("page.next"))));
    }

    @Test
    void theWholeListVisitsEveryTagOnceInOrderBothWays() {
        String prefix = "zw" + unique("x").substring(2, 8);
        List<Long> mine = fiveTags(prefix);

        List<Row> forward = walk(null, 7, null, p -> p.getString("page.next"));
        assertEquals(page(null, 7, null).getInt("page.total"), forward.size());
        assertEquals(forward.size(), new HashSet<>(forward.stream().map(Row::id).toList()).size(), "a tag seen twice");
        for (int i = 1; i < forward.size(); i++) {
            Row before = forward.get(i - 1);
            Row after = forward.get(i);
            assertTrue(before.count() > after.count() || (before.count() == after.count() && before.id() > after.id()),
                    "out of order: " + before + " before " + after);
        }
        List<Long> order = forward.stream().map(Row::id).filter(mine::contains).toList();
        assertEquals(List.of(mine.get(1), mine.get(0), mine.get(2), mine.get(4), mine.get(3)), order);

        // from the last page back to the first, following page.prev
        JsonPath last = page(null, 7, null);
        while (last.getString("page.next") != null) {
            last = page(null, 7, last.getString("page.next"));
        }
        List<Row> backward = new ArrayList<>(rows(last));
        Collections.reverse(backward);
        if (last.getString("page.prev") != null) {
            backward.addAll(walk(null, 7, last.getString("page.prev"), p -> p.getString("page.prev")));
        }
        Collections.reverse(backward);
        assertEquals(forward, backward);
    }

    @Test
    void newFilingsAndDeletedTagsShowInTheOrder() {
        String prefix = "zn" + unique("x").substring(2, 8);
        List<Long> t = fiveTags(prefix);
        long a = t.get(0), b = t.get(1), c = t.get(2), d = t.get(3), e = t.get(4);
        given().queryParam("sort", "count").queryParam("q", prefix).get("/api/v1/tags").then()
                .body("items.id", contains((int) b, (int) a, (int) c, (int) e, (int) d));

        Fixtures.publishedPost(Fixtures.ADMIN_TOKEN, unique("p"), Map.of("tags", List.of(e)));
        Fixtures.publishedPost(Fixtures.ADMIN_TOKEN, unique("p"), Map.of("tags", List.of(e)));
        Fixtures.publishedPost(Fixtures.ADMIN_TOKEN, unique("p"), Map.of("tags", List.of(e, c)));
        asAdmin().delete("/api/v1/tags/" + a).then().statusCode(204);

        given().queryParam("sort", "count").queryParam("q", prefix).get("/api/v1/tags").then()
                .body("items.id", contains((int) e, (int) c, (int) b, (int) d))
                .body("items.postCount", contains(3, 2, 2, 0))
                .body("page.total", equalTo(4));
        List<Long> whole = walk(null, 100, null, p -> p.getString("page.next")).stream().map(Row::id).toList();
        assertEquals(List.of(e, c, b, d), whole.stream().filter(t::contains).toList());
    }

    @Test
    void aCursorOfAnotherSortIsRejected() {
        String byName = given().queryParam("limit", 1).get("/api/v1/tags").jsonPath().getString("page.next");
        given().queryParam("sort", "count").queryParam("cursor", byName).get("/api/v1/tags").then()
                .statusCode(400).contentType("application/problem+json");
        given().queryParam("sort", "count").queryParam("cursor", "bm90LWEtY3Vyc29y").get("/api/v1/tags").then()
                .statusCode(400);
        given().queryParam("sort", "count").queryParam("q", "zz-no-such-tag-prefix").get("/api/v1/tags").then()
                .statusCode(200).body("items.size()", equalTo(0)).body("page.next", nullValue()).body("page.total", equalTo(0));
    }
}
