package dev.gazette.importer;

import dev.gazette.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A WordPress page with a {@code wp:post_password} is imported protected, as posts are: title and metadata
 * public, content and excerpt only with the password in X-Post-Password (by slug and by path), never open,
 * and still protected when imported again. The file says {@code wxr_version} 1.3, newer than the 1.2 this
 * importer knows: as WordPress's importer, it goes on with a warning.
 */
@QuarkusTest
class ProtectedPageImportTest {

    private static final String RUN = Fixtures.unique("q").substring(2);

    private static String page(long id, String slug, long parent, String password, String content) {
        return "<item><title>Page " + slug + "</title><link>https://pages" + RUN + ".example.test/" + slug + "/</link>"
                + "<dc:creator>pager" + RUN + "</dc:creator>"
                + "<content:encoded><![CDATA[" + content + "]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded>"
                + "<wp:post_id>" + id + "</wp:post_id><wp:post_date>2021-03-04 10:00:00</wp:post_date>"
                + "<wp:post_date_gmt>2021-03-04 09:00:00</wp:post_date_gmt><wp:post_name>" + slug + "</wp:post_name>"
                + "<wp:status>publish</wp:status><wp:post_parent>" + parent + "</wp:post_parent><wp:menu_order>0</wp:menu_order>"
                + "<wp:post_type>page</wp:post_type><wp:post_password><![CDATA[" + password + "]]></wp:post_password></item>\n";
    }

    @Test
    void aProtectedWordPressPageIsImportedProtectedAndANewerWxrVersionIsAWarning() {
        String parent = "members-" + RUN;
        String child = "minutes-" + RUN;
        String secret = "the board met at the lighthouse";
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<rss version=\"2.0\" xmlns:excerpt=\"http://wordpress.org/export/1.3/excerpt/\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\""
                + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:wp=\"http://wordpress.org/export/1.3/\"><channel>"
                + "<title>Pages</title><link>https://pages" + RUN + ".example.test</link><wp:wxr_version>1.3</wp:wxr_version>"
                + "<wp:base_blog_url>https://pages" + RUN + ".example.test</wp:base_blog_url>"
                + "<wp:author><wp:author_login>pager" + RUN + "</wp:author_login><wp:author_display_name>Pager</wp:author_display_name></wp:author>\n"
                + page(10, parent, 0, "", "Open to everyone.")
                + page(11, child, 10, "lighthouse", "Minutes: " + secret + ".\n\nSecond paragraph.")
                + "</channel></rss>";
        JsonPath job = ImportTest.importFile(xml.getBytes(StandardCharsets.UTF_8));
        assertEquals("succeeded", job.getString("status"), job.prettify());
        assertEquals("1.3", job.getString("wxrVersion"));
        assertEquals(2, job.getInt("counts.pages.created"));
        List<String> warnings = job.getList("warnings", String.class);
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("WXR version 1.3 is newer than 1.2")), warnings.toString());

        // anonymous: title and metadata, no content nor excerpt, by slug and by path; the open parent is open
        for (String path : List.of("/api/v1/pages/" + child, "/api/v1/pages/by-path?path=" + parent + "/" + child)) {
            given().get(path).then().statusCode(200).body("protected", equalTo(true)).body("title", equalTo("Page " + child))
                    .body("status", equalTo("published")).body("content", nullValue()).body("excerpt", equalTo(""))
                    .body(not(containsString(secret)));
            given().header("X-Post-Password", "lighthouse").get(path).then().statusCode(200)
                    .header("Cache-Control", equalTo("private, no-cache"))
                    .body("content", containsString(secret)).body("excerpt", containsString(secret));
            given().header("X-Post-Password", "Lighthouse").get(path).then().statusCode(403)
                    .body("type", endsWith("/incorrect-post-password"));
        }
        given().get("/api/v1/pages/" + parent).then().statusCode(200).body("protected", equalTo(false))
                .body("content", containsString("Open to everyone."));
        // lists with content leave the protected page's out; staff see it
        given().queryParam("parent", parent).queryParam("fields", "slug,content").get("/api/v1/pages").then().statusCode(200)
                .body("items[0].slug", equalTo(child)).body("items[0].content", nullValue());
        Fixtures.asAdmin().get("/api/v1/pages/" + child).then().statusCode(200).body("content", containsString(secret));

        // imported again: unchanged, and still protected by the same password
        JsonPath again = ImportTest.importFile(xml.getBytes(StandardCharsets.UTF_8));
        assertEquals(2, again.getInt("counts.pages.skippedReasons.unchanged"), again.prettify());
        given().get("/api/v1/pages/" + child).then().statusCode(200).body("protected", equalTo(true)).body("content", nullValue());
        given().header("X-Post-Password", "lighthouse").get("/api/v1/pages/" + child).then().statusCode(200)
                .body("content", containsString(secret));
    }
}
