package dev.gazette.page;

import dev.gazette.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.gazette.Fixtures.asAdmin;
import static dev.gazette.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class PageApiTest {

    static JsonPath page(String token, Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Page " + unique("t"));
        body.put("content", "<p>Hello</p><script>alert(1)</script>");
        body.put("status", "published");
        body.putAll(fields);
        return Fixtures.as(token).body(body).post("/api/v1/pages").then().statusCode(201)
                .header("Location", containsString("/api/v1/pages/")).header("ETag", notNullValue())
                .extract().jsonPath();
    }

    /** Reads a public answer until the response cache serves it. */
    static Response cached(String path) {
        for (int i = 0; i < 10; i++) {
            Response r = given().get(path);
            assertEquals(200, r.statusCode(), path + ": " + r.asString());
            if ("HIT".equals(r.header("X-Cache"))) {
                return r;
            }
        }
        throw new AssertionError(path + " is never served from the cache");
    }

    @Test
    void writesNeedTheRolesThatWritePostsAndAuthorsOnlyChangeTheirOwn() {
        Map<String, Object> body = Map.of("title", "Nobody's page");
        given().contentType("application/json").body(body).post("/api/v1/pages").then().statusCode(401)
                .contentType("application/problem+json");
        Fixtures.Actor moderator = Fixtures.actor("moderator");
        Fixtures.as(moderator.token()).body(body).post("/api/v1/pages").then().statusCode(403)
                .contentType("application/problem+json");

        Fixtures.Actor author = Fixtures.actor("author");
        Fixtures.Actor other = Fixtures.actor("author");
        Fixtures.Actor editor = Fixtures.actor("editor");
        String slug = unique("mine");
        JsonPath mine = page(author.token(), Map.of("slug", slug, "title", "Mine", "menuOrder", 3, "template", "wide.php"));
        assertEquals(slug, mine.getString("slug"));
        assertEquals(slug, mine.getString("path"));
        assertEquals("<p>Hello</p>", mine.getString("content"), "sanitized like posts");
        assertEquals(3, mine.getInt("menuOrder"));
        assertEquals("wide.php", mine.getString("template"));
        assertEquals(author.authorId(), mine.getLong("authorId"));
        assertEquals("published", mine.getString("status"));
        assertTrue(mine.getString("publishedAt") != null);

        Fixtures.as(other.token()).contentType("application/merge-patch+json").body(Map.of("title", "Stolen"))
                .patch("/api/v1/pages/" + slug).then().statusCode(403);
        Fixtures.as(other.token()).delete("/api/v1/pages/" + slug).then().statusCode(403);
        Fixtures.as(moderator.token()).delete("/api/v1/pages/" + slug).then().statusCode(403);

        // PATCH with If-Match; a stale version is 412
        String etag = given().get("/api/v1/pages/" + slug).then().statusCode(200).extract().header("ETag");
        Response patched = Fixtures.as(author.token()).contentType("application/merge-patch+json").header("If-Match", etag)
                .body(Map.of("title", "Mine, retitled", "template", (Object) "narrow.php")).patch("/api/v1/pages/" + slug);
        patched.then().statusCode(200).body("title", equalTo("Mine, retitled")).body("menuOrder", equalTo(3))
                .body("template", equalTo("narrow.php")).body("content", equalTo("<p>Hello</p>"));
        Fixtures.as(author.token()).contentType("application/merge-patch+json").header("If-Match", etag)
                .body(Map.of("title", "Lost update")).patch("/api/v1/pages/" + slug).then().statusCode(412);
        // the write's ETag is the next GET's
        assertEquals(patched.header("ETag"), given().get("/api/v1/pages/" + slug).header("ETag"));

        // PUT replaces: omitted optional fields are cleared
        Fixtures.as(editor.token()).header("If-Match", patched.header("ETag"))
                .body(Map.of("title", "Replaced", "status", "draft")).put("/api/v1/pages/" + mine.getLong("id"))
                .then().statusCode(200).body("template", nullValue()).body("menuOrder", equalTo(0)).body("status", equalTo("draft"))
                .body("slug", equalTo(slug));
        // a draft is hidden from the public and from other authors, seen by its author and editors
        given().get("/api/v1/pages/" + slug).then().statusCode(404).contentType("application/problem+json");
        Fixtures.as(other.token()).get("/api/v1/pages/" + slug).then().statusCode(404);
        Fixtures.as(author.token()).get("/api/v1/pages/" + slug).then().statusCode(200);
        Fixtures.as(other.token()).delete("/api/v1/pages/" + slug).then().statusCode(404);

        // slugs are unique among pages; validation is 422
        Fixtures.as(editor.token()).body(Map.of("title", "Twin", "slug", slug)).post("/api/v1/pages").then().statusCode(409);
        Fixtures.as(editor.token()).body(Map.of("title", " ")).post("/api/v1/pages").then().statusCode(422);
        Fixtures.as(editor.token()).body(Map.of("title", "Orphan", "parentId", 999999999)).post("/api/v1/pages").then()
                .statusCode(422).body("errors.field", hasItem("parentId"));
        Fixtures.as(editor.token()).body(Map.of("title", "Reserved", "slug", "by-path")).post("/api/v1/pages").then().statusCode(422);

        Fixtures.as(author.token()).delete("/api/v1/pages/" + slug).then().statusCode(204);
        Fixtures.as(author.token()).get("/api/v1/pages/" + slug).then().statusCode(404);
    }

    @Test
    void theTreeKeepsPathsRefusesCyclesAndIsFoundByPath() {
        String token = Fixtures.actor("editor").token();
        JsonPath top = page(token, Map.of("slug", unique("about")));
        long topId = top.getLong("id");
        JsonPath mid = page(token, Map.of("slug", unique("team"), "parentId", topId, "menuOrder", 2, "title", "B team"));
        JsonPath leaf = page(token, Map.of("slug", unique("lead"), "parentId", mid.getLong("id")));
        JsonPath sibling = page(token, Map.of("slug", unique("history"), "parentId", topId, "menuOrder", 1, "title", "Z history"));
        JsonPath sameOrder = page(token, Map.of("slug", unique("awards"), "parentId", topId, "menuOrder", 2, "title", "A awards"));
        String path = top.getString("slug") + "/" + mid.getString("slug") + "/" + leaf.getString("slug");
        assertEquals(path, leaf.getString("path"));
        assertEquals(mid.getLong("id"), leaf.getLong("parentId"));

        // by path, forgiving slashes and case
        for (String asked : List.of(path, "/" + path + "/", path.toUpperCase(), "//" + path.replace("/", "//"))) {
            given().queryParam("path", asked).get("/api/v1/pages/by-path").then().statusCode(200)
                    .body("id", equalTo(leaf.getInt("id"))).body("content", equalTo("<p>Hello</p>"))
                    .header("ETag", notNullValue());
        }
        given().queryParam("path", top.getString("slug") + "/" + leaf.getString("slug")).get("/api/v1/pages/by-path")
                .then().statusCode(404).contentType("application/problem+json");
        given().queryParam("path", "no such/page?").get("/api/v1/pages/by-path").then().statusCode(404);
        given().get("/api/v1/pages/by-path").then().statusCode(400);

        // children of a page, in menu order then title; paged with Link headers
        List<Long> children = new ArrayList<>();
        String cursor = null;
        do {
            var req = given().queryParam("parent", top.getString("slug")).queryParam("limit", 1);
            if (cursor != null) {
                req.queryParam("cursor", cursor);
            }
            Response r = req.get("/api/v1/pages");
            r.then().statusCode(200).body("items[0].content", nullValue()).body("page.total", equalTo(3));
            JsonPath json = r.jsonPath();
            children.add(json.getLong("items[0].id"));
            cursor = json.getString("page.next");
            if (cursor != null) {
                assertTrue(r.header("Link").contains("rel=\"next\""), r.header("Link"));
            }
        } while (cursor != null);
        assertEquals(List.of(sibling.getLong("id"), sameOrder.getLong("id"), mid.getLong("id")), children);
        given().queryParam("parent", topId).queryParam("fields", "id,content").get("/api/v1/pages").then().statusCode(200)
                .body("items[0].content", equalTo("<p>Hello</p>")).body("items[0]", not(hasKey("title")));
        given().queryParam("parent", 0).queryParam("limit", 100).get("/api/v1/pages").then().statusCode(200)
                .body("items.parentId", not(hasItem(notNullValue())));
        given().queryParam("parent", unique("nothing")).get("/api/v1/pages").then().statusCode(400);

        // a cycle is refused: a page under itself or under its own descendant
        Fixtures.as(token).contentType("application/merge-patch+json").body(Map.of("parentId", topId))
                .patch("/api/v1/pages/" + topId).then().statusCode(422).body("errors.field", hasItem("parentId"));
        Fixtures.as(token).contentType("application/merge-patch+json").body(Map.of("parentId", leaf.getLong("id")))
                .patch("/api/v1/pages/" + topId).then().statusCode(422).body("errors.field", hasItem("parentId"));

        // renaming a page moves the paths below it
        String renamed = unique("people");
        Fixtures.as(token).contentType("application/merge-patch+json").body(Map.of("slug", renamed))
                .patch("/api/v1/pages/" + mid.getLong("id")).then().statusCode(200);
        String newPath = top.getString("slug") + "/" + renamed + "/" + leaf.getString("slug");
        given().get("/api/v1/pages/" + leaf.getLong("id")).then().statusCode(200).body("path", equalTo(newPath));
        given().queryParam("path", path).get("/api/v1/pages/by-path").then().statusCode(404);

        // deleting a page moves its children up to its parent
        Fixtures.as(token).delete("/api/v1/pages/" + mid.getLong("id")).then().statusCode(204);
        given().get("/api/v1/pages/" + leaf.getLong("id")).then().statusCode(200)
                .body("parentId", equalTo(top.getInt("id"))).body("path", equalTo(top.getString("slug") + "/" + leaf.getString("slug")));
    }

    @Test
    void aPageWriteDropsThePageAnswersAndNothingElse() {
        String token = Fixtures.actor("editor").token();
        JsonPath parent = page(token, Map.of("slug", unique("cached")));
        JsonPath child = page(token, Map.of("slug", unique("child"), "parentId", parent.getLong("id")));
        String post = "/api/v1/posts/" + Fixtures.publishedPost(token, "Unrelated " + unique("p"), Map.of()).get("slug");
        String list = "/api/v1/pages?parent=" + parent.getLong("id");
        String byPath = "/api/v1/pages/by-path?path=" + child.getString("path");
        String one = "/api/v1/pages/" + child.getString("slug");
        for (String path : List.of(list, byPath, one, post)) {
            cached(path);
        }
        Fixtures.as(token).contentType("application/merge-patch+json").body(Map.of("title", "Retitled child"))
                .patch("/api/v1/pages/" + child.getLong("id")).then().statusCode(200);
        for (String path : List.of(list, byPath, one)) {
            Response r = given().get(path);
            assertNotEquals("HIT", r.header("X-Cache"), path + " still served after the page changed");
            assertTrue(r.asString().contains("Retitled child"), path);
        }
        assertEquals("HIT", given().get(post).header("X-Cache"), "a page write dropped a post answer");
        // and a post write leaves the page answers alone
        cached(one);
        Fixtures.publishedPost(token, "Another " + unique("p"), Map.of());
        assertEquals("HIT", given().get(one).header("X-Cache"), "a post write dropped a page answer");
    }

    @Test
    void pagesAreInTheChangeFeed() {
        // the newest position
        String cursor = given().queryParam("limit", 1).get("/api/v1/changes").then().statusCode(200)
                .extract().jsonPath().getString("page.next");
        while (true) {
            JsonPath p = given().queryParam("after", cursor).queryParam("limit", 1000).get("/api/v1/changes").jsonPath();
            if (p.getList("items").isEmpty()) {
                break;
            }
            cursor = p.getString("page.next");
        }
        String token = Fixtures.actor("editor").token();
        long draft = page(token, Map.of("status", "draft")).getLong("id");
        long id = page(token, Map.of()).getLong("id");
        Fixtures.as(token).contentType("application/merge-patch+json").body(Map.of("title", "Changed"))
                .patch("/api/v1/pages/" + id).then().statusCode(200);
        Fixtures.as(token).delete("/api/v1/pages/" + id).then().statusCode(204);
        Fixtures.as(token).delete("/api/v1/pages/" + draft).then().statusCode(204);
        List<String> seen = new ArrayList<>();
        JsonPath changes = given().queryParam("after", cursor).queryParam("types", "page").queryParam("limit", 1000)
                .get("/api/v1/changes").then().statusCode(200).extract().jsonPath();
        for (Map<String, Object> c : changes.<Map<String, Object>>getList("items")) {
            assertEquals("page", c.get("type"));
            seen.add(c.get("id") + ":" + c.get("action"));
        }
        assertEquals(List.of(id + ":created", id + ":updated", id + ":deleted"),
                seen.stream().filter(s -> s.startsWith(id + ":") || s.startsWith(draft + ":")).toList());
    }
}
