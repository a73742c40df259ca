package dev.gazette.post;

import dev.gazette.Fixtures;
import dev.gazette.common.Times;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.gazette.Fixtures.as;
import static dev.gazette.Fixtures.asAdmin;
import static dev.gazette.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

@QuarkusTest
class PostApiTest {

    @Test
    void createdPostIsAddressableByIdAndSlugWithLocation() {
        String title = "Élection à Zürich: ß & Øresund " + unique("t");
        var response = asAdmin().body(Map.of("title", title, "content", "<p>Hello</p>", "status", "published"))
                .post("/api/v1/posts")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/posts/"))
                .header("ETag", notNullValue())
                .body("slug", startsWith("election-a-zurich-ss-and-oresund-t-"))
                .body("status", equalTo("published"))
                .body("publishedAt", notNullValue())
                .extract();
        long id = response.jsonPath().getLong("id");
        String slug = response.path("slug");
        assertEquals("/api/v1/posts/" + id, java.net.URI.create(response.header("Location")).getPath());

        given().get("/api/v1/posts/" + id).then().statusCode(200).body("slug", equalTo(slug)).body("title", equalTo(title));
        given().get("/api/v1/posts/" + slug).then().statusCode(200).body("id", equalTo((int) id))
                .body("content", equalTo("<p>Hello</p>"));
    }

    @Test
    void writeResponseShowsTheTimestampsLaterReadsReturn() {
        var created = asAdmin().body(Map.of("title", unique("ts"), "status", "published",
                        "source", Map.of("outlet", "X", "publishedAt", "2026-01-02T03:04:05.123456789Z")))
                .post("/api/v1/posts").then().statusCode(201).extract().jsonPath();
        var read = given().get("/api/v1/posts/" + created.getLong("id")).then().statusCode(200).extract().jsonPath();
        for (String field : List.of("publishedAt", "modifiedAt", "createdAt", "source.publishedAt")) {
            assertEquals(created.getString(field), read.getString(field), field);
        }
        assertEquals("2026-01-02T03:04:05.123Z", read.getString("source.publishedAt"));
    }

    @Test
    void slugsAreUniqueAndStableOnEdit() {
        String title = "Same title " + unique("s");
        String first = Fixtures.publishedPost(Fixtures.ADMIN_TOKEN, title, Map.of()).get("slug").toString();
        String second = Fixtures.publishedPost(Fixtures.ADMIN_TOKEN, title, Map.of()).get("slug").toString();
        assertNotEquals(first, second);
        assertEquals(first + "-2", second);

        asAdmin().contentType("application/merge-patch+json").body(Map.of("title", "A different title"))
                .patch("/api/v1/posts/" + first)
                .then().statusCode(200).body("slug", equalTo(first)).body("title", equalTo("A different title"));
        String renamed = unique("renamed");
        asAdmin().contentType("application/merge-patch+json").body(Map.of("slug", renamed))
                .patch("/api/v1/posts/" + first)
                .then().statusCode(200).body("slug", equalTo(renamed));
        given().get("/api/v1/posts/" + first).then().statusCode(404);
    }

    @Test
    void numericTitleGetsASlugThatIsNotAnId() {
        asAdmin().body(Map.of("title", "2026")).post("/api/v1/posts")
                .then().statusCode(201).body("slug", startsWith("post-2026"));
    }

    @Test
    void storedHtmlIsSanitizedButKeepsArticleMarkup() {
        String dirty = """
                <p onclick="alert(1)">Hi <script>alert('x')</script><strong>bold</strong>
                <a href="javascript:alert(1)">bad</a> <a href="https://example.com/a">good</a></p>
                <figure><img src="https://img.example.com/a.jpg" alt="A" onerror="alert(2)"><figcaption>Cap</figcaption></figure>
                <blockquote>Quote</blockquote><iframe src="https://evil.example"></iframe><style>p{}</style>""";
        asAdmin().body(Map.of("title", unique("xss"), "content", dirty, "status", "published"))
                .post("/api/v1/posts")
                .then().statusCode(201)
                .body("content", allOf(
                        not(containsString("script")), not(containsString("onclick")), not(containsString("onerror")),
                        not(containsString("javascript:")), not(containsString("iframe")), not(containsString("<style")),
                        containsString("<strong>bold</strong>"), containsString("href=\"https://example.com/a\""),
                        containsString("<figure>"), containsString("<figcaption>Cap</figcaption>"),
                        containsString("<img src=\"https://img.example.com/a.jpg\" alt=\"A\""),
                        containsString("<blockquote>Quote</blockquote>")));
    }

    @Test
    void markdownIsRenderedAndExcerptGenerated() {
        String words = "word ".repeat(80);
        asAdmin().body(Map.of("title", unique("md"), "format", "markdown",
                        "content", "# Heading\n\nSome **bold** text and a [link](https://example.com).\n\n" + words))
                .post("/api/v1/posts")
                .then().statusCode(201)
                .body("content", containsString("<h1>Heading</h1>"))
                .body("content", containsString("<strong>bold</strong>"))
                .body("content", containsString("<a href=\"https://example.com\""))
                .body("excerpt", startsWith("Heading Some bold text and a link."))
                .body("excerpt", endsWith("…"));
    }

    @Test
    void explicitExcerptIsKeptAndGeneratedOneFollowsTheContent() {
        long id = asAdmin().body(Map.of("title", unique("ex"), "content", "<p>First body</p>"))
                .post("/api/v1/posts").then().statusCode(201).body("excerpt", equalTo("First body"))
                .extract().jsonPath().getLong("id");
        asAdmin().contentType("application/merge-patch+json").body(Map.of("content", "<p>Second body</p>"))
                .patch("/api/v1/posts/" + id).then().statusCode(200).body("excerpt", equalTo("Second body"));
        asAdmin().contentType("application/merge-patch+json").body(Map.of("excerpt", "Hand written"))
                .patch("/api/v1/posts/" + id).then().statusCode(200).body("excerpt", equalTo("Hand written"));
        asAdmin().contentType("application/merge-patch+json").body(Map.of("content", "<p>Third body</p>"))
                .patch("/api/v1/posts/" + id).then().statusCode(200).body("excerpt", equalTo("Hand written"));
    }

    @Test
    void draftsScheduledAndTrashedPostsAreInvisibleWithoutToken() {
        String tag = unique("vis");
        long tagId = Fixtures.tag(tag);
        long draft = asAdmin().body(Map.of("title", unique("draft"), "tags", List.of(tagId)))
                .post("/api/v1/posts").then().statusCode(201).body("status", equalTo("draft")).extract().jsonPath().getLong("id");
        long scheduled = asAdmin().body(Map.of("title", unique("later"), "status", "published", "tags", List.of(tagId),
                        "publishedAt", Instant.now().plusSeconds(3600).toString()))
                .post("/api/v1/posts").then().statusCode(201).body("status", equalTo("scheduled")).extract().jsonPath().getLong("id");
        long trashed = Fixtures.postId(Fixtures.publishedPost(Fixtures.ADMIN_TOKEN, unique("gone"), Map.of("tags", List.of(tagId))));
        asAdmin().post("/api/v1/posts/" + trashed + "/trash").then().statusCode(200).body("status", equalTo("trashed"));
        long visible = Fixtures.postId(Fixtures.publishedPost(Fixtures.ADMIN_TOKEN, unique("shown"), Map.of("tags", List.of(tagId))));

        for (long hidden : List.of(draft, scheduled, trashed)) {
            given().get("/api/v1/posts/" + hidden).then().statusCode(404)
                    .contentType("application/problem+json");
            asAdmin().get("/api/v1/posts/" + hidden).then().statusCode(200);
        }
        given().queryParam("tag", tagId).get("/api/v1/posts")
                .then().statusCode(200).body("items.id", contains((int) visible)).body("page.total", equalTo(1));
        asAdmin().queryParam("tag", tagId).queryParam("status", "any").get("/api/v1/posts")
                .then().statusCode(200).body("page.total", equalTo(4));
        given().queryParam("status", "draft").get("/api/v1/posts").then().statusCode(401);
    }

    @Test
    void scheduledPostAppearsByItselfWhenItsTimeComes() {
        Instant at = Times.now().plus(Duration.ofDays(2));
        long id = asAdmin().body(Map.of("title", unique("sched"), "content", "<p>x</p>"))
                .post("/api/v1/posts").then().statusCode(201).extract().jsonPath().getLong("id");
        asAdmin().body(Map.of("publishAt", at.toString())).post("/api/v1/posts/" + id + "/schedule")
                .then().statusCode(200).body("status", equalTo("scheduled")).body("publishedAt", equalTo(at.toString()));
        given().get("/api/v1/posts/" + id).then().statusCode(404);
        Times.advance(Duration.between(Times.now(), at).minusSeconds(1));
        given().get("/api/v1/posts/" + id).then().statusCode(404);
        Times.advance(Duration.ofSeconds(2));
        given().get("/api/v1/posts/" + id).then().statusCode(200).body("status", equalTo("published"))
                .body("publishedAt", equalTo(at.toString()));
    }

    @AfterEach
    void resetClock() {
        Times.reset();
    }

    @Test
    void lifecycleActions() {
        long id = Fixtures.postId(Fixtures.publishedPost(Fixtures.ADMIN_TOKEN, unique("life"), Map.of()));
        asAdmin().post("/api/v1/posts/" + id + "/unpublish").then().statusCode(200).body("status", equalTo("draft"));
        given().get("/api/v1/posts/" + id).then().statusCode(404);
        asAdmin().post("/api/v1/posts/" + id + "/restore").then().statusCode(409);
        asAdmin().post("/api/v1/posts/" + id + "/publish").then().statusCode(200).body("status", equalTo("published"));
        given().get("/api/v1/posts/" + id).then().statusCode(200);
        asAdmin().post("/api/v1/posts/" + id + "/trash").then().statusCode(200).body("status", equalTo("trashed"));
        asAdmin().post("/api/v1/posts/" + id + "/restore").then().statusCode(200).body("status", equalTo("draft"));
        asAdmin().body(Map.of("publishAt", "2020-01-01T00:00:00Z")).post("/api/v1/posts/" + id + "/schedule")
                .then().statusCode(422).body("errors[0].field", equalTo("publishAt"));
        asAdmin().delete("/api/v1/posts/" + id).then().statusCode(204);
        asAdmin().get("/api/v1/posts/" + id).then().statusCode(404);
    }

    @Test
    void republishedPostCarriesItsSourceCredit() {
        String outlet = "The Example Times " + unique("o");
        asAdmin().body(Map.of("title", unique("rep"), "status", "published",
                        "source", Map.of("author", "Jane Doe", "outlet", outlet, "url", "https://example-times.com/a",
                                "publishedAt", "2026-11-01T08:00:00Z"),
                        "canonicalUrl", "https://example-times.com/a"))
                .post("/api/v1/posts")
                .then().statusCode(201)
                .body("source.author", equalTo("Jane Doe"))
                .body("source.outlet", equalTo(outlet))
                .body("source.url", equalTo("https://example-times.com/a"))
                .body("source.publishedAt", equalTo("2026-11-01T08:00:00Z"))
                .body("canonicalUrl", equalTo("https://example-times.com/a"));
    }

    @Test
    void includeEmbedsRelationsAndFieldsTrims() {
        Fixtures.Actor author = Fixtures.actor("author");
        long parent = Fixtures.category("Parent " + unique("c"), null);
        long child = Fixtures.category("Child " + unique("c"), parent);
        long tag = Fixtures.tag("Tag " + unique("t"));
        long id = Fixtures.postId(Fixtures.publishedPost(author.token(), unique("inc"),
                Map.of("categories", List.of(child), "tags", List.of(tag))));

        given().queryParam("include", "author,categories,tags").get("/api/v1/posts/" + id)
                .then().statusCode(200)
                .body("author.id", equalTo((int) author.authorId()))
                .body("author", not(hasKey("email")))
                .body("categories[0].id", equalTo((int) child))
                .body("categories[0].parentId", equalTo((int) parent))
                .body("tags[0].id", equalTo((int) tag))
                .body("categoryIds", contains((int) child));
        given().get("/api/v1/posts/" + id).then().statusCode(200)
                .body("$", hasKey("author")).body("author", nullValue()).body("tags", nullValue());

        given().queryParam("author", author.slug()).queryParam("include", "author")
                .get("/api/v1/posts").then().statusCode(200)
                .body("items[0].author.slug", equalTo(author.slug()))
                .body("items[0]", hasKey("content")).body("items[0].content", nullValue());
        given().queryParam("author", author.slug()).queryParam("fields", "title,content")
                .get("/api/v1/posts").then().statusCode(200)
                .body("items[0].keySet()", org.hamcrest.Matchers.containsInAnyOrder("id", "title", "content"))
                .body("items[0].content", startsWith("<p>Body of"));
        given().queryParam("fields", "title,nope").get("/api/v1/posts").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("fields"));
        given().queryParam("include", "comments").get("/api/v1/posts").then().statusCode(400)
                .body("errors[0].field", equalTo("include"));
    }

    @Test
    void validationErrorsListEveryField() {
        asAdmin().body(Map.of("title", " ", "canonicalUrl", "ftp://x", "source", Map.of("url", "nope"),
                        "categories", List.of("no-such-category-" + unique("x"))))
                .post("/api/v1/posts")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("status", equalTo(422))
                .body("errors.field", org.hamcrest.Matchers.hasItems("title", "canonicalUrl", "source.outlet", "source.url"));
        asAdmin().body(Map.of("title", "x", "categories", List.of("no-such-category-" + unique("x"))))
                .post("/api/v1/posts")
                .then().statusCode(422)
                .body("errors[0].field", equalTo("categories[0]"));
        asAdmin().body(Map.of("title", "x", "status", "published", "slug", "Not A Slug")).post("/api/v1/posts")
                .then().statusCode(422).body("errors[0].field", equalTo("slug"));
    }

    @Test
    void replaceClearsOmittedFields() {
        long id = Fixtures.postId(Fixtures.publishedPost(Fixtures.ADMIN_TOKEN, unique("put"),
                Map.of("canonicalUrl", "https://example.com/x", "source", Map.of("outlet", "Somewhere"))));
        asAdmin().body(Map.of("title", "Replaced", "content", "<p>New</p>", "status", "published"))
                .put("/api/v1/posts/" + id)
                .then().statusCode(200)
                .body("title", equalTo("Replaced"))
                .body("$", hasKey("source")).body("source", nullValue())
                .body("$", hasKey("canonicalUrl")).body("canonicalUrl", nullValue())
                .body("content", equalTo("<p>New</p>"));
        given().contentType(ContentType.JSON).get("/api/v1/posts/" + id).then().body("title", equalTo("Replaced"));
    }

    @Test
    void patchNullClearsAField() {
        long id = Fixtures.postId(Fixtures.publishedPost(Fixtures.ADMIN_TOKEN, unique("pn"),
                Map.of("canonicalUrl", "https://example.com/x")));
        asAdmin().contentType("application/merge-patch+json").body("{\"canonicalUrl\": null}")
                .patch("/api/v1/posts/" + id)
                .then().statusCode(200).body("canonicalUrl", nullValue()).body("status", equalTo("published"));
    }
}
