package dev.gazette.common.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * JSON Merge Patch (RFC 7386): a PATCH body is merged into the resource's current input
 * document, and the result is validated and applied exactly like a PUT. So PATCH and PUT share
 * one code path and one set of rules.
 */
@ApplicationScoped
public class MergePatch {

    public static final String MEDIA_TYPE = "application/merge-patch+json";

    private final ObjectMapper mapper;
    private final Validator validator;

    public MergePatch(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    public <T> T apply(T current, JsonNode patch, Class<T> type) {
        if (patch == null || !patch.isObject()) {
            throw new ApiException(400, "malformed-body", "Malformed request body",
                    "A merge patch must be a JSON object.", null);
        }
        JsonNode merged = merge(mapper.valueToTree(current), patch);
        T result;
        try {
            result = mapper.treeToValue(merged, type);
        } catch (JsonProcessingException e) {
            throw new WrappedJsonException(e);
        }
        Set<ConstraintViolation<T>> violations = validator.validate(result);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return result;
    }

    private static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject() ? (ObjectNode) target : JsonNodeFactory.instance.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                result.set(field.getKey(), merge(result.get(field.getKey()), field.getValue()));
            }
        }
        return result;
    }

    /** Carries a Jackson failure to the problem mapper unchanged. */
    public static final class WrappedJsonException extends RuntimeException {
        public WrappedJsonException(JsonProcessingException cause) {
            super(cause.getOriginalMessage(), cause, false, false);
        }

        public JsonProcessingException json() {
            return (JsonProcessingException) getCause();
        }
    }
}
