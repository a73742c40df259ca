package dev.gazette.common.web;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the annotations do not say, applied to the generated OpenAPI document (at build time).
 * <ul>
 * <li><b>Errors</b>: besides the errors an operation lists, every operation documents a
 * {@code default} answer: any other status is problem+json too; and a {@code 503} with
 * {@code Retry-After}, the answer of every operation while the database cannot be reached.</li>
 * <li><b>Answers</b>: every field of every answer is sent (null when it has no value, see
 * {@code quarkus.jackson.serialization-inclusion}), so every property of a schema that appears in
 * an answer is {@code required}. Request bodies keep their own, annotated, required lists: their
 * schemas are separate records ({@code PostInput}, {@code CategoryInput}, ...). Answers trimmed
 * with {@code fields=} are the one exception, and that parameter says so.</li>
 * <li><b>Parameter types</b>: resources take query and path parameters as strings and parse them
 * themselves (so a bad value is a problem naming it, see {@link Params}); the types and closed
 * value sets they accept are declared here, by name where a name means the same everywhere
 * ({@code limit}, {@code include}, an {@code id} in a path, ...), by path where it does not
 * ({@code sort}, {@code status}).</li>
 * <li><b>Swagger UI</b> fills every parameter with its example: an optional filter or cursor
 * keeps its example in its schema ({@code schema.examples}) instead, so "Try it out" starts with
 * no filter set and works as shipped, and the example is still documented.</li>
 * </ul>
 */
public class OpenApiContract implements OASFilter {

    private static final String SCHEMA_PREFIX = "#/components/schemas/";

    /** Optional query parameters that narrow or position a list: empty in Swagger UI until the user fills one in. */
    private static final Set<String> NARROWING = Set.of("category", "tag", "author", "outlet", "publishedAfter", "publishedBefore",
            "modifiedSince", "q", "sticky", "cursor", "after", "post", "fields", "types");

    private static final List<String> INCLUDES = List.of("author", "categories", "tags");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> named = openAPI.getComponents().getSchemas();
        for (Schema answered : answerSchemas(openAPI, named)) {
            Map<String, Schema> properties = answered.getProperties();
            if (properties != null && !properties.isEmpty()) {
                List<String> required = new ArrayList<>(properties.keySet());
                // WordPress' answers carry _embedded only when _embed asks for it, and a search result's subtype only for
                // posts and pages (a term's has none)
                required.removeAll(List.of("_embedded", "subtype"));
                answered.setRequired(required);
            }
            // a nullable reference is written anyOf [ref, null]; a type beside it must not exclude null
            if (answered.getAnyOf() != null && answered.getAnyOf().stream().anyMatch(OpenApiContract::isNullType)) {
                answered.setType(null);
            }
        }
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().forEach((path, item) -> {
                if (item.getOperations() != null) {
                    item.getOperations().values().forEach(op -> {
                        if (op.getResponses() != null && op.getResponses().getDefaultValue() == null) {
                            op.getResponses().setDefaultValue(anyOtherError());
                        }
                        if (op.getResponses() != null && !op.getResponses().hasAPIResponse("503")) {
                            // every operation needs the database, or may: while it is unreachable, 503 (DatabaseAvailability)
                            op.getResponses().addAPIResponse("503", OASFactory.createAPIResponse()
                                    .ref("#/components/responses/ServiceUnavailable"));
                        }
                        if (op.getParameters() != null) {
                            op.getParameters().forEach(p -> declare(path, op, p, named));
                        }
                    });
                }
            });
        }
    }

    /**
     * Every operation's other errors: those of the HTTP layer (405, 406, 414, 431, ...) and any
     * status an operation does not list. All are problem+json, so clients can rely on the shape.
     */
    private static APIResponse anyOtherError() {
        return OASFactory.createAPIResponse()
                .description("Any other error (405, 406, 412, 414, 431, 503, ...): always application/problem+json")
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref(SCHEMA_PREFIX + "Problem"))));
    }

    // ---------------------------------------------------------------- parameters

    private static void declare(String path, Operation op, Parameter p, Map<String, Schema> named) {
        if (p.getIn() == null || p.getName() == null) {
            return; // a reference to a shared parameter
        }
        // WordPress' routes take WordPress' parameters (include is a list of ids there): declared by their resources
        Schema declared = path.startsWith("/wp-json") ? null : switch (p.getIn()) {
            case PATH -> switch (p.getName()) {
                case "id" -> integer(1, null, null).format("int64");
                case "deliveryId" -> string().format("uuid");
                case "format" -> string().enumeration(List.<Object>of("rss", "atom", "json"));
                default -> null;
            };
            case QUERY -> switch (p.getName()) {
                case "limit" -> integer(1, Params.MAX_LIMIT, Params.DEFAULT_LIMIT);
                case "replies" -> integer(0, 10_000, 100);
                case "publishedAfter", "publishedBefore", "modifiedSince" -> string().format("date-time");
                case "sticky" -> OASFactory.createSchema().addType(SchemaType.BOOLEAN);
                case "view" -> string().enumeration(List.<Object>of("flat", "tree")).defaultValue("flat");
                case "include" -> commaList(INCLUDES);
                case "types" -> commaList(List.of("post", "comment", "category", "tag", "author"));
                case "fields" -> commaList(fieldsOf(op, named));
                case "sort" -> string().enumeration(sorts(path));
                case "status" -> statuses(path, p.getSchema());
                default -> null;
            };
            default -> null;
        };
        if (declared != null) {
            p.setSchema(declared);
            if (isArray(declared) && !"status".equals(p.getName())) {
                p.setStyle(Parameter.Style.FORM);
                p.setExplode(false); // comma-separated: include=author,tags
            }
        }
        if ("fields".equals(p.getName()) && p.getDescription() != null && !p.getDescription().contains("required")) {
            p.setDescription(p.getDescription() + ". The answer then carries only these fields: the schema's `required` list"
                    + " describes answers without `fields`.");
        }
        Object example = typed(p.getExample(), p.getSchema());
        boolean narrowing = NARROWING.contains(p.getName()) || path.startsWith("/wp-json"); // WordPress' are all optional
        if (p.getIn() == Parameter.In.QUERY && narrowing && example != null && p.getSchema() != null) {
            // Swagger UI pre-fills a parameter's example, not its schema's: documented, not pre-filled
            p.setExample(null);
            p.getSchema().setExamples(List.of(example));
        } else {
            p.setExample(example);
        }
    }

    /** An example written as text in an annotation, as a value of the parameter's type. */
    private static Object typed(Object example, Schema schema) {
        if (!(example instanceof String text) || schema == null || schema.getType() == null) {
            return example;
        }
        if (schema.getType().contains(SchemaType.ARRAY)) {
            return List.of(text.split(","));
        }
        if (schema.getType().contains(SchemaType.INTEGER)) {
            return Long.valueOf(text);
        }
        if (schema.getType().contains(SchemaType.BOOLEAN)) {
            return Boolean.valueOf(text);
        }
        return text;
    }

    private static boolean isNullType(Schema s) {
        return s.getType() != null && s.getType().size() == 1 && s.getType().get(0) == SchemaType.NULL;
    }

    private static boolean isArray(Schema s) {
        return s != null && s.getType() != null && s.getType().contains(SchemaType.ARRAY);
    }

    private static List<Object> sorts(String path) {
        return switch (path) {
            case "/api/v1/posts" -> List.of("newest", "oldest", "modified", "title", "relevance");
            case "/api/v1/tags" -> List.of("name", "count");
            default -> List.of("oldest", "newest", "top"); // comment trees and the moderation list
        };
    }

    private static Schema statuses(String path, Schema current) {
        List<Object> values = switch (path) {
            case "/api/v1/posts" -> List.of("published", "draft", "scheduled", "trashed", "any");
            case "/api/v1/comments" -> List.of("pending", "approved", "spam", "trashed");
            default -> List.of("pending", "delivered", "failed"); // webhook deliveries
        };
        boolean repeated = current != null && current.getType() != null && current.getType().contains(SchemaType.ARRAY);
        return repeated ? OASFactory.createSchema().addType(SchemaType.ARRAY).items(string().enumeration(values))
                : string().enumeration(values);
    }

    /** The names {@code fields=} takes: the properties of what the operation answers (of each item, for a page). */
    private static List<Object> fieldsOf(Operation op, Map<String, Schema> named) {
        APIResponse ok = op.getResponses() == null ? null : op.getResponses().getAPIResponse("200");
        if (ok == null || ok.getContent() == null || ok.getContent().getMediaType("application/json") == null) {
            return List.of();
        }
        Schema answer = resolve(ok.getContent().getMediaType("application/json").getSchema(), named);
        if (answer != null && answer.getProperties() != null && answer.getProperties().containsKey("items")
                && answer.getProperties().containsKey("page")) {
            answer = resolve(answer.getProperties().get("items").getItems(), named);
        }
        return answer == null || answer.getProperties() == null ? List.of() : new ArrayList<>(answer.getProperties().keySet());
    }

    private static Schema resolve(Schema s, Map<String, Schema> named) {
        return s != null && s.getRef() != null && s.getRef().startsWith(SCHEMA_PREFIX)
                ? named.get(s.getRef().substring(SCHEMA_PREFIX.length())) : s;
    }

    private static Schema commaList(List<?> values) {
        return OASFactory.createSchema().addType(SchemaType.ARRAY).items(string().enumeration(new ArrayList<>(values)));
    }

    private static Schema string() {
        return OASFactory.createSchema().addType(SchemaType.STRING);
    }

    private static Schema integer(Integer min, Integer max, Integer fallback) {
        Schema s = OASFactory.createSchema().addType(SchemaType.INTEGER);
        if (min != null) {
            s.setMinimum(BigDecimal.valueOf(min));
        }
        if (max != null) {
            s.setMaximum(BigDecimal.valueOf(max));
        }
        if (fallback != null) {
            s.setDefaultValue(fallback);
        }
        return s;
    }

    /** Every schema an answer can contain: those of each response, followed through references, properties and items. */
    private static Set<Schema> answerSchemas(OpenAPI openAPI, Map<String, Schema> named) {
        Deque<Schema> pending = new ArrayDeque<>();
        if (openAPI.getComponents().getResponses() != null) {
            openAPI.getComponents().getResponses().values().forEach(r -> addContent(r, pending));
        }
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            for (PathItem item : openAPI.getPaths().getPathItems().values()) {
                addOperations(item, pending);
            }
        }
        if (openAPI.getWebhooks() != null) {
            openAPI.getWebhooks().values().forEach(hook -> {
                // a webhook's request body is what Gazette sends: an answer in this sense
                hook.getOperations().values().forEach(op -> {
                    if (op.getRequestBody() != null) {
                        addContent(op.getRequestBody().getContent(), pending);
                    }
                });
            });
        }
        Set<Schema> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        Set<Schema> found = new LinkedHashSet<>();
        while (!pending.isEmpty()) {
            Schema s = pending.pop();
            if (!seen.add(s)) {
                continue;
            }
            found.add(s);
            if (s.getRef() != null && s.getRef().startsWith(SCHEMA_PREFIX)) {
                Schema target = named.get(s.getRef().substring(SCHEMA_PREFIX.length()));
                if (target != null) {
                    pending.push(target);
                }
            }
            if (s.getProperties() != null) {
                pending.addAll(s.getProperties().values());
            }
            if (s.getItems() != null) {
                pending.push(s.getItems());
            }
            if (s.getAdditionalPropertiesSchema() != null) {
                pending.push(s.getAdditionalPropertiesSchema());
            }
            for (List<Schema> alternatives : List.of(nonNull(s.getAllOf()), nonNull(s.getAnyOf()), nonNull(s.getOneOf()))) {
                pending.addAll(alternatives);
            }
        }
        return found;
    }

    private static void addOperations(PathItem item, Deque<Schema> pending) {
        if (item.getOperations() == null) {
            return;
        }
        for (Operation op : item.getOperations().values()) {
            if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
                op.getResponses().getAPIResponses().values().forEach(r -> addContent(r, pending));
            }
        }
    }

    private static void addContent(APIResponse response, Deque<Schema> pending) {
        addContent(response.getContent(), pending);
    }

    private static void addContent(Content content, Deque<Schema> pending) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        for (MediaType type : content.getMediaTypes().values()) {
            if (type.getSchema() != null) {
                pending.push(type.getSchema());
            }
        }
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
