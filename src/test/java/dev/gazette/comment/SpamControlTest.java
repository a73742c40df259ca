package dev.gazette.comment;

import dev.gazette.Fixtures;
import dev.gazette.common.Times;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.gazette.Fixtures.as;
import static dev.gazette.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@TestProfile(SpamControlTest.Strict.class)
class SpamControlTest {

    public static class Strict implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>();
            config.put("gazette.comments.spam.flood-interval", "3s");
            config.put("gazette.comments.spam.rate-limit.enabled", "true");
            config.put("gazette.comments.spam.rate-limit.capacity", "5");
            config.put("gazette.comments.spam.rate-limit.refill-tokens", "5");
            config.put("gazette.comments.spam.rate-limit.refill-period", "1m");
            config.put("gazette.comments.spam.blocked-words", "casino,payday loan");
            config.put("gazette.comments.spam.blocked-emails", "@spam.example,bad@example.org");
            config.put("gazette.comments.spam.blocked-ips", "203.0.113.0/24,2001:db8::/32");
            config.put("gazette.comments.spam.max-links", "2");
            config.put("gazette.comments.spam.akismet.url", FakeSpamChecker.url());
            config.put("gazette.comments.spam.akismet.key", "test-key");
            config.put("gazette.comments.spam.akismet.timeout", "1s");
            config.put("gazette.comments.close-after", "30d");
            config.put("gazette.site.post-url", "https://news.example/stories/{slug}");
            // the tests play many clients: trust X-Forwarded-For as a proxy would set it
            config.put("quarkus.http.proxy.proxy-address-forwarding", "true");
            config.put("quarkus.http.proxy.allow-x-forwarded", "true");
            return config;
        }
    }

    @AfterEach
    void resetClock() {
        Times.reset();
    }

    @ConfigProperty(name = "gazette.comments.spam.akismet.url")
    String checkerUrl;

    private static final AtomicInteger NEXT_IP = new AtomicInteger(1);

    /** A fresh client address for each use, so limits of one test never touch another. */
    private static String newIp() {
        int n = NEXT_IP.getAndIncrement();
        return "198.51." + (n / 250) + "." + (n % 250 + 1);
    }

    private static Response post(long postId, String ip, String email, String content, String honeypot) {
        Map<String, Object> body = new HashMap<>(Map.of("authorName", "Visitor", "authorEmail", email, "content", content));
        if (honeypot != null) {
            body.put("honeypot", honeypot);
        }
        return given().header("X-Forwarded-For", ip).contentType(ContentType.JSON).body(body)
                .post("/api/v1/posts/" + postId + "/comments");
    }

    private static String email() {
        return unique("v") + "@example.com";
    }

    @Test
    void honeypotBlocklistsAndLinksDecideTheStatus() {
        long postId = CommentTreeTest.post();
        Fixtures.Actor moderator = Fixtures.actor("moderator");
        post(postId, newIp(), email(), "Lovely", "http://bot.example").then().statusCode(201).body("status", equalTo("spam"));
        long casino = post(postId, newIp(), email(), "Best CASINO bonus", null).then().statusCode(201)
                .body("status", equalTo("spam")).extract().jsonPath().getLong("id");
        post(postId, newIp(), unique("x") + "@spam.example", "Hello", null).then().statusCode(201).body("status", equalTo("spam"));
        post(postId, newIp(), "bad@example.org", "Hello", null).then().statusCode(201).body("status", equalTo("spam"));
        post(postId, "203.0.113.77", email(), "Hello from a blocked range", null).then().statusCode(201).body("status", equalTo("spam"));
        post(postId, "2001:db8::1", email(), "Hello from a blocked v6 range", null).then().statusCode(201).body("status", equalTo("spam"));
        long linky = post(postId, newIp(), email(), "See https://a.example and https://b.example and www.c.example", null)
                .then().statusCode(201).body("status", equalTo("pending")).extract().jsonPath().getLong("id");

        as(moderator.token()).get("/api/v1/comments/" + casino).then().body("moderation.reason", containsString("casino"));
        as(moderator.token()).get("/api/v1/comments/" + linky).then().body("moderation.reason", containsString("3 links"));
        as(moderator.token()).queryParam("status", "spam").queryParam("post", postId).get("/api/v1/comments")
                .then().statusCode(200).body("page.total", equalTo(6));
        given().get("/api/v1/posts/" + postId).then().body("commentCount", equalTo(0));
    }

    @Test
    void duplicateCommentIs409() {
        long postId = CommentTreeTest.post();
        String email = email();
        post(postId, newIp(), email, "Same words", null).then().statusCode(201);
        post(postId, newIp(), email, "Same words", null).then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void floodingFromOneAddressOrEmailIs429WithRetryAfter() {
        long postId = CommentTreeTest.post();
        String ip = newIp();
        post(postId, ip, email(), "First", null).then().statusCode(201);
        Response second = post(postId, ip, email(), "Second", null);
        second.then().statusCode(429).contentType("application/problem+json");
        int retry = Integer.parseInt(second.header("Retry-After"));
        assertTrue(retry >= 1 && retry <= 4, "Retry-After " + retry);

        String email = email();
        post(postId, newIp(), email, "One", null).then().statusCode(201);
        post(postId, newIp(), email, "Two", null).then().statusCode(429);
    }

    @Test
    void aBurstOfWritesFromOneAddressIsRateLimited() {
        long postId = CommentTreeTest.post();
        String ip = newIp();
        int limited = 0;
        String retryAfter = null;
        for (int i = 0; i < 8; i++) {
            Response r = given().header("X-Forwarded-For", ip).header("X-Visitor-Id", "burst-visitor-" + i)
                    .put("/api/v1/posts/" + postId + "/like");
            if (r.statusCode() == 429) {
                limited++;
                retryAfter = r.header("Retry-After");
                r.then().contentType("application/problem+json");
            } else {
                assertEquals(200, r.statusCode());
            }
        }
        assertEquals(3, limited, "capacity 5: the 6th, 7th and 8th writes are refused");
        assertTrue(Integer.parseInt(retryAfter) >= 1);
        given().header("X-Forwarded-For", newIp()).header("X-Visitor-Id", "burst-visitor-x")
                .put("/api/v1/posts/" + postId + "/like").then().statusCode(200);
        given().header("X-Forwarded-For", ip).get("/api/v1/posts/" + postId + "/comments").then().statusCode(200);
    }

    @Test
    void theSpamCheckerDecidesAndItsFailureHoldsTheComment() {
        long postId = CommentTreeTest.post();
        Fixtures.Actor moderator = Fixtures.actor("moderator");
        String ip = newIp();
        String email = email();
        long spam = post(postId, ip, email, "buy-cheap-pills now", null).then().statusCode(201)
                .body("status", equalTo("spam")).extract().jsonPath().getLong("id");
        Map<String, String> sent = FakeSpamChecker.parse(given().get(checkerUrl + "/last").asString());
        assertEquals("test-key", sent.get("api_key"));
        assertEquals(email, sent.get("comment_author_email"));
        assertEquals(ip, sent.get("user_ip"));
        assertEquals("comment", sent.get("comment_type"));
        assertEquals("buy-cheap-pills now", sent.get("comment_content"));
        String slug = given().get("/api/v1/posts/" + postId).then().statusCode(200).extract().path("slug");
        assertEquals("https://news.example/stories/" + slug, sent.get("permalink"), "the post's public URL");
        as(moderator.token()).get("/api/v1/comments/" + spam).then().body("moderation.reason", containsString("spam checker"));

        // the checker answers "ham" after 2.5 s; with its 1 s timeout the comment is held as "too slow"
        long slow = post(postId, newIp(), email(), "slow-checker please", null).then().statusCode(201)
                .body("status", equalTo("pending")).extract().jsonPath().getLong("id");
        as(moderator.token()).get("/api/v1/comments/" + slow).then()
                .body("moderation.reason", containsString("spam checker unreachable or too slow"));
        long broken = post(postId, newIp(), email(), "broken-checker please", null).then().statusCode(201)
                .body("status", equalTo("pending")).extract().jsonPath().getLong("id");
        as(moderator.token()).get("/api/v1/comments/" + broken).then().body("moderation.reason", containsString("HTTP 500"));
        // held, never lost: a moderator can still approve it
        as(moderator.token()).post("/api/v1/comments/" + broken + "/approve").then().statusCode(200);
        given().get("/api/v1/comments/" + broken).then().statusCode(200);
    }

    @Test
    void theEditKeyStopsWorkingWhenTheEditWindowCloses() {
        long postId = CommentTreeTest.post();
        var created = post(postId, newIp(), email(), "Quick thought", null).then().statusCode(201).extract().jsonPath();
        String key = created.getString("editKey");
        long id = created.getLong("id");
        Instant until = Instant.parse(created.getString("editableUntil"));
        assertEquals(Duration.ofMinutes(15), Duration.between(Times.now(), until).plusSeconds(30).truncatedTo(java.time.temporal.ChronoUnit.MINUTES),
                "the default edit window (15 minutes)");
        Times.advance(Duration.between(Times.now(), until).minusSeconds(5));
        given().header("X-Edit-Key", key).contentType(ContentType.JSON).body(Map.of("content", "Quick thought, edited"))
                .patch("/api/v1/comments/" + id).then().statusCode(200).body("contentHtml", containsString("edited"));
        Times.advance(Duration.ofSeconds(6));
        given().header("X-Edit-Key", key).contentType(ContentType.JSON).body(Map.of("content", "Too late"))
                .patch("/api/v1/comments/" + id).then().statusCode(403)
                .body("detail", containsString("time to edit"));
        given().header("X-Edit-Key", key).delete("/api/v1/comments/" + id).then().statusCode(403);
        as(Fixtures.actor("moderator").token()).get("/api/v1/comments/" + id).then().statusCode(200)
                .body("contentHtml", containsString("Quick thought, edited"));
    }

    @Test
    void commentsCloseByThemselvesAfterTheConfiguredTime() {
        long old = Fixtures.postId(Fixtures.publishedPost(Fixtures.ADMIN_TOKEN, unique("old"),
                Map.of("publishedAt", Instant.now().minus(Duration.ofDays(31)).toString())));
        long recent = Fixtures.postId(Fixtures.publishedPost(Fixtures.ADMIN_TOKEN, unique("recent"),
                Map.of("publishedAt", Instant.now().minus(Duration.ofDays(29)).toString())));
        post(old, newIp(), email(), "Too late", null).then().statusCode(403).body("detail", containsString("closed"));
        post(recent, newIp(), email(), "Just in time", null).then().statusCode(201);
    }
}
