package dev.gazette.author;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/**
 * An author as the API shows it: never an email; the role only to editors and admins (and to the
 * author themself, at {@code /me}).
 */
@Schema(name = "Author")
public record AuthorView(
        @Schema(example = "2") long id,
        @Schema(example = "maria-lopez") String slug,
        @Schema(example = "María López") String displayName,
        @Schema(example = "Climate and energy correspondent.", nullable = true) String bio,
        @Schema(example = "https://images.example.com/maria.jpg", nullable = true) String avatarUrl,
        @Schema(description = "Only for editors' and admins' tokens, and at /me; null for everyone else", nullable = true, example = "author")
        Role role,
        Instant updatedAt) {

    public static AuthorView of(Author a) {
        return new AuthorView(a.id, a.slug, a.displayName, a.bio, a.avatarUrl, a.role, a.updatedAt);
    }

    /** The same author as the public sees it: without the role. */
    public AuthorView withoutRole() {
        return role == null ? this : new AuthorView(id, slug, displayName, bio, avatarUrl, null, updatedAt);
    }

    /** Create or replace an author (admins). PATCH merges into this shape. */
    @Schema(name = "AuthorInput")
    public record Input(
            @Size(max = 200) @Pattern(regexp = dev.gazette.common.text.Slugs.PATTERN, message = "must be lower-case letters, digits and single hyphens")
            @Schema(description = "Generated from displayName when omitted", example = "maria-lopez") String slug,
            @NotBlank @Size(max = 200) @Schema(example = "María López") String displayName,
            @Email @Size(max = 320) @Schema(description = "Private: never returned", example = "maria@example.com") String email,
            @Size(max = 5000) @Schema(example = "Climate and energy correspondent.") String bio,
            @Size(max = 2000) @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) URL")
            @Schema(example = "https://images.example.com/maria.jpg") String avatarUrl,
            @NotNull @Schema(example = "author") Role role) {

        static Input of(Author a) {
            return new Input(a.slug, a.displayName, a.email, a.bio, a.avatarUrl, a.role);
        }
    }
}
