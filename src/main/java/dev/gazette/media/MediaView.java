package dev.gazette.media;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** An item of the media library as the API returns it, with the URL and dimensions of every size. */
@Schema(name = "Media")
public record MediaView(
        @Schema(example = "12") long id,
        @Schema(description = "The name it was uploaded or imported with", nullable = true, example = "harbour-wall.jpg") String fileName,
        @Schema(nullable = true, example = "The harbour wall after the storm") String title,
        @Schema(description = "Text for readers who cannot see the image", nullable = true,
                example = "Waves breaking over the damaged harbour wall") String altText,
        @Schema(description = "Plain text shown under the image", nullable = true, example = "The wall in January. Photo: J. Doe") String caption,
        @Schema(description = "Detected from the file's bytes; null when no file is stored (an imported file that could not be fetched)",
                nullable = true, example = "image/jpeg") String mimeType,
        @Schema(description = "Size of the original file in bytes", nullable = true, example = "482113") Long byteSize,
        @Schema(nullable = true, example = "2048") Integer width,
        @Schema(nullable = true, example = "1365") Integer height,
        @Schema(description = "The original file (the full size); the original site's URL when no file is stored",
                example = "/media/12/full.jpg") String url,
        @Schema(description = "Where an imported file came from", nullable = true,
                example = "https://old.example.org/wp-content/uploads/2020/01/harbour-wall.jpg") String originalUrl,
        @Schema(description = "Every stored size: full (the original), then thumbnail (150×150, cropped), medium (fits 300×300)"
                + " and large (fits 1024×1024) when the original is larger than them") List<MediaSize> sizes,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "Version, also the first part of the ETag (If-Match compares it)", example = "1") long version) {

    @Schema(name = "MediaSize", description = "One size of an image")
    public record MediaSize(
            @Schema(example = "medium") String name,
            @Schema(example = "/media/12/medium.jpg") String url,
            @Schema(example = "300") int width,
            @Schema(example = "200") int height,
            @Schema(example = "image/jpeg") String mimeType) {
    }
}
