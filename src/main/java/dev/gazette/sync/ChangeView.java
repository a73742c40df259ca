package dev.gazette.sync;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(name = "Change", description = "One change to public content. Treat created and updated alike (fetch and store); remove on deleted.")
public record ChangeView(
        @Schema(description = "Position of this change; pass it as `after` to continue from here", example = "c-1042") String cursor,
        @Schema(example = "post") ChangeLog.Type type,
        @Schema(example = "42") long id,
        @Schema(description = "Slug at the time of the change (posts, categories, tags)", example = "council-approves-harbour-wall-repairs-after-winter-storms", nullable = true)
        String slug,
        @Schema(example = "updated") ChangeLog.Action action,
        Instant at) {
}
