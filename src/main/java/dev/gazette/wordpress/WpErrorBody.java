package dev.gazette.wordpress;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;

/** An error as WordPress' REST API writes it: {@code rest_no_route}, {@code rest_post_invalid_id}, ... */
@Schema(name = "WpError", description = "An error in WordPress' shape (what WordPress clients parse)")
public record WpErrorBody(
        @Schema(example = "rest_post_invalid_id") String code,
        @Schema(example = "Invalid post ID.") String message,
        Data data) {

    @Schema(name = "WpErrorData")
    public record Data(@Schema(example = "404") int status) {
    }

    /** {@code rest_invalid_param}: the same, with what is wrong with each parameter. */
    @Schema(name = "WpInvalidParam", description = "A bad parameter, in WordPress' shape")
    public record InvalidParam(
            @Schema(example = "rest_invalid_param") String code,
            @Schema(example = "Invalid parameter(s): per_page") String message,
            InvalidData data) {
    }

    @Schema(name = "WpInvalidParamData")
    public record InvalidData(
            @Schema(example = "400") int status,
            @Schema(description = "Each invalid parameter and why",
                    example = "{\"per_page\": \"per_page must be between 1 (inclusive) and 100 (inclusive)\"}")
            Map<String, String> params,
            @Schema(description = "Each invalid parameter's error as WordPress (5.5+) details it: code, message and data")
            Map<String, Detail> details) {
    }

    /** One parameter's error in {@code details}: {@code rest_out_of_bounds}, {@code rest_invalid_type}, {@code rest_not_in_enum}, ... */
    @Schema(name = "WpInvalidParamDetail")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Detail(@Schema(example = "rest_out_of_bounds") String code,
                         @Schema(example = "per_page must be between 1 (inclusive) and 100 (inclusive)") String message,
                         @Schema(description = "null, or what WordPress adds (the parameter, a position)", nullable = true) Map<String, Object> data) {
    }
}
