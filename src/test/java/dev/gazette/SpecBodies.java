package dev.gazette;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The part of {@link SpecConformance} the OpenAPI validator cannot do on an OpenAPI 3.1 document:
 * an answer's JSON body against its schema as JSON Schema 2020-12 (3.1's dialect), so types and
 * nullability ({@code "type": ["string", "null"]}) are checked too. The schema is found in the
 * committed spec by path template, method, status (else {@code default}) and media type, and read
 * with its {@code $ref}s resolved inside that document.
 */
final class SpecBodies {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SPEC = Path.of("openapi", "openapi.json").toAbsolutePath();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private final JsonNode spec;
    private final List<Template> templates = new ArrayList<>();
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    private record Template(String path, Pattern pattern, int variables) {
    }

    SpecBodies() {
        try {
            spec = JSON.readTree(SPEC.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Iterator<String> it = spec.path("paths").fieldNames(); it.hasNext(); ) {
            String path = it.next();
            String regex = Pattern.quote(path).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
            templates.add(new Template(path, Pattern.compile(regex), path.split("\\{", -1).length - 1));
        }
        templates.sort(Comparator.comparingInt(Template::variables)); // a literal segment wins over a variable
    }

    /** What is wrong with the body; empty when it matches or when the spec has no JSON schema for it. */
    List<String> problems(String method, String path, int status, String contentType, String body, boolean trimmed) {
        if (contentType == null || body == null || body.isBlank()) {
            return List.of();
        }
        String media = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (!media.equals("application/json") && !media.endsWith("+json")) {
            return List.of();
        }
        Template template = templates.stream().filter(t -> t.pattern().matcher(path).matches()).findFirst().orElse(null);
        if (template == null) {
            return List.of();
        }
        JsonNode responses = spec.path("paths").path(template.path()).path(method.toLowerCase(Locale.ROOT)).path("responses");
        String code = responses.has(Integer.toString(status)) ? Integer.toString(status) : "default";
        if (!responses.path(code).path("content").path(media).has("schema")) {
            return List.of(); // an undocumented status or type is the other validator's finding
        }
        String pointer = "/paths/" + escape(template.path()) + "/" + method.toLowerCase(Locale.ROOT) + "/responses/" + code
                + "/content/" + escape(media) + "/schema";
        JsonSchema schema = schemas.computeIfAbsent(pointer, p -> FACTORY.getSchema(SchemaLocation.of(SPEC.toUri() + "#" + p)));
        JsonNode answer;
        try {
            answer = JSON.readTree(body);
        } catch (IOException e) {
            return List.of("body is not JSON: " + e.getMessage());
        }
        List<String> out = new ArrayList<>();
        for (ValidationMessage m : schema.validate(answer)) {
            if (!(trimmed && "required".equals(m.getType()))) {
                out.add("schema." + m.getType() + ": " + m.getMessage());
            }
        }
        return out;
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
