package dev.gazette.wordpress;

import dev.gazette.Fixtures;
import dev.gazette.importer.ImportTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.gazette.Fixtures.ADMIN_TOKEN;
import static dev.gazette.Fixtures.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Point 3 of the WordPress API: imported posts, pages and comments answer to their WordPress ids on
 * /wp-json/wp/v2 (paths, include, parent, post, links, embeds, comment creation), content created in Gazette
 * answers to its own, and the two never meet. The export's WordPress ids are chosen above every id this
 * database has given so far (a native post, page and comment are made first), so a second run on the same
 * database imports a new site with new ids; the one clash is made on purpose, with the native post's and
 * comment's ids.
 */
@QuarkusTest
class WordPressIdsTest {

    private static final String API = "/wp-json/wp/v2/";
    private static final String RUN = Fixtures.unique("w").substring(2);
    private static final String SITE = "https://ids" + RUN + ".example.test";

    private static String comment(long id, long parent, String author, String text) {
        return "<wp:comment><wp:comment_id>" + id + "</wp:comment_id><wp:comment_author><![CDATA[" + author + "]]></wp:comment_author>"
                + "<wp:comment_author_email>" + author.toLowerCase().replace(' ', '.') + "@example.test</wp:comment_author_email>"
                + "<wp:comment_date>2021-03-05 10:00:00</wp:comment_date><wp:comment_date_gmt>2021-03-05 09:00:00</wp:comment_date_gmt>"
                + "<wp:comment_content><![CDATA[" + text + "]]></wp:comment_content><wp:comment_approved>1</wp:comment_approved>"
                + "<wp:comment_type>comment</wp:comment_type><wp:comment_parent>" + parent + "</wp:comment_parent></wp:comment>";
    }

    private static String item(long id, String type, String slug, long parent, String comments) {
        return item(id, type, slug, parent, comments, "");
    }

    private static String item(long id, String type, String slug, long parent, String comments, String more) {
        return "<item><title>Ids " + slug + "</title><link>" + SITE + "/" + slug + "/</link><dc:creator>ider" + RUN + "</dc:creator>"
                + "<content:encoded><![CDATA[Text of " + slug + ".]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded>"
                + "<wp:post_id>" + id + "</wp:post_id><wp:post_date>2021-03-04 10:00:00</wp:post_date>"
                + "<wp:post_date_gmt>2021-03-04 09:00:00</wp:post_date_gmt><wp:comment_status>open</wp:comment_status>"
                + "<wp:post_name>" + slug + "</wp:post_name><wp:status>publish</wp:status><wp:post_parent>" + parent + "</wp:post_parent>"
                + "<wp:menu_order>0</wp:menu_order><wp:post_type>" + type + "</wp:post_type>"
                + "<category domain=\"category\" nicename=\"ids-" + RUN + "\"><![CDATA[Ids " + RUN + "]]></category>"
                + more + comments + "</item>\n";
    }

    /** An attachment whose file cannot be fetched (nothing listens on port 9): a media item keeping its URL. */
    private static String attachment(long id, long parent) {
        return "<item><title>Ids image " + RUN + "</title><dc:creator>ider" + RUN + "</dc:creator>"
                + "<content:encoded><![CDATA[]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded>"
                + "<wp:post_id>" + id + "</wp:post_id><wp:post_name>ids-image-" + RUN + "</wp:post_name><wp:status>inherit</wp:status>"
                + "<wp:post_parent>" + parent + "</wp:post_parent><wp:post_type>attachment</wp:post_type>"
                + "<wp:attachment_url>http://127.0.0.1:9/ids-" + RUN + ".jpg</wp:attachment_url></item>\n";
    }

    private static byte[] export(long user, long term, String items) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\""
                + " xmlns:excerpt=\"http://wordpress.org/export/1.2/excerpt/\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\""
                + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:wp=\"http://wordpress.org/export/1.2/\"><channel>"
                + "<title>Ids</title><link>" + SITE + "</link><wp:wxr_version>1.2</wp:wxr_version>"
                + "<wp:base_blog_url>" + SITE + "</wp:base_blog_url>"
                + "<wp:author><wp:author_id>" + user + "</wp:author_id><wp:author_login>ider" + RUN + "</wp:author_login>"
                + "<wp:author_display_name>Ider</wp:author_display_name></wp:author>\n"
                + "<wp:category><wp:term_id>" + term + "</wp:term_id><wp:category_nicename>ids-" + RUN + "</wp:category_nicename>"
                + "<wp:category_parent></wp:category_parent><wp:cat_name><![CDATA[Ids " + RUN + "]]></wp:cat_name></wp:category>\n"
                + "<wp:tag><wp:term_id>" + (term + 1) + "</wp:term_id><wp:tag_slug>idtag-" + RUN + "</wp:tag_slug>"
                + "<wp:tag_name><![CDATA[Idtag " + RUN + "]]></wp:tag_name></wp:tag>\n"
                + items + "</channel></rss>").getBytes(StandardCharsets.UTF_8);
    }

    private static long nativePage() {
        return asAdmin().body(Map.of("title", "Native page " + RUN, "content", "<p>Native</p>", "status", "published"))
                .post("/api/v1/pages").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void importedContentAnswersToItsWordPressIdsAndNativeContentToItsOwn() {
        // content made here before the import; its ids are the highest so far
        Map<String, Object> nativePost = Fixtures.publishedPost(ADMIN_TOKEN, "Native before " + RUN, Map.of());
        long nativePostId = Fixtures.postId(nativePost);
        long nativePageId = nativePage();
        long nativeCommentId = Fixtures.comment(nativePostId, null, Fixtures.unique("n") + "@example.com", "Native comment " + RUN)
                .getLong("id");
        // the highest id a media item answers to (all media are listed)
        List<Integer> media = given().queryParam("orderby", "id").queryParam("per_page", 1).get(API + "media").then().statusCode(200)
                .extract().path("id");
        long u = Fixtures.actor("author").authorId() + 1000;     // WordPress user ids of the export, above every id given so far,
        long t = Math.max(Fixtures.category("Native " + RUN, null), Fixtures.tag("Native " + RUN)) + 1000; // term ids,
        long p = Math.max(Math.max(nativePostId, nativePageId), media.isEmpty() ? 0 : media.get(0)) + 1000; // post ids
        long c = nativeCommentId + 1000;                         // and comment ids

        String post = "post-" + RUN;
        String taken = "taken-" + RUN;
        byte[] wxr = export(u + 1, t + 1, attachment(p + 4, p + 1)
                + item(p + 1, "post", post, 0, comment(c + 1, 0, "Root Reader", "Root " + RUN)
                        + comment(c + 2, c + 1, "Replying Reader", "Reply " + RUN),
                "<category domain=\"post_tag\" nicename=\"idtag-" + RUN + "\"><![CDATA[Idtag " + RUN + "]]></category>"
                        + "<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>" + (p + 4) + "</wp:meta_value></wp:postmeta>")
                + item(p + 2, "page", "top-" + RUN, 0, "")
                + item(p + 3, "page", "sub-" + RUN, p + 2, "")
                // its WordPress id is the native post's, and its comment's the native comment's
                + item(nativePostId, "post", taken, 0, comment(nativeCommentId, 0, "Clashing Reader", "Clash " + RUN)));
        JsonPath job = ImportTest.importFile(wxr);
        assertEquals("succeeded", job.getString("status"), job.prettify());
        List<String> warnings = job.getList("warnings", String.class);
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("/wp-json/wp/v2: 1 post kept their Gazette id")
                && w.contains("post " + nativePostId + " (line ") && w.contains("(" + nativePostId + " is Gazette post " + nativePostId + "'s)")),
                warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("/wp-json/wp/v2: 1 comment kept their Gazette id")
                && w.contains("comment " + nativeCommentId + " on post " + nativePostId)), warnings.toString());

        // the native API keeps Gazette's ids, which are not WordPress' (they are above them)
        long gazettePost = given().get("/api/v1/posts/" + post).then().statusCode(200).extract().jsonPath().getLong("id");
        assertTrue(gazettePost > p + 3, gazettePost + " should be above the export's ids");

        // the post by its WordPress id, with its links, comments and terms under WordPress ids
        JsonPath wp = given().get(API + "posts/" + (p + 1)).then().statusCode(200).body("id", equalTo((int) (p + 1)))
                .body("slug", equalTo(post)).body("guid.rendered", endsWith("?p=" + (p + 1)))
                .body("link", equalTo(SITE + "/" + post + "/")) // its permalink on the WordPress site
                .body("class_list[0]", equalTo("post-" + (p + 1)))
                .body("_links.self[0].href", endsWith(API + "posts/" + (p + 1)))
                .body("_links.replies[0].href", endsWith(API + "comments?post=" + (p + 1)))
                .body("author", equalTo((int) (u + 1))).body("_links.author[0].href", endsWith(API + "users/" + (u + 1)))
                .body("categories", contains((int) (t + 1))).body("tags", contains((int) (t + 2)))
                .body("featured_media", equalTo((int) (p + 4)))
                .body("_links.'wp:featuredmedia'[0].href", endsWith(API + "media/" + (p + 4)))
                .extract().jsonPath();
        long category = wp.getLong("categories[0]");
        given().get(API + "users/" + (u + 1)).then().statusCode(200).body("id", equalTo((int) (u + 1))).body("name", equalTo("Ider"));
        given().get(API + "categories/" + (t + 1)).then().statusCode(200).body("slug", equalTo("ids-" + RUN));
        given().get(API + "tags/" + (t + 2)).then().statusCode(200).body("slug", equalTo("idtag-" + RUN))
                .body("_links.self[0].href", endsWith(API + "tags/" + (t + 2)));
        given().get(API + "media/" + (p + 4)).then().statusCode(200).body("id", equalTo((int) (p + 4)))
                .body("source_url", equalTo("http://127.0.0.1:9/ids-" + RUN + ".jpg"));
        given().queryParam("include", u + 1).get(API + "users").then().statusCode(200).body("id", contains((int) (u + 1)));
        given().queryParam("author", u + 1).get(API + "posts").then().statusCode(200).header("X-WP-Total", "2");
        given().queryParam("tags", t + 2).get(API + "posts").then().statusCode(200).body("id", contains((int) (p + 1)));
        given().queryParam("include", t + 2).get(API + "tags").then().statusCode(200).body("id", contains((int) (t + 2)));
        given().queryParam("_embed", "author,wp:term,wp:featuredmedia").get(API + "posts/" + (p + 1)).then().statusCode(200)
                .body("_embedded.author[0].id", equalTo((int) (u + 1)))
                .body("_embedded.'wp:term'[0][0].id", equalTo((int) (t + 1)))
                .body("_embedded.'wp:term'[1][0].id", equalTo((int) (t + 2)))
                .body("_embedded.'wp:featuredmedia'[0].id", equalTo((int) (p + 4)));
        given().get(API + "posts/" + gazettePost).then().statusCode(404).body("code", equalTo("rest_post_invalid_id"));
        given().queryParam("include", (p + 1) + "," + nativePostId).queryParam("orderby", "include").get(API + "posts").then()
                .statusCode(200).body("id", contains((int) (p + 1), (int) nativePostId));
        given().queryParam("exclude", p + 1).queryParam("categories", category).get(API + "posts").then().statusCode(200)
                .body("slug", contains(taken));
        given().queryParam("post", p + 1).get(API + "categories").then().statusCode(200).body("id", contains((int) category));

        given().queryParam("post", p + 1).queryParam("orderby", "id").queryParam("order", "asc").get(API + "comments").then()
                .statusCode(200).body("id", contains((int) (c + 1), (int) (c + 2))).body("post", contains((int) (p + 1), (int) (p + 1)))
                .body("parent", contains(0, (int) (c + 1)))
                .body("[1]._links.'in-reply-to'[0].href", endsWith(API + "comments/" + (c + 1)))
                .body("[1]._links.up[0].href", endsWith(API + "posts/" + (p + 1)))
                .body("[1].link", equalTo(SITE + "/" + post + "/#comment-" + (c + 2)));
        given().get(API + "comments/" + (c + 2)).then().statusCode(200).body("parent", equalTo((int) (c + 1)))
                .body("content.rendered", org.hamcrest.Matchers.containsString("Reply " + RUN));
        given().queryParam("parent", c + 1).get(API + "comments").then().statusCode(200).body("id", contains((int) (c + 2)));
        given().queryParam("post", p + 1).queryParam("parent", 0).get(API + "comments").then().statusCode(200)
                .body("id", contains((int) (c + 1)));
        given().queryParam("post", p + 1).queryParam("parent_exclude", 0).get(API + "comments").then().statusCode(200)
                .body("id", contains((int) (c + 2)));
        given().queryParam("_embed", "replies").get(API + "posts/" + (p + 1)).then().statusCode(200)
                .body("_embedded.replies[0].id", contains((int) (c + 2), (int) (c + 1)))
                .body("_embedded.replies[0].parent", contains((int) (c + 1), 0));

        // pages: the page and its parent by WordPress ids
        given().get(API + "pages/" + (p + 3)).then().statusCode(200).body("id", equalTo((int) (p + 3)))
                .body("parent", equalTo((int) (p + 2))).body("_links.up[0].href", endsWith(API + "pages/" + (p + 2)))
                .body("guid.rendered", endsWith("?page_id=" + (p + 3))).body("link", equalTo(SITE + "/sub-" + RUN + "/"));
        given().queryParam("parent", p + 2).get(API + "pages").then().statusCode(200).body("id", contains((int) (p + 3)));
        given().queryParam("_embed", "up").get(API + "pages/" + (p + 3)).then().statusCode(200)
                .body("_embedded.up[0].id", equalTo((int) (p + 2)));
        given().queryParam("search", "Ids top-" + RUN).get(API + "search").then().statusCode(200)
                .body("id", contains((int) (p + 2))).body("subtype", contains("page"));
        given().queryParam("search", "Ids " + post).queryParam("_embed", "self").get(API + "search").then().statusCode(200)
                .body("id", contains((int) (p + 1))).body("[0]._embedded.self[0].id", equalTo((int) (p + 1)))
                .body("[0].url", equalTo(SITE + "/" + post + "/"));

        // the clash: the native post and comment keep their ids; the newcomers answer to their Gazette ids
        given().get(API + "posts/" + nativePostId).then().statusCode(200).body("title.rendered", equalTo("Native before " + RUN));
        long takenId = given().get("/api/v1/posts/" + taken).then().statusCode(200).extract().jsonPath().getLong("id");
        given().get(API + "posts/" + takenId).then().statusCode(200).body("slug", equalTo(taken));
        given().queryParam("post", takenId).get(API + "comments").then().statusCode(200)
                .body("content.rendered", contains(org.hamcrest.Matchers.containsString("Clash " + RUN)))
                .body("[0].id", org.hamcrest.Matchers.greaterThan((int) (c + 2)));

        // a comment written through the WordPress API names the post and parent by WordPress ids
        Map<String, Object> body = new HashMap<>(Map.of("post", p + 1, "parent", c + 1, "author_name", "Wp Writer",
                "author_email", Fixtures.unique("wpw") + "@example.com", "content", "Written to " + (p + 1)));
        JsonPath created = given().contentType(ContentType.JSON).body(body).post(API + "comments").then().statusCode(201)
                .body("post", equalTo((int) (p + 1))).body("parent", equalTo((int) (c + 1))).extract().jsonPath();
        assertTrue(created.getLong("id") > c + 2, created.prettify());
        long gazetteRoot = gazetteCommentId(post, "Root " + RUN);
        assertTrue(gazetteRoot > c + 2, gazetteRoot + " should be above the export's comment ids");
        given().get(API + "comments/" + gazetteRoot).then().statusCode(404).body("code", equalTo("rest_comment_invalid_id"));
        body.put("parent", gazetteRoot); // an imported comment's Gazette id is no parent here
        body.put("content", "Second try " + RUN);
        given().contentType(ContentType.JSON).body(body).post(API + "comments").then().statusCode(400)
                .body("code", equalTo("rest_invalid_param"));

        // content made after the import gets ids above the export's
        long after = Fixtures.postId(Fixtures.publishedPost(ADMIN_TOKEN, "Native after " + RUN, Map.of()));
        assertTrue(after > p + 3, after + " should be above " + (p + 3));
        given().get(API + "posts/" + after).then().statusCode(200).body("id", equalTo((int) after))
                .body("link", org.hamcrest.Matchers.not(org.hamcrest.Matchers.startsWith(SITE)));

        // a second import of the same export changes nothing: the same ids answer
        JsonPath again = ImportTest.importFile(wxr);
        assertEquals("succeeded", again.getString("status"), again.prettify());
        assertEquals(0, again.getInt("counts.posts.created"), again.prettify());
        given().get(API + "posts/" + (p + 1)).then().statusCode(200).body("slug", equalTo(post));
        given().get(API + "comments/" + (c + 1)).then().statusCode(200).body("post", equalTo((int) (p + 1)));
        given().get(API + "pages/" + (p + 3)).then().statusCode(200).body("parent", equalTo((int) (p + 2)));
        assertNotEquals(gazettePost, p + 1);
    }

    /** The Gazette id of a top-level comment of the post, by its text, from the native API. */
    private static long gazetteCommentId(String postSlug, String text) {
        return given().get("/api/v1/posts/" + postSlug + "/comments").then().statusCode(200).extract().jsonPath()
                .getLong("items.find { it.contentHtml.contains('" + text + "') }.id");
    }
}
