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

    public WpError(String code, String message, int status, Map<String, String> params) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
        this.params = params;
    }

    public static WpError notFound(String code, String message) {
        return new WpError(code, message, 404, null);
    }

    /** {@code rest_invalid_param}: each invalid parameter with what is wrong with it. */
    public static WpError invalidParams(Map<String, String> params) {
        return new WpError("rest_invalid_param", "Invalid parameter(s): " + String.join(", ", params.keySet()), 400, params);
    }

    public static WpError noRoute() {
        return notFound("rest_no_route", "No route was found matching the URL and request method.");
    }

    /** The body WordPress sends for this error. */
    public Object body() {
        return params == null ? new WpErrorBody(code, getMessage(), new WpErrorBody.Data(status))
                : new WpErrorBody.InvalidParam(code, getMessage(), new WpErrorBody.InvalidData(status, params));
    }

    public int status() {
        return status;
    }
}
