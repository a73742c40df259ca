package dev.gazette.common.web;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** RFC 9457 problem details, the body of every error response. */
@Schema(name = "Problem", description = "RFC 9457 problem details (application/problem+json)")
public record Problem(
        @Schema(example = "https://gazette.dev/problems/validation") String type,
        @Schema(example = "Validation failed") String title,
        @Schema(example = "422") int status,
        @Schema(example = "The request body has 1 invalid field.") String detail,
        @Schema(example = "/api/v1/posts", nullable = true) String instance,
        @Schema(description = "For invalid input: each invalid field or parameter; null otherwise", nullable = true)
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_BASE = "https://gazette.dev/problems/";
}
