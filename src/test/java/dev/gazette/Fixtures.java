package dev.gazette;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * Test data made through the public API, with unique slugs, so every test owns its data and
 * tests pass in any order, on a database that already holds rows.
 */
public final class Fixtures {

    /** Registered at start from gazette.auth.bootstrap-token (test profile). */
    public static final String ADMIN_TOKEN = "test-admin-token-not-a-secret";

    private Fixtures() {
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    public static RequestSpecification asAdmin() {
        return as(ADMIN_TOKEN);
    }

    /** An author with a role, and a token acting as that author. */
    public record Actor(long authorId, String slug, String token) {
    }

    public static Actor actor(String role) {
        String name = unique(role);
        long authorId = asAdmin().body(Map.of("displayName", "Test " + name, "role", role, "email", name + "@example.com"))
                .post("/api/v1/authors").then().statusCode(201).extract().jsonPath().getLong("id");
        String slug = asAdmin().get("/api/v1/authors/" + authorId).then().statusCode(200).extract().path("slug");
        String token = asAdmin().body(Map.of("name", "test token", "authorId", authorId))
                .post("/api/v1/tokens").then().statusCode(201).extract().path("token");
        return new Actor(authorId, slug, token);
    }

    public static long category(String name, Long parentId) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("slug", unique("cat"));
        if (parentId != null) {
            body.put("parentId", parentId);
        }
        return asAdmin().body(body).post("/api/v1/categories").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    public static long tag(String name) {
        return asAdmin().body(Map.of("name", name, "slug", unique("tag")))
                .post("/api/v1/tags").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** A published post with the given extra fields (categories, tags, publishedAt, ...). */
    public static Map<String, Object> publishedPost(String token, String title, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("content", "<p>Body of " + title + "</p>");
        body.put("status", "published");
        body.putAll(extra);
        return as(token).body(body).post("/api/v1/posts").then().statusCode(201).extract().jsonPath().getMap("");
    }

    public static long postId(Map<String, Object> post) {
        return ((Number) post.get("id")).longValue();
    }

    public static List<String> ids(List<?> values) {
        return values.stream().map(String::valueOf).toList();
    }

    /** A published post to comment on. */
    public static long commentablePost() {
        return postId(publishedPost(ADMIN_TOKEN, unique("commented"), Map.of()));
    }

    /** Posts an anonymous comment and returns its JSON. */
    public static io.restassured.path.json.JsonPath comment(long postId, Long parentId, String email, String content) {
        Map<String, Object> body = new HashMap<>(Map.of("authorName", "Reader " + email.substring(0, 6),
                "authorEmail", email, "content", content));
        if (parentId != null) {
            body.put("parentId", parentId);
        }
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/posts/" + postId + "/comments")
                .then().statusCode(201).extract().jsonPath();
    }

    /** An email whose first comment a moderator approved, so its later comments are approved at once. */
    public static String knownEmail(long postId, Actor moderator) {
        String email = unique("known") + "@example.com";
        long first = comment(postId, null, email, "First words").getLong("id");
        as(moderator.token()).post("/api/v1/comments/" + first + "/approve").then().statusCode(200);
        return email;
    }
}
