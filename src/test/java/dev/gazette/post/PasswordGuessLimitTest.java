package dev.gazette.post;

import dev.gazette.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Wrong post passwords are limited per client address (gazette.post-passwords.rate-limit; here 5, all back after
 * 10 s, one every 2 s): over the limit a password check is 429 with Retry-After until the bucket refills (the right
 * password is not asserted to be refused while limited: the next request may already have its token). A profile
 * of its own: the buckets of this application instance are not the other tests' (they all come from 127.0.0.1).
 */
@QuarkusTest
@TestProfile(PasswordGuessLimitTest.Limited.class)
class PasswordGuessLimitTest {

    public static class Limited implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gazette.post-passwords.rate-limit.capacity", "5",
                    "gazette.post-passwords.rate-limit.refill-tokens", "5",
                    "gazette.post-passwords.rate-limit.refill-period", "10s");
        }
    }

    @Test
    void tooManyWrongPasswordsFromOneAddressAre429UntilTheLimitRefills() throws InterruptedException {
        String secret = Fixtures.unique("okapi").replace("-", "");
        long id = Fixtures.postId(Fixtures.publishedPost(Fixtures.ADMIN_TOKEN, Fixtures.unique("Guarded"),
                Map.of("content", "<p>The " + secret + " is here.</p>", "password", "right one")));
        String path = "/api/v1/posts/" + id;

        // wrong guesses are 403 until the address's bucket is empty
        Response limited = null;
        for (int i = 0; i < 20 && limited == null; i++) {
            Response r = given().header("X-Post-Password", "guess " + i).get(path);
            if (r.statusCode() == 429) {
                limited = r;
            } else {
                assertEquals(403, r.statusCode(), r.asString());
            }
        }
        assertTrue(limited != null, "no 429 after 20 wrong passwords");
        limited.then().contentType("application/problem+json").body("status", equalTo(429))
                .body("type", endsWith("/too-many-requests")).body("detail", containsString("wrong post passwords"));
        long retryAfter = Long.parseLong(limited.getHeader("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 2, "Retry-After " + retryAfter);

        // the same address's guesses at the post's discussion meet the same limit (reading or commenting)
        given().header("X-Post-Password", "another guess").get(path + "/comments").then().statusCode(429)
                .contentType("application/problem+json").header("Retry-After", org.hamcrest.Matchers.notNullValue());
        given().header("X-Post-Password", "another guess").contentType("application/json")
                .body(Map.of("authorName", "Guesser", "authorEmail", "guesser@example.com", "content", "Let me in"))
                .post(path + "/comments").then().statusCode(429).contentType("application/problem+json");

        // reads without a password are not limited
        given().get(path).then().statusCode(200).body("protected", equalTo(true));

        Thread.sleep(retryAfter * 1000 + 200);
        given().header("X-Post-Password", "right one").get(path).then().statusCode(200).body("content", containsString(secret));
    }
}
