package dev.gazette.common.web;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One invalid field or parameter of a request. */
@Schema(description = "One invalid field or parameter")
public record FieldError(
        @Schema(example = "title") String field,
        @Schema(example = "must not be blank") String message) {
}
