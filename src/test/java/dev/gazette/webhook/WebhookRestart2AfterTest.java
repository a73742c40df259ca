package dev.gazette.webhook;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static dev.gazette.Fixtures.asAdmin;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Second half of the restart test (see {@link WebhookRestart1BeforeTest}). */
@QuarkusTest
@TestProfile(WebhookRestart2AfterTest.Restart2.class)
class WebhookRestart2AfterTest {

    public static class Restart2 implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gazette.webhooks.disable-after", "1001");
        }
    }

    @Test
    void afterTheRestartTheRecoveredReceiverGetsTheWaitingEvent() throws IOException {
        assumeTrue(Files.exists(WebhookRestart1BeforeTest.HANDOVER), "runs after WebhookRestart1BeforeTest in the same test run");
        Properties handover = new Properties();
        try (InputStream in = Files.newInputStream(WebhookRestart1BeforeTest.HANDOVER)) {
            handover.load(in);
        }
        Files.delete(WebhookRestart1BeforeTest.HANDOVER);
        String endpoint = handover.getProperty("endpoint");
        String slug = handover.getProperty("slug");
        try (WebhookReceiver receiver = new WebhookReceiver(Integer.parseInt(handover.getProperty("port")), 0)) {
            WebhookTest.await("the event from before the restart", () -> !receiver.accepted().isEmpty());
            WebhookReceiver.Received got = receiver.accepted().get(0);
            assertEquals(handover.getProperty("delivery"), got.delivery(), "the same delivery, retried");
            assertEquals(slug, JsonPath.from(got.body()).getString("data.slug"));
            assertEquals("post.published", got.event());
            assertTrue(WebhookReceiver.signatureValid(got.signature(), got.body(), handover.getProperty("secret")));

            WebhookTest.await("the log to show it", () -> "delivered".equals(asAdmin()
                    .get("/api/v1/webhooks/" + endpoint + "/deliveries/" + got.delivery()).jsonPath().getString("status")));
            asAdmin().get("/api/v1/webhooks/" + endpoint + "/deliveries/" + got.delivery()).then()
                    .body("attempts", greaterThan(2)).body("lastStatus", equalTo(204));
        } finally {
            asAdmin().delete("/api/v1/webhooks/" + endpoint);
        }
    }
}
