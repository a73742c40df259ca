package dev.gazette.post;

import dev.gazette.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.gazette.Fixtures.asAdmin;
import static dev.gazette.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Repeated or comma-separated values: any of them within one filter (OR), every filter (AND). */
@QuarkusTest
class MultiValueFilterTest {

    private static long post(String token, Instant at, List<Long> categories, List<Long> tags) {
        return Fixtures.postId(Fixtures.publishedPost(token, "Multi " + unique("m"),
                Map.of("categories", categories, "tags", tags, "publishedAt", at.toString())));
    }

    @Test
    void repeatedAndCommaSeparatedValuesMatchAnyWhileFiltersMatchAll() {
        long a = Fixtures.category(unique("Alpha"), null);
        long a1 = Fixtures.category(unique("Alpha child"), a);
        long b = Fixtures.category(unique("Beta"), null);
        long c = Fixtures.category(unique("Gamma"), null);
        String aSlug = given().get("/api/v1/categories/" + a).jsonPath().getString("slug");
        long t1 = Fixtures.tag(unique("one"));
        long t2 = Fixtures.tag(unique("two"));
        Fixtures.Actor writer = Fixtures.actor("author");
        Instant base = Instant.parse("2024-02-01T10:00:00Z");
        long p1 = post(Fixtures.ADMIN_TOKEN, base, List.of(a1), List.of(t1));
        long p2 = post(writer.token(), base.plusSeconds(60), List.of(b), List.of(t2));
        long p3 = post(Fixtures.ADMIN_TOKEN, base.plusSeconds(120), List.of(c), List.of(t1));
        long p4 = post(writer.token(), base.plusSeconds(180), List.of(a, a1), List.of(t2));

        // OR within a filter, repeated or comma-separated, by id or slug; sub-categories included
        for (String query : List.of("category=" + a + "&category=" + b, "category=" + aSlug + "," + b, "category=" + a + ",%20" + b + "&category=" + a)) {
            given().urlEncodingEnabled(false).get("/api/v1/posts?" + query).then().statusCode(200)
                    .body("items.id", contains((int) p4, (int) p2, (int) p1)).body("page.total", equalTo(3));
        }
        given().queryParam("tag", t1).queryParam("tag", t2).get("/api/v1/posts").then().statusCode(200)
                .body("items.id", contains((int) p4, (int) p3, (int) p2, (int) p1));
        // AND across filters
        given().queryParam("category", a + "," + b).queryParam("tag", t1).get("/api/v1/posts").then().statusCode(200)
                .body("items.id", contains((int) p1)).body("page.total", equalTo(1));
        given().queryParam("tag", t1 + "," + t2).queryParam("author", writer.slug()).get("/api/v1/posts").then().statusCode(200)
                .body("items.id", contains((int) p4, (int) p2));
        given().queryParam("tag", t1 + "," + t2).queryParam("author", writer.slug()).queryParam("author", writer.authorId())
                .queryParam("category", c).get("/api/v1/posts").then().statusCode(200).body("items", org.hamcrest.Matchers.empty())
                .body("page.total", equalTo(0));

        // keyset pages over an OR filter: every post once, in order, the same total on every page
        List<Long> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("category", a).queryParam("category", b).queryParam("category", c).queryParam("limit", 1);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/posts").then().statusCode(200).body("page.total", equalTo(4)).extract().jsonPath();
            seen.addAll(page.getList("items.id", Long.class));
            cursor = page.getString("page.next");
        } while (cursor != null);
        assertEquals(List.of(p4, p3, p2, p1), seen);

        // one unknown value is a 400 naming the filter and the value
        given().queryParam("category", a).queryParam("category", "no-such-" + unique("c")).get("/api/v1/posts").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("category")).body("detail", containsString("no-such-"));
    }

    @Test
    void statusTakesSeveralValuesWithAToken() {
        long tag = Fixtures.tag(unique("states"));
        long published = Fixtures.postId(Fixtures.publishedPost(Fixtures.ADMIN_TOKEN, "Out " + unique("s"), Map.of("tags", List.of(tag))));
        long draft = Fixtures.postId(Fixtures.publishedPost(Fixtures.ADMIN_TOKEN, "Draft " + unique("s"),
                Map.of("tags", List.of(tag), "status", "draft")));
        long trashed = Fixtures.postId(Fixtures.publishedPost(Fixtures.ADMIN_TOKEN, "Trash " + unique("s"),
                Map.of("tags", List.of(tag), "status", "draft")));
        asAdmin().post("/api/v1/posts/" + trashed + "/trash").then().statusCode(200);

        asAdmin().queryParam("tag", tag).queryParam("status", "draft,trashed").queryParam("sort", "oldest").get("/api/v1/posts")
                .then().statusCode(200).body("items.id", contains((int) draft, (int) trashed)).body("page.total", equalTo(2));
        asAdmin().queryParam("tag", tag).queryParam("status", "published").queryParam("status", "draft")
                .queryParam("sort", "oldest").get("/api/v1/posts")
                .then().statusCode(200).body("items.id", contains((int) published, (int) draft));
        given().queryParam("tag", tag).queryParam("status", "published,draft").get("/api/v1/posts").then().statusCode(401);
        asAdmin().queryParam("status", "draft,lost").get("/api/v1/posts").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
    }
}
