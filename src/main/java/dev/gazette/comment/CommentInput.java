package dev.gazette.comment;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new comment. Without a token, name and email are required; with one, the token's author writes it. */
@Schema(name = "CommentInput")
public record CommentInput(
        @Schema(description = "The comment replied to (same post, approved)", example = "1") Long parentId,
        @Size(max = 200) @Schema(description = "Required without a token", example = "Ada") String authorName,
        @Email @Size(max = 320) @Schema(description = "Required without a token; never shown publicly", example = "ada@example.com")
        String authorEmail,
        @Size(max = 2000) @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) URL")
        @Schema(example = "https://ada.example") String authorUrl,
        @NotBlank @Schema(description = "Plain text (blank lines separate paragraphs) with optional <p>, <br>, <a>, <em>, <strong>, <code>, <blockquote>",
                example = "Thanks, *great* read.\\n\\nOne question: where does the data come from?") String content,
        @Size(max = 500) @Schema(description = "Honeypot: render it as a hidden form field and send what it holds. People leave it empty; "
                + "bots fill it in, and their comment is filed as spam.", example = "") String honeypot) {
}
