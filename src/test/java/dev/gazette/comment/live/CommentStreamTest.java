package dev.gazette.comment.live;

import dev.gazette.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.gazette.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live comment stream: events after writes, resuming with Last-Event-ID, the heartbeat and the cap per
 * client address ({@code %test} sets a heartbeat of 1 s and a small cap).
 */
@QuarkusTest
class CommentStreamTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static String stream(long postId) {
        return "/api/v1/posts/" + postId + "/comments/stream";
    }

    @Test
    void askedForJsonTheStreamIsA406ThatNamesWhatItIsServedAs() {
        long postId = Fixtures.commentablePost();
        given().accept("application/json").get("/api/v1/posts/" + postId + "/comments/stream").then().statusCode(406)
                .contentType(startsWith("application/problem+json")).body("status", equalTo(406))
                .body("detail", equalTo("This resource is served as text/event-stream only."));
        // the JSON routes still say JSON
        given().accept("text/html").get("/api/v1/posts/" + postId).then().statusCode(406)
                .contentType(startsWith("application/problem+json"))
                .body("detail", equalTo("This resource is served as application/json only."));
    }

    @Test
    void aNewCommentItsEditLikesAndRemovalArriveAsEvents() throws Exception {
        long postId = Fixtures.commentablePost();
        String email = Fixtures.knownEmail(postId, Fixtures.actor("moderator"));
        try (SseClient events = SseClient.open(stream(postId))) {
            assertEquals(200, events.status);
            assertTrue(events.header("Content-Type").startsWith("text/event-stream"), events.headers.toString());
            assertEquals("no-store", events.header("Cache-Control"));
            assertEquals("no", events.header("X-Accel-Buffering"));
            SseClient.Event ready = events.nextEvent(WAIT);
            assertEquals("ready", ready.name());
            assertNotNull(ready.id());

            JsonPath created = Fixtures.comment(postId, null, email, "Live words");
            long id = created.getLong("id");
            SseClient.Event arrived = events.nextEvent(WAIT);
            assertEquals("comment", arrived.name());
            assertTrue(Long.parseLong(arrived.id()) > Long.parseLong(ready.id()));
            JsonPath data = new JsonPath(arrived.data());
            assertEquals("created", data.getString("action"));
            assertEquals(id, data.getLong("comment.id"));
            assertEquals("<p>Live words</p>", data.getString("comment.contentHtml"));
            assertFalse(arrived.data().contains(email), "an event never shows an email");
            assertFalse(arrived.data().contains("127.0.0.1"), "an event never shows an address");

            given().header("X-Visitor-Id", UUID.randomUUID().toString()).put("/api/v1/comments/" + id + "/like")
                    .then().statusCode(200);
            SseClient.Event liked = events.nextEvent(WAIT);
            assertEquals("comment", liked.name());
            assertEquals(1, new JsonPath(liked.data()).getInt("comment.likeCount"));
            assertEquals("updated", new JsonPath(liked.data()).getString("action"));

            given().header("X-Edit-Key", created.getString("editKey")).contentType("application/json")
                    .body(Map.of("content", "Live words, edited")).patch("/api/v1/comments/" + id).then().statusCode(200);
            SseClient.Event edited = events.nextEvent(WAIT);
            assertEquals("<p>Live words, edited</p>", new JsonPath(edited.data()).getString("comment.contentHtml"));

            given().header("X-Visitor-Id", UUID.randomUUID().toString()).put("/api/v1/posts/" + postId + "/like")
                    .then().statusCode(200);
            SseClient.Event post = events.nextEvent(WAIT);
            assertEquals("post", post.name());
            assertEquals(1, new JsonPath(post.data()).getInt("likeCount"));
            assertEquals(2, new JsonPath(post.data()).getInt("commentCount"));

            given().header("X-Edit-Key", created.getString("editKey")).delete("/api/v1/comments/" + id).then().statusCode(204);
            SseClient.Event removed = events.nextEvent(WAIT);
            assertEquals("comment-removed", removed.name());
            assertEquals(id, new JsonPath(removed.data()).getLong("id"));
        }
    }

    @Inject
    EntityManager em;

    /**
     * Another instance sharing the database records its change in the change feed (the counter and a row naming
     * the post), and nothing else reaches this one: the stream reads the feed, so the change arrives.
     */
    @Test
    void aChangeWrittenThroughAnotherInstanceArrives() throws Exception {
        long postId = Fixtures.commentablePost();
        String email = Fixtures.knownEmail(postId, Fixtures.actor("moderator"));
        long id = Fixtures.comment(postId, null, email, "Before").getLong("id");
        try (SseClient events = SseClient.open(stream(postId))) {
            assertEquals("ready", events.nextEvent(WAIT).name());
            QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("update comment set content = '<p>Changed elsewhere</p>' where id = :id").setParameter("id", id)
                        .executeUpdate();
                em.createNativeQuery("update change_counter set last_seq = last_seq + 1 where id = 1").executeUpdate();
                long seq = ((Number) em.createNativeQuery("select last_seq from change_counter where id = 1").getSingleResult()).longValue();
                em.createNativeQuery("insert into change_log (seq, type, entity_id, action, at, post_id)"
                                + " values (:seq, 'COMMENT', :id, 'UPDATED', :at, :post)")
                        .setParameter("seq", seq).setParameter("id", id).setParameter("at", java.time.Instant.now())
                        .setParameter("post", postId).executeUpdate();
            });
            SseClient.Event changed = events.nextEvent(WAIT);
            assertEquals("comment", changed.name());
            assertEquals("<p>Changed elsewhere</p>", new JsonPath(changed.data()).getString("comment.contentHtml"));
        }
    }

    @Test
    void aHeldCommentIsNotSentUntilApproved() throws Exception {
        long postId = Fixtures.commentablePost();
        Fixtures.Actor moderator = Fixtures.actor("moderator");
        try (SseClient events = SseClient.open(stream(postId))) {
            assertEquals("ready", events.nextEvent(WAIT).name());
            long held = Fixtures.comment(postId, null, unique("new") + "@example.com", "Held words").getLong("id");
            Fixtures.as(moderator.token()).post("/api/v1/comments/" + held + "/approve").then().statusCode(200);
            SseClient.Event approved = events.nextEvent(WAIT);
            assertEquals("comment", approved.name());
            assertEquals(held, new JsonPath(approved.data()).getLong("comment.id"));
        }
    }

    @Test
    void reconnectingWithLastEventIdDeliversWhatWasMissedInOrder() throws Exception {
        long postId = Fixtures.commentablePost();
        String email = Fixtures.knownEmail(postId, Fixtures.actor("moderator"));
        String seenId;
        try (SseClient events = SseClient.open(stream(postId))) {
            assertEquals("ready", events.nextEvent(WAIT).name());
            Fixtures.comment(postId, null, email, "Seen before leaving");
            seenId = events.nextEvent(WAIT).id();
        }
        long missed1 = Fixtures.comment(postId, null, email, "Missed one").getLong("id");
        long missed2 = Fixtures.comment(postId, missed1, email, "Missed two").getLong("id");

        try (SseClient events = SseClient.open(stream(postId), Map.of("Last-Event-ID", seenId))) {
            SseClient.Event ready = events.nextEvent(WAIT);
            assertEquals("ready", ready.name());
            assertEquals(seenId, ready.id());
            SseClient.Event first = events.nextEvent(WAIT);
            SseClient.Event second = events.nextEvent(WAIT);
            assertEquals(missed1, new JsonPath(first.data()).getLong("comment.id"));
            assertEquals(missed2, new JsonPath(second.data()).getLong("comment.id"));
            assertEquals(missed1, new JsonPath(second.data()).getLong("comment.parentId"));
            assertTrue(Long.parseLong(seenId) < Long.parseLong(first.id()) && Long.parseLong(first.id()) < Long.parseLong(second.id()));
        }

        // an id this stream never issued: the client is told to reload
        try (SseClient events = SseClient.open(stream(postId), Map.of("Last-Event-ID", "999999999999999"))) {
            SseClient.Event reset = events.nextEvent(WAIT);
            assertEquals("reset", reset.name());
        }
        given().header("Last-Event-ID", "yesterday").get(stream(postId)).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("Last-Event-ID"));
    }

    @Test
    void aQuietStreamSendsHeartbeats() throws Exception {
        long postId = Fixtures.commentablePost();
        try (SseClient events = SseClient.open(stream(postId))) {
            assertEquals("ready", events.nextEvent(WAIT).name());
            SseClient.Event beat = events.next(WAIT);
            assertNotNull(beat, "a heartbeat within 10 s (the test profile's is 1 s)");
            assertEquals("heartbeat", beat.comment());
        }
    }

    @Test
    void oneAddressMayHoldOnlyAFewStreams() throws Exception {
        int cap = ConfigProvider.getConfig().getValue("gazette.comments.stream.max-per-client", Integer.class);
        long postId = Fixtures.commentablePost();
        List<SseClient> open = new ArrayList<>();
        try {
            SseClient refused = null;
            for (int i = 0; i <= cap && refused == null; i++) {
                SseClient s = SseClient.open(stream(postId));
                if (s.status == 429) {
                    refused = s;
                } else {
                    assertEquals(200, s.status);
                    open.add(s);
                }
            }
            assertNotNull(refused, "a stream beyond " + cap + " of one address is refused");
            assertTrue(open.size() <= cap, "at most " + cap + " streams held: " + open.size());
            assertTrue(refused.header("Content-Type").startsWith("application/problem+json"));
            assertNotNull(refused.header("Retry-After"));
            given().get(stream(postId)).then().statusCode(429).contentType(startsWith("application/problem+json"))
                    .body("status", equalTo(429));

            // closing one makes room (the server notices the closed connection)
            open.remove(0).close();
            long until = System.nanoTime() + WAIT.toNanos();
            SseClient again = SseClient.open(stream(postId));
            while (again.status == 429 && System.nanoTime() < until) {
                Thread.sleep(100);
                again = SseClient.open(stream(postId));
            }
            open.add(again);
            assertEquals(200, again.status);
            assertEquals("ready", again.nextEvent(WAIT).name());
        } finally {
            for (SseClient s : open) {
                s.close();
            }
        }
    }

    @Test
    void anUnknownPostHasNoStream() {
        given().get("/api/v1/posts/" + unique("no-such-post") + "/comments/stream").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
