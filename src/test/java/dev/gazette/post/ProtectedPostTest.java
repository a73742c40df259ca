package dev.gazette.post;

import dev.gazette.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.gazette.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * Password-protected posts: title and metadata public, content and excerpt only with the password in
 * {@code X-Post-Password} (or to staff who may edit the post), nowhere else (lists, search, feeds), and
 * answers that depend on the password never cached.
 */
@QuarkusTest
class ProtectedPostTest {

    private static final String PASSWORD = "open sesame";

    /** A published post of the admin, tagged {@code tag}, protected by {@link #PASSWORD} when {@code protect}. */
    private static long post(String title, String secret, long tag, boolean protect) {
        return post(title, secret, List.of(tag), protect);
    }

    private static long post(String title, String secret, List<Long> tags, boolean protect) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("content", "<p>The " + secret + " is hidden here.</p>");
        body.put("status", "published");
        body.put("tags", tags);
        if (protect) {
            body.put("password", PASSWORD);
        }
        return Fixtures.asAdmin().body(body).post("/api/v1/posts").then().statusCode(201)
                .body("$", not(hasKey("password"))).body("protected", equalTo(protect))
                .body("content", containsString(secret)) // its writer may edit it: everything
                .extract().jsonPath().getLong("id");
    }

    @Test
    void anonymousReadsWithholdContentAndExcerptTheRightPasswordShowsThemAndNothingWithItIsCached() {
        String secret = unique("zebracorn").replace("-", "");
        long id = post("Protected " + unique("p"), secret, Fixtures.tag(unique("prot")), true);
        String path = "/api/v1/posts/" + id;

        // anonymous: title and metadata, no content nor excerpt; a shared answer, cached (it shows no content)
        for (String cache : List.of("MISS", "HIT")) {
            given().get(path).then().statusCode(200).header("X-Cache", cache)
                    .header("Cache-Control", not(containsString("private")))
                    .header("Vary", containsString("X-Post-Password"))
                    .body("protected", equalTo(true)).body("title", containsString("Protected"))
                    .body("content", nullValue()).body("excerpt", equalTo("")).body("$", not(hasKey("password")))
                    .body(not(containsString(secret)));
        }
        // the right password: everything, privately, never stored nor served from memory (asked twice)
        for (int i = 0; i < 2; i++) {
            given().header("X-Post-Password", PASSWORD).get(path).then().statusCode(200)
                    .header("X-Cache", nullValue()).header("Cache-Control", equalTo("private, no-cache"))
                    .header("Vary", containsString("X-Post-Password"))
                    .body("protected", equalTo(true)).body("content", containsString(secret))
                    .body("excerpt", containsString(secret));
        }
        // a wrong one: 403 problem, not cached either
        given().header("X-Post-Password", "open sesame!").get(path).then().statusCode(403)
                .contentType("application/problem+json").header("X-Cache", nullValue())
                .body("type", endsWith("/incorrect-post-password")).body("status", equalTo(403))
                .body("detail", containsString("X-Post-Password")).body(not(containsString(secret)));
        // the anonymous answer is still the withheld one
        given().get(path).then().statusCode(200).header("X-Cache", "HIT").body("content", nullValue());
        // an empty header is no password
        given().header("X-Post-Password", "").get(path).then().statusCode(200).body("content", nullValue())
                .header("Cache-Control", equalTo("private, no-cache"));

        // staff who may edit it see it without the password; an author who may not, does not
        Fixtures.asAdmin().get(path).then().statusCode(200).body("content", containsString(secret));
        Fixtures.Actor other = Fixtures.actor("author");
        Fixtures.as(other.token()).get(path).then().statusCode(200).body("content", nullValue()).body("excerpt", equalTo(""));
        Fixtures.as(other.token()).header("X-Post-Password", PASSWORD).get(path).then().statusCode(200)
                .body("content", containsString(secret));
    }

    @Test
    void listsSearchAndFeedsNeverShowOrMatchTheProtectedText() {
        String secret = unique("quokkaword").replace("-", "");
        String titleWord = unique("marmottitle").replace("-", "");
        long tag = Fixtures.tag(unique("prot"));
        long open = post("Open " + unique("o"), secret, tag, false);
        long alone = Fixtures.tag(unique("alone"));
        long closed = post("Closed " + titleWord, secret, List.of(tag, alone), true);

        // fields=content lists content of open posts only, and the protected flag
        given().queryParam("tag", tag).queryParam("fields", "id,content,excerpt,protected").get("/api/v1/posts").then()
                .statusCode(200).body("items.id", contains((int) closed, (int) open))
                .body("items.protected", contains(true, false))
                .body("items[0].content", nullValue()).body("items[0].excerpt", equalTo(""))
                .body("items[1].content", containsString(secret));
        Fixtures.asAdmin().queryParam("tag", tag).queryParam("fields", "id,content").get("/api/v1/posts").then()
                .statusCode(200).body("items[0].content", containsString(secret));

        // search: the body's words find the open post only; the title still finds the protected one
        given().queryParam("q", secret).get("/api/v1/posts").then().statusCode(200).body("items.id", contains((int) open));
        given().queryParam("q", titleWord).get("/api/v1/posts").then().statusCode(200).body("items.id", contains((int) closed));
        given().queryParam("q", titleWord + " -" + secret).get("/api/v1/posts").then().statusCode(200)
                .body("items.id", contains((int) closed)); // excluding a body word tells nothing either

        // feeds: the item is there with WordPress's notice, never its text
        for (String feed : List.of("posts.rss", "posts.atom", "posts.json")) {
            given().queryParam("tag", alone).get("/api/v1/feeds/" + feed).then().statusCode(200)
                    .body(containsString("Closed " + titleWord))
                    .body(containsString("There is no excerpt because this is a protected post."))
                    .body(not(containsString(secret)));
            given().queryParam("tag", tag).get("/api/v1/feeds/" + feed).then().statusCode(200)
                    .body(containsString(secret)); // the open post's, in full
        }
    }

    @Test
    void commentsOfAProtectedPostNeedItsPasswordToBeReadOrWritten() {
        String secret = unique("wombat").replace("-", "");
        long id = post("Discussed " + unique("d"), "body", Fixtures.tag(unique("prot")), true);
        String comments = "/api/v1/posts/" + id + "/comments";
        long comment = Fixtures.asAdmin().body(Map.of("content", "A remark about the " + secret))
                .post(comments).then().statusCode(201).extract().jsonPath().getLong("id");

        // without the password: 403 problems, for the tree, one comment, its thread, and the post's flat list
        for (String path : List.of(comments, "/api/v1/comments/" + comment, "/api/v1/comments/" + comment + "/thread",
                "/api/v1/comments/" + comment + "/replies", "/api/v1/comments?post=" + id)) {
            given().get(path).then().statusCode(403).contentType("application/problem+json")
                    .body("type", endsWith("/post-password-required")).body(not(containsString(secret)));
            given().header("X-Post-Password", "nope").get(path).then().statusCode(403)
                    .body("type", endsWith("/incorrect-post-password"));
            given().header("X-Post-Password", PASSWORD).get(path).then().statusCode(200)
                    .header("Cache-Control", equalTo("private, no-cache")).header("X-Cache", nullValue());
        }
        given().header("X-Post-Password", PASSWORD).get(comments).then().statusCode(200)
                .body("items[0].id", equalTo((int) comment)).body("items[0].contentHtml", containsString(secret));
        Fixtures.Actor moderator = Fixtures.actor("moderator");
        Fixtures.as(moderator.token()).get(comments).then().statusCode(200).body("items[0].id", equalTo((int) comment));

        // site-wide lists and feeds leave them out
        given().queryParam("limit", 100).get("/api/v1/comments").then().statusCode(200).body(not(containsString(secret)));
        given().get("/api/v1/feeds/comments.rss").then().statusCode(200).body(not(containsString(secret)));

        // writing one needs the password too
        Map<String, Object> reader = Map.of("authorName", "Ada", "authorEmail", unique("ada") + "@example.com",
                "content", "Can I read it?");
        given().contentType(ContentType.JSON).body(reader).post(comments).then().statusCode(403)
                .body("type", endsWith("/post-password-required"));
        given().contentType(ContentType.JSON).header("X-Post-Password", PASSWORD).body(reader).post(comments).then()
                .statusCode(201);
    }

    @Test
    void thePasswordIsWriteOnlyAndPatchOrPutWithoutItKeepIt() {
        String secret = unique("okapi").replace("-", "");
        long id = post("Kept " + unique("k"), secret, Fixtures.tag(unique("prot")), true);
        String path = "/api/v1/posts/" + id;

        // PATCH without "password" keeps it
        Fixtures.asAdmin().contentType("application/merge-patch+json").body(Map.of("title", "Kept retitled"))
                .patch(path).then().statusCode(200).body("protected", equalTo(true)).body("$", not(hasKey("password")));
        given().get(path).then().statusCode(200).body("title", equalTo("Kept retitled")).body("content", nullValue());
        given().header("X-Post-Password", PASSWORD).get(path).then().statusCode(200).body("content", containsString(secret));

        // PUT of what was read keeps it too (the password cannot be read back)
        Map<String, Object> read = Fixtures.asAdmin().get(path).then().statusCode(200).extract().jsonPath().getMap("");
        Map<String, Object> put = new HashMap<>();
        put.put("title", read.get("title"));
        put.put("content", read.get("content"));
        put.put("status", "published");
        Fixtures.asAdmin().body(put).put(path).then().statusCode(200).body("protected", equalTo(true));

        // a new password replaces the old one
        Fixtures.asAdmin().contentType("application/merge-patch+json").body(Map.of("password", "another one"))
                .patch(path).then().statusCode(200).body("protected", equalTo(true));
        given().header("X-Post-Password", PASSWORD).get(path).then().statusCode(403);
        given().header("X-Post-Password", "another one").get(path).then().statusCode(200).body("content", containsString(secret));

        // too long: 422 like every field
        Fixtures.asAdmin().contentType("application/merge-patch+json").body(Map.of("password", "x".repeat(256)))
                .patch(path).then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", contains("password"));

        // null removes the protection, on PATCH and on PUT
        Fixtures.asAdmin().contentType("application/merge-patch+json").body("{\"password\": null}")
                .patch(path).then().statusCode(200).body("protected", equalTo(false));
        given().get(path).then().statusCode(200).body("protected", equalTo(false)).body("content", containsString(secret))
                .body("excerpt", containsString(secret));
        put.put("password", PASSWORD);
        Fixtures.asAdmin().body(put).put(path).then().statusCode(200).body("protected", equalTo(true));
        given().get(path).then().statusCode(200).body("content", nullValue());
        Fixtures.asAdmin().contentType(ContentType.JSON).body("{\"title\": \"Kept again\", \"status\": \"published\", \"password\": \"\"}")
                .put(path).then().statusCode(200).body("protected", equalTo(false));
        given().get(path).then().statusCode(200).body("protected", equalTo(false)).body("content", notNullValue());
        given().queryParam("fields", "id,protected").get(path).then().statusCode(200).body("protected", equalTo(false))
                .body("$", not(hasKey("title")));
    }
}
