package dev.gazette.comment.identity;

import dev.gazette.Fixtures;
import dev.gazette.common.Times;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.gazette.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Commenters sign in with a real OpenID provider (oidc-provider on Node, {@link OidcProvider}):
 * their ID token attributes comments and likes, bad tokens are refused with the reason, the
 * provider's key rotation is followed, and they edit their own comments from any device.
 */
@QuarkusTest
@WithTestResource(OidcProvider.class)
class SignInTest {

    @BeforeEach
    void needsTheProvider() {
        ProviderClient.assumeProvider();
    }

    static RequestSpecification signedIn(String idToken) {
        return given().header(IdTokenVerifier.HEADER, idToken).contentType(ContentType.JSON);
    }

    record Person(String sub, String name, String email, String picture) {
        static Person random() {
            String sub = unique("reader");
            return new Person(sub, "Reader " + sub, sub + "@mail.example", "https://img.example/" + sub + ".png");
        }

        String token() {
            return ProviderClient.idToken(sub, name, email, picture);
        }
    }

    @Test
    void frontEndsLearnTheProviderAndItsEndpointsAndTheReaderSiteMayRedeemCodesThere() {
        String issuer = ProviderClient.issuer();
        given().get("/api/v1/sign-in").then().statusCode(200)
                .header("Cache-Control", "no-cache")
                .body("providers.size()", equalTo(1))
                .body("providers[0].name", equalTo(OidcProvider.PROVIDER_NAME))
                .body("providers[0].issuer", equalTo(issuer))
                .body("providers[0].clientId", equalTo(OidcProvider.CLIENT))
                .body("providers[0].scope", equalTo("openid profile email"))
                .body("providers[0].authorizationEndpoint", equalTo(issuer + "/auth"))
                .body("providers[0].tokenEndpoint", equalTo(issuer + "/token"))
                .body("tokenHeader", equalTo(IdTokenVerifier.HEADER));
        // the reader page may post to the provider (its token endpoint), and still to nothing else
        given().get("/").then().statusCode(200)
                .header("Content-Security-Policy", containsString("; connect-src 'self' " + issuer + "; "))
                .header("Content-Security-Policy", containsString("script-src 'self';"));
    }

    @Test
    void aSignedInCommentIsAttributedToTheIdentityAndItsEmailStaysPrivate() {
        long postId = Fixtures.commentablePost();
        Person ada = Person.random();
        Response created = signedIn(ada.token())
                .body(Map.of("content", "Signed in and commenting", "authorName", "Someone Else", "authorEmail", "spoof@example.com"))
                .post("/api/v1/posts/" + postId + "/comments");
        created.then().statusCode(201)
                .body("author.name", equalTo(ada.name()))
                .body("author.picture", equalTo(ada.picture()))
                .body("author.provider", equalTo(OidcProvider.PROVIDER_NAME))
                .body("author.commenterId", notNullValue())
                .body("moderation", nullValue());
        assertFalse(created.asString().contains(ada.email()), "the email is never in a public answer");
        long id = created.jsonPath().getLong("id");
        long commenterId = created.jsonPath().getLong("author.commenterId");

        Fixtures.Actor moderator = Fixtures.actor("moderator");
        Fixtures.as(moderator.token()).post("/api/v1/comments/" + id + "/approve").then().statusCode(200)
                .body("moderation.authorEmail", equalTo(ada.email()));
        String tree = given().get("/api/v1/posts/" + postId + "/comments").then().statusCode(200)
                .body("items[0].author.name", equalTo(ada.name()))
                .body("items[0].author.provider", equalTo(OidcProvider.PROVIDER_NAME))
                .extract().asString();
        assertFalse(tree.contains(ada.email()));

        // a like with the token is that identity's, on any device (a second sign-in)
        signedIn(ada.token()).put("/api/v1/comments/" + id + "/like").then().statusCode(200)
                .body("likeCount", equalTo(1)).body("likedByMe", equalTo(true));
        signedIn(ada.token()).put("/api/v1/comments/" + id + "/like").then().statusCode(200).body("likeCount", equalTo(1));
        signedIn(ada.token()).get("/api/v1/comments/" + id).then().statusCode(200).body("likedByMe", equalTo(true));
        // and so is a like of the post: the post and the lists show it to that identity only, never from a shared cache
        signedIn(ada.token()).put("/api/v1/posts/" + postId + "/like").then().statusCode(200)
                .body("likeCount", equalTo(1)).body("likedByMe", equalTo(true));
        signedIn(ada.token()).get("/api/v1/posts/" + postId).then().statusCode(200)
                .header("Cache-Control", containsString("private")).body("likedByMe", equalTo(true)).body("likeCount", equalTo(1));
        signedIn(ada.token()).get("/api/v1/posts?sort=newest&limit=20").then().statusCode(200)
                .header("Cache-Control", containsString("private"))
                .body("items.find { it.id == " + postId + " }.likedByMe", equalTo(true));
        signedIn(Person.random().token()).get("/api/v1/posts/" + postId).then().statusCode(200).body("likedByMe", equalTo(false));
        given().get("/api/v1/posts/" + postId).then().statusCode(200).body("likedByMe", nullValue()).body("likeCount", equalTo(1));

        signedIn(ada.token()).get("/api/v1/me/commenter").then().statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .body("commenterId", equalTo((int) commenterId)).body("name", equalTo(ada.name()))
                .body("provider", equalTo(OidcProvider.PROVIDER_NAME)).body("blocked", equalTo(false));
    }

    @Test
    void everyKindOfBadTokenIsRefusedWithItsReasonAndNothingIsStored() {
        long postId = Fixtures.commentablePost();
        Person eve = Person.random();
        String real = eve.token();
        long now = System.currentTimeMillis() / 1000;
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("malformed", "not-a-jwt");
        bad.put("alg-none", ProviderClient.unsigned(real));
        bad.put("expired", ProviderClient.resignedByProvider(real, c -> {
            c.setIssuedAt(org.jose4j.jwt.NumericDate.fromSeconds(now - 7200));
            c.setExpirationTime(org.jose4j.jwt.NumericDate.fromSeconds(now - 3600));
        }));
        // valid in 10 minutes (beyond the 60 s skew), and before the token's exp: the provider's tokens live an hour, and a
        // not-before at or after exp is a contradictory token, which jose4j reports as such (then "malformed" here)
        bad.put("not-yet-valid", ProviderClient.resignedByProvider(real, c -> c.setNotBefore(org.jose4j.jwt.NumericDate.fromSeconds(now + 600))));
        bad.put("wrong-audience", ProviderClient.idToken(eve.sub(), eve.name(), eve.email(), null, "other-app"));
        bad.put("wrong-issuer", ProviderClient.resignedByProvider(real, c -> c.setIssuer("https://issuer.invalid")));
        bad.put("bad-signature", ProviderClient.tampered(real));
        bad.put("unknown-key", ProviderClient.resignedWithOtherKey(real));
        for (Map.Entry<String, String> b : bad.entrySet()) {
            signedIn(b.getValue()).body(Map.of("content", "should never be stored", "authorName", "Eve", "authorEmail", "eve@example.com"))
                    .post("/api/v1/posts/" + postId + "/comments")
                    .then().statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", containsString("invalid_token"))
                    .body("type", equalTo("https://gazette.dev/problems/invalid-id-token"))
                    .body("errors[0].field", equalTo(IdTokenVerifier.HEADER))
                    .body("errors[0].message", equalTo(b.getKey()));
            signedIn(b.getValue()).put("/api/v1/posts/" + postId + "/like").then().statusCode(401)
                    .body("errors[0].message", equalTo(b.getKey()));
            signedIn(b.getValue()).get("/api/v1/me/comments").then().statusCode(401);
        }
        // the real one still works: the failures were the tokens', not the set-up's
        signedIn(real).body(Map.of("content", "the real token")).post("/api/v1/posts/" + postId + "/comments").then().statusCode(201);
        Fixtures.Actor moderator = Fixtures.actor("moderator");
        List<String> stored = Fixtures.as(moderator.token()).get("/api/v1/comments?post=" + postId + "&status=pending")
                .then().statusCode(200).extract().jsonPath().getList("items.contentHtml");
        assertEquals(List.of("<p>the real token</p>"), stored, "no bad token left an (anonymous) comment");
        given().get("/api/v1/posts/" + postId).then().statusCode(200).body("likeCount", equalTo(0));
    }

    @Test
    void aRotatedProviderKeyIsFollowedWithoutRestart() throws InterruptedException {
        long postId = Fixtures.commentablePost();
        Person ben = Person.random();
        String before = ben.token();
        signedIn(before).body(Map.of("content", "before the rotation")).post("/api/v1/posts/" + postId + "/comments").then().statusCode(201);
        String kid = ProviderClient.rotate();
        String after = ben.token();
        // an unknown key id refetches the provider's keys at most once a second (IdTokenVerifier): the keys were
        // fetched for the comment above, maybe less than a second ago
        Thread.sleep(1100);
        assertEquals(kid, new JsonPath(new String(java.util.Base64.getUrlDecoder().decode(after.split("\\.")[0]))).getString("kid"));
        signedIn(after).body(Map.of("content", "after the rotation")).post("/api/v1/posts/" + postId + "/comments").then().statusCode(201)
                .body("author.name", equalTo(ben.name()));
        // the old key is no longer published
        signedIn(before).body(Map.of("content", "old key")).post("/api/v1/posts/" + postId + "/comments").then().statusCode(401)
                .body("errors[0].message", equalTo("unknown-key"));
    }

    @Test
    void aCommenterEditsAndDeletesTheirOwnCommentFromAnotherDeviceWithoutTheEditKey() {
        long postId = Fixtures.commentablePost();
        Person cy = Person.random();
        JsonPath created = signedIn(cy.token()).body(Map.of("content", "Typo in hte first line"))
                .post("/api/v1/posts/" + postId + "/comments").then().statusCode(201).extract().jsonPath();
        long id = created.getLong("id");
        String secondDevice = cy.token(); // a new sign-in somewhere else: another token, the same identity
        signedIn(secondDevice).body(Map.of("content", "Typo in the first line")).patch("/api/v1/comments/" + id)
                .then().statusCode(200).body("contentHtml", equalTo("<p>Typo in the first line</p>"))
                .body("author.name", equalTo(cy.name()));

        // someone else, signed in or not, may not
        Person other = Person.random();
        signedIn(other.token()).body(Map.of("content", "hijacked")).patch("/api/v1/comments/" + id).then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("content", "hijacked")).patch("/api/v1/comments/" + id).then().statusCode(401);
        signedIn(other.token()).delete("/api/v1/comments/" + id).then().statusCode(403);
        // nor may the owner change their name through an edit
        signedIn(secondDevice).body(Map.of("content", "x", "authorName", "New name")).patch("/api/v1/comments/" + id).then().statusCode(403);

        JsonPath mine = signedIn(secondDevice).get("/api/v1/me/comments").then().statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .body("items.size()", equalTo(1)).body("page.total", equalTo(1)).extract().jsonPath();
        assertEquals(id, mine.getLong("items[0].id"));
        assertEquals("pending", mine.getString("items[0].status"), "their own comment awaiting moderation is listed too");

        signedIn(secondDevice).delete("/api/v1/comments/" + id).then().statusCode(204);
        signedIn(cy.token()).get("/api/v1/me/comments").then().statusCode(200).body("items[0].status", equalTo("trashed"));
        signedIn(cy.token()).body(Map.of("content", "again")).patch("/api/v1/comments/" + id).then().statusCode(404);
        signedIn(other.token()).get("/api/v1/me/comments").then().statusCode(200).body("items.size()", equalTo(0))
                .body("items", not(nullValue()));
    }

    @Test
    void theEditWindowClosesForASignedInWriterAsForAnEditKey() {
        long postId = Fixtures.commentablePost();
        Person dee = Person.random();
        JsonPath created = signedIn(dee.token()).body(Map.of("content", "First thoughts"))
                .post("/api/v1/posts/" + postId + "/comments").then().statusCode(201).extract().jsonPath();
        long id = created.getLong("id");
        Instant until = Instant.parse(created.getString("editableUntil"));
        String later = dee.token(); // the clock below is Gazette's (Times), not the token's: the token stays valid
        try {
            Times.advance(Duration.between(Times.now(), until).minusSeconds(5));
            signedIn(later).body(Map.of("content", "Second thoughts")).patch("/api/v1/comments/" + id)
                    .then().statusCode(200).body("contentHtml", containsString("Second thoughts"));
            Times.advance(Duration.ofSeconds(6));
            signedIn(later).body(Map.of("content", "Third thoughts")).patch("/api/v1/comments/" + id)
                    .then().statusCode(403).body("detail", containsString("time to edit"));
            signedIn(later).delete("/api/v1/comments/" + id).then().statusCode(403);
        } finally {
            Times.reset();
        }
        Fixtures.as(Fixtures.actor("moderator").token()).get("/api/v1/comments/" + id).then().statusCode(200)
                .body("contentHtml", containsString("Second thoughts"));
    }

    @Test
    void myCommentsAreOnlyMineNewestFirstAndPaged() {
        long postId = Fixtures.commentablePost();
        Person dee = Person.random();
        String token = dee.token();
        for (int i = 1; i <= 3; i++) {
            signedIn(token).body(Map.of("content", "mine " + i)).post("/api/v1/posts/" + postId + "/comments").then().statusCode(201);
        }
        Fixtures.comment(postId, null, unique("anon") + "@example.com", "not mine");
        signedIn(Person.random().token()).body(Map.of("content", "someone else's")).post("/api/v1/posts/" + postId + "/comments")
                .then().statusCode(201);
        JsonPath first = signedIn(token).get("/api/v1/me/comments?limit=2").then().statusCode(200)
                .body("page.total", equalTo(3)).extract().jsonPath();
        assertEquals(List.of("<p>mine 3</p>", "<p>mine 2</p>"), first.getList("items.contentHtml"));
        signedIn(token).get("/api/v1/me/comments?limit=2&cursor=" + first.getString("page.next")).then().statusCode(200)
                .body("items.contentHtml", equalTo(List.of("<p>mine 1</p>")));
        given().get("/api/v1/me/comments").then().statusCode(401).contentType("application/problem+json");
    }
}
