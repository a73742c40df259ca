package dev.gazette.media;

import com.sun.net.httpserver.HttpServer;
import dev.gazette.Fixtures;
import dev.gazette.importer.ImportTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * WXR attachments become media items: fetched from a local HTTP server started here (the JDK's),
 * which serves images made in the test; an address nobody answers on, a file that is no image and an
 * ftp URL keep their original URL with a warning.
 */
@QuarkusTest
public class MediaImportTest {

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final byte[] harbour = TestImages.png(500, 400);
    private final byte[] moved = TestImages.jpeg(320, 240);

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            String path = exchange.getRequestURI().getPath();
            byte[] body;
            switch (path) {
                case "/wp-content/uploads/2021/03/harbour.png" -> body = harbour;
                case "/new-location/moved.jpg" -> body = moved;
                case "/wp-content/uploads/report.pdf" -> body = "%PDF-1.4 not an image".getBytes(StandardCharsets.US_ASCII);
                case "/old-location/moved.jpg" -> {
                    exchange.getResponseHeaders().add("Location", "/new-location/moved.jpg");
                    exchange.sendResponseHeaders(301, -1);
                    exchange.close();
                    return;
                }
                default -> {
                    exchange.sendResponseHeaders(404, -1);
                    exchange.close();
                    return;
                }
            }
            exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void attachmentsAreFetchedOrKeepTheirOriginalUrlWithAWarning() throws IOException {
        String run = Fixtures.unique("m").substring(2);
        String serverUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        String unreachable = "http://127.0.0.1:" + closedPort();
        String xml;
        try (InputStream in = MediaImportTest.class.getResourceAsStream("/wxr/media.xml")) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        byte[] file = xml.replace("{{SERVER}}", serverUrl).replace("{{UNREACHABLE}}", unreachable)
                .replace("{{SITE}}", "https://media" + run + ".example.test").replace("{{RUN}}", run)
                .getBytes(StandardCharsets.UTF_8);

        JsonPath job = ImportTest.importFile(file);
        assertEquals("succeeded", job.getString("status"), job.prettify());
        assertEquals(5, job.getInt("counts.media.created"), job.prettify());
        assertEquals(Map.of(), job.getMap("counts.posts.skippedReasons"), "attachments are not skipped posts");
        assertEquals(2, job.getInt("counts.posts.created"));
        List<String> warnings = job.getList("warnings", String.class);
        assertEquals(3, warnings.stream().filter(w -> w.contains("original URL is kept")).count(), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("attachment 503 ") && w.contains("cannot connect")), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("attachment 504 ") && w.contains("not a JPEG")), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("attachment 505 ") && w.contains("only http and https")),
                warnings.toString());

        // fetched: stored with its derived sizes, alt text and caption (as plain text) from the export
        JsonPath dawn = given().get("/api/v1/posts/dawn-" + run).then().statusCode(200).extract().jsonPath();
        assertEquals("image/png", dawn.getString("featuredMedia.mimeType"));
        assertEquals(500, dawn.getInt("featuredMedia.width"));
        assertEquals(400, dawn.getInt("featuredMedia.height"));
        assertEquals("Boats in the harbour at dawn", dawn.getString("featuredMedia.altText"));
        assertEquals("The harbour at dawn. Photo: Pat", dawn.getString("featuredMedia.caption"));
        assertEquals("Harbour at dawn", dawn.getString("featuredMedia.title"));
        assertEquals("harbour.png", dawn.getString("featuredMedia.fileName"));
        assertEquals(serverUrl + "/wp-content/uploads/2021/03/harbour.png", dawn.getString("featuredMedia.originalUrl"));
        assertEquals(List.of("full", "thumbnail", "medium"), dawn.getList("featuredMedia.sizes.name"));
        byte[] stored = given().get(dawn.getString("featuredMedia.url")).then().statusCode(200).contentType("image/png")
                .extract().asByteArray();
        assertTrue(java.util.Arrays.equals(harbour, stored), "the file as the site served it");
        // the featured image URL of before stays the attachment's URL
        assertEquals(serverUrl + "/wp-content/uploads/2021/03/harbour.png", dawn.getString("featuredImageUrl"));

        // unreachable: the item keeps the original URL, without a stored file
        JsonPath lost = given().get("/api/v1/posts/lost-" + run).then().statusCode(200).extract().jsonPath();
        assertEquals(unreachable + "/wp-content/uploads/gone.jpg", lost.getString("featuredMedia.url"));
        assertEquals(unreachable + "/wp-content/uploads/gone.jpg", lost.getString("featuredMedia.originalUrl"));
        assertNull(lost.get("featuredMedia.mimeType"));
        assertEquals(List.of(), lost.getList("featuredMedia.sizes"));
        // WordPress' API shows it as an attachment without metadata: media_details {} (the spec's WpNoMediaDetails)
        // (by the id it answers to there: its WordPress id, or its Gazette id where an earlier run's import took that)
        int wpLostId = given().queryParam("slug", "lost-" + run).get("/wp-json/wp/v2/posts").then().statusCode(200)
                .extract().path("[0].featured_media");
        JsonPath wpLost = given().get("/wp-json/wp/v2/media/" + wpLostId).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(Map.of(), wpLost.getMap("media_details"));
        assertEquals("file", wpLost.getString("media_type"));
        assertEquals(unreachable + "/wp-content/uploads/gone.jpg", wpLost.getString("source_url"));

        // its [gallery] shows the imported media items: a stored file's thumbnail (with its dimensions) linking to the
        // stored full image, else the original URL; alt text and caption are the attachment's
        org.jsoup.select.Elements gallery = org.jsoup.Jsoup.parseBodyFragment(lost.getString("content"))
                .select("div.gallery.gallery-columns-2 > figure.gallery-item");
        assertEquals(3, gallery.size(), lost.getString("content"));
        org.jsoup.nodes.Element first = gallery.get(0).selectFirst("div.gallery-icon.landscape > a > img");
        String thumbnail = dawn.getString("featuredMedia.sizes.find { it.name == 'thumbnail' }.url");
        assertEquals(thumbnail, first.attr("src"));
        assertEquals(dawn.getString("featuredMedia.sizes.find { it.name == 'thumbnail' }.width"), first.attr("width"));
        assertEquals(dawn.getString("featuredMedia.url"), first.parent().attr("href"));
        assertEquals("Boats in the harbour at dawn", first.attr("alt"));
        assertEquals("The harbour at dawn. Photo: Pat", gallery.get(0).selectFirst("figcaption.gallery-caption").text());
        assertEquals(unreachable + "/wp-content/uploads/gone.jpg", gallery.get(1).selectFirst("img").attr("src"));
        assertTrue(gallery.get(2).selectFirst("img").attr("src").startsWith("/media/"), gallery.get(2).outerHtml());

        // a redirect on the same (allowed) server is followed
        long movedId = given().get("/api/v1/media?limit=100").then().statusCode(200).extract().jsonPath()
                .getLong("items.find { it.originalUrl == '" + serverUrl + "/old-location/moved.jpg' }.id");
        given().get("/api/v1/media/" + movedId).then().statusCode(200).body("mimeType", equalTo("image/jpeg"))
                .body("width", equalTo(320)).body("fileName", equalTo("moved.jpg"));

        // the same file again: nothing fetched, nothing changed
        int before = requests.get();
        JsonPath again = ImportTest.importFile(file);
        assertEquals("succeeded", again.getString("status"));
        assertEquals(0, again.getInt("counts.media.created"));
        assertEquals(0, again.getInt("counts.media.updated"));
        assertEquals(5, again.getInt("counts.media.skippedReasons.unchanged"));
        assertEquals(before, requests.get(), "no file fetched again");
        given().get("/api/v1/posts/dawn-" + run).then().body("featuredMedia.id", equalTo(dawn.getInt("featuredMedia.id")));
    }
}
