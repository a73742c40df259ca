package dev.gazette.comment.identity;

import dev.gazette.Fixtures;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.gazette.comment.identity.SignInTest.signedIn;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * Known people: with {@code approve-trusted}, a signed-in commenter's comments are approved once two
 * of theirs were; rate limits count per identity, not per address; moderators block an identity.
 */
@QuarkusTest
@WithTestResource(OidcProvider.class)
@TestProfile(TrustTest.Trusted.class)
class TrustTest {

    public static class Trusted implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gazette.comments.moderation", "approve-trusted",
                    "gazette.comments.identity.trusted-after", "2",
                    "gazette.comments.spam.rate-limit.enabled", "true",
                    "gazette.comments.spam.rate-limit.capacity", "5",
                    "gazette.comments.spam.rate-limit.refill-tokens", "5",
                    "gazette.comments.spam.rate-limit.refill-period", "1h");
        }
    }

    @BeforeEach
    void needsTheProvider() {
        ProviderClient.assumeProvider();
    }

    private static long comment(String token, long postId, String text, String expectedStatus) {
        return signedIn(token).body(Map.of("content", text)).post("/api/v1/posts/" + postId + "/comments")
                .then().statusCode(201).body("status", equalTo(expectedStatus)).extract().jsonPath().getLong("id");
    }

    @Test
    void aSignedInCommenterIsApprovedAtOnceAfterTwoApprovedComments() {
        long postId = Fixtures.commentablePost();
        Fixtures.Actor moderator = Fixtures.actor("moderator");
        SignInTest.Person ann = SignInTest.Person.random();
        String token = ann.token();
        long first = comment(token, postId, "first", "pending");
        Fixtures.as(moderator.token()).post("/api/v1/comments/" + first + "/approve").then().statusCode(200);
        long second = comment(token, postId, "second", "pending"); // one approved is not enough
        Fixtures.as(moderator.token()).post("/api/v1/comments/" + second + "/approve").then().statusCode(200);
        comment(token, postId, "third", "approved");
        comment(ann.token(), postId, "fourth, from another device", "approved");

        // someone else is not trusted for it, and anonymous commenters never are in this mode
        comment(SignInTest.Person.random().token(), postId, "a newcomer", "pending");
        Fixtures.comment(postId, null, Fixtures.unique("anon") + "@example.com", "anonymous").getString("status").equals("pending");
        given().get("/api/v1/posts/" + postId).then().statusCode(200).body("commentCount", equalTo(4));
    }

    @Test
    void rateLimitsCountPerIdentityNotPerAddress() {
        long postId = Fixtures.commentablePost();
        String busy = SignInTest.Person.random().token();
        for (int i = 1; i <= 5; i++) {
            comment(busy, postId, "burst " + i, "pending");
        }
        signedIn(busy).body(Map.of("content", "one too many")).post("/api/v1/posts/" + postId + "/comments")
                .then().statusCode(429).header("Retry-After", notNullValue())
                .body("detail", containsString("account"));
        // the same address, another identity: its own bucket
        comment(SignInTest.Person.random().token(), postId, "someone else from the same address", "pending");
    }

    @Test
    void aBlockedIdentityMayNotCommentEditOrLikeUntilUnblocked() {
        long postId = Fixtures.commentablePost();
        Fixtures.Actor moderator = Fixtures.actor("moderator");
        SignInTest.Person troll = SignInTest.Person.random();
        String token = troll.token();
        long id = signedIn(token).body(Map.of("content", "before the block")).post("/api/v1/posts/" + postId + "/comments")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        long commenterId = Fixtures.as(moderator.token()).get("/api/v1/comments/" + id).then().statusCode(200)
                .extract().jsonPath().getLong("author.commenterId");

        Fixtures.as(moderator.token()).body(Map.of("reason", "Repeated abuse")).post("/api/v1/commenters/" + commenterId + "/block")
                .then().statusCode(200).body("blockedAt", notNullValue()).body("blockReason", equalTo("Repeated abuse"))
                .body("email", equalTo(troll.email())).body("comments", equalTo(1));
        signedIn(token).body(Map.of("content", "after the block")).post("/api/v1/posts/" + postId + "/comments")
                .then().statusCode(403).contentType("application/problem+json");
        signedIn(troll.token()).body(Map.of("content", "edited")).patch("/api/v1/comments/" + id).then().statusCode(403);
        signedIn(token).put("/api/v1/posts/" + postId + "/like").then().statusCode(403);
        signedIn(token).get("/api/v1/me/commenter").then().statusCode(200).body("blocked", equalTo(true));
        // only moderators block
        signedIn(token).post("/api/v1/commenters/" + commenterId + "/block").then().statusCode(401);
        Fixtures.as(Fixtures.actor("author").token()).delete("/api/v1/commenters/" + commenterId + "/block").then().statusCode(403);

        Fixtures.as(moderator.token()).delete("/api/v1/commenters/" + commenterId + "/block")
                .then().statusCode(200).body("blockedAt", nullValue());
        signedIn(token).body(Map.of("content", "after the unblock")).post("/api/v1/posts/" + postId + "/comments").then().statusCode(201);
    }
}
