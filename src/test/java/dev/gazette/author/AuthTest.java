package dev.gazette.author;

import dev.gazette.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.gazette.Fixtures.as;
import static dev.gazette.Fixtures.asAdmin;
import static dev.gazette.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class AuthTest {

    @Inject
    EntityManager em;

    @Test
    void writesNeedAValidToken() {
        given().contentType(ContentType.JSON).body(Map.of("title", "x")).post("/api/v1/posts")
                .then().statusCode(401).contentType("application/problem+json");
        as("gz_not-a-real-token").body(Map.of("title", "x")).post("/api/v1/posts")
                .then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Basic abc").contentType(ContentType.JSON).body(Map.of("title", "x"))
                .post("/api/v1/posts").then().statusCode(401);
        given().header("Authorization", "Bearer nope").get("/api/v1/posts").then().statusCode(401);
    }

    @Test
    void authorsMayOnlyChangeTheirOwnPosts() {
        Fixtures.Actor alice = Fixtures.actor("author");
        Fixtures.Actor bob = Fixtures.actor("author");
        long alicePost = Fixtures.postId(Fixtures.publishedPost(alice.token(), unique("alice"), Map.of()));
        long aliceDraft = as(alice.token()).body(Map.of("title", unique("draft"))).post("/api/v1/posts")
                .then().statusCode(201).extract().jsonPath().getLong("id");

        as(bob.token()).contentType("application/merge-patch+json").body(Map.of("title", "Hijacked"))
                .patch("/api/v1/posts/" + alicePost).then().statusCode(403).contentType("application/problem+json");
        as(bob.token()).body(Map.of("title", "Hijacked")).put("/api/v1/posts/" + alicePost).then().statusCode(403);
        as(bob.token()).delete("/api/v1/posts/" + alicePost).then().statusCode(403);
        as(bob.token()).post("/api/v1/posts/" + alicePost + "/unpublish").then().statusCode(403);
        // another author's draft does not even exist for bob
        as(bob.token()).get("/api/v1/posts/" + aliceDraft).then().statusCode(404);
        as(bob.token()).delete("/api/v1/posts/" + aliceDraft).then().statusCode(404);
        given().get("/api/v1/posts/" + alicePost).then().body("title", not(equalTo("Hijacked")));

        as(alice.token()).contentType("application/merge-patch+json").body(Map.of("title", "Mine"))
                .patch("/api/v1/posts/" + alicePost).then().statusCode(200).body("title", equalTo("Mine"));
        as(alice.token()).get("/api/v1/posts/" + aliceDraft).then().statusCode(200);
        as(alice.token()).queryParam("status", "draft").get("/api/v1/posts").then().statusCode(200)
                .body("items.authorId", everyItem(equalTo((int) alice.authorId())))
                .body("items.id", hasItem((int) aliceDraft));
        // authors cannot hand a post to someone else, editors can
        as(alice.token()).contentType("application/merge-patch+json").body(Map.of("authorId", bob.authorId()))
                .patch("/api/v1/posts/" + alicePost).then().statusCode(403);
        Fixtures.Actor editor = Fixtures.actor("editor");
        as(editor.token()).contentType("application/merge-patch+json").body(Map.of("title", "Edited by editor"))
                .patch("/api/v1/posts/" + alicePost).then().statusCode(200);
    }

    @Test
    void rolesGateTaxonomyAndAdministration() {
        Fixtures.Actor author = Fixtures.actor("author");
        Fixtures.Actor moderator = Fixtures.actor("moderator");
        Fixtures.Actor editor = Fixtures.actor("editor");
        as(author.token()).body(Map.of("name", unique("c"))).post("/api/v1/categories").then().statusCode(403);
        as(author.token()).body(Map.of("name", unique("t"))).post("/api/v1/tags").then().statusCode(403);
        as(moderator.token()).body(Map.of("title", unique("p"))).post("/api/v1/posts").then().statusCode(403);
        as(editor.token()).body(Map.of("name", unique("c"))).post("/api/v1/categories").then().statusCode(201);
        as(editor.token()).body(Map.of("displayName", "X", "role", "admin")).post("/api/v1/authors").then().statusCode(403);
        as(editor.token()).body(Map.of("name", "for someone else", "authorId", author.authorId()))
                .post("/api/v1/tokens").then().statusCode(403);
    }

    @Test
    void tokensAreStoredHashedListedWithoutSecretAndRevocable() {
        Fixtures.Actor writer = Fixtures.actor("author");
        var created = as(writer.token()).body(Map.of("name", "second device")).post("/api/v1/tokens")
                .then().statusCode(201)
                .header("Cache-Control", containsString("no-store"))
                .body("token", startsWith("gz_"))
                .body("authorId", equalTo((int) writer.authorId()))
                .extract();
        String secret = created.path("token");
        long tokenId = created.jsonPath().getLong("id");

        List<?> stored = em.createNativeQuery("select token_hash from api_token where id = :id")
                .setParameter("id", tokenId).getResultList();
        assertEquals(1, stored.size());
        assertNotEquals(secret, stored.get(0));
        assertEquals(64, stored.get(0).toString().length());
        long plain = ((Number) em.createNativeQuery("select count(*) from api_token where token_hash = :s or token_prefix = :s")
                .setParameter("s", secret).getSingleResult()).longValue();
        assertEquals(0, plain);

        as(secret).get("/api/v1/tokens").then().statusCode(200)
                .header("Cache-Control", org.hamcrest.Matchers.containsString("no-store"))
                .body("items.id", hasItem((int) tokenId))
                .body("items[0]", not(hasKey("token")))
                .body("items.authorId", everyItem(equalTo((int) writer.authorId())))
                .body("page.total", equalTo(2)).body("page.next", org.hamcrest.Matchers.nullValue());
        // keyset pages, oldest first: the writer's own token, then the new one
        String next = as(secret).queryParam("limit", 1).get("/api/v1/tokens").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("page.prev", org.hamcrest.Matchers.nullValue())
                .body("page.total", equalTo(2)).extract().path("page.next");
        as(secret).queryParam("limit", 1).queryParam("cursor", next).get("/api/v1/tokens").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.contains((int) tokenId))
                .body("page.next", org.hamcrest.Matchers.nullValue()).body("page.prev", org.hamcrest.Matchers.notNullValue());
        as(secret).queryParam("cursor", "not-a-cursor").get("/api/v1/tokens").then().statusCode(400)
                .contentType("application/problem+json");
        String body = asAdmin().get("/api/v1/tokens").then().statusCode(200).extract().asString();
        assertTrue(!body.contains(secret), "no secret in the admin listing");

        as(secret).get("/api/v1/me").then().statusCode(200).body("id", equalTo((int) writer.authorId()));
        as(secret).delete("/api/v1/tokens/" + tokenId).then().statusCode(204);
        as(secret).get("/api/v1/me").then().statusCode(401);
        as(writer.token()).get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void authorsNeverExposeEmails() {
        Fixtures.Actor writer = Fixtures.actor("author");
        Fixtures.publishedPost(writer.token(), unique("p"), Map.of());
        String single = given().get("/api/v1/authors/" + writer.slug()).then().statusCode(200)
                .body("$", not(hasKey("email"))).extract().asString();
        assertTrue(!single.contains("@example.com"));
        String list = given().queryParam("limit", 100).get("/api/v1/authors").then().statusCode(200).extract().asString();
        assertTrue(!list.contains("@example.com"));
        String posts = given().queryParam("include", "author").get("/api/v1/posts").then().statusCode(200).extract().asString();
        assertTrue(!posts.contains("@example.com"));
    }

    /** Slugs of every author on every page of the list, as this request sees it. */
    private static List<String> authorSlugs(java.util.function.Supplier<io.restassured.specification.RequestSpecification> request) {
        List<String> slugs = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var r = request.get().queryParam("limit", 100);
            if (cursor != null) {
                r.queryParam("cursor", cursor);
            }
            var page = r.get("/api/v1/authors").then().statusCode(200).extract().jsonPath();
            slugs.addAll(page.getList("items.slug", String.class));
            cursor = page.getString("page.next");
        } while (cursor != null);
        return slugs;
    }

    @Test
    void anonymousCallersSeeOnlyPeopleWithPublishedContentAndNoRoles() {
        Fixtures.Actor quiet = Fixtures.actor("editor");
        Fixtures.Actor writer = Fixtures.actor("author");
        Fixtures.Actor editor = Fixtures.actor("editor");
        String draft = as(writer.token()).body(Map.of("title", unique("draft"), "content", "<p>Not yet</p>"))
                .post("/api/v1/posts").then().statusCode(201).extract().path("slug");

        // nobody without a public post, not even with a draft; no roles
        List<String> before = authorSlugs(() -> given());
        assertTrue(!before.contains(quiet.slug()) && !before.contains(writer.slug()), "staff without public posts are private");
        given().queryParam("limit", 100).get("/api/v1/authors").then().statusCode(200)
                .header("Cache-Control", containsString("public")).body("items.role", everyItem(nullValue()));
        given().get("/api/v1/authors/" + quiet.slug()).then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/authors/" + writer.authorId()).then().statusCode(404);
        as(writer.token()).get("/api/v1/authors/" + quiet.slug()).then().statusCode(404);

        // editors and admins see everyone, with roles; /me shows one's own role
        assertTrue(authorSlugs(() -> as(editor.token())).containsAll(List.of(quiet.slug(), writer.slug())));
        as(editor.token()).get("/api/v1/authors/" + quiet.slug()).then().statusCode(200).body("role", equalTo("editor"))
                .header("Cache-Control", containsString("private"));
        asAdmin().queryParam("limit", 100).get("/api/v1/authors").then().statusCode(200).body("items.role", everyItem(notNullValue()));
        as(writer.token()).get("/api/v1/me").then().statusCode(200).body("role", equalTo("author"));

        // once they publish, they are public, still without role (and the cached list follows at once)
        as(writer.token()).post("/api/v1/posts/" + draft + "/publish").then().statusCode(200);
        assertTrue(authorSlugs(() -> given()).contains(writer.slug()), "a published writer is listed");
        given().get("/api/v1/authors/" + writer.slug()).then().statusCode(200).body("role", nullValue())
                .body("slug", equalTo(writer.slug()));
        given().queryParam("include", "author").get("/api/v1/posts/" + draft).then().statusCode(200)
                .body("author.slug", equalTo(writer.slug())).body("author.role", nullValue());
        given().queryParam("include", "author").queryParam("author", writer.slug()).get("/api/v1/posts").then().statusCode(200)
                .body("items.author.role", everyItem(nullValue()));
        asAdmin().queryParam("include", "author").get("/api/v1/posts/" + draft).then().statusCode(200)
                .body("author.role", equalTo("author"));
        // and private again when their last public post leaves
        as(writer.token()).post("/api/v1/posts/" + draft + "/unpublish").then().statusCode(200);
        given().get("/api/v1/authors/" + writer.slug()).then().statusCode(404);
        assertTrue(!authorSlugs(() -> given()).contains(writer.slug()));
    }

    @Test
    void adminManagesAuthors() {
        String slug = unique("writer");
        asAdmin().body(Map.of("displayName", "Zoë Writer", "slug", slug, "role", "author", "email", "not-an-email"))
                .post("/api/v1/authors").then().statusCode(422).body("errors[0].field", equalTo("email"));
        long id = asAdmin().body(Map.of("displayName", "Zoë Writer", "slug", slug, "role", "author"))
                .post("/api/v1/authors").then().statusCode(201).extract().jsonPath().getLong("id");
        asAdmin().contentType("application/merge-patch+json").body(Map.of("bio", "Writes things."))
                .patch("/api/v1/authors/" + slug).then().statusCode(200).body("bio", equalTo("Writes things."))
                .body("displayName", equalTo("Zoë Writer"));
        asAdmin().body(Map.of("displayName", "Dup", "slug", slug, "role", "author")).post("/api/v1/authors")
                .then().statusCode(409);
        String token = asAdmin().body(Map.of("name", "t", "authorId", id)).post("/api/v1/tokens").then().extract().path("token");
        Fixtures.publishedPost(token, unique("p"), Map.of());
        asAdmin().delete("/api/v1/authors/" + id).then().statusCode(409);
    }
}
