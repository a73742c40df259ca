package dev.gazette.common;

import dev.gazette.Fixtures;
import dev.gazette.RawHttp;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.gazette.Fixtures.asAdmin;
import static dev.gazette.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every error is application/problem+json, also those answered before a resource runs (the
 * HTTP layer, routing) or by an unforeseen exception; control characters never reach the
 * database; enum problems list the allowed values; 401 carries its challenge.
 */
@QuarkusTest
class ErrorContractTest {

    private static final String PROBLEM = "application/problem+json";

    private static void assertProblem(RawHttp.Answer answer, int status) {
        assertEquals(status, answer.status(), answer.toString());
        assertTrue(answer.header("content-type").startsWith(PROBLEM), answer.toString());
        assertTrue(answer.body().contains("\"status\":" + status), answer.body());
        assertTrue(answer.body().contains("\"title\":"), answer.body());
        assertFalse(answer.body().contains("Exception"), answer.body());
    }

    @Test
    void malformedPercentEscapesAreBadRequestProblems() {
        for (String target : List.of("/api/v1/posts?cursor=%%%garbage", "/api/v1/posts/%%", "/api/v1/posts/%E0%A4%A",
                "/api/v1/tags?q=%zz", "/api/v1/posts/%%/comments", "/api/v1/nothing/%%")) {
            RawHttp.Answer answer = RawHttp.get(target);
            assertProblem(answer, 400);
            assertTrue(answer.body().contains("%-escape"), answer.body());
        }
        assertProblem(RawHttp.send("DELETE", "/api/v1/posts/%%", Map.of(), (byte[]) null), 400);
    }

    @Test
    void overlongUriAndHeadersAreProblems() {
        String longQuery = "a".repeat(9000);
        given().queryParam("q", longQuery).get("/api/v1/posts").then().statusCode(414)
                .contentType(PROBLEM).body("status", equalTo(414)).body("title", equalTo("URI too long"));
        assertProblem(RawHttp.get("/api/v1/posts/" + "x".repeat(40_000)), 414);
        given().header("X-Padding", "p".repeat(30_000)).get("/api/v1/posts").then().statusCode(431)
                .contentType(PROBLEM).body("status", equalTo(431));
        // under the limits, long values are answered by the application as usual
        given().get("/api/v1/posts/" + "x".repeat(6000)).then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void unexpectedFailuresAre500ProblemsWithoutInternals() {
        for (String path : List.of("/test-only/failure", "/test-only/vertx-failure")) {
            String body = given().get(path).then().statusCode(500).contentType(PROBLEM)
                    .body("status", equalTo(500)).body("title", equalTo("Internal error"))
                    .extract().asString();
            assertFalse(body.contains("SecretInternals"), body);
            assertFalse(body.contains("IllegalStateException"), body);
            assertFalse(body.contains("at dev.gazette"), body);
        }
    }

    @Test
    void methodMediaTypeAndAcceptErrorsAreProblems() {
        given().delete("/api/v1/tags").then().statusCode(405).contentType(PROBLEM).header("Allow", containsString("GET"));
        given().request("PROPFIND", "/api/v1/posts").then().statusCode(405).contentType(PROBLEM);
        given().accept("text/html").get("/api/v1/posts").then().statusCode(406).contentType(PROBLEM).body("status", equalTo(406));
        asAdmin().contentType("text/plain").body("{}").post("/api/v1/tags").then().statusCode(415).contentType(PROBLEM);
        asAdmin().body("{\"name\": ").post("/api/v1/tags").then().statusCode(400).contentType(PROBLEM);
        asAdmin().body("{\"name\": \"x\"").post("/api/v1/tags").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void unparseableOrUnmatchedConditionsAreIgnoredOrProblems() {
        long id = Fixtures.postId(Fixtures.publishedPost(Fixtures.ADMIN_TOKEN, unique("cond"), Map.of()));
        // RFC 9110: an If-Modified-Since that is not a date is ignored
        given().header("If-Modified-Since", "Mon, 99 Foo 9999 99:99:99 GMT").get("/api/v1/posts/" + id).then().statusCode(200);
        asAdmin().header("If-Unmodified-Since", "never").get("/api/v1/posts/" + id).then().statusCode(200);
        // a GET whose If-Match cannot match is a 412 problem, not a bare status
        asAdmin().header("If-Match", "\"garbage\"").get("/api/v1/posts/" + id).then().statusCode(412)
                .contentType(PROBLEM).body("status", equalTo(412)).body("title", equalTo("Precondition failed"));
        given().header("If-Match", "garbage").get("/api/v1/tags").then().statusCode(412).contentType(PROBLEM);
    }

    @Test
    void nulInAnIdOrSlugIsABadRequestNamingTheParameter() {
        for (String path : List.of("/api/v1/posts/%00", "/api/v1/tags/%00", "/api/v1/categories/%00", "/api/v1/authors/%00",
                "/api/v1/posts/%00/comments", "/api/v1/posts/a%00b", "/api/v1/tags/a%01b", "/api/v1/posts/%7F")) {
            given().urlEncodingEnabled(false).get(path).then().statusCode(400).contentType(PROBLEM)
                    .body("errors[0].field", notNullValue())
                    .body("errors[0].message", containsString("control characters"));
        }
        given().urlEncodingEnabled(false).delete("/api/v1/posts/%00").then().statusCode(400).contentType(PROBLEM);
        asAdmin().urlEncodingEnabled(false).delete("/api/v1/posts/%00").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void controlCharactersInQueryParametersAreRefusedByName() {
        given().urlEncodingEnabled(false).get("/api/v1/posts?q=a%00b").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("q"));
        given().urlEncodingEnabled(false).get("/api/v1/posts?tag=a%00b").then().statusCode(400)
                .body("errors[0].field", equalTo("tag"));
        given().urlEncodingEnabled(false).get("/api/v1/tags?q=x%0Ay").then().statusCode(400)
                .body("errors[0].field", equalTo("q"));
        given().urlEncodingEnabled(false).get("/api/v1/posts?cursor=%1B%5B31m").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        // ordinary Unicode is fine
        given().queryParam("q", "Zürich ☂ 東京").get("/api/v1/posts").then().statusCode(200);
    }

    @Test
    void controlCharactersInJsonFieldsAre422NamingTheFieldAndNothingIsStored() {
        String slug = unique("nul");
        asAdmin().body("{\"title\": \"a\\u0000b\", \"slug\": \"" + slug + "\"}").post("/api/v1/posts").then().statusCode(422)
                .contentType(PROBLEM).body("errors[0].field", equalTo("title"))
                .body("errors[0].message", containsString("U+0000"));
        given().get("/api/v1/posts/" + slug).then().statusCode(404);
        asAdmin().body("{\"title\": \"\\u0001\\u0002\\u0003\", \"slug\": \"" + slug + "\"}").post("/api/v1/posts").then().statusCode(422)
                .body("errors[0].field", equalTo("title"));
        asAdmin().body("{\"title\": \" \\t\\n \", \"slug\": \"" + slug + "\"}").post("/api/v1/posts").then().statusCode(422)
                .body("errors[0].field", equalTo("title"));
        // blank is blank in any script: no-break, em and ideographic spaces (for every @NotBlank field)
        asAdmin().body("{\"title\": \"\\u00a0\\u2003\\u3000\", \"slug\": \"" + slug + "\"}").post("/api/v1/posts").then()
                .statusCode(422).body("errors[0].field", equalTo("title"));
        asAdmin().body(java.util.Map.of("name", "\u00a0\u2007")).post("/api/v1/tags").then().statusCode(422)
                .body("errors[0].field", equalTo("name"));
        given().get("/api/v1/posts/" + slug).then().statusCode(404);
        asAdmin().body("{\"title\": \"ok\", \"slug\": \"" + slug + "\", \"tags\": [\"fine\", \"b\\u0007d\"]}").post("/api/v1/posts")
                .then().statusCode(422).body("errors[0].field", equalTo("tags[1]"));
        asAdmin().body("{\"title\": \"ok\", \"slug\": \"" + slug + "\", \"source\": {\"outlet\": \"x\\u0000\"}}").post("/api/v1/posts")
                .then().statusCode(422).body("errors[0].field", equalTo("source.outlet"));
        asAdmin().body("{\"title\": \"ok\", \"slug\": \"" + slug + "\", \"content\": \"\\ud800 lone surrogate\"}").post("/api/v1/posts")
                .then().statusCode(422).body("errors[0].field", equalTo("content"));
        given().get("/api/v1/posts/" + slug).then().statusCode(404);
        asAdmin().body("{\"name\": \"T\\u0000\"}").post("/api/v1/tags").then().statusCode(422).body("errors[0].field", equalTo("name"));

        // a merge patch is checked the same way, and leaves the post as it was
        long id = Fixtures.postId(Fixtures.publishedPost(Fixtures.ADMIN_TOKEN, "Clean title " + slug, Map.of()));
        asAdmin().contentType("application/merge-patch+json").body("{\"title\": \"x\\u0000\"}").patch("/api/v1/posts/" + id)
                .then().statusCode(422).contentType(PROBLEM).body("errors[0].field", equalTo("title"));
        given().get("/api/v1/posts/" + id).then().statusCode(200).body("title", equalTo("Clean title " + slug));

        // tab and line breaks are text in a body field
        given().contentType(ContentType.JSON).body("{\"authorName\": \"Ada\", \"authorEmail\": \"" + unique("ada") + "@example.com\", "
                + "\"content\": \"Line one\\r\\n\\n\\tLine two\"}").post("/api/v1/posts/" + id + "/comments").then().statusCode(201);
        given().contentType(ContentType.JSON).body("{\"authorName\": \"Ada\", \"authorEmail\": \"" + unique("ada") + "@example.com\", "
                + "\"content\": \"bad \\u0000 byte\"}").post("/api/v1/posts/" + id + "/comments").then().statusCode(422)
                .body("errors[0].field", equalTo("content"));
    }

    @Test
    void badEnumValuesListTheAllowedOnes() {
        given().queryParam("sort", "bogus").get("/api/v1/posts").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("sort"))
                .body("errors[0].message", allOf(containsString("newest"), containsString("oldest"), containsString("relevance")));
        asAdmin().body(Map.of("title", "x", "status", "bogus")).post("/api/v1/posts").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("status"))
                .body("errors[0].message", allOf(containsString("draft"), containsString("published"), containsString("scheduled")))
                .body("detail", containsString("draft"));
        asAdmin().body(Map.of("title", "x", "format", "rtf")).post("/api/v1/posts").then().statusCode(400)
                .body("errors[0].message", containsString("markdown"));
    }

    @Test
    void unauthorizedCarriesTheBearerChallengeAndForbiddenDoesNot() {
        String challenge = "Bearer realm=\"gazette\"";
        given().contentType(ContentType.JSON).body(Map.of("title", "x")).post("/api/v1/posts").then().statusCode(401)
                .contentType(PROBLEM).header("WWW-Authenticate", equalTo(challenge));
        Fixtures.as("gz_not-a-real-token").get("/api/v1/posts").then().statusCode(401).header("WWW-Authenticate", equalTo(challenge));
        given().header("Authorization", "Basic dXNlcjpwYXNz").get("/api/v1/posts").then().statusCode(401)
                .header("WWW-Authenticate", equalTo(challenge));
        given().contentType("application/xml").body("<rss/>").post("/api/v1/imports").then().statusCode(401)
                .contentType(PROBLEM).header("WWW-Authenticate", equalTo(challenge));
        Fixtures.Actor author = Fixtures.actor("author");
        Fixtures.as(author.token()).body(Map.of("name", unique("t"))).post("/api/v1/tags").then().statusCode(403)
                .contentType(PROBLEM).header("WWW-Authenticate", nullValue());
    }
}
