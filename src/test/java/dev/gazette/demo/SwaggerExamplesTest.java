package dev.gazette.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Swagger UI as shipped, against the demo publication: every GET an anonymous reader may call,
 * executed with the values Swagger UI pre-fills (a parameter's first named example, else its
 * example, else its schema's example or default, as swagger-ui's parameter row does), answers
 * 2xx, and a list is not empty. Then each optional filter's documented example (in its schema's
 * {@code examples}, which Swagger UI does not pre-fill), set on its own, still finds demo content.
 */
@QuarkusTest
@TestProfile(DemoPublication.class)
class SwaggerExamplesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Positions and time windows: their examples are valid, but what they find depends on the day the demo was loaded. */
    private static final Set<String> POSITIONAL = Set.of("cursor", "after", "publishedAfter", "publishedBefore", "modifiedSince");

    record Call(String method, String path, JsonNode operation) {
    }

    @Test
    void everyAnonymousGetWorksWithItsPrefilledValues() throws Exception {
        List<Call> calls = anonymousGets();
        assertTrue(calls.size() >= 15, "expected the public reads, found " + calls.size());
        List<String> failures = new ArrayList<>();
        for (Call call : calls) {
            Response r = request(call, null, null).get(expand(call));
            String where = "GET " + call.path() + " (as pre-filled)";
            check(where, r, failures);
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void everyFilterExampleFindsDemoContent() throws Exception {
        List<String> failures = new ArrayList<>();
        int tried = 0;
        for (Call call : anonymousGets()) {
            for (JsonNode p : call.operation().path("parameters")) {
                JsonNode example = p.path("schema").path("examples").path(0);
                if (!"query".equals(p.path("in").asText()) || example.isMissingNode() || POSITIONAL.contains(p.path("name").asText())) {
                    continue;
                }
                tried++;
                Response r = request(call, p.path("name").asText(), example).get(expand(call));
                check("GET " + call.path() + "?" + p.path("name").asText() + "=" + example, r, failures);
            }
        }
        assertTrue(tried >= 10, "expected the filters' examples, found " + tried);
        assertEquals(List.of(), failures);
    }

    private static void check(String where, Response r, List<String> failures) {
        if (r.statusCode() / 100 != 2) {
            failures.add(where + ": " + r.statusCode() + " " + r.asString());
        } else if (r.contentType().startsWith("application/json") && r.jsonPath().get("items") instanceof List<?> items && items.isEmpty()) {
            failures.add(where + ": an empty list");
        }
    }

    private List<Call> anonymousGets() throws Exception {
        JsonNode spec = JSON.readTree(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString());
        List<Call> calls = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = spec.path("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            JsonNode get = path.getValue().path("get");
            // an event stream never ends (CommentStreamTest reads it)
            boolean stream = get.path("responses").path("200").path("content").has("text/event-stream");
            if (!get.isMissingNode() && !get.has("security") && !stream) {
                calls.add(new Call("GET", path.getKey(), get));
            }
        }
        return calls;
    }

    /** The request Swagger UI sends: pre-filled values, with one parameter set to the given value if named. */
    private static RequestSpecification request(Call call, String name, JsonNode value) {
        RequestSpecification spec = given().urlEncodingEnabled(true);
        for (JsonNode p : call.operation().path("parameters")) {
            String in = p.path("in").asText();
            if ("path".equals(in)) {
                continue;
            }
            JsonNode v = p.path("name").asText().equals(name) ? value : prefilled(p);
            if (v == null || v.isMissingNode() || v.isNull() || v.asText().isEmpty() && !v.isArray() || v.isArray() && v.isEmpty()) {
                continue;
            }
            String text = v.isArray() ? join(v) : v.asText();
            if ("query".equals(in)) {
                if (v.isArray() && p.path("explode").asBoolean(true)) {
                    List<String> values = new ArrayList<>();
                    v.forEach(x -> values.add(x.asText()));
                    spec.queryParam(p.path("name").asText(), values);
                } else {
                    spec.queryParam(p.path("name").asText(), text);
                }
            } else if ("header".equals(in)) {
                spec.header(p.path("name").asText(), text);
            }
        }
        return spec;
    }

    private static String expand(Call call) {
        String path = call.path();
        for (JsonNode p : call.operation().path("parameters")) {
            if ("path".equals(p.path("in").asText())) {
                JsonNode v = prefilled(p);
                assertTrue(v != null && !v.asText().isEmpty(), call.path() + ": path parameter " + p.path("name").asText() + " has no example");
                path = path.replace("{" + p.path("name").asText() + "}", v.asText());
            }
        }
        return path;
    }

    private static JsonNode prefilled(JsonNode p) {
        Iterator<JsonNode> named = p.path("examples").elements();
        if (named.hasNext()) {
            return named.next().path("value");
        }
        if (p.has("example")) {
            return p.get("example");
        }
        JsonNode schema = p.path("schema");
        return schema.has("example") ? schema.get("example") : schema.has("default") ? schema.get("default") : null;
    }

    private static String join(JsonNode array) {
        List<String> parts = new ArrayList<>();
        array.forEach(x -> parts.add(x.asText()));
        return String.join(",", parts);
    }
}
