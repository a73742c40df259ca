package dev.gazette.webhook;

import dev.gazette.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static dev.gazette.Fixtures.asAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class PageWebhookTest {

    @Test
    void aPublicPageLifecycleIsDeliveredAsPageEvents() {
        try (WebhookReceiver receiver = new WebhookReceiver(0, 0)) {
            long endpoint = asAdmin().body(Map.of("url", receiver.url(),
                            "events", List.of("page.published", "page.updated", "page.unpublished", "page.deleted")))
                    .post("/api/v1/webhooks").then().statusCode(201).extract().jsonPath().getLong("id");
            try {
                String token = Fixtures.actor("editor").token();
                String slug = Fixtures.unique("hooked-page");
                Fixtures.as(token).body(Map.of("title", "Hooked page", "slug", slug, "status", "draft"))
                        .post("/api/v1/pages").then().statusCode(201);
                Fixtures.as(token).contentType("application/merge-patch+json").body(Map.of("status", "published"))
                        .patch("/api/v1/pages/" + slug).then().statusCode(200);
                Fixtures.as(token).contentType("application/merge-patch+json").body(Map.of("title", "Hooked page, updated"))
                        .patch("/api/v1/pages/" + slug).then().statusCode(200);
                Fixtures.as(token).contentType("application/merge-patch+json").body(Map.of("status", "draft"))
                        .patch("/api/v1/pages/" + slug).then().statusCode(200);
                Fixtures.as(token).contentType("application/merge-patch+json").body(Map.of("status", "published"))
                        .patch("/api/v1/pages/" + slug).then().statusCode(200);
                Fixtures.as(token).delete("/api/v1/pages/" + slug).then().statusCode(204);

                WebhookTest.await("five page events", () -> about(receiver, slug).size() >= 5);
                List<JsonPath> got = about(receiver, slug).stream().map(r -> JsonPath.from(r.body()))
                        .sorted(Comparator.comparing(j -> java.time.Instant.parse(j.getString("occurredAt")))).toList();
                assertEquals(List.of("page.published", "page.updated", "page.unpublished", "page.published", "page.deleted"),
                        got.stream().map(j -> j.getString("event")).toList());
                assertEquals(slug, got.get(1).getString("data.path"));
                assertEquals("Hooked page, updated", got.get(1).getString("data.title"));
                assertEquals("/api/v1/pages/" + slug, got.get(1).getString("data.href"));
            } finally {
                asAdmin().delete("/api/v1/webhooks/" + endpoint);
            }
        }
    }

    private static List<WebhookReceiver.Received> about(WebhookReceiver receiver, String slug) {
        return receiver.accepted().stream().filter(r -> r.body().contains("\"slug\":\"" + slug + "\"")).toList();
    }
}
