package dev.gazette.webhook;

import dev.gazette.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.gazette.Fixtures.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The outbox across a restart and at its limits. The application under this profile starts on a
 * database holding what a crashed predecessor left ({@link CrashSeed}): the test fails, never
 * skips, when those deliveries or imports are not picked up.
 */
@QuarkusTest
@TestProfile(WebhookOutboxTest.AfterACrash.class)
class WebhookOutboxTest {

    public static class AfterACrash implements QuarkusTestProfile {
        /** Up before the application starts, as a customer's receiver is while Gazette restarts. */
        static final WebhookReceiver RECEIVER = new WebhookReceiver(0, 0);
        static final String RUN = UUID.randomUUID().toString().substring(0, 8);

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "gazette.webhooks.max-attempts", "3",
                    "gazette.webhooks.timeout", "1s",
                    "gazette.webhooks.disable-after", "1000",
                    "gazette-test.crash-seed.receiver", RECEIVER.url(),
                    "gazette-test.crash-seed.failed-twice", "00000000-0000-4000-8000-" + RUN + "0001",
                    "gazette-test.crash-seed.in-flight", "00000000-0000-4000-8000-" + RUN + "0002",
                    "gazette-test.crash-seed.running-import", "running-when-it-stopped-" + RUN + ".xml",
                    "gazette-test.crash-seed.queued-import", "queued-when-it-stopped-" + RUN + ".xml",
                    "gazette-test.crash-seed.import-site", "https://queued-" + RUN + ".example.test");
        }
    }

    @ConfigProperty(name = "gazette-test.crash-seed.receiver")
    String seededReceiver;

    @ConfigProperty(name = "gazette-test.crash-seed.failed-twice")
    String failedTwice;

    @ConfigProperty(name = "gazette-test.crash-seed.in-flight")
    String inFlight;

    @ConfigProperty(name = "gazette-test.crash-seed.running-import")
    String runningImport;

    @ConfigProperty(name = "gazette-test.crash-seed.queued-import")
    String queuedImport;

    @ConfigProperty(name = "gazette-test.crash-seed.import-site")
    String importSite;

    private final List<WebhookReceiver> receivers = new ArrayList<>();
    private final List<Long> endpoints = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        endpoints.forEach(id -> asAdmin().delete("/api/v1/webhooks/" + id));
        receivers.forEach(WebhookReceiver::close);
    }

    private long register(String url, List<String> events) {
        long id = asAdmin().body(Map.of("url", url, "events", events)).post("/api/v1/webhooks").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        endpoints.add(id);
        return id;
    }

    private WebhookReceiver receiver() {
        WebhookReceiver receiver = new WebhookReceiver(0, 0);
        receivers.add(receiver);
        return receiver;
    }

    private static JsonPath delivery(long endpoint, String deliveryId) {
        return asAdmin().get("/api/v1/webhooks/" + endpoint + "/deliveries/" + deliveryId).then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath awaitStatus(long endpoint, String deliveryId, String status) {
        return Awaitility.await("delivery " + deliveryId + " " + status).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> delivery(endpoint, deliveryId), d -> status.equals(d.getString("status")));
    }

    @Test
    void deliveriesLeftWaitingByTheStoppedApplicationAreDeliveredAfterTheStart() {
        long endpoint = asAdmin().get("/api/v1/webhooks?limit=100").then().statusCode(200).extract().jsonPath()
                .getLong("items.find { it.url == '" + seededReceiver + "' }.id");
        endpoints.add(endpoint);

        JsonPath retried = awaitStatus(endpoint, failedTwice, "delivered");
        assertEquals(3, retried.getInt("attempts"), "two attempts before the restart, the third after it");
        assertEquals(204, retried.getInt("lastStatus"));

        JsonPath cutShort = awaitStatus(endpoint, inFlight, "delivered");
        assertEquals(2, cutShort.getInt("attempts"), "the attempt cut short by the stop is made again once its lease ends");
        assertEquals(204, cutShort.getInt("lastStatus"));
    }

    @Test
    void importsRunningAtTheStopFailWithAReasonAndQueuedOnesRunAfterTheStart() {
        JsonPath jobs = asAdmin().get("/api/v1/imports?limit=100").then().statusCode(200).extract().jsonPath();
        long running = jobs.getLong("items.find { it.fileName == '" + runningImport + "' }.id");
        long queued = jobs.getLong("items.find { it.fileName == '" + queuedImport + "' }.id");

        asAdmin().get("/api/v1/imports/" + running).then().statusCode(200).body("status", equalTo("failed"))
                .body("error", containsString("The application stopped during the import"))
                .body("error", containsString("import the same file again"));
        JsonPath done = Awaitility.await("the queued import").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> asAdmin().get("/api/v1/imports/" + queued).then().statusCode(200).extract().jsonPath(),
                        j -> !List.of("queued", "running").contains(j.getString("status")));
        assertEquals("succeeded", done.getString("status"), done.prettify());
        assertEquals(importSite, done.getString("site"));
        assertEquals(5, done.getInt("counts.posts.created"));
    }

    @Test
    void aDeliveryIsGivenUpAsFailedAfterItsLastAttempt() {
        WebhookReceiver receiver = receiver();
        receiver.down(true);
        long endpoint = register(receiver.url(), List.of("post.published"));
        String slug = Fixtures.unique("given-up");
        Fixtures.publishedPost(Fixtures.ADMIN_TOKEN, "Given up", Map.of("slug", slug));
        String deliveryId = Awaitility.await("the first attempt").atMost(Duration.ofSeconds(30))
                .until(() -> receiver.received().stream().filter(r -> r.body().contains(slug)).findFirst(), java.util.Optional::isPresent)
                .get().delivery();

        JsonPath failed = awaitStatus(endpoint, deliveryId, "failed");
        assertEquals(3, failed.getInt("attempts"), "gazette.webhooks.max-attempts");
        assertEquals(503, failed.getInt("lastStatus"));
        asAdmin().get("/api/v1/webhooks/" + endpoint + "/deliveries?status=failed").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem(deliveryId));
        // given up means no further attempt, and the endpoint stays enabled (one delivery failing is not the endpoint failing)
        Awaitility.await("no attempt after the last").during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> receiver.received().stream().filter(r -> r.body().contains(slug)).count() == 3);
        asAdmin().get("/api/v1/webhooks/" + endpoint).then().body("enabled", equalTo(true));
    }

    @Test
    void aReceiverSlowerThanTheTimeoutCountsAsAFailedAttempt() {
        WebhookReceiver receiver = receiver();
        receiver.slow(Duration.ofSeconds(6)); // gazette.webhooks.timeout is 1s here
        long endpoint = register(receiver.url(), List.of("post.published"));
        String slug = Fixtures.unique("too-slow");
        Fixtures.publishedPost(Fixtures.ADMIN_TOKEN, "Too slow", Map.of("slug", slug));
        String deliveryId = Awaitility.await("the first attempt").atMost(Duration.ofSeconds(30))
                .until(() -> receiver.received().stream().filter(r -> r.body().contains(slug)).findFirst(), java.util.Optional::isPresent)
                .get().delivery();

        JsonPath attempt = Awaitility.await("the attempt to be recorded as failed").atMost(Duration.ofSeconds(30))
                .until(() -> delivery(endpoint, deliveryId), d -> d.getInt("attempts") >= 1 && d.getString("lastError") != null);
        assertTrue(attempt.getString("lastError").toLowerCase(java.util.Locale.ROOT).contains("timed out")
                || attempt.getString("lastError").contains("Timeout"), attempt.prettify());
        assertNull(attempt.get("lastStatus"), "no status: the answer never came in time");
        assertTrue(List.of("pending", "failed").contains(attempt.getString("status")), attempt.prettify());
        assertTrue(attempt.getInt("lastDurationMs") < 6000, "the attempt ended at the timeout, not when the receiver answered: "
                + attempt.prettify());
    }

    @Test
    void importsDoNotFireWebhooks() throws Exception {
        WebhookReceiver receiver = receiver();
        long endpoint = register(receiver.url(), List.of("post.published", "post.updated", "comment.created", "comment.approved"));
        byte[] wxr;
        try (var in = WebhookOutboxTest.class.getResourceAsStream("/wxr/edge-cases.xml")) {
            wxr = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .replace("https://edge.example.test", "https://" + Fixtures.unique("silent") + ".example.test")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        JsonPath job = dev.gazette.importer.ImportTest.importFile(wxr);
        assertEquals("succeeded", job.getString("status"), job.prettify());
        assertEquals(5, job.getInt("counts.posts.created"));
        assertEquals(6, job.getInt("counts.comments.created"));
        // deliveries are written in the transaction of the change: none exists once the import is done
        asAdmin().get("/api/v1/webhooks/" + endpoint + "/deliveries").then().statusCode(200).body("page.total", equalTo(0));
        // while a post published through the API is announced to the same endpoint
        String slug = Fixtures.unique("announced");
        Fixtures.publishedPost(Fixtures.ADMIN_TOKEN, "Announced", Map.of("slug", slug));
        asAdmin().get("/api/v1/webhooks/" + endpoint + "/deliveries").then().statusCode(200).body("page.total", equalTo(1));
        assertTrue(receiver.received().stream().noneMatch(r -> !r.body().contains(slug)), "only the API's post was sent");
    }
}
