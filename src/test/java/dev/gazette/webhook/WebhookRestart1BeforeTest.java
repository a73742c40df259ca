package dev.gazette.webhook;

import dev.gazette.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static dev.gazette.Fixtures.asAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * First half of the restart test: a receiver is down, Gazette retries, then the application
 * stops with the delivery still waiting. {@link WebhookRestart2AfterTest} runs next in a freshly
 * started application (another test profile forces the restart; Quarkus orders test classes by
 * profile name) and sees the event arrive once the receiver is back.
 */
@QuarkusTest
@TestProfile(WebhookRestart1BeforeTest.Restart1.class)
class WebhookRestart1BeforeTest {

    static final Path HANDOVER = Path.of("target", "webhook-restart.properties");

    public static class Restart1 implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gazette.webhooks.disable-after", "1000");
        }
    }

    @Test
    void aDeliveryIsStillWaitingWhenTheApplicationStops() throws IOException {
        Files.deleteIfExists(HANDOVER);
        try (WebhookReceiver receiver = new WebhookReceiver(0, 0)) {
            receiver.down(true);
            var created = asAdmin().body(Map.of("url", receiver.url(), "events", List.of("post.published")))
                    .post("/api/v1/webhooks").then().statusCode(201).extract().jsonPath();
            long endpoint = created.getLong("id");
            String slug = Fixtures.unique("across-restart");
            Fixtures.publishedPost(Fixtures.ADMIN_TOKEN, "Across a restart", Map.of("slug", slug));

            WebhookTest.await("two failed attempts", () -> receiver.received().size() >= 2);
            var delivery = asAdmin().get("/api/v1/webhooks/" + endpoint + "/deliveries").jsonPath();
            assertEquals("pending", delivery.getString("items[0].status"));
            assertEquals(503, delivery.getInt("items[0].lastStatus"));

            Properties handover = new Properties();
            handover.setProperty("endpoint", Long.toString(endpoint));
            handover.setProperty("secret", created.getString("secret"));
            handover.setProperty("slug", slug);
            handover.setProperty("delivery", receiver.received().get(0).delivery());
            handover.setProperty("port", Integer.toString(receiver.port()));
            try (OutputStream out = Files.newOutputStream(HANDOVER)) {
                handover.store(out, "written by WebhookRestart1BeforeTest for WebhookRestart2AfterTest");
            }
        }
    }
}
