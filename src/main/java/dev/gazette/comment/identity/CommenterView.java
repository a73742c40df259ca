package dev.gazette.comment.identity;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** A signed-in commenter as moderators see them (with the email). */
@Schema(name = "Commenter", description = "A signed-in commenter, for moderators")
public record CommenterView(
        @Schema(example = "17") long id,
        @Schema(example = "Ada Lovelace") String name,
        @Schema(example = "https://lh3.googleusercontent.com/a/ACg8oc", nullable = true) String picture,
        @Schema(example = "Google") String provider,
        @Schema(description = "From the ID token; never public", example = "ada@example.com", nullable = true) String email,
        Instant createdAt,
        Instant lastSeenAt,
        @Schema(description = "Comments written signed in, in every status", example = "12") long comments,
        @Schema(description = "Of which approved", example = "9") long approvedComments,
        @Schema(description = "When a moderator blocked the identity; null when it is not blocked", nullable = true) Instant blockedAt,
        @Schema(example = "Repeated abuse", nullable = true) String blockReason) {
}
