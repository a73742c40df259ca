package dev.gazette.wordpress;

import dev.gazette.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.gazette.Fixtures.ADMIN_TOKEN;
import static dev.gazette.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The WordPress API's _embed, pages, media, search and comment creation. */
@QuarkusTest
class WordPressEmbedAndWritesTest {

    private static final String API = "/wp-json/wp/v2/";

    static long media(String title) {
        return given().header("Authorization", "Bearer " + ADMIN_TOKEN)
                .multiPart("file", "harbour wall.png", png(320, 200), "image/png")
                .multiPart("altText", "Waves over the wall").multiPart("caption", "The wall in January").multiPart("title", title)
                .post("/api/v1/media").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static byte[] png(int width, int height) {
        try {
            java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static long page(String title, Long parent) {
        Map<String, Object> body = new HashMap<>(Map.of("title", title, "content", "<p>" + title + " body</p>", "status", "published"));
        if (parent != null) {
            body.put("parentId", parent);
        }
        return Fixtures.asAdmin().body(body).post("/api/v1/pages").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void embedBringsAuthorTermsRepliesAndFeaturedMediaInWordPressShape() {
        String marker = unique("emb");
        long category = Fixtures.category("Cat " + marker, null);
        long tag = Fixtures.tag("Tag " + marker);
        Fixtures.Actor author = Fixtures.actor("author");
        long image = media("Image " + marker);
        long post = Fixtures.postId(Fixtures.publishedPost(author.token(), "Embedded " + marker, Map.of("categories", List.of(category),
                "tags", List.of(tag), "featuredMediaId", image)));
        Fixtures.Actor moderator = Fixtures.actor("moderator");
        String email = Fixtures.knownEmail(post, moderator);
        long reply = Fixtures.comment(post, null, email, "Second words " + marker).getLong("id");

        JsonPath plain = given().get(API + "posts/" + post).then().statusCode(200).body("$", not(hasKey("_embedded")))
                .extract().jsonPath();
        assertEquals(image, plain.getLong("featured_media"));
        assertEquals(true, plain.getBoolean("_links.'wp:featuredmedia'[0].embeddable"));

        JsonPath p = given().queryParam("_embed", "").get(API + "posts/" + post).then().statusCode(200).extract().jsonPath();
        assertEquals(author.authorId(), p.getLong("_embedded.author[0].id"));
        assertNull(p.get("_embedded.author[0].meta"), "context=embed: users without meta");
        assertEquals("Cat " + marker, p.getString("_embedded.'wp:term'[0][0].name"));
        assertEquals("category", p.getString("_embedded.'wp:term'[0][0].taxonomy"));
        assertEquals("Tag " + marker, p.getString("_embedded.'wp:term'[1][0].name"));
        assertNull(p.get("_embedded.'wp:term'[0][0].count"), "context=embed: terms without counts");
        List<Integer> replies = p.getList("_embedded.replies[0].id");
        assertEquals(reply, (long) replies.get(0), "newest first");
        assertEquals(2, replies.size());
        assertNull(p.get("_embedded.replies[0][0].post"), "context=embed: comments without post");
        assertEquals(image, p.getLong("_embedded.'wp:featuredmedia'[0].id"));
        assertEquals("attachment", p.getString("_embedded.'wp:featuredmedia'[0].type"));
        assertEquals(320, p.getInt("_embedded.'wp:featuredmedia'[0].media_details.width"));
        assertTrue(p.getString("_embedded.'wp:featuredmedia'[0].media_details.sizes.thumbnail.source_url").startsWith("http"));
        assertEquals(List.of("author", "replies", "wp:featuredmedia", "wp:term"),
                List.copyOf(p.getMap("_embedded").keySet()), "in the order of the links");

        JsonPath only = given().queryParam("_embed", "author").queryParam("include", post).get(API + "posts").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("author"), List.copyOf(only.getMap("[0]._embedded").keySet()));

        // a post without comments, terms or image embeds its author only
        long bare = Fixtures.postId(Fixtures.publishedPost(author.token(), "Bare " + marker, Map.of()));
        JsonPath b = given().queryParam("_embed", "1").get(API + "posts/" + bare).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("author"), List.copyOf(b.getMap("_embedded").keySet()),
                "empty collections are left out (WordPress would file the post under Uncategorized; Gazette has no default category)");
    }

    @jakarta.inject.Inject
    dev.gazette.common.persistence.SqlReads reads;

    @jakarta.inject.Inject
    org.hibernate.SessionFactory sessionFactory;

    /** Statements of one computed request (the least of three, in case a background job ran meanwhile). */
    private long statementsOf(String path) {
        org.hibernate.stat.Statistics stats = sessionFactory.getStatistics();
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long before = stats.getPrepareStatementCount() + reads.statements();
            given().header("Accept", "application/json, text/x-miss-" + unique("m") + ";q=0.1").get(path).then().statusCode(200)
                    .header("X-Cache", not(equalTo("HIT")));
            fewest = Math.min(fewest, stats.getPrepareStatementCount() + reads.statements() - before);
        }
        return fewest;
    }

    @Test
    void embedCostsTheSameStatementsForTwoOrTwelvePosts() {
        String marker = unique("cost");
        long tag = Fixtures.tag("Cost " + marker);
        long image = media("Cost " + marker);
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Fixtures.Actor author = Fixtures.actor("author");
            long id = Fixtures.postId(Fixtures.publishedPost(author.token(), "Cost " + i + " " + marker,
                    Map.of("tags", List.of(tag), "featuredMediaId", image)));
            Fixtures.knownEmail(id, Fixtures.actor("moderator"));
            ids.add(id);
        }
        String all = String.join(",", ids.stream().map(String::valueOf).toList());
        String two = ids.get(0) + "," + ids.get(1);
        long small = statementsOf(API + "posts?_embed&per_page=20&include=" + two);
        long large = statementsOf(API + "posts?_embed&per_page=20&include=" + all);
        assertEquals(small, large, "statements with _embed for 2 posts vs 12 (12 authors, 12 discussions)");
        long plain = statementsOf(API + "posts?per_page=20&include=" + all);
        assertTrue(large <= plain + 3, "_embed costs " + large + " statements, " + plain + " without");
        given().queryParam("_embed", "").queryParam("include", all).queryParam("per_page", 12).get(API + "posts").then()
                .statusCode(200).header("X-WP-Total", "12").body("_embedded.author.flatten().id.unique().size()", equalTo(12))
                .body("_embedded.replies.flatten().flatten().size()", equalTo(12));
    }

    @Test
    void pagesListAndGetWithParentAndEmbeddedUp() {
        String marker = unique("wpp");
        long parent = page("About " + marker, null);
        long child = page("Team " + marker, parent);
        JsonPath p = given().queryParam("_embed", "").get(API + "pages/" + child).then().statusCode(200).extract().jsonPath();
        assertEquals("page", p.getString("type"));
        assertEquals(parent, p.getLong("parent"));
        assertEquals(0, p.getInt("menu_order"));
        assertTrue(p.getString("link").endsWith("/team-" + marker.toLowerCase() + "/") || p.getString("link").contains("/team-"),
                p.getString("link"));
        assertTrue(p.getString("content.rendered").contains("Team " + marker + " body"));
        assertEquals(parent, p.getLong("_embedded.up[0].id"));
        assertNull(p.get("_embedded.up[0].content"), "context=embed: pages without content");
        given().queryParam("parent", parent).get(API + "pages").then().statusCode(200).header("X-WP-Total", "1")
                .body("[0].id", equalTo((int) child));
        given().queryParam("search", marker).queryParam("orderby", "title").queryParam("order", "asc").get(API + "pages")
                .then().statusCode(200).header("X-WP-Total", "2").body("id", equalTo(List.of((int) parent, (int) child)));
        given().get(API + "pages/999999999").then().statusCode(404).body("code", equalTo("rest_post_invalid_id"));
        given().queryParam("orderby", "nope").get(API + "pages").then().statusCode(400).body("code", equalTo("rest_invalid_param"));
    }

    @Test
    void mediaAsAttachmentsWithSizes() {
        String marker = unique("wpm");
        long id = media("Harbour " + marker);
        JsonPath m = given().get(API + "media/" + id).then().statusCode(200).header("Cache-Control", "public, no-cache")
                .extract().jsonPath();
        assertEquals("attachment", m.getString("type"));
        assertEquals("image", m.getString("media_type"));
        assertEquals("image/png", m.getString("mime_type"));
        assertEquals("Waves over the wall", m.getString("alt_text"));
        assertEquals("<p>The wall in January</p>\n", m.getString("caption.rendered"));
        assertEquals(320, m.getInt("media_details.width"));
        assertEquals(200, m.getInt("media_details.height"));
        assertEquals(150, m.getInt("media_details.sizes.thumbnail.width"));
        assertTrue(m.getString("source_url").matches("https?://.*/media/" + id + "/full\\.png"), m.getString("source_url"));
        assertEquals(m.getString("source_url"), m.getString("media_details.sizes.full.source_url"));
        given().queryParam("search", marker).get(API + "media").then().statusCode(200).header("X-WP-Total", "1")
                .body("[0].id", equalTo((int) id));
        given().get(API + "media/999999999").then().statusCode(404).body("code", equalTo("rest_post_invalid_id"));
        given().queryParam("media_type", "nope").get(API + "media").then().statusCode(400).body("code", equalTo("rest_invalid_param"));
    }

    @Test
    void searchFindsPostsPagesAndTermsInWordPressShape() {
        String marker = unique("wps");
        Fixtures.Actor author = Fixtures.actor("author");
        long post = Fixtures.postId(Fixtures.publishedPost(author.token(), "Searchable " + marker, Map.of()));
        long page = page("Searchable page " + marker, null);
        long tag = Fixtures.tag("Searchable " + marker);
        JsonPath all = given().queryParam("search", marker).get(API + "search").then().statusCode(200).header("X-WP-Total", "2")
                .extract().jsonPath();
        assertEquals(List.of("post", "post"), all.getList("type"));
        assertTrue(all.getList("subtype").containsAll(List.of("post", "page")));
        int postAt = all.getList("subtype").indexOf("post");
        assertEquals(post, all.getLong("[" + postAt + "].id"));
        assertTrue(all.getString("[" + postAt + "]._links.self[0].href").endsWith(API + "posts/" + post));
        assertEquals(true, all.getBoolean("[" + postAt + "]._links.self[0].embeddable"));
        given().queryParam("search", marker).queryParam("subtype", "page").get(API + "search").then().statusCode(200)
                .body("id", equalTo(List.of((int) page))).body("[0].url", endsWith("/"));
        given().queryParam("search", marker).queryParam("type", "term").get(API + "search").then().statusCode(200)
                .body("id", equalTo(List.of((int) tag))).body("[0].type", equalTo("post_tag")).body("[0]", not(hasKey("subtype")))
                .body("[0].title", equalTo("Searchable " + marker));
        given().queryParam("search", marker).queryParam("subtype", "post").queryParam("_embed", "").get(API + "search")
                .then().statusCode(200).body("[0]._embedded.self[0].id", equalTo((int) post))
                .body("[0]._embedded.self[0].content", nullValue());
        given().queryParam("type", "nope").get(API + "search").then().statusCode(400).body("code", equalTo("rest_invalid_param"));
    }

    @Test
    void visitorsPostCommentsAsWordPressTakesThem() {
        long post = Fixtures.commentablePost();
        String email = unique("wpc") + "@example.com";
        Map<String, Object> body = new HashMap<>(Map.of("post", post, "author_name", "Sam", "author_email", email,
                "content", "Hello from a WordPress client"));
        JsonPath created = given().contentType(ContentType.JSON).body(body).post(API + "comments").then().statusCode(201)
                .header("Location", containsString(API + "comments/")).contentType("application/json")
                .extract().jsonPath();
        assertEquals("hold", created.getString("status"), "a first comment awaits moderation");
        assertEquals(post, created.getLong("post"));
        assertEquals("Sam", created.getString("author_name"));
        assertFalse(created.prettify().contains(email), "no email in the answer");
        given().contentType(ContentType.JSON).body(body).post(API + "comments").then().statusCode(409)
                .body("code", equalTo("comment_duplicate")).body("data.status", equalTo(409));

        // a known commenter's comment is approved at once and readable; form bodies work too
        String known = Fixtures.knownEmail(post, Fixtures.actor("moderator"));
        JsonPath approved = given().contentType(ContentType.URLENC).formParam("post", post).formParam("author_name", "Kim")
                .formParam("author_email", known).formParam("content", "Approved words").formParam("parent", 0)
                .post(API + "comments").then().statusCode(201).extract().jsonPath();
        assertEquals("approved", approved.getString("status"));
        given().get(API + "comments/" + approved.getLong("id")).then().statusCode(200).body("content.rendered", containsString("Approved words"));
        JsonPath child = given().contentType(ContentType.JSON).body(Map.of("post", post, "parent", approved.getLong("id"),
                "author_name", "Kim", "author_email", known, "content", Map.of("raw", "A reply"))).post(API + "comments")
                .then().statusCode(201).extract().jsonPath();
        assertEquals(approved.getLong("id"), child.getLong("parent"));
    }

    @Test
    void commentErrorsAreWordPressErrors() {
        long post = Fixtures.commentablePost();
        String email = unique("wpe") + "@example.com";
        given().contentType(ContentType.JSON).body(Map.of("author_name", "A", "author_email", email, "content", "x"))
                .post(API + "comments").then().statusCode(403).body("code", equalTo("rest_comment_invalid_post_id"));
        given().contentType(ContentType.JSON).body(Map.of("post", 999999999, "author_name", "A", "author_email", email, "content", "x"))
                .post(API + "comments").then().statusCode(403).body("code", equalTo("rest_comment_invalid_post_id"));
        given().contentType(ContentType.JSON).body(Map.of("post", post, "author_name", "A", "author_email", email, "content", "  "))
                .post(API + "comments").then().statusCode(400).body("code", equalTo("rest_comment_content_invalid"));
        given().contentType(ContentType.JSON).body(Map.of("post", post, "content", "Words"))
                .post(API + "comments").then().statusCode(400).body("code", equalTo("rest_comment_author_data_required"));
        given().contentType(ContentType.JSON).body(Map.of("post", post, "author_name", "A", "author_email", "not-an-email", "content", "x"))
                .post(API + "comments").then().statusCode(400).body("code", equalTo("rest_invalid_param"))
                .body("data.params.author_email", equalTo("Invalid email address."));
        given().contentType(ContentType.JSON).body(Map.of("post", post, "parent", 999999999, "author_name", "A", "author_email", email,
                "content", "x")).post(API + "comments").then().statusCode(400).body("data.params", hasKey("parent"));
        given().contentType(ContentType.URLENC).formParam("post", "abc").post(API + "comments").then().statusCode(400)
                .body("code", equalTo("rest_invalid_param"));
        // closed discussion
        long closed = Fixtures.postId(Fixtures.publishedPost(ADMIN_TOKEN, unique("closed"), Map.of("commentStatus", "CLOSED")));
        given().contentType(ContentType.JSON).body(Map.of("post", closed, "author_name", "A", "author_email", email, "content", "x"))
                .post(API + "comments").then().statusCode(403).body("code", equalTo("rest_comment_closed"));
    }
}
