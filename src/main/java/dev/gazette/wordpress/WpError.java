package dev.gazette.wordpress;

import java.util.Map;

/**
 * A failure answered in WordPress' shape, {@code {"code", "message", "data": {"status", "params"}}}, the
 * one WordPress clients parse. Thrown only under {@code /wp-json}; the native API keeps problem+json.
 */
public class WpError extends RuntimeException {

    private final String code;
    private final int status;
    private final Map<String, String> params;
    private final Map<String, WpErrorBody.Detail> details;

    public WpError(String code, String message, int status, Map<String, String> params) {
        this(code, message, status, params, null);
    }

    private WpError(String code, String message, int status, Map<String, String> params, Map<String, WpErrorBody.Detail> details) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
        this.params = params;
        this.details = details;
    }

    public static WpError notFound(String code, String message) {
        return new WpError(code, message, 404, null);
    }

    /** {@code rest_invalid_param}: each invalid parameter with what is wrong with it. */
    public static WpError invalidParams(Map<String, String> params) {
        Map<String, WpErrorBody.Detail> details = new java.util.LinkedHashMap<>();
        params.forEach((name, message) -> details.put(name, new WpErrorBody.Detail("rest_invalid_param", message, null)));
        return invalidParams(params, details);
    }

    /** The same with WordPress' {@code details}: each parameter's own error code and data. */
    public static WpError invalidParams(Map<String, String> params, Map<String, WpErrorBody.Detail> details) {
        return new WpError("rest_invalid_param", "Invalid parameter(s): " + String.join(", ", params.keySet()), 400, params, details);
    }

    public static WpError noRoute() {
        return notFound("rest_no_route", "No route was found matching the URL and request method.");
    }

    /** The body WordPress sends for this error. */
    public Object body() {
        return params == null ? new WpErrorBody(code, getMessage(), new WpErrorBody.Data(status))
                : new WpErrorBody.InvalidParam(code, getMessage(), new WpErrorBody.InvalidData(status, params, details));
    }

    public int status() {
        return status;
    }
}
