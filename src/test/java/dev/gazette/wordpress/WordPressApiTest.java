package dev.gazette.wordpress;

import dev.gazette.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

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
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The WordPress-compatible API, route by route, against data each test makes through the native API. */
@QuarkusTest
class WordPressApiTest {

    private static final String API = "/wp-json/wp/v2/";

    /** A small site of its own: a category under another, two tags, an author, three posts. */
    record Site(long parent, long child, long tagA, long tagB, Fixtures.Actor author, long first, long second, long third,
                String marker) {
    }

    static Site site() {
        String marker = unique("wpsite");
        long parent = Fixtures.category("Parent " + marker, null);
        long child = Fixtures.category("Child " + marker, parent);
        long tagA = Fixtures.tag("Alpha " + marker);
        long tagB = Fixtures.tag("Beta " + marker);
        Fixtures.Actor author = Fixtures.actor("author");
        long first = Fixtures.postId(Fixtures.publishedPost(author.token(), "\"Quoted\" -- it's " + marker + "...",
                Map.of("categories", List.of(child), "tags", List.of(tagA), "publishedAt", "2026-01-10T09:00:00Z",
                        "content", "<p>" + "word ".repeat(60) + marker + "</p>")));
        long second = Fixtures.postId(Fixtures.publishedPost(author.token(), "Second " + marker,
                Map.of("categories", List.of(parent), "tags", List.of(tagA, tagB), "publishedAt", "2026-01-11T09:00:00Z",
                        "excerpt", "A written lead")));
        long third = Fixtures.postId(Fixtures.publishedPost(author.token(), "Third " + marker,
                Map.of("tags", List.of(tagB), "publishedAt", "2026-01-12T09:00:00Z")));
        return new Site(parent, child, tagA, tagB, author, first, second, third, marker);
    }

    @Test
    void discoveryIndexNamespaceTypesAndTaxonomies() {
        given().get("/wp-json/").then().statusCode(200)
                .body("namespaces", equalTo(List.of("wp/v2")))
                .body("timezone_string", equalTo("UTC"))
                .body("routes", hasKey("/wp/v2/posts"))
                .body("routes", hasKey("/wp/v2/posts/(?P<id>[\\d]+)"))
                .body("routes.'/wp/v2/posts'.endpoints[0].methods", equalTo(List.of("GET")))
                .body("routes.'/wp/v2/posts'.endpoints[0].args", hasKey("per_page"));
        given().get("/wp-json/wp/v2").then().statusCode(200)
                .body("namespace", equalTo("wp/v2")).body("routes", hasKey("/wp/v2/comments"));
        given().get(API + "types").then().statusCode(200)
                .body("post.rest_base", equalTo("posts")).body("post.taxonomies", equalTo(List.of("category", "post_tag")));
        given().get(API + "types/post").then().statusCode(200).body("slug", equalTo("post"));
        given().get(API + "types/nope").then().statusCode(404).body("code", equalTo("rest_type_invalid"));
        given().get(API + "taxonomies").then().statusCode(200)
                .body("category.hierarchical", equalTo(true)).body("post_tag.rest_base", equalTo("tags"));
        given().get(API + "taxonomies/post_tag").then().statusCode(200).body("name", equalTo("Tags"));
    }

    @Test
    void postHasWordPressFieldsAndRendering() {
        Site s = site();
        JsonPath p = given().get(API + "posts/" + s.first()).then().statusCode(200)
                .contentType("application/json").header("ETag", org.hamcrest.Matchers.notNullValue())
                .extract().jsonPath();
        assertEquals(s.first(), p.getLong("id"));
        assertEquals("2026-01-10T09:00:00", p.getString("date"));
        assertEquals("2026-01-10T09:00:00", p.getString("date_gmt"));
        assertEquals("publish", p.getString("status"));
        assertEquals("post", p.getString("type"));
        assertEquals("&#8220;Quoted&#8221; &#8212; it&#8217;s " + s.marker() + "&#8230;", p.getString("title.rendered"));
        assertTrue(p.getString("content.rendered").contains(s.marker()));
        assertEquals(false, p.getBoolean("content.protected"));
        assertEquals("<p>" + "word ".repeat(55).trim() + " [&hellip;]</p>\n", p.getString("excerpt.rendered"),
                "a generated excerpt is WordPress' own: 55 words and [&hellip;]");
        assertEquals(s.author().authorId(), p.getLong("author"));
        assertEquals(List.of((int) s.child()), p.getList("categories"));
        assertEquals(List.of((int) s.tagA()), p.getList("tags"));
        assertEquals("open", p.getString("comment_status"));
        assertEquals("closed", p.getString("ping_status"));
        assertEquals("standard", p.getString("format"));
        assertEquals("", p.getString("template"));
        assertEquals(0, p.getInt("featured_media"));
        assertEquals("http://localhost:8080/posts/" + p.getString("slug"), p.getString("link"), "gazette.site.post-url");
        assertTrue(p.getString("guid.rendered").endsWith("?p=" + s.first()));
        assertTrue(p.getList("class_list").containsAll(List.of("post-" + s.first(), "type-post", "status-publish", "hentry")));
        assertTrue(p.getString("_links.self[0].href").endsWith(API + "posts/" + s.first()));
        assertEquals(true, p.getBoolean("_links.author[0].embeddable"));
        assertTrue(p.getString("_links.author[0].href").endsWith(API + "users/" + s.author().authorId()));
        assertEquals("category", p.getString("_links.'wp:term'[0].taxonomy"));
        assertEquals("post_tag", p.getString("_links.'wp:term'[1].taxonomy"));
        assertEquals("wp", p.getString("_links.curies[0].name"));

        String written = given().get(API + "posts/" + s.second()).then().statusCode(200).extract().path("excerpt.rendered");
        assertEquals("<p>A written lead</p>\n", written);
    }

    @Test
    void postListPagesWithWordPressHeaders() {
        Site s = site();
        String include = s.first() + "," + s.second() + "," + s.third();
        Response page1 = given().queryParam("include", include).queryParam("per_page", 2).get(API + "posts");
        page1.then().statusCode(200).header("X-WP-Total", "3").header("X-WP-TotalPages", "2")
                .header("Link", containsString("rel=\"next\"")).header("Link", not(containsString("rel=\"prev\"")));
        assertEquals(List.of((int) s.third(), (int) s.second()), page1.jsonPath().getList("id"), "newest first");
        Response page2 = given().queryParam("include", include).queryParam("per_page", 2).queryParam("page", 2).get(API + "posts");
        page2.then().statusCode(200).header("X-WP-Total", "3").header("Link", containsString("rel=\"prev\""))
                .header("Link", not(containsString("rel=\"next\"")));
        assertEquals(List.of((int) s.first()), page2.jsonPath().getList("id"));
        given().queryParam("include", include).queryParam("per_page", 2).queryParam("page", 3).get(API + "posts").then()
                .statusCode(400).body("code", equalTo("rest_post_invalid_page_number"));
        assertEquals(List.of((int) s.second(), (int) s.first()), given().queryParam("include", include)
                .queryParam("offset", 1).get(API + "posts").then().statusCode(200).extract().jsonPath().getList("id"));
        assertEquals(List.of((int) s.first(), (int) s.second(), (int) s.third()), given().queryParam("include", include)
                .queryParam("order", "asc").get(API + "posts").then().extract().jsonPath().getList("id"));
        assertEquals(List.of((int) s.second(), (int) s.first(), (int) s.third()), given()
                .queryParam("orderby", "include").queryParam("include", s.second() + "," + s.first() + "," + s.third())
                .get(API + "posts").then().statusCode(200).extract().jsonPath().getList("id"));
        // the array form of PHP clients
        assertEquals(List.of((int) s.second(), (int) s.first()), given().queryParam("include[]", s.first())
                .queryParam("include[]", s.second()).get(API + "posts").then().statusCode(200).extract().jsonPath().getList("id"));
    }

    @Test
    void postFilters() {
        Site s = site();
        assertEquals(List.of((int) s.first()), ids(API + "posts?categories=" + s.child()));
        assertEquals(List.of((int) s.second()), ids(API + "posts?categories=" + s.parent()), "direct members only, as WordPress");
        assertEquals(List.of((int) s.second(), (int) s.first()), ids(API + "posts?tags=" + s.tagA()));
        assertEquals(List.of((int) s.third(), (int) s.second(), (int) s.first()),
                ids(API + "posts?tags=" + s.tagA() + "," + s.tagB()));
        assertEquals(List.of((int) s.third()), ids(API + "posts?tags=" + s.tagB() + "&tags_exclude=" + s.tagA()));
        assertEquals(List.of((int) s.second()), ids(API + "posts?tags=" + s.tagA() + "&categories_exclude=" + s.child()));
        assertEquals(List.of((int) s.third(), (int) s.second(), (int) s.first()), ids(API + "posts?author=" + s.author().authorId()));
        assertEquals(List.of((int) s.third(), (int) s.first()), ids(API + "posts?author=" + s.author().authorId()
                + "&exclude=" + s.second()));
        assertEquals(List.of((int) s.second()), ids(API + "posts?author=" + s.author().authorId()
                + "&after=2026-01-10T12:00:00&before=2026-01-12T00:00:00"));
        assertEquals(List.of((int) s.third()), given().queryParam("search", "third " + s.marker()).get(API + "posts")
                .then().statusCode(200).extract().jsonPath().getList("id"), "case-insensitive, in the title");
        assertEquals(List.of((int) s.first()), given().queryParam("search", "word " + s.marker()).get(API + "posts")
                .then().statusCode(200).extract().jsonPath().getList("id"), "in the content");
        String slug = given().get(API + "posts/" + s.second()).then().extract().path("slug");
        String slug3 = given().get(API + "posts/" + s.third()).then().extract().path("slug");
        assertEquals(List.of((int) s.second()), ids(API + "posts?slug=" + slug));
        assertEquals(List.of((int) s.third(), (int) s.second()), ids(API + "posts?slug=" + slug + "," + slug3));
        assertEquals(List.of((int) s.third(), (int) s.second(), (int) s.first()),
                ids(API + "posts?author=" + s.author().authorId() + "&orderby=title&order=desc"));
        assertEquals(List.of((int) s.first(), (int) s.second(), (int) s.third()),
                ids(API + "posts?author=" + s.author().authorId() + "&orderby=id&order=asc"));
        given().get(API + "posts?include=" + s.first() + "&_fields=id,title").then().statusCode(200)
                .body("[0].id", equalTo((int) s.first())).body("[0]", not(hasKey("content"))).body("[0]", hasKey("title"));
    }

    @Test
    void badParametersAreWordPressErrors() {
        given().get(API + "posts?per_page=101").then().statusCode(400).contentType("application/json")
                .body("code", equalTo("rest_invalid_param"))
                .body("message", equalTo("Invalid parameter(s): per_page"))
                .body("data.status", equalTo(400))
                .body("data.params.per_page", equalTo("per_page must be between 1 (inclusive) and 100 (inclusive)"));
        given().get(API + "posts?page=0&order=up&categories=x").then().statusCode(400)
                .body("data.params.page", equalTo("page must be greater than or equal to 1"))
                .body("data.params.order", equalTo("order is not one of asc and desc."))
                .body("data.params.categories", equalTo("categories is not a valid Term ID List. Reason: categories[0] is not of type integer."));
        given().get(API + "posts?orderby=popularity").then().statusCode(400).body("data.params", hasKey("orderby"));
        given().get(API + "posts?after=yesterday").then().statusCode(400).body("data.params.after", equalTo("Invalid date."));
        given().get(API + "posts?status=draft").then().statusCode(400).body("data.params.status", equalTo("Status is forbidden."));
        given().get(API + "posts?sticky=maybe").then().statusCode(400).body("data.params", hasKey("sticky"));
        given().get(API + "posts?orderby=relevance").then().statusCode(400).body("code", equalTo("rest_no_search_term_defined"));
        given().get(API + "posts?context=edit").then().statusCode(400).body("data.params", hasKey("context"));
        given().get(API + "categories?per_page=abc").then().statusCode(400)
                .body("data.params.per_page", equalTo("per_page is not of type integer."));
        given().get(API + "comments?post=-1").then().statusCode(400).body("code", equalTo("rest_invalid_param"));
        given().get(API + "posts?page=99999999999").then().statusCode(400).body("code", equalTo("rest_invalid_param"));
        // control characters are refused as the native API refuses them, in WordPress' shape
        given().urlEncodingEnabled(false).get(API + "posts?search=a%00b").then().statusCode(400)
                .body("code", equalTo("rest_invalid_param")).body("data.params.search", containsString("control characters"));
        given().urlEncodingEnabled(false).get(API + "tags?slug=a%1Bb").then().statusCode(400).body("data.params", hasKey("slug"));
        // unknown parameters are ignored, as by WordPress
        given().get(API + "posts?per_page=1&whatever=1").then().statusCode(200);
    }

    @Test
    void unknownIdsAndRoutesAreWordPressErrors() {
        given().get(API + "posts/999999999").then().statusCode(404).contentType("application/json")
                .body("code", equalTo("rest_post_invalid_id")).body("message", equalTo("Invalid post ID."))
                .body("data.status", equalTo(404));
        given().get(API + "posts/abc").then().statusCode(404).body("code", equalTo("rest_no_route"));
        given().get(API + "categories/999999999").then().statusCode(404).body("code", equalTo("rest_term_invalid"));
        given().get(API + "tags/999999999").then().statusCode(404).body("code", equalTo("rest_term_invalid"));
        given().get(API + "users/999999999").then().statusCode(404).body("code", equalTo("rest_user_invalid_id"));
        given().get(API + "comments/999999999").then().statusCode(404).body("code", equalTo("rest_comment_invalid_id"));
        given().get("/wp-json/wp/v2/nothing-here").then().statusCode(404).contentType("application/json")
                .body("code", equalTo("rest_no_route"))
                .body("message", equalTo("No route was found matching the URL and request method."));
        given().get("/wp-json/acme/v1/things").then().statusCode(404).body("code", equalTo("rest_no_route"));
        // a draft is not there, as in WordPress for an anonymous caller
        long draft = Fixtures.postId(asAdmin().body(Map.of("title", unique("draft"), "content", "<p>x</p>"))
                .post("/api/v1/posts").then().statusCode(201).extract().jsonPath().getMap(""));
        given().get(API + "posts/" + draft).then().statusCode(404).body("code", equalTo("rest_post_invalid_id"));
        // the native API keeps problem+json
        given().get("/api/v1/posts/999999999").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/posts?limit=101").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void categoriesAndTags() {
        Site s = site();
        JsonPath c = given().get(API + "categories/" + s.child()).then().statusCode(200).extract().jsonPath();
        assertEquals(s.child(), c.getLong("id"));
        assertEquals(1, c.getInt("count"));
        assertEquals(s.parent(), c.getLong("parent"));
        assertEquals("category", c.getString("taxonomy"));
        assertEquals("", c.getString("description"));
        String parentSlug = given().get(API + "categories/" + s.parent()).then().statusCode(200).extract().path("slug");
        assertTrue(c.getString("link").endsWith("/category/" + parentSlug + "/" + c.getString("slug") + "/"), c.getString("link"));
        assertTrue(c.getString("_links.up[0].href").endsWith(API + "categories/" + s.parent()));
        assertEquals(List.of(), c.getList("meta"));

        given().get(API + "categories?parent=" + s.parent()).then().statusCode(200).header("X-WP-Total", "1")
                .body("id", equalTo(List.of((int) s.child())));
        given().get(API + "categories?include=" + s.parent() + "," + s.child()).then().statusCode(200)
                .header("X-WP-Total", "2").header("X-WP-TotalPages", "1")
                .body("name", equalTo(List.of("Child " + s.marker(), "Parent " + s.marker())));
        given().get(API + "categories?post=" + s.first()).then().statusCode(200).body("id", equalTo(List.of((int) s.child())));
        given().get(API + "categories?slug=" + c.getString("slug")).then().statusCode(200).body("id", equalTo(List.of((int) s.child())));
        given().get(API + "categories?search=" + s.marker()).then().statusCode(200).header("X-WP-Total", "2");

        long empty = Fixtures.tag("Empty " + s.marker());
        JsonPath t = given().get(API + "tags/" + s.tagA()).then().statusCode(200).extract().jsonPath();
        assertEquals(2, t.getInt("count"));
        assertEquals("post_tag", t.getString("taxonomy"));
        assertTrue(t.getString("link").contains("/tag/"));
        assertTrue(!t.getMap("").containsKey("parent"), "tags have no parent");
        String tags = s.tagA() + "," + s.tagB() + "," + empty;
        given().get(API + "tags?include=" + tags).then().statusCode(200).header("X-WP-Total", "3");
        given().get(API + "tags?include=" + tags + "&hide_empty=true").then().statusCode(200).header("X-WP-Total", "2");
        given().get(API + "tags?include=" + tags + "&orderby=count&order=desc").then().statusCode(200)
                .body("id", equalTo(List.of((int) s.tagB(), (int) s.tagA(), (int) empty)));
        given().get(API + "tags?post=" + s.second()).then().statusCode(200)
                .body("id", equalTo(List.of((int) s.tagA(), (int) s.tagB())));
        given().get(API + "tags?include=" + tags + "&per_page=1&page=2").then().statusCode(200)
                .header("X-WP-TotalPages", "3").header("Link", containsString("rel=\"next\""))
                .header("Link", containsString("rel=\"prev\""));
    }

    @Test
    void usersAreAuthorsOfPublishedPostsWithoutEmails() {
        Site s = site();
        Fixtures.Actor silent = Fixtures.actor("author");
        JsonPath u = given().get(API + "users/" + s.author().authorId()).then().statusCode(200).extract().jsonPath();
        assertEquals(s.author().slug(), u.getString("slug"));
        assertTrue(u.getString("name").startsWith("Test author-"), u.getString("name"));
        assertTrue(u.getString("link").endsWith("/author/" + s.author().slug() + "/"));
        assertTrue(u.getString("avatar_urls.96").startsWith("https://secure.gravatar.com/avatar/"));
        assertTrue(!u.getMap("").containsKey("email") && !u.getMap("").containsKey("username"));
        assertTrue(!given().get(API + "users/" + s.author().authorId()).asString().contains("@example.com"));
        given().get(API + "users/" + silent.authorId()).then().statusCode(404).body("code", equalTo("rest_user_invalid_id"));
        given().get(API + "users?include=" + s.author().authorId() + "," + silent.authorId()).then().statusCode(200)
                .header("X-WP-Total", "1").body("id", equalTo(List.of((int) s.author().authorId())));
        given().get(API + "users?slug=" + s.author().slug()).then().statusCode(200).body("[0].id", equalTo((int) s.author().authorId()));
    }

    @Test
    void commentsAreApprovedOnesWithWordPressFields() {
        Site s = site();
        Fixtures.Actor moderator = Fixtures.actor("moderator");
        String email = Fixtures.knownEmail(s.first(), moderator);
        long root = Fixtures.comment(s.first(), null, email, "It's \"fine\"").getLong("id");
        long reply = Fixtures.comment(s.first(), root, email, "A reply").getLong("id");
        long held = Fixtures.comment(s.first(), null, unique("new") + "@example.com", "Held for moderation").getLong("id");
        JsonPath c = given().get(API + "comments/" + reply).then().statusCode(200).extract().jsonPath();
        assertEquals(s.first(), c.getLong("post"));
        assertEquals(root, c.getLong("parent"));
        assertEquals(0, c.getLong("author"));
        assertEquals("approved", c.getString("status"));
        assertEquals("comment", c.getString("type"));
        assertTrue(c.getString("content.rendered").contains("A reply"));
        assertTrue(c.getString("link").endsWith("/posts/" + given().get(API + "posts/" + s.first()).then().extract().path("slug")
                + "#comment-" + reply), c.getString("link"));
        assertTrue(c.getString("date").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d"));
        assertTrue(c.getString("author_avatar_urls.48").contains("s=48"));
        assertTrue(c.getString("_links.'in-reply-to'[0].href").endsWith(API + "comments/" + root));
        assertTrue(c.getString("_links.up[0].href").endsWith(API + "posts/" + s.first()));
        assertTrue(!given().get(API + "comments/" + reply).asString().contains(email), "no email");
        given().get(API + "comments/" + held).then().statusCode(404).body("code", equalTo("rest_comment_invalid_id"));

        given().get(API + "comments?post=" + s.first()).then().statusCode(200).header("X-WP-Total", "3")
                .body("id", not(hasItem((int) held)));
        given().get(API + "comments?post=" + s.first() + "&parent=" + root).then().statusCode(200)
                .body("id", equalTo(List.of((int) reply)));
        given().get(API + "comments?post=" + s.first() + "&parent=0&order=asc&per_page=1").then().statusCode(200)
                .header("X-WP-Total", "2").header("X-WP-TotalPages", "2").body("[1]", nullValue());
        given().get(API + "comments?post=" + s.first() + "&status=hold").then().statusCode(400)
                .body("data.params.status", equalTo("Status is forbidden."));
    }

    @Test
    void answersAreCachedAndDroppedWhenTheContentChanges() {
        Site s = site();
        String path = API + "posts?include=" + s.first() + "," + s.second();
        Response first = given().get(path);
        first.then().statusCode(200).header("X-WP-Total", "2");
        Response again = given().get(path);
        assertEquals("HIT", again.header("X-Cache"));
        assertEquals("2", again.header("X-WP-Total"), "the cache keeps WordPress' headers");
        assertEquals(first.header("ETag"), again.header("ETag"));
        given().header("If-None-Match", first.header("ETag")).get(path).then().statusCode(304);
        asAdmin().contentType("application/merge-patch+json").body(Map.of("title", "Renamed " + s.marker()))
                .patch("/api/v1/posts/" + s.second()).then().statusCode(200);
        given().get(path).then().statusCode(200).body("title.rendered", hasItem("Renamed " + s.marker()));
    }

    private static List<Integer> ids(String path) {
        return given().get(path).then().statusCode(200).extract().jsonPath().getList("id");
    }
}
