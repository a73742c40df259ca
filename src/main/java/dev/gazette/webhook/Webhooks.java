package dev.gazette.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gazette.common.GazetteConfig;
import dev.gazette.common.Times;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The webhook outbox. Services call it inside the transaction that makes a change; it writes one
 * delivery row per subscribed endpoint, so the event is sent if and only if the change commits.
 */
@ApplicationScoped
public class Webhooks {

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    GazetteConfig config;

    /** What a post event carries: enough to act on, and where to fetch the whole post. */
    @Schema(name = "WebhookPostData")
    public record PostData(long id, String slug, String title,
                           @Schema(implementation = dev.gazette.post.PostStatus.class, example = "published") String status, @Schema(nullable = true) Instant publishedAt,
                           Instant modifiedAt,
                           @Schema(description = "The post's page on the public site") String url,
                           @Schema(description = "The post in this API", example = "/api/v1/posts/budget-vote") String href) {
    }

    /** What a page event carries: enough to act on, and where to fetch the whole page. */
    @Schema(name = "WebhookPageData")
    public record PageData(long id, String slug,
                           @Schema(description = "Slugs from the top page down", example = "about/team") String path,
                           String title, @Schema(nullable = true) Long parentId,
                           @Schema(implementation = dev.gazette.page.PageStatus.class, example = "published") String status,
                           @Schema(nullable = true) Instant publishedAt, Instant modifiedAt,
                           @Schema(description = "The page in this API", example = "/api/v1/pages/team") String href) {
    }

    /** What a comment event carries (never the commenter's email or IP). */
    @Schema(name = "WebhookCommentData")
    public record CommentData(long id, long postId, @Schema(nullable = true) Long parentId,
                              @Schema(implementation = dev.gazette.comment.CommentStatus.class, example = "approved") String status, String authorName,
                              String contentHtml, Instant createdAt,
                              @Schema(example = "/api/v1/comments/88") String href) {
    }

    /** What a ping carries: the endpoint it was sent to. */
    @Schema(name = "WebhookPingData")
    public record PingData(@Schema(example = "4") long webhookId) {
    }

    /** The JSON body of every delivery. */
    @Schema(name = "WebhookPayload", description = "Body of a webhook POST")
    public record Payload(@Schema(description = "Event id: the same for every endpoint and redelivery") String id,
                          @Schema(example = "post.published") WebhookEvent event,
                          Instant occurredAt,
                          @Schema(description = "WebhookPostData for post events, WebhookPageData for page events, WebhookCommentData for "
                                  + "comment events, WebhookPingData for ping",
                                  oneOf = {PostData.class, PageData.class, CommentData.class, PingData.class}) Object data) {
    }

    public void post(WebhookEvent event, long id, String slug, String title, String status, Instant publishedAt, Instant modifiedAt) {
        String url = config.site().postUrl().replace("{slug}", slug).replace("{id}", Long.toString(id));
        emit(event, new PostData(id, slug, title, status, publishedAt, modifiedAt, url, "/api/v1/posts/" + slug));
    }

    public void page(WebhookEvent event, PageData data) {
        emit(event, data);
    }

    public void comment(WebhookEvent event, long id, long postId, Long parentId, String status, String authorName,
                        String contentHtml, Instant createdAt) {
        emit(event, new CommentData(id, postId, parentId, status, authorName, contentHtml, createdAt, "/api/v1/comments/" + id));
    }

    /**
     * Queues the event for every endpoint subscribed to it. Disabled endpoints queue too (nothing is
     * lost while a receiver is down): their deliveries go out once they are enabled again.
     */
    void emit(WebhookEvent event, Object data) {
        @SuppressWarnings("unchecked")
        List<Object[]> endpoints = em.createNativeQuery("select id, events from webhook_endpoint").getResultList();
        Payload payload = null;
        for (Object[] endpoint : endpoints) {
            if (!List.of(((String) endpoint[1]).split(",")).contains(event.wireName())) {
                continue;
            }
            if (payload == null) {
                payload = new Payload(UUID.randomUUID().toString(), event, Times.now(), data);
            }
            enqueue(((Number) endpoint[0]).longValue(), payload, null);
        }
    }

    /** Writes one pending delivery, due now; returns its delivery id. */
    String enqueue(long endpointId, Payload payload, String redeliveryOf) {
        return enqueue(endpointId, payload.id(), payload.event().wireName(), serialize(payload), redeliveryOf);
    }

    String enqueue(long endpointId, String eventId, String event, String body, String redeliveryOf) {
        String deliveryId = UUID.randomUUID().toString();
        Instant now = Times.now();
        var insert = em.createNativeQuery(redeliveryOf == null
                        ? "insert into webhook_delivery (delivery_id, endpoint_id, event_id, event, payload, status, attempts, next_attempt_at, created_at)"
                                + " values (:delivery, :endpoint, :eventId, :event, :payload, 'PENDING', 0, :now, :now)"
                        : "insert into webhook_delivery (delivery_id, endpoint_id, event_id, event, payload, status, attempts, next_attempt_at, created_at, redelivery_of)"
                                + " values (:delivery, :endpoint, :eventId, :event, :payload, 'PENDING', 0, :now, :now, :of)")
                .setParameter("delivery", deliveryId).setParameter("endpoint", endpointId).setParameter("eventId", eventId)
                .setParameter("event", event).setParameter("payload", body).setParameter("now", now);
        if (redeliveryOf != null) {
            insert.setParameter("of", redeliveryOf);
        }
        insert.executeUpdate();
        return deliveryId;
    }

    private String serialize(Payload payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("webhook payload not serializable", e);
        }
    }
}
