package dev.gazette.author;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** An API token as listed: never its secret. */
@Schema(name = "Token")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TokenView(
        @Schema(example = "3") long id,
        @Schema(example = "newsroom CMS") String name,
        @Schema(example = "2") long authorId,
        @Schema(description = "First characters of the secret, to tell tokens apart", example = "gz_Xk4v9Qa") String prefix,
        Instant createdAt,
        @Schema(nullable = true) Instant lastUsedAt,
        @Schema(nullable = true) Instant revokedAt) {

    static TokenView of(ApiToken t) {
        return new TokenView(t.id, t.name, t.author.id, t.tokenPrefix, t.createdAt, t.lastUsedAt, t.revokedAt);
    }

    @Schema(name = "TokenInput")
    public record Input(
            @NotBlank @Size(max = 200) @Schema(example = "newsroom CMS") String name,
            @Schema(description = "Author the token acts as; defaults to the caller. Admins only for others.", example = "2")
            Long authorId) {
    }

    @Schema(name = "CreatedToken", description = "A new token. `token` is the secret: it is shown this once and never again.")
    public record Created(
            @Schema(example = "3") long id,
            @Schema(example = "newsroom CMS") String name,
            @Schema(example = "2") long authorId,
            @Schema(example = "gz_Xk4v9Qa") String prefix,
            Instant createdAt,
            @Schema(example = "gz_Xk4v9QaR2m0Hq8bFJ3sWc1pLnT6yDe5uGiKoZ7aVxY") String token) {

        static Created of(ApiToken t, String secret) {
            return new Created(t.id, t.name, t.author.id, t.tokenPrefix, t.createdAt, secret);
        }
    }
}
