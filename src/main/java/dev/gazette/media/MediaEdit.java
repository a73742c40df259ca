package dev.gazette.media;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What can be changed on a media item (PATCH is a JSON Merge Patch onto this shape). */
@Schema(name = "MediaEdit")
public record MediaEdit(
        @Size(max = 500) @Schema(example = "The harbour wall after the storm") String title,
        @Size(max = 1000) @Schema(example = "Waves breaking over the damaged harbour wall") String altText,
        @Size(max = 2000) @Schema(example = "The wall in January. Photo: J. Doe") String caption) {
}
