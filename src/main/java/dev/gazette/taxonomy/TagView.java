package dev.gazette.taxonomy;

import dev.gazette.common.text.Slugs;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(name = "Tag")
public record TagView(
        @Schema(example = "17") long id,
        @Schema(example = "harbour") String slug,
        @Schema(example = "Harbour") String name,
        @Schema(example = "Photovoltaics and solar thermal.", nullable = true) String description,
        @Schema(description = "Published posts with this tag", example = "8") long postCount,
        @Schema(description = "Version, also carried in the ETag", example = "1") long version,
        Instant updatedAt) {

    static TagView of(Tag t, long postCount) {
        return new TagView(t.id, t.slug, t.name, t.description, postCount, t.version, t.updatedAt);
    }

    /** Create or replace a tag. PATCH merges into this shape. */
    @Schema(name = "TagInput")
    public record Input(
            @Size(max = 200) @Pattern(regexp = Slugs.PATTERN, message = "must be lower-case letters, digits and single hyphens")
            @Schema(description = "Generated from name when omitted", example = "harbour") String slug,
            @NotBlank @Size(max = 200) @Schema(example = "Harbour") String name,
            @Size(max = 5000) @Schema(example = "Photovoltaics and solar thermal.") String description) {

        static Input of(Tag t) {
            return new Input(t.slug, t.name, t.description);
        }
    }
}
