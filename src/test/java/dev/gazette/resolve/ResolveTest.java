package dev.gazette.resolve;

import dev.gazette.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Paths of content made in Gazette; the old WordPress links are in the importer's PageImportTest. */
@QuarkusTest
class ResolveTest {

    @Test
    void aPostResolvesByItsSlugAndAPageByItsPath() {
        String token = Fixtures.actor("editor").token();
        Map<String, Object> post = Fixtures.publishedPost(token, "Resolvable " + Fixtures.unique("r"), Map.of());
        String slug = (String) post.get("slug");
        for (String path : List.of("/" + slug + "/", slug, "/" + slug.toUpperCase(), "https://news.example.org/" + slug + "/?utm=x")) {
            given().queryParam("path", path).get("/api/v1/resolve").then().statusCode(200)
                    .header("ETag", notNullValue()).header("Cache-Control", containsString("public"))
                    .body("type", equalTo("post")).body("id", equalTo(((Number) post.get("id")).intValue()))
                    .body("slug", equalTo(slug)).body("href", equalTo("/api/v1/posts/" + slug))
                    .body("path", nullValue()).body("via", equalTo("post-slug"));
        }
        String top = Fixtures.unique("company");
        long topId = Fixtures.as(token).body(Map.of("title", "Company", "slug", top, "status", "published"))
                .post("/api/v1/pages").then().statusCode(201).extract().jsonPath().getLong("id");
        String child = Fixtures.unique("jobs");
        Fixtures.as(token).body(Map.of("title", "Jobs", "slug", child, "status", "published", "parentId", topId))
                .post("/api/v1/pages").then().statusCode(201);
        given().queryParam("path", "/" + top + "/" + child + "/").get("/api/v1/resolve").then().statusCode(200)
                .body("type", equalTo("page")).body("slug", equalTo(child)).body("path", equalTo(top + "/" + child))
                .body("href", equalTo("/api/v1/pages/" + child)).body("via", equalTo("page-path"));

        String draft = Fixtures.unique("draft-page");
        Fixtures.as(token).body(Map.of("title", "Not yet", "slug", draft)).post("/api/v1/pages").then().statusCode(201);
        given().queryParam("path", "/" + draft + "/").get("/api/v1/resolve").then().statusCode(404);
    }

    @Test
    void anUnknownPathIs404AndAMissingOneIs400() {
        given().queryParam("path", "/2001/01/" + Fixtures.unique("nothing") + "/").get("/api/v1/resolve").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        given().queryParam("path", "/?p=999999999").get("/api/v1/resolve").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/v1/resolve").then().statusCode(400).contentType("application/problem+json");
        given().queryParam("path", " ").get("/api/v1/resolve").then().statusCode(400);
    }
}
