package dev.gazette.importer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pages and old links of WordPress's theme unit test export. */
@QuarkusTest
class PageImportTest {

    /** This class's own copy of the site (its slugs carry a suffix of their own), so it is created here whatever ran before. */
    private static final String RUN = "pg" + UUID.randomUUID().toString().substring(0, 6);

    private static byte[] site(Path theme) throws Exception {
        String xml = Files.readString(theme).replace("https://wpthemetestdata.wordpress.com", "https://" + RUN + ".example.test");
        for (String tag : List.of("wp:category_nicename", "wp:category_parent", "wp:tag_slug", "wp:post_name", "wp:author_login",
                "wp:term_slug", "wp:term_parent")) {
            xml = xml.replaceAll("<" + tag + ">(?:<!\\[CDATA\\[)?([^<\\]]+)(?:\\]\\]>)?</" + tag + ">",
                    "<" + tag + ">$1-" + RUN + "</" + tag + ">");
        }
        xml = xml.replaceAll("nicename=\"([^\"]+)\"", "nicename=\"$1-" + RUN + "\"");
        return xml.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String slug(String wordpressSlug) {
        return WxrImporter.slug(wordpressSlug + "-" + RUN, "", "page");
    }

    private static String text(Element parent, String tag) {
        NodeList found = parent.getElementsByTagName(tag);
        return found.getLength() == 0 ? "" : found.item(0).getTextContent().trim();
    }

    @Test
    void theThemeExportsPagesKeepTheirTreeAndEveryOldLinkResolves() throws Exception {
        Path theme = ImportTest.themeFile();
        org.junit.jupiter.api.Assumptions.assumeTrue(ImportTest.themeFilePresent(), "../shared/fixtures/wordpress is not beside the checkout");
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(theme.toFile());
        NodeList items = doc.getElementsByTagName("item");
        Map<String, Element> pages = new HashMap<>();
        Map<String, Element> posts = new HashMap<>();
        for (int i = 0; i < items.getLength(); i++) {
            Element item = (Element) items.item(i);
            String type = text(item, "wp:post_type");
            if (type.equals("page")) {
                pages.put(text(item, "wp:post_id"), item);
            } else if (type.equals("post")) {
                posts.put(text(item, "wp:post_id"), item);
            }
        }
        assertTrue(pages.size() >= 10, "the export has pages");

        JsonPath job = ImportTest.importFile(site(theme));
        assertEquals("succeeded", job.getString("status"), job.prettify());
        assertEquals(pages.size(), job.getInt("counts.pages.created"));
        assertFalse(job.getMap("counts.posts.skippedReasons").containsKey("page"), "pages are no longer skipped");

        // every page: its parent (children come before their parents in this file), menu order, path and old link
        for (Element page : pages.values()) {
            JsonPath mine = given().get("/api/v1/pages/" + slug(text(page, "wp:post_name"))).then().statusCode(200)
                    .extract().jsonPath();
            assertEquals(Integer.parseInt(text(page, "wp:menu_order")), mine.getInt("menuOrder"));
            assertEquals("published", mine.getString("status"));
            String parent = text(page, "wp:post_parent");
            StringBuilder path = new StringBuilder(mine.getString("slug"));
            if (parent.equals("0")) {
                assertNull(mine.get("parentId"));
            } else {
                JsonPath up = given().get("/api/v1/pages/" + slug(text(pages.get(parent), "wp:post_name"))).jsonPath();
                assertEquals(up.getLong("id"), mine.getLong("parentId"));
                path.insert(0, up.getString("path") + "/");
            }
            assertEquals(path.toString(), mine.getString("path"));
            given().queryParam("path", mine.getString("path")).get("/api/v1/pages/by-path").then().statusCode(200)
                    .body("id", equalTo(mine.getInt("id")));

            String oldPath = URI.create(text(page, "link").replace("//greek", "/greek")).getRawPath();
            given().queryParam("path", oldPath).get("/api/v1/resolve").then().statusCode(200)
                    .body("type", equalTo("page")).body("id", equalTo(mine.getInt("id")));
            given().queryParam("path", "/?page_id=" + text(page, "wp:post_id")).get("/api/v1/resolve").then().statusCode(200)
                    .body("type", equalTo("page")).body("id", equalTo(mine.getInt("id"))).body("via", equalTo("wordpress-id"));
        }
        // the three levels of the file, and the template kept as metadata
        String level3 = given().get("/api/v1/pages/" + slug("level-3")).jsonPath().getString("path");
        assertEquals(slug("level-1") + "/" + slug("level-2") + "/" + slug("level-3"), level3);
        given().queryParam("parent", slug("level-1")).queryParam("fields", "slug").get("/api/v1/pages").then().statusCode(200)
                .body("items.slug", equalTo(List.of(slug("level-2"), slug("level-2a"), slug("level-2b"))));

        // posts keep their permalinks and ?p= ids too
        int checked = 0;
        for (Element post : posts.values()) {
            if (!text(post, "wp:status").equals("publish") || checked++ >= 8) {
                continue;
            }
            JsonPath mine = given().get("/api/v1/posts/" + WxrImporter.slug(text(post, "wp:post_name") + "-" + RUN, "", "post"))
                    .then().statusCode(200).extract().jsonPath();
            String link = URI.create(text(post, "link")).getRawPath();
            for (String asked : List.of(link, link.replaceAll("/$", ""), "https://" + RUN + ".example.test" + link)) {
                given().queryParam("path", asked).get("/api/v1/resolve").then().statusCode(200)
                        .body("type", equalTo("post")).body("id", equalTo(mine.getInt("id")))
                        .body("href", equalTo("/api/v1/posts/" + mine.getString("slug"))).body("via", equalTo("permalink"));
            }
            given().queryParam("path", "/?p=" + text(post, "wp:post_id")).get("/api/v1/resolve").then().statusCode(200)
                    .body("type", equalTo("post")).body("id", equalTo(mine.getInt("id")));
        }

        // a second import of the same site changes nothing
        JsonPath again = ImportTest.importFile(site(theme));
        assertEquals("succeeded", again.getString("status"));
        assertEquals(0, again.getInt("counts.pages.created"));
        assertEquals(0, again.getInt("counts.pages.updated"));
        assertEquals(pages.size(), again.getInt("counts.pages.skippedReasons.unchanged"));
    }
}
