package dev.gazette.importer;

import dev.gazette.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.time.Duration;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.gazette.Fixtures.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
public class ImportTest {

    static byte[] resource(String name) throws IOException {
        try (InputStream in = ImportTest.class.getResourceAsStream("/wxr/" + name)) {
            return in.readAllBytes();
        }
    }

    /**
     * This run's copy of the edge-case site: its own site URL, slugs, nicenames and author login,
     * so the import tests pass again on a database holding an earlier run's import.
     */
    private static final String RUN = Fixtures.unique("r").substring(2);
    static final String EDGE_SITE = "https://site" + RUN + ".example.test";

    /** An edge-case export (edge-cases.xml, edge-cases-later.xml) as this run's site. */
    static byte[] edgeSite(String name) throws IOException {
        String xml = new String(resource(name), java.nio.charset.StandardCharsets.UTF_8)
                .replace("https://edge.example.test", EDGE_SITE)
                .replace("edge-", "edge" + RUN + "-")
                .replace("edgeeditor", "edgeeditor" + RUN)
                .replace("<title>No slug given</title>", "<title>No slug given " + RUN + "</title>");
        return xml.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A slug or address of the edge-case site, as this run imported it. */
    static String edge(String s) {
        return s.replace("https://edge.example.test", EDGE_SITE).replace("edge-", "edge" + RUN + "-")
                .replace("no-slug-given", "no-slug-given-" + RUN);
    }

    /**
     * WordPress' theme unit test export as a site of this run: its URLs, nicenames, slugs and
     * logins carry a suffix, so terms and posts are created again rather than adopted from an
     * earlier run's import.
     */
    static byte[] themeSite(Path theme) throws IOException {
        return themeSite(theme, RUN);
    }

    /** The same export as a site of its own, for a test that must not meet this class's import of it. */
    static byte[] themeSite(Path theme, String run) throws IOException {
        String xml = Files.readString(theme)
                .replace("https://wpthemetestdata.wordpress.com", "https://theme" + run + ".example.test");
        for (String tag : List.of("wp:category_nicename", "wp:category_parent", "wp:tag_slug", "wp:post_name", "wp:author_login",
                "wp:term_slug", "wp:term_parent")) {
            // plain or in CDATA (the export has both)
            xml = xml.replaceAll("<" + tag + ">(?:<!\\[CDATA\\[)?([^<\\]]+)(?:\\]\\]>)?</" + tag + ">",
                    "<" + tag + ">$1-" + run + "</" + tag + ">");
        }
        xml = xml.replaceAll("nicename=\"([^\"]+)\"", "nicename=\"$1-" + run + "\"");
        return xml.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    static String themeSlug(String wordpressSlug) {
        return wordpressSlug + "-" + RUN;
    }

    /** Uploads a file and waits for its job to end; returns the job. */
    public static JsonPath importFile(byte[] body) {
        String location = given().header("Authorization", "Bearer " + Fixtures.ADMIN_TOKEN).contentType("application/xml")
                .body(body).post("/api/v1/imports").then().statusCode(202)
                .header("Location", containsString("/api/v1/imports/")).body("status", equalTo("queued"))
                .extract().header("Location");
        return Awaitility.await("the import " + location + " to end").atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> asAdmin().get(location).then().statusCode(200).extract().jsonPath(),
                        job -> job.getString("status").equals("succeeded") || job.getString("status").equals("failed"));
    }

    @Test
    void onlyAdminsImportAndBadUploadsAreRefusedClearly() {
        given().contentType("application/xml").body("<rss/>").post("/api/v1/imports").then().statusCode(401)
                .contentType("application/problem+json");
        Fixtures.Actor editor = Fixtures.actor("editor");
        given().header("Authorization", "Bearer " + editor.token()).contentType("application/xml").body("<rss/>")
                .post("/api/v1/imports").then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", "Bearer " + Fixtures.ADMIN_TOKEN).contentType("application/json").body("{}")
                .post("/api/v1/imports").then().statusCode(415).contentType("application/problem+json");
        given().header("Authorization", "Bearer " + Fixtures.ADMIN_TOKEN).contentType("application/xml").body(new byte[0])
                .post("/api/v1/imports").then().statusCode(400).contentType("application/problem+json");
        asAdmin().get("/api/v1/imports/999999999").then().statusCode(404);
        Fixtures.as(editor.token()).get("/api/v1/imports").then().statusCode(403);
    }

    @Test
    void anUploadOverTheLimitIs413() {
        // gazette.imports.max-size is 2M in tests
        byte[] big = new byte[3 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) ' ');
        given().header("Authorization", "Bearer " + Fixtures.ADMIN_TOKEN).contentType("application/xml").body(big)
                .post("/api/v1/imports").then().statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("gazette.imports.max-size"));
    }

    @Test
    void malformedOrForeignFilesFailWithAReasonAndWriteNothing() throws IOException {
        Map<String, Object> before = snapshot();
        JsonPath broken = importFile(resource("broken.xml"));
        assertEquals("failed", broken.getString("status"));
        assertTrue(broken.getString("error").matches("(?s).*line \\d+, column \\d+.*"), broken.getString("error"));

        JsonPath foreign = importFile(resource("not-wxr.xml"));
        assertEquals("failed", foreign.getString("status"));
        assertTrue(foreign.getString("error").contains("wxr_version"), foreign.getString("error"));

        // WordPress's importer refuses a version that is not a number ("missing/invalid WXR version number")
        byte[] badVersion = new String(edgeSite("edge-cases.xml"), java.nio.charset.StandardCharsets.UTF_8)
                .replace("<wp:wxr_version>1.1</wp:wxr_version>", "<wp:wxr_version>abc</wp:wxr_version>")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        JsonPath abc = importFile(badVersion);
        assertEquals("failed", abc.getString("status"));
        assertTrue(abc.getString("error").contains("invalid WXR version number 'abc'"), abc.getString("error"));

        Path theme = themeFile();
        if (themeFilePresent()) {
            byte[] whole = Files.readAllBytes(theme);
            byte[] truncated = java.util.Arrays.copyOf(whole, whole.length * 2 / 3);
            JsonPath cut = importFile(truncated);
            assertEquals("failed", cut.getString("status"));
            assertTrue(cut.getString("error").matches("(?s).*line \\d+, column \\d+.*"), cut.getString("error"));
        }
        assertEquals(before, snapshot(), "nothing was written");
    }

    @Test
    void wordPressLastModificationBecomesModifiedAt() throws IOException {
        String run = "m" + RUN;
        String xml = new String(resource("edge-cases.xml"), java.nio.charset.StandardCharsets.UTF_8)
                .replace("https://edge.example.test", "https://modified" + RUN + ".example.test")
                .replace("edge-", "edge" + run + "-").replace("edgeeditor", "edgeeditor" + run)
                .replace("<title>No slug given</title>", "<title>No slug given " + run + "</title>")
                .replaceFirst("(<wp:post_date_gmt>2020-01-15 09:00:00</wp:post_date_gmt>)",
                        "$1<wp:post_modified>2021-06-01 12:00:00</wp:post_modified>"
                                + "<wp:post_modified_gmt>2021-06-01 10:00:00</wp:post_modified_gmt>");
        assertEquals("succeeded", importFile(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)).getString("status"));
        given().get("/api/v1/posts/edge" + run + "-cafe").then().statusCode(200)
                .body("publishedAt", org.hamcrest.Matchers.equalTo("2020-01-15T09:00:00Z"))
                .body("modifiedAt", org.hamcrest.Matchers.equalTo("2021-06-01T10:00:00Z"));
    }

    private Map<String, Object> snapshot() {
        Map<String, Object> s = new HashMap<>();
        s.put("posts", given().get("/api/v1/posts?limit=1").jsonPath().getLong("page.total"));
        s.put("categories", given().get("/api/v1/categories").asString().length());
        s.put("tags", given().get("/api/v1/tags?limit=1").jsonPath().getLong("page.total"));
        s.put("authors", asAdmin().get("/api/v1/authors?limit=1").jsonPath().getLong("page.total"));
        s.put("changes", given().get("/api/v1/changes?limit=1").jsonPath().getLong("page.total"));
        return s;
    }

    @Test
    void edgeCasesMapAsDocumentedAndAReimportChangesNothing() throws Exception {
        JsonPath job = importFile(edgeSite("edge-cases.xml"));
        assertEquals("succeeded", job.getString("status"), job.prettify());
        assertEquals(EDGE_SITE, job.getString("site"));
        assertEquals("1.1", job.getString("wxrVersion"));
        assertEquals(5, job.getInt("counts.posts.created"));
        assertEquals(Map.of("nav_menu_item", 1), job.getMap("counts.posts.skippedReasons"), "pages are pages, attachments are media");
        assertEquals(1, job.getInt("counts.pages.created"));
        assertEquals(1, job.getInt("counts.media.created"));
        assertTrue(job.getList("warnings", String.class).stream().anyMatch(w -> w.startsWith("attachment 99 ")
                && w.contains(edge("https://edge.example.test/wp-content/uploads/cafe.jpg")) && w.contains("original URL is kept")));
        assertEquals(6, job.getInt("counts.comments.created"));
        assertEquals(Map.of("pingback", 1), job.getMap("counts.comments.skippedReasons"));
        assertEquals(3, job.getInt("counts.categories.created"));
        assertEquals(2, job.getInt("counts.tags.created"));
        assertEquals(1, job.getInt("counts.authors.created"));
        assertTrue(job.getList("warnings", String.class).stream().anyMatch(w -> w.contains("private post")));

        // fidelity: the title byte for byte, the content exactly as Gazette sanitizes the same HTML given to its API
        Document wxr = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(edgeSite("edge-cases.xml")));
        Element first = (Element) wxr.getElementsByTagName("item").item(0);
        String rawTitle = first.getElementsByTagName("title").item(0).getTextContent();
        String rawContent = first.getElementsByTagName("content:encoded").item(0).getTextContent();
        assertTrue(rawContent.contains("]]>"), "the CDATA split came through");
        JsonPath post = given().get(edge("/api/v1/posts/edge-cafe?include=author,categories,tags")).then().statusCode(200).extract().jsonPath();
        assertEquals(rawTitle, post.getString("title"));
        String viaApi = asAdmin().body(Map.of("title", "Fidelity twin", "content", rawContent, "format", "classic", "status", "draft"))
                .post("/api/v1/posts").then().statusCode(201).extract().path("content");
        assertEquals(viaApi, post.getString("content"));
        assertTrue(post.getString("content").contains("</p>\n<p>After a blank line: 東京 ✓ and an end marker ]]&gt; inside.</p>"),
                post.getString("content"));
        assertFalse(post.getString("content").contains("<script"));
        assertEquals("A hand-written excerpt.", post.getString("excerpt"));
        assertEquals("2020-01-15T09:00:00Z", post.getString("publishedAt"));
        assertEquals(true, post.getBoolean("sticky"));
        assertEquals(edge("https://edge.example.test/wp-content/uploads/cafe.jpg"), post.getString("featuredImageUrl"));
        assertEquals("Zoë Ångström", post.getString("author.displayName"));
        assertFalse(given().get(edge("/api/v1/posts/edge-cafe?include=author")).asString().contains(edge("edge-editor@example.test")));
        assertEquals(List.of(edge("edge-grandchild")), post.getList("categories.slug"));
        assertEquals(List.of(edge("edge-tag"), edge("edge-undeclared")), post.getList("tags.slug"));
        assertEquals(3, post.getInt("commentCount"), "approved comments only");

        // the category tree, built although children come first in the file
        long parent = given().get(edge("/api/v1/categories/edge-parent")).then().statusCode(200)
                .body("name", equalTo("Parent & Co")).body("description", equalTo("The top of the tree")).extract().jsonPath().getLong("id");
        long child = given().get(edge("/api/v1/categories/edge-child")).then().body("parentId", equalTo((int) parent)).extract().jsonPath().getLong("id");
        given().get(edge("/api/v1/categories/edge-grandchild")).then().body("parentId", equalTo((int) child));

        // statuses: draft without a GMT date, future, private as draft, trash
        asAdmin().get(edge("/api/v1/posts/no-slug-given")).then().statusCode(200).body("status", equalTo("draft"));
        asAdmin().get(edge("/api/v1/posts/edge-scheduled")).then().statusCode(200).body("status", equalTo("scheduled"))
                .body("publishedAt", equalTo("2099-01-01T09:00:00Z"));
        asAdmin().get(edge("/api/v1/posts/edge-private")).then().statusCode(200).body("status", equalTo("draft"));
        asAdmin().get(edge("/api/v1/posts/edge-binned-trashed")).then().statusCode(200).body("status", equalTo("trashed"));
        given().get(edge("/api/v1/posts/edge-private")).then().statusCode(404);

        // the thread: the reply listed before its parent sits under it, three levels
        JsonPath tree = given().get(edge("/api/v1/posts/edge-cafe/comments")).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("Root Reader"), tree.getList("items.author.name"));
        assertEquals("Reply Before Parent", tree.getString("items[0].replies[0].author.name"));
        assertEquals("Deeper", tree.getString("items[0].replies[0].replies[0].author.name"));
        assertEquals(2, tree.getInt("items[0].descendantCount"));
        // the same text written through the comment API is stored the same way (the sanitizer writes emoji as entities)
        String viaCommentApi = Fixtures.comment(Fixtures.commentablePost(), null, Fixtures.unique("twin") + "@example.com",
                "Root comment with ünïcödé 🎉.").getString("contentHtml");
        assertEquals(viaCommentApi, tree.getString("items[0].contentHtml"));
        asAdmin().get(edge("/api/v1/comments?post=edge-cafe&status=spam")).then().statusCode(200).body("items.author.name", hasItem("Spammer"));
        asAdmin().get(edge("/api/v1/comments?post=edge-cafe&status=pending")).then().statusCode(200).body("items.author.name", hasItem("Waiting"));
        asAdmin().get(edge("/api/v1/comments?post=edge-cafe&status=pending")).then()
                .body("items[0].moderation.authorEmail", equalTo("waiting@example.test"));

        // the same file again: nothing created, nothing updated
        JsonPath again = importFile(edgeSite("edge-cases.xml"));
        assertEquals("succeeded", again.getString("status"));
        for (String type : List.of("authors", "categories", "tags", "posts", "comments", "media")) {
            assertEquals(0, again.getInt("counts." + type + ".created"), type);
            assertEquals(0, again.getInt("counts." + type + ".updated"), type);
        }
        assertEquals(5, again.getInt("counts.posts.skippedReasons.unchanged"));
        assertEquals(6, again.getInt("counts.comments.skippedReasons.unchanged"));
        given().get(edge("/api/v1/posts/edge-cafe")).then().body("commentCount", equalTo(3));

        // a later export of the same site: the edited post is updated, the new post and comment added
        JsonPath later = importFile(edgeSite("edge-cases-later.xml"));
        assertEquals("succeeded", later.getString("status"), later.prettify());
        assertEquals(1, later.getInt("counts.posts.created"));
        assertEquals(1, later.getInt("counts.posts.updated"));
        assertEquals(1, later.getInt("counts.comments.created"));
        given().get(edge("/api/v1/posts/edge-cafe")).then().body("title", containsString("(updated)")).body("commentCount", equalTo(4));
        given().get(edge("/api/v1/posts/edge-added-later")).then().statusCode(200);
        given().get(edge("/api/v1/posts/edge-cafe/comments")).then()
                .body("items[0].replies[0].replies[0].replies[0].author.name", equalTo("Late Reader"))
                .body("items[0].descendantCount", equalTo(3));
        asAdmin().get("/api/v1/imports?limit=100").then().statusCode(200).body("items.site", hasItem(EDGE_SITE))
                .body("items[0]", not(org.hamcrest.Matchers.hasKey("filePath")));
    }

    static Path themeFile() {
        return Path.of("..", "shared", "fixtures", "wordpress", "themeunittestdata.wordpress.xml");
    }

    /**
     * Whether WordPress' theme unit test export is beside the checkout. Outside CI a missing file
     * skips the tests that need it; in CI ({@code CI=true}) it fails them, so a green run never
     * hides them.
     */
    static boolean themeFilePresent() {
        if (Files.exists(themeFile())) {
            return true;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            org.junit.jupiter.api.Assertions.fail(themeFile().toAbsolutePath().normalize()
                    + " is missing: CI=true requires the shared fixtures (../shared/fixtures beside the checkout)");
        }
        return false;
    }

    @Test
    void theThemeUnitTestExportImportsWithTheFilesExactCounts() throws Exception {
        Path theme = themeFile();
        org.junit.jupiter.api.Assumptions.assumeTrue(themeFilePresent(), "../shared/fixtures/wordpress is not beside the checkout");
        // what the file holds, counted independently with DOM
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(theme.toFile());
        NodeList items = doc.getElementsByTagName("item");
        int posts = 0;
        int attachments = 0;
        Map<String, Integer> skipped = new HashMap<>();
        int comments = 0;
        int pings = 0;
        int pageComments = 0;
        Map<String, List<Element>> threads = new HashMap<>();
        for (int i = 0; i < items.getLength(); i++) {
            Element item = (Element) items.item(i);
            String type = text(item, "wp:post_type");
            if (type.equals("page")) {
                // pages are imported (PageImportTest); their comments are counted as skipped
                pageComments += item.getElementsByTagName("wp:comment").getLength();
                continue;
            }
            if (type.equals("attachment")) {
                attachments++;
                continue;
            }
            if (!type.equals("post")) {
                skipped.merge(type, 1, Integer::sum);
                continue;
            }
            posts++;
            List<Element> own = new ArrayList<>();
            NodeList cs = item.getElementsByTagName("wp:comment");
            for (int c = 0; c < cs.getLength(); c++) {
                Element comment = (Element) cs.item(c);
                String ctype = text(comment, "wp:comment_type");
                if (ctype.isEmpty() || ctype.equals("comment")) {
                    comments++;
                    own.add(comment);
                } else {
                    pings++;
                }
            }
            threads.put(text(item, "wp:post_name"), own);
        }

        long started = System.nanoTime();
        JsonPath job = importFile(themeSite(theme));
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals("succeeded", job.getString("status"), job.prettify());
        // the attachments' files are on the internet, unreachable here: they fail fast and keep their URLs
        System.out.println("theme unit test import: " + millis + " ms, media " + job.getMap("counts.media")
                + ", warnings " + job.getList("warnings").size());
        assertTrue(millis < 60_000, millis + " ms");
        assertEquals(attachments, job.getInt("counts.media.created"));
        assertEquals(attachments, job.getList("warnings", String.class).stream()
                .filter(w -> w.startsWith("attachment ") && w.contains("original URL is kept")).count());
        assertEquals(posts, job.getInt("counts.posts.created"));
        assertEquals(skipped, job.getMap("counts.posts.skippedReasons"));
        assertEquals(comments, job.getInt("counts.comments.created"));
        assertEquals(pings + pageComments, job.getInt("counts.comments.skipped"));
        assertEquals(doc.getElementsByTagName("wp:category").getLength(), job.getInt("counts.categories.created"));

        // the threaded-comments post shows what WordPress shows: approved comments under approved parents, 10 levels
        List<Element> thread = threads.get("template-comments");
        Map<String, Element> byId = new HashMap<>();
        thread.forEach(c -> byId.put(text(c, "wp:comment_id"), c));
        int visible = 0;
        int deepest = 0;
        for (Element c : thread) {
            int depth = 0;
            boolean shown = text(c, "wp:comment_approved").equals("1");
            for (Element at = c; !text(at, "wp:comment_parent").equals("0"); depth++) {
                at = byId.get(text(at, "wp:comment_parent"));
                shown &= text(at, "wp:comment_approved").equals("1");
            }
            if (shown) {
                visible++;
                deepest = Math.max(deepest, depth);
            }
        }
        JsonPath tree = given().get("/api/v1/posts/" + themeSlug("template-comments") + "/comments?replies=1000&limit=100").then().statusCode(200)
                .extract().jsonPath();
        List<Integer> depths = new ArrayList<>();
        collect(tree.getList("items"), depths);
        assertEquals(visible, depths.size());
        assertEquals(deepest, depths.stream().mapToInt(Integer::intValue).max().orElse(-1));
        assertEquals(9, deepest, "10 levels");

        // the category tree matches the file's parents
        NodeList cats = doc.getElementsByTagName("wp:category");
        for (int i = 0; i < cats.getLength(); i++) {
            Element cat = (Element) cats.item(i);
            String parent = text(cat, "wp:category_parent");
            JsonPath mine = given().get("/api/v1/categories/" + WxrImporter.slug(themeSlug(text(cat, "wp:category_nicename")), "", "category"))
                    .then().statusCode(200).extract().jsonPath();
            if (parent.isEmpty()) {
                assertEquals((Object) null, mine.get("parentId"));
            } else {
                long parentId = given().get("/api/v1/categories/" + WxrImporter.slug(themeSlug(parent), "", "category")).jsonPath().getLong("id");
                assertEquals(parentId, mine.getLong("parentId"));
            }
        }

        JsonPath again = importFile(themeSite(theme));
        assertEquals("succeeded", again.getString("status"));
        for (String type : List.of("authors", "categories", "tags", "posts", "comments", "media")) {
            assertEquals(0, again.getInt("counts." + type + ".created"), type);
            assertEquals(0, again.getInt("counts." + type + ".updated"), type);
        }
    }

    @SuppressWarnings("unchecked")
    private static void collect(List<Object> nodes, List<Integer> depths) {
        if (nodes == null) {
            return;
        }
        for (Object node : nodes) {
            Map<String, Object> n = (Map<String, Object>) node;
            depths.add((Integer) n.get("depth"));
            collect((List<Object>) n.get("replies"), depths);
        }
    }

    private static String text(Element parent, String tag) {
        NodeList found = parent.getElementsByTagName(tag);
        return found.getLength() == 0 ? "" : found.item(0).getTextContent().trim();
    }
}
