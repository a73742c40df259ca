package dev.gazette.webhook;

import dev.gazette.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static dev.gazette.Fixtures.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class WebhookTest {

    private final List<WebhookReceiver> receivers = new ArrayList<>();
    private final List<Long> endpoints = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        endpoints.forEach(id -> asAdmin().delete("/api/v1/webhooks/" + id));
        receivers.forEach(WebhookReceiver::close);
    }

    record Endpoint(long id, String secret) {
    }

    private WebhookReceiver receiver(int failFirst) {
        WebhookReceiver receiver = new WebhookReceiver(0, failFirst);
        receivers.add(receiver);
        return receiver;
    }

    private Endpoint register(String url, List<String> events) {
        JsonPath created = asAdmin().body(Map.of("url", url, "events", events, "description", "test receiver"))
                .post("/api/v1/webhooks").then().statusCode(201)
                .header("Location", containsString("/api/v1/webhooks/"))
                .header("Cache-Control", containsString("no-store"))
                .body("secret", startsWith("whsec_"))
                .extract().jsonPath();
        endpoints.add(created.getLong("id"));
        return new Endpoint(created.getLong("id"), created.getString("secret"));
    }

    static void await(String what, BooleanSupplier condition) {
        Awaitility.await(what).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(condition::getAsBoolean);
    }

    private static List<WebhookReceiver.Received> about(WebhookReceiver receiver, String slug) {
        return receiver.accepted().stream().filter(r -> r.body().contains("\"slug\":\"" + slug + "\"")).toList();
    }

    @Test
    void onlyAdminsManageWebhooksAndSecretsAreNeverListed() {
        Fixtures.Actor editor = Fixtures.actor("editor");
        Map<String, Object> body = Map.of("url", "https://hooks.example.org/x", "events", List.of("post.published"));
        given().contentType("application/json").body(body).post("/api/v1/webhooks").then().statusCode(401)
                .contentType("application/problem+json");
        Fixtures.as(editor.token()).body(body).post("/api/v1/webhooks").then().statusCode(403)
                .contentType("application/problem+json");

        Endpoint endpoint = register("https://hooks.example.org/gazette", List.of("post.published", "post.deleted"));
        Endpoint second = register("https://hooks.example.org/gazette-2", List.of("post.updated"));
        asAdmin().get("/api/v1/webhooks").then().statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .body("page.limit", equalTo(20)).body("page.total", org.hamcrest.Matchers.greaterThanOrEqualTo(2));
        // every endpoint exactly once, oldest first, walking page.next two at a time
        List<Map<String, Object>> all = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var page = asAdmin().queryParam("limit", 2).queryParam("cursor", cursor == null ? "" : cursor)
                    .get("/api/v1/webhooks").then().statusCode(200).body("items.size()", org.hamcrest.Matchers.lessThanOrEqualTo(2))
                    .body("items", org.hamcrest.Matchers.everyItem(not(hasKey("secret"))))
                    .extract().jsonPath();
            all.addAll(page.getList("items"));
            cursor = page.getString("page.next");
        } while (cursor != null);
        List<Long> ids = all.stream().map(w -> ((Number) w.get("id")).longValue()).toList();
        assertEquals(ids.stream().sorted().distinct().toList(), ids, "oldest first, each once");
        Map<String, Object> listed = all.get(ids.indexOf(endpoint.id()));
        assertEquals(List.of("post.published", "post.deleted"), listed.get("events"));
        assertEquals(ids.indexOf(endpoint.id()) + 1, ids.indexOf(second.id()));
        asAdmin().get("/api/v1/webhooks/" + endpoint.id()).then().statusCode(200)
                .header("ETag", notNullValue()).body("$", not(hasKey("secret"))).body("enabled", equalTo(true));
        Fixtures.as(editor.token()).get("/api/v1/webhooks/" + endpoint.id()).then().statusCode(403);
        asAdmin().get("/api/v1/webhooks/999999999").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void badRegistrationsAreRejectedWithTheFieldNamed() {
        asAdmin().body(Map.of("url", "ftp://example.org/x", "events", List.of("post.published")))
                .post("/api/v1/webhooks").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("url"));
        asAdmin().body(Map.of("url", "https://example.org/x", "events", List.of("post.exploded")))
                .post("/api/v1/webhooks").then().statusCode(422).body("errors.field", hasItem("events"));
        asAdmin().body(Map.of("url", "https://example.org/x", "events", List.of()))
                .post("/api/v1/webhooks").then().statusCode(422).body("errors.field", hasItem("events"));
        asAdmin().body(Map.of("url", "https://example.org/x", "events", List.of("post.published"), "secret", "short"))
                .post("/api/v1/webhooks").then().statusCode(422).body("errors.field", hasItem("secret"));
        asAdmin().body("{\"url\": ").post("/api/v1/webhooks").then().statusCode(400).contentType("application/problem+json");
        asAdmin().get("/api/v1/webhooks/1/deliveries?status=lost").then().statusCode(400);
    }

    @Test
    void postLifecycleIsDeliveredSignedWithOneEventPerChange() {
        WebhookReceiver receiver = receiver(0);
        Endpoint endpoint = register(receiver.url(), List.of("post.published", "post.updated", "post.unpublished", "post.deleted"));
        Fixtures.Actor editor = Fixtures.actor("editor");

        String slug = Fixtures.unique("hooked");
        Fixtures.publishedPost(editor.token(), "Hooked story", Map.of("slug", slug));
        Fixtures.as(editor.token()).contentType("application/merge-patch+json").body(Map.of("title", "Hooked story, updated"))
                .patch("/api/v1/posts/" + slug).then().statusCode(200);
        Fixtures.as(editor.token()).post("/api/v1/posts/" + slug + "/unpublish").then().statusCode(200);
        Fixtures.as(editor.token()).post("/api/v1/posts/" + slug + "/publish").then().statusCode(200);
        Fixtures.as(editor.token()).delete("/api/v1/posts/" + slug).then().statusCode(204);

        await("five events", () -> about(receiver, slug).size() >= 5);
        List<WebhookReceiver.Received> got = about(receiver, slug);
        assertEquals(List.of("post.published", "post.updated", "post.unpublished", "post.published", "post.deleted"),
                got.stream().sorted(java.util.Comparator.comparing(WebhookTest::occurredAt))
                        .map(r -> JsonPath.from(r.body()).getString("event")).toList());
        for (WebhookReceiver.Received r : got) {
            assertTrue(WebhookReceiver.signatureValid(r.signature(), r.body(), endpoint.secret()), "signature of " + r.body());
            assertFalse(WebhookReceiver.signatureValid(r.signature(), r.body(), "whsec_someone-else-entirely"));
            JsonPath payload = JsonPath.from(r.body());
            assertEquals(r.event(), payload.getString("event"));
            assertEquals(slug, payload.getString("data.slug"));
            assertEquals("/api/v1/posts/" + slug, payload.getString("data.href"));
            assertTrue(payload.getString("id").length() == 36, "event id is a UUID");
        }
        assertEquals(5, got.stream().map(WebhookReceiver.Received::delivery).distinct().count(), "one delivery id each");

        String delivery = got.get(0).delivery();
        asAdmin().get("/api/v1/webhooks/" + endpoint.id() + "/deliveries?status=delivered").then().statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .body("items.id", hasItem(delivery)).body("items[0].status", equalTo("delivered"))
                .body("items[0].lastStatus", equalTo(204)).body("items[0]", hasKey("payload")).body("items[0].payload", nullValue());
        // enum values are answered lower case and accepted in any case
        asAdmin().get("/api/v1/webhooks/" + endpoint.id() + "/deliveries?status=DELIVERED").then().statusCode(200)
                .body("items.id", hasItem(delivery)).body("items.status", org.hamcrest.Matchers.everyItem(equalTo("delivered")));
        asAdmin().get("/api/v1/webhooks/" + endpoint.id() + "/deliveries/" + delivery).then().statusCode(200)
                .body("status", equalTo("delivered")).body("attempts", equalTo(1)).body("payload.data.slug", equalTo(slug));
    }

    /** Deliveries arrive in parallel; the payload says when each change happened. */
    private static java.time.Instant occurredAt(WebhookReceiver.Received r) {
        return java.time.Instant.parse(JsonPath.from(r.body()).getString("occurredAt"));
    }

    @Test
    void draftsAndUnsubscribedEventsAreNotSent() {
        WebhookReceiver receiver = receiver(0);
        register(receiver.url(), List.of("post.deleted"));
        Fixtures.Actor editor = Fixtures.actor("editor");
        String published = Fixtures.unique("not-announced");
        Fixtures.publishedPost(editor.token(), "Not announced", Map.of("slug", published));
        String draft = Fixtures.unique("draft");
        Fixtures.as(editor.token()).body(Map.of("title", "Draft", "content", "<p>x</p>", "slug", draft, "status", "draft"))
                .post("/api/v1/posts").then().statusCode(201);
        Fixtures.as(editor.token()).delete("/api/v1/posts/" + draft).then().statusCode(204);
        Fixtures.as(editor.token()).delete("/api/v1/posts/" + published).then().statusCode(204);

        await("the deletion", () -> !about(receiver, published).isEmpty());
        assertEquals(List.of("post.deleted"), about(receiver, published).stream().map(WebhookReceiver.Received::event).toList());
        assertTrue(about(receiver, draft).isEmpty(), "a draft never was public");
    }

    @Test
    void aFailingReceiverGetsTheEventOnceItRecoversUnderTheSameDeliveryId() {
        WebhookReceiver receiver = receiver(3); // 503 three times, then 204
        Endpoint endpoint = register(receiver.url(), List.of("post.published"));
        String slug = Fixtures.unique("retried");
        Fixtures.publishedPost(Fixtures.actor("editor").token(), "Retried", Map.of("slug", slug));

        await("the retried delivery", () -> !about(receiver, slug).isEmpty());
        List<WebhookReceiver.Received> all = receiver.received().stream()
                .filter(r -> r.body().contains("\"slug\":\"" + slug + "\"")).toList();
        assertEquals(4, all.size(), "three failures, then success");
        assertEquals(1, all.stream().map(WebhookReceiver.Received::delivery).distinct().count(), "retries keep the delivery id");
        assertEquals(1, all.stream().map(WebhookReceiver.Received::body).distinct().count(), "retries send the same body");
        all.forEach(r -> assertTrue(WebhookReceiver.signatureValid(r.signature(), r.body(), endpoint.secret())));

        String delivery = all.get(0).delivery();
        await("the log to record success", () -> "delivered".equals(asAdmin()
                .get("/api/v1/webhooks/" + endpoint.id() + "/deliveries/" + delivery).jsonPath().getString("status")));
        asAdmin().get("/api/v1/webhooks/" + endpoint.id() + "/deliveries/" + delivery).then()
                .body("attempts", equalTo(4)).body("lastStatus", equalTo(204)).body("lastError", equalTo(null));
        asAdmin().get("/api/v1/webhooks/" + endpoint.id()).then().body("consecutiveFailures", equalTo(0)).body("enabled", equalTo(true));
    }

    @Test
    void anEndpointDownTooLongIsDisabledAndReEnablingDeliversWhatWaited() {
        WebhookReceiver receiver = receiver(0);
        receiver.down(true);
        Endpoint endpoint = register(receiver.url(), List.of("post.published"));
        Fixtures.Actor editor = Fixtures.actor("editor");
        String first = Fixtures.unique("while-down");
        Fixtures.publishedPost(editor.token(), "While down", Map.of("slug", first));

        await("the endpoint to be disabled", () -> !asAdmin().get("/api/v1/webhooks/" + endpoint.id()).jsonPath().getBoolean("enabled"));
        asAdmin().get("/api/v1/webhooks/" + endpoint.id()).then()
                .body("disabledReason", containsString("failed attempts in a row")).body("consecutiveFailures", equalTo(6));
        // nothing is sent to a disabled endpoint; a change made meanwhile waits in the outbox too
        String second = Fixtures.unique("while-disabled");
        Fixtures.publishedPost(editor.token(), "While disabled", Map.of("slug", second));
        int attemptsWhileDisabled = receiver.received().size();
        asAdmin().get("/api/v1/webhooks/" + endpoint.id() + "/deliveries?status=pending").then().statusCode(200)
                .body("page.total", equalTo(2));
        // five poll intervals in which a disabled endpoint must get nothing
        Awaitility.await("no attempt while disabled").during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> receiver.received().size() == attemptsWhileDisabled);

        receiver.down(false);
        String etag = asAdmin().get("/api/v1/webhooks/" + endpoint.id()).header("ETag");
        asAdmin().header("If-Match", etag).contentType("application/merge-patch+json").body(Map.of("enabled", true))
                .patch("/api/v1/webhooks/" + endpoint.id()).then().statusCode(200)
                .body("enabled", equalTo(true)).body("consecutiveFailures", equalTo(0)).body("disabledReason", equalTo(null));

        await("both waiting events", () -> about(receiver, first).size() == 1 && about(receiver, second).size() == 1);
        asAdmin().header("If-Match", etag).contentType("application/merge-patch+json").body(Map.of("enabled", false))
                .patch("/api/v1/webhooks/" + endpoint.id()).then().statusCode(412);
    }

    @Test
    void aDeliveryCanBeRedeliveredByHandAsANewDeliveryOfTheSameEvent() {
        WebhookReceiver receiver = receiver(0);
        Endpoint endpoint = register(receiver.url(), List.of("post.published"));
        String slug = Fixtures.unique("redelivered");
        Fixtures.publishedPost(Fixtures.actor("editor").token(), "Redelivered", Map.of("slug", slug));
        await("the first delivery", () -> about(receiver, slug).size() == 1);
        WebhookReceiver.Received original = about(receiver, slug).get(0);

        String copy = asAdmin().post("/api/v1/webhooks/" + endpoint.id() + "/deliveries/" + original.delivery() + "/redeliver")
                .then().statusCode(202).header("Location", containsString("/deliveries/"))
                .body("redeliveryOf", equalTo(original.delivery())).body("status", equalTo("pending"))
                .extract().path("id");
        await("the redelivery", () -> about(receiver, slug).size() == 2);
        WebhookReceiver.Received again = about(receiver, slug).get(1);
        assertEquals(copy, again.delivery());
        assertEquals(JsonPath.from(original.body()).getString("id"), JsonPath.from(again.body()).getString("id"), "same event id");
        assertTrue(WebhookReceiver.signatureValid(again.signature(), again.body(), endpoint.secret()));

        asAdmin().post("/api/v1/webhooks/" + endpoint.id() + "/deliveries/no-such-delivery/redeliver").then().statusCode(404);
        asAdmin().post("/api/v1/webhooks/" + endpoint.id() + "/ping").then().statusCode(202).body("event", equalTo("ping"));
        await("the ping", () -> receiver.accepted().stream().anyMatch(r -> "ping".equals(r.event())));
    }

    @Test
    void commentsAreAnnouncedWhenWrittenAndWhenApprovedWithoutPrivateData() {
        WebhookReceiver receiver = receiver(0);
        register(receiver.url(), List.of("comment.created", "comment.approved"));
        long post = Fixtures.commentablePost();
        String email = Fixtures.unique("reader") + "@example.com";
        long held = given().contentType("application/json")
                .body(Map.of("authorName", "First Timer", "authorEmail", email, "content", "A first comment, held for review"))
                .post("/api/v1/posts/" + post + "/comments").then().statusCode(201).body("status", equalTo("pending"))
                .extract().jsonPath().getLong("id");
        asAdmin().post("/api/v1/comments/" + held + "/approve").then().statusCode(200);

        await("created and approved", () -> receiver.accepted().stream()
                .filter(r -> r.body().contains("\"id\":" + held + ",")).count() == 2);
        List<WebhookReceiver.Received> got = receiver.accepted().stream().filter(r -> r.body().contains("\"id\":" + held + ",")).toList();
        assertEquals(List.of("comment.approved", "comment.created"), got.stream().map(WebhookReceiver.Received::event).sorted().toList());
        for (WebhookReceiver.Received r : got) {
            assertFalse(r.body().contains(email), "no email in a payload");
            assertEquals("First Timer", JsonPath.from(r.body()).getString("data.authorName"));
        }
    }
}
