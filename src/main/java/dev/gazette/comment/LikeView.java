package dev.gazette.comment;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Like", description = "Like state of a post or comment for the caller")
public record LikeView(@Schema(example = "101") int likeCount, @Schema(example = "true") boolean likedByMe) {
}
