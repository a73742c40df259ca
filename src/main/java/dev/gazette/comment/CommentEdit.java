package dev.gazette.comment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An edit: by the commenter (with the edit key, content only) or by a moderator. */
@Schema(name = "CommentEdit")
public record CommentEdit(
        @NotBlank @Schema(example = "Thanks, great read. (Edited: fixed a typo.)") String content,
        @Size(max = 200) @Schema(description = "Moderators only", example = "Ada") String authorName,
        @Size(max = 2000) @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) URL")
        @Schema(description = "Moderators only", example = "https://ada.example") String authorUrl) {
}
