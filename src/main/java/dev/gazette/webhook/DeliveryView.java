package dev.gazette.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** One delivery of one event to one endpoint, with the outcome of its latest attempt. */
@Schema(name = "WebhookDelivery")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DeliveryView(
        @Schema(description = "Sent as X-Gazette-Delivery; the same on every retry of this delivery",
                example = "6f1c2a7e-3b9d-4c5e-8f10-2a3b4c5d6e7f") String id,
        @Schema(example = "4") long webhookId,
        @Schema(description = "The event's id (payload `id`): the same for every endpoint and redelivery",
                example = "0b8e4d21-77aa-4f3c-9d0e-5c6b7a8f9e01") String eventId,
        @Schema(example = "post.published", implementation = WebhookEvent.class) String event,
        @Schema(enumeration = {"pending", "delivered", "failed"}, example = "delivered",
                description = "pending: waiting or retrying; delivered: a 2xx came back; failed: given up after the last attempt")
        String status,
        @Schema(example = "1") int attempts,
        Instant createdAt,
        @Schema(nullable = true) Instant lastAttemptAt,
        @Schema(nullable = true, description = "When the next attempt is due (pending only)") Instant nextAttemptAt,
        @Schema(nullable = true, description = "HTTP status of the latest attempt; null when no response came", example = "200")
        Integer lastStatus,
        @Schema(nullable = true, example = "connection refused") String lastError,
        @Schema(nullable = true, example = "42") Integer lastDurationMs,
        @Schema(nullable = true) Instant deliveredAt,
        @Schema(nullable = true, description = "The delivery this one repeats, for redeliveries made by hand") String redeliveryOf,
        @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT, nullable = true,
                description = "The JSON body sent (single delivery only)")
        @JsonRawValue String payload) {
}
