package dev.gazette.media;

import dev.gazette.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.gazette.Fixtures.ADMIN_TOKEN;
import static dev.gazette.Fixtures.as;
import static dev.gazette.Fixtures.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
public class MediaTest {

    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    /** Uploads bytes as the raw body with the given Content-Type (which Gazette does not trust). */
    static Response rawUpload(String token, byte[] bytes, String contentType) {
        return given().header("Authorization", "Bearer " + token).contentType(contentType).body(bytes).post("/api/v1/media");
    }

    static JsonPath upload(String token, byte[] bytes) {
        return rawUpload(token, bytes, "application/octet-stream").then().statusCode(201)
                .header("Location", containsString("/api/v1/media/")).extract().jsonPath();
    }

    /** The size of this name in a media item's JSON. */
    static Map<String, Object> size(JsonPath media, String name) {
        List<Map<String, Object>> sizes = media.getList("sizes");
        return sizes.stream().filter(s -> name.equals(s.get("name"))).findFirst().orElse(null);
    }

    /** Fetches a size's file and checks its headers, type and real dimensions. */
    static void checkFile(Map<String, Object> size, String mimeType) {
        Response file = given().get((String) size.get("url"));
        file.then().statusCode(200).contentType(mimeType).header("Cache-Control", IMMUTABLE).header("ETag", not(nullValue()));
        BufferedImage image = TestImages.read(file.asByteArray());
        assertNotNull(image, size.get("url") + " decodes");
        assertEquals(size.get("width"), image.getWidth(), size.get("url") + " width");
        assertEquals(size.get("height"), image.getHeight(), size.get("url") + " height");
        given().header("If-None-Match", file.header("ETag")).get((String) size.get("url")).then().statusCode(304)
                .header("Cache-Control", IMMUTABLE);
    }

    @Test
    void eachTypeIsStoredWithWordPressSizesOfTheRightDimensions() {
        // JPEG sent as "image/png": the type comes from the bytes
        byte[] jpeg = TestImages.jpeg(2048, 1024);
        JsonPath j = rawUpload(ADMIN_TOKEN, jpeg, "image/png").then().statusCode(201).extract().jsonPath();
        assertEquals("image/jpeg", j.getString("mimeType"));
        assertEquals(jpeg.length, j.getLong("byteSize"));
        assertEquals(2048, j.getInt("width"));
        assertEquals(1024, j.getInt("height"));
        assertEquals(List.of("full", "thumbnail", "medium", "large"), j.getList("sizes.name"));
        assertEquals(Map.of("name", "thumbnail", "width", 150, "height", 150, "mimeType", "image/jpeg",
                "url", "/media/" + j.getLong("id") + "/thumbnail.jpg"), size(j, "thumbnail"));
        assertEquals(List.of(300, 150), List.of(size(j, "medium").get("width"), size(j, "medium").get("height")));
        assertEquals(List.of(1024, 512), List.of(size(j, "large").get("width"), size(j, "large").get("height")));
        assertEquals("/media/" + j.getLong("id") + "/full.jpg", j.getString("url"));
        for (String name : List.of("full", "thumbnail", "medium", "large")) {
            checkFile(size(j, name), "image/jpeg");
        }
        Response full = given().get(j.getString("url"));
        assertTrue(java.util.Arrays.equals(jpeg, full.asByteArray()), "the original is kept byte for byte");

        // PNG: smaller than large, so no large
        JsonPath p = upload(ADMIN_TOKEN, TestImages.png(400, 300));
        assertEquals("image/png", p.getString("mimeType"));
        assertEquals(List.of("full", "thumbnail", "medium"), p.getList("sizes.name"));
        assertEquals(List.of(300, 225), List.of(size(p, "medium").get("width"), size(p, "medium").get("height")));
        p.getList("sizes", Map.class).forEach(s -> checkFile(castSize(s), "image/png"));

        // GIF narrower than a medium: only a thumbnail, cropped to what the image has
        JsonPath g = upload(ADMIN_TOKEN, TestImages.gif(200, 100));
        assertEquals("image/gif", g.getString("mimeType"));
        assertEquals(List.of("full", "thumbnail"), g.getList("sizes.name"));
        assertEquals(List.of(150, 100), List.of(size(g, "thumbnail").get("width"), size(g, "thumbnail").get("height")));
        g.getList("sizes", Map.class).forEach(s -> checkFile(castSize(s), "image/gif"));

        // WebP: decoded (TwelveMonkeys), the original served as WebP, derived sizes as PNG
        byte[] webp = TestImages.webp(600, 300, 0xff3366cc);
        JsonPath w = upload(ADMIN_TOKEN, webp);
        assertEquals("image/webp", w.getString("mimeType"));
        assertEquals(600, w.getInt("width"));
        assertEquals(300, w.getInt("height"));
        assertEquals(List.of("full", "thumbnail", "medium"), w.getList("sizes.name"));
        assertEquals("/media/" + w.getLong("id") + "/full.webp", w.getString("url"));
        checkFile(size(w, "full"), "image/webp");
        checkFile(size(w, "thumbnail"), "image/png");
        assertEquals(List.of(300, 150), List.of(size(w, "medium").get("width"), size(w, "medium").get("height")));
        checkFile(size(w, "medium"), "image/png");

        // an image smaller than every size has only its original
        JsonPath tiny = upload(ADMIN_TOKEN, TestImages.png(40, 30));
        assertEquals(List.of("full"), tiny.getList("sizes.name"));

        // a size that does not exist, or the wrong extension
        given().get("/media/" + g.getLong("id") + "/large.gif").then().statusCode(404).contentType("application/problem+json");
        given().get("/media/" + g.getLong("id") + "/full.png").then().statusCode(404);
        given().get("/media/" + g.getLong("id") + "/..%2F..%2Fetc.gif").then().statusCode(404);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castSize(Map<?, ?> size) {
        return (Map<String, Object>) size;
    }

    @Test
    void multipartUploadsCarryNameAltTextAndCaption() {
        JsonPath m = given().header("Authorization", "Bearer " + ADMIN_TOKEN)
                .multiPart("file", "harbour wall.png", TestImages.png(320, 200), "image/png")
                .multiPart("altText", "Waves over the harbour wall")
                .multiPart("caption", "The wall in January")
                .multiPart("title", "Harbour wall")
                .post("/api/v1/media").then().statusCode(201).extract().jsonPath();
        assertEquals("harbour wall.png", m.getString("fileName"));
        assertEquals("Waves over the harbour wall", m.getString("altText"));
        assertEquals("The wall in January", m.getString("caption"));
        assertEquals("Harbour wall", m.getString("title"));
        given().get("/api/v1/media/" + m.getLong("id")).then().statusCode(200)
                .body("altText", equalTo("Waves over the harbour wall")).header("ETag", not(nullValue()));
    }

    @Test
    void otherTypesAre415EvenWithAnImageNameAndType() {
        byte[] text = "GIF? no, just text pretending to be an image".getBytes();
        given().header("Authorization", "Bearer " + ADMIN_TOKEN)
                .multiPart("file", "photo.jpg", text, "image/jpeg")
                .post("/api/v1/media").then().statusCode(415).contentType("application/problem+json")
                .body("status", equalTo(415)).body("detail", containsString("not a JPEG, PNG, WebP or GIF"));
        rawUpload(ADMIN_TOKEN, "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(), "image/svg+xml").then().statusCode(415)
                .contentType("application/problem+json");
        // the magic number of a PNG with nothing after it: looks like one but is no image
        rawUpload(ADMIN_TOKEN, new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0}, "image/png").then()
                .statusCode(422).contentType("application/problem+json");
        rawUpload(ADMIN_TOKEN, new byte[0], "image/png").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void largerThanTheLimitIs413() {
        long max = ConfigProvider.getConfig().getValue("gazette.media.max-size", io.quarkus.runtime.configuration.MemorySize.class)
                .asLongValue();
        byte[] big = new byte[(int) max + 1];
        System.arraycopy(TestImages.png(10, 10), 0, big, 0, 8);
        rawUpload(ADMIN_TOKEN, big, "image/png").then().statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("gazette.media.max-size"));
    }

    @Test
    void writesNeedARoleThatWritesPostsAndAuthorsOnlyTouchTheirOwn() {
        byte[] png = TestImages.png(20, 20);
        rawUpload("no-such-token", png, "image/png").then().statusCode(401);
        given().contentType("image/png").body(png).post("/api/v1/media").then().statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"));
        Fixtures.Actor moderator = Fixtures.actor("moderator");
        rawUpload(moderator.token(), png, "image/png").then().statusCode(403).contentType("application/problem+json");

        Fixtures.Actor author = Fixtures.actor("author");
        Fixtures.Actor other = Fixtures.actor("author");
        Fixtures.Actor editor = Fixtures.actor("editor");
        long mine = upload(author.token(), png).getLong("id");
        as(other.token()).contentType("application/merge-patch+json").body(Map.of("altText", "not mine"))
                .patch("/api/v1/media/" + mine).then().statusCode(403);
        as(other.token()).delete("/api/v1/media/" + mine).then().statusCode(403);
        as(moderator.token()).delete("/api/v1/media/" + mine).then().statusCode(403);
        given().contentType("application/merge-patch+json").body(Map.of("altText", "anonymous"))
                .patch("/api/v1/media/" + mine).then().statusCode(401);
        as(author.token()).contentType("application/merge-patch+json").body(Map.of("altText", "mine"))
                .patch("/api/v1/media/" + mine).then().statusCode(200).body("altText", equalTo("mine"));
        as(editor.token()).contentType("application/merge-patch+json").body(Map.of("caption", "edited by an editor"))
                .patch("/api/v1/media/" + mine).then().statusCode(200).body("caption", equalTo("edited by an editor"))
                .body("altText", equalTo("mine"));
        as(editor.token()).delete("/api/v1/media/" + mine).then().statusCode(204);
        // reading is public
        long shown = upload(author.token(), png).getLong("id");
        given().get("/api/v1/media/" + shown).then().statusCode(200);
        given().get("/api/v1/media?limit=5").then().statusCode(200).body("items.id", hasItem((int) shown));
    }

    @Test
    void patchEditsTextsAndDeleteRemovesTheFiles() throws Exception {
        JsonPath m = upload(ADMIN_TOKEN, TestImages.jpeg(400, 400));
        long id = m.getLong("id");
        Path folder = Path.of(ConfigProvider.getConfig().getValue("gazette.media.directory", String.class), Long.toString(id));
        assertTrue(Files.exists(folder.resolve("full.jpg")));
        assertTrue(Files.exists(folder.resolve("thumbnail.jpg")));
        assertTrue(Files.exists(folder.resolve("medium.jpg")));

        String etag = given().get("/api/v1/media/" + id).then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", etag).get("/api/v1/media/" + id).then().statusCode(304);
        asAdmin().contentType("application/merge-patch+json").body(Map.of("altText", "A square", "caption", "Four hundred pixels"))
                .patch("/api/v1/media/" + id).then().statusCode(200)
                .body("altText", equalTo("A square")).body("caption", equalTo("Four hundred pixels")).body("version", equalTo(1));
        asAdmin().header("If-Match", etag).contentType("application/merge-patch+json").body(Map.of("altText", "stale"))
                .patch("/api/v1/media/" + id).then().statusCode(412);
        asAdmin().contentType("application/merge-patch+json").body(Map.of("width", 3))
                .patch("/api/v1/media/" + id).then().statusCode(400);
        asAdmin().contentType("application/merge-patch+json").body(Map.of("altText", "x".repeat(1001)))
                .patch("/api/v1/media/" + id).then().statusCode(422);
        asAdmin().contentType("application/merge-patch+json").body("{\"caption\": null}")
                .patch("/api/v1/media/" + id).then().statusCode(200).body("caption", nullValue()).body("altText", equalTo("A square"));
        given().get("/api/v1/media/" + id).then().statusCode(200).body("altText", equalTo("A square"));

        asAdmin().delete("/api/v1/media/" + id).then().statusCode(204);
        given().get("/api/v1/media/" + id).then().statusCode(404).contentType("application/problem+json");
        given().get("/media/" + id + "/full.jpg").then().statusCode(404);
        assertFalse(Files.exists(folder), "the files are gone");
        asAdmin().delete("/api/v1/media/" + id).then().statusCode(404);
        given().get("/api/v1/media/abc").then().statusCode(400);
    }

    @Test
    void theListIsKeysetPagedNewestFirst() {
        long a = upload(ADMIN_TOKEN, TestImages.png(5, 5)).getLong("id");
        long b = upload(ADMIN_TOKEN, TestImages.png(6, 6)).getLong("id");
        JsonPath first = given().get("/api/v1/media?limit=1").then().statusCode(200).extract().jsonPath();
        assertTrue(first.getLong("items[0].id") >= b);
        String next = first.getString("page.next");
        assertNotNull(next);
        List<Long> seen = new java.util.ArrayList<>();
        String cursor = null;
        do {
            JsonPath page = given().queryParam("limit", 100).queryParam("cursor", cursor == null ? "" : cursor)
                    .get("/api/v1/media").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id", Long.class));
            cursor = page.getString("page.next");
        } while (cursor != null);
        assertTrue(seen.indexOf(b) < seen.indexOf(a) && seen.indexOf(a) >= 0);
        assertEquals(seen.size(), new java.util.HashSet<>(seen).size(), "no item twice");
        given().get("/api/v1/media?cursor=nonsense").then().statusCode(400);
    }

    @Test
    void aPostsFeaturedImageIsAMediaItem() {
        JsonPath m = upload(ADMIN_TOKEN, TestImages.jpeg(1200, 600));
        long id = m.getLong("id");
        asAdmin().contentType("application/merge-patch+json").body(Map.of("altText", "The harbour"))
                .patch("/api/v1/media/" + id).then().statusCode(200);
        Map<String, Object> post = Fixtures.publishedPost(ADMIN_TOKEN, Fixtures.unique("Featured"), Map.of("featuredMediaId", id));
        assertEquals((int) id, post.get("featuredMediaId"));
        String slug = (String) post.get("slug");
        JsonPath read = given().get("/api/v1/posts/" + slug).then().statusCode(200).extract().jsonPath();
        assertEquals(id, read.getLong("featuredMedia.id"));
        assertEquals("The harbour", read.getString("featuredMedia.altText"));
        assertEquals(List.of("full", "thumbnail", "medium", "large"), read.getList("featuredMedia.sizes.name"));
        assertEquals(300, read.getInt("featuredMedia.sizes[2].width"));
        assertEquals(150, read.getInt("featuredMedia.sizes[2].height"));
        given().get("/api/v1/posts?limit=100").then().statusCode(200)
                .body("items.find { it.slug == '" + slug + "' }.featuredMedia.id", equalTo((int) id));

        // an edit of the image shows on the post at once (its cached answer is dropped)
        asAdmin().contentType("application/merge-patch+json").body(Map.of("altText", "The harbour at night"))
                .patch("/api/v1/media/" + id).then().statusCode(200);
        given().get("/api/v1/posts/" + slug).then().body("featuredMedia.altText", equalTo("The harbour at night"));

        // an unknown media id is refused; null removes the image
        asAdmin().contentType("application/merge-patch+json").body(Map.of("featuredMediaId", 999_999_999))
                .patch("/api/v1/posts/" + slug).then().statusCode(422)
                .body("errors.field", hasItem("featuredMediaId"));
        // deleting the media item leaves the post without it
        asAdmin().delete("/api/v1/media/" + id).then().statusCode(204);
        given().get("/api/v1/posts/" + slug).then().statusCode(200).body("featuredMediaId", nullValue())
                .body("featuredMedia", nullValue());
    }
}
