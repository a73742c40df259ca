package dev.gazette.post;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.gazette.Fixtures.asAdmin;
import static dev.gazette.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** Content written the classic WordPress way ({@code format: classic}) is stored with WordPress's paragraphs. */
@QuarkusTest
class ClassicFormatTest {

    @Test
    void classicTextGetsParagraphsAndBreaksButPreAndBlocksStayAsWritten() {
        String text = "First line\nsecond line\n\n<!--more-->\n\nA new paragraph with <em>markup</em>.\n"
                + "<h2>A heading</h2>\nUnder the heading\n<pre>code line 1\n\ncode line 3</pre>\n"
                + "<blockquote>Quoted one\n\nQuoted two</blockquote>";
        String slug = unique("classic");
        asAdmin().body(Map.of("title", "Classic " + slug, "slug", slug, "format", "classic", "content", text, "status", "published"))
                .post("/api/v1/posts")
                .then().statusCode(201)
                .body("content", equalTo("<p>First line<br />\nsecond line</p>\n"
                        + "<p>A new paragraph with <em>markup</em>.</p>\n"
                        + "<h2>A heading</h2>\n<p>Under the heading</p>\n"
                        + "<pre>code line 1\n\ncode line 3</pre>\n"
                        + "<blockquote><p>Quoted one</p>\n<p>Quoted two</p></blockquote>"))
                .body("excerpt", equalTo("First line second line A new paragraph with markup. A heading Under the heading code line 1 "
                        + "code line 3 Quoted one Quoted two"));
        given().get("/api/v1/posts/" + slug).then().statusCode(200).body("content", containsString("<p>First line<br />"));
    }

    @Test
    void classicTextIsSanitizedLikeAnyOther() {
        asAdmin().body(Map.of("title", unique("classic"), "format", "classic",
                        "content", "Hello <script>alert(1)</script>\n\n<iframe src=\"https://evil.example/x\"></iframe>\n\n"
                                + "<iframe src=\"https://player.vimeo.com/video/76979871\"></iframe>"))
                .post("/api/v1/posts")
                .then().statusCode(201)
                .body("content", not(containsString("<script")))
                .body("content", not(containsString("alert")))
                .body("content", not(containsString("evil.example")))
                .body("content", containsString("<p><iframe src=\"https://player.vimeo.com/video/76979871\""))
                .body("content", containsString("sandbox=\"allow-scripts allow-same-origin allow-popups allow-presentation\""))
                .body("content", containsString("loading=\"lazy\""));
    }

    @Test
    void anUnknownFormatIsA400() {
        asAdmin().body(Map.of("title", unique("classic"), "format", "wordpress", "content", "x"))
                .post("/api/v1/posts")
                .then().statusCode(400);
    }
}
