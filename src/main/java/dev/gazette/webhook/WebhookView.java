package dev.gazette.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A webhook endpoint as admins see it: never its secret, except once in {@link Created}. */
@Schema(name = "Webhook")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record WebhookView(
        @Schema(example = "4") long id,
        @Schema(example = "https://hooks.example.org/gazette") String url,
        @Schema(nullable = true, example = "search index") String description,
        @Schema(example = "[\"post.published\", \"post.updated\", \"post.deleted\"]") Set<WebhookEvent> events,
        @Schema(description = "False after an admin disabled it or after too many failed attempts in a row") boolean enabled,
        @Schema(description = "Failed attempts in a row (0 after any success)", example = "0") int consecutiveFailures,
        @Schema(nullable = true, description = "Why Gazette disabled the endpoint", example = "disabled after 50 failed attempts in a row")
        String disabledReason,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "Changes with every update; send it back as If-Match", example = "2") long version) {

    static WebhookView of(WebhookEndpoint e) {
        return new WebhookView(e.id, e.url, e.description, e.eventSet(), e.enabled, e.consecutiveFailures, e.disabledReason,
                e.createdAt, e.updatedAt, e.version);
    }

    /** What an admin sends to register or change an endpoint (PATCH: a merge patch of this document). */
    @Schema(name = "WebhookInput")
    public record Input(
            @NotBlank @Size(max = 2000) @Schema(description = "Absolute http or https URL that receives the POSTs",
                    example = "https://hooks.example.org/gazette") String url,
            @NotEmpty @Schema(description = "Events to deliver: post.published, post.updated, post.unpublished, post.deleted, "
                    + "page.published, page.updated, page.unpublished, page.deleted, comment.created, comment.approved", example = "[\"post.published\", \"post.updated\", \"post.deleted\"]")
            List<String> events,
            @Size(max = 500) @Schema(nullable = true, example = "search index") String description,
            @Size(min = 16, max = 200) @Schema(nullable = true, description = "HMAC key, 16 to 200 characters; generated when absent. "
                    + "Write-only: setting it in a PATCH rotates it.", example = "0c3f7b1e9a2d4c6e8f0a1b2c3d4e5f60") String secret,
            @Schema(nullable = true, description = "Default true. Enabling again resets the failure count and resumes waiting deliveries")
            Boolean enabled) {
    }

    @Schema(name = "CreatedWebhook", description = "A new endpoint. `secret` is shown this once: keep it to verify signatures.")
    public record Created(
            @Schema(example = "4") long id,
            @Schema(example = "https://hooks.example.org/gazette") String url,
            @Schema(nullable = true) String description,
            Set<WebhookEvent> events,
            boolean enabled,
            Instant createdAt,
            @Schema(example = "whsec_Kx8Qm2Vd9Lr4Tn6Wp1Ys3Zb5Hc7Jf0Ga") String secret) {

        static Created of(WebhookEndpoint e) {
            return new Created(e.id, e.url, e.description, e.eventSet(), e.enabled, e.createdAt, e.secret);
        }
    }
}
