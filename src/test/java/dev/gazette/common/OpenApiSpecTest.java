package dev.gazette.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed spec under openapi/ is what clients are generated from: it must match what
 * the running application serves, and document every operation fully.
 */
@QuarkusTest
class OpenApiSpecTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> WRITE_METHODS = Set.of("post", "put", "patch", "delete");

    private JsonNode live() throws IOException {
        return JSON.readTree(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString());
    }

    @Test
    void committedSpecIsCurrent() throws IOException {
        Path committed = Path.of("openapi", "openapi.json");
        assertTrue(Files.exists(committed), "openapi/openapi.json is missing: run ./mvnw package -DskipTests and commit openapi/");
        List<String> differences = new ArrayList<>();
        diff("", JSON.readTree(committed.toFile()), live(), differences);
        assertEquals(List.of(), differences.stream().limit(20).toList(),
                "openapi/openapi.json is stale: run ./mvnw package -DskipTests (it regenerates openapi/) and commit openapi/");
        assertTrue(Files.exists(Path.of("openapi", "openapi.yaml")), "openapi/openapi.yaml is missing");
    }

    /** JSON pointers where the committed and the served document differ. */
    private static void diff(String at, JsonNode committed, JsonNode served, List<String> out) {
        if (committed.isObject() && served.isObject()) {
            Set<String> names = new java.util.TreeSet<>();
            committed.fieldNames().forEachRemaining(names::add);
            served.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String child = at + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!committed.has(name)) {
                    out.add("only served: " + child);
                } else if (!served.has(name)) {
                    out.add("only committed: " + child);
                } else {
                    diff(child, committed.get(name), served.get(name), out);
                }
            }
        } else if (!committed.equals(served)) {
            out.add("differs: " + (at.isEmpty() ? "/" : at));
        }
    }

    @Test
    void everyOperationIsDocumented() throws IOException {
        List<String> problems = new ArrayList<>();
        JsonNode paths = live().path("paths");
        Iterator<Map.Entry<String, JsonNode>> it = paths.fields();
        int operations = 0;
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> path = it.next();
            Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
            while (methods.hasNext()) {
                Map.Entry<String, JsonNode> m = methods.next();
                String where = m.getKey().toUpperCase() + " " + path.getKey();
                JsonNode op = m.getValue();
                operations++;
                if (op.path("summary").asText().isBlank()) {
                    problems.add(where + ": no summary");
                }
                if (op.path("description").asText().isBlank()) {
                    problems.add(where + ": no description");
                }
                for (JsonNode p : op.path("parameters")) {
                    // an optional filter documents its example in its schema, so Swagger UI does not pre-fill it (OpenApiContract)
                    if (!p.has("example") && !p.has("examples") && !p.path("schema").has("examples")) {
                        problems.add(where + ": parameter " + p.path("name").asText() + " has no example");
                    }
                }
                boolean documentsError = false;
                for (Iterator<String> codes = op.path("responses").fieldNames(); codes.hasNext(); ) {
                    String code = codes.next();
                    if (code.startsWith("4")) {
                        documentsError = true;
                    }
                }
                if (!documentsError) {
                    problems.add(where + ": no documented 4xx response");
                }
                if (WRITE_METHODS.contains(m.getKey()) && !op.has("security")) {
                    problems.add(where + ": write without the bearer security requirement");
                }
            }
        }
        assertTrue(operations >= 25, "expected the whole API in the spec, found " + operations + " operations");
        assertEquals(List.of(), problems);
    }

    @Test
    void everyAnswerOfTheSuiteIsCheckedAgainstTheCommittedSpec() throws IOException {
        assertTrue(dev.gazette.SpecConformance.installed(), "SpecConformance is a global REST Assured filter in every @QuarkusTest");
        // the check passes what is served ...
        given().get("/api/v1/posts").then().statusCode(200);
        // ... and refuses an answer the spec does not describe: a post without most of its fields,
        List<String> missing = dev.gazette.SpecConformance.problems("GET", "/api/v1/posts/some-post", 200, "application/json",
                "{\"id\": 7, \"slug\": \"some-post\"}");
        assertTrue(missing.stream().anyMatch(p -> p.startsWith("validation.response.body.schema.required")), missing.toString());
        // a served post passes as it is
        long id = dev.gazette.Fixtures.postId(dev.gazette.Fixtures.publishedPost(dev.gazette.Fixtures.ADMIN_TOKEN,
                dev.gazette.Fixtures.unique("spec"), java.util.Map.of()));
        com.fasterxml.jackson.databind.node.ObjectNode post = (com.fasterxml.jackson.databind.node.ObjectNode)
                JSON.readTree(given().get("/api/v1/posts/" + id).then().statusCode(200).extract().asString());
        assertEquals(List.of(), dev.gazette.SpecConformance.problems("GET", "/api/v1/posts/" + id, 200, "application/json", post.toString()));
        // a missing field of a served post is refused too; so is a value outside its closed set
        com.fasterxml.jackson.databind.node.ObjectNode withoutTitle = post.deepCopy();
        withoutTitle.remove("title");
        assertTrue(dev.gazette.SpecConformance.problems("GET", "/api/v1/posts/" + id, 200, "application/json", withoutTitle.toString())
                .stream().anyMatch(p -> p.startsWith("validation.response.body.schema.required")));
        assertTrue(dev.gazette.SpecConformance.problems("GET", "/api/v1/posts/" + id, 200, "application/json",
                post.deepCopy().put("status", "bogus").toString()).stream().anyMatch(p -> p.startsWith("validation.response.body.schema.enum")));
        // types and nullability: a number as text, a null where the spec allows none
        List<String> wrongType = dev.gazette.SpecConformance.problems("GET", "/api/v1/posts/" + id, 200, "application/json",
                post.deepCopy().put("id", "seven").toString());
        assertTrue(wrongType.stream().anyMatch(p -> p.startsWith("validation.response.body.schema.type")), wrongType.toString());
        List<String> wrongNull = dev.gazette.SpecConformance.problems("GET", "/api/v1/posts/" + id, 200, "application/json",
                post.deepCopy().putNull("title").toString());
        assertTrue(wrongNull.stream().anyMatch(p -> p.startsWith("validation.response.body.schema.type")), wrongNull.toString());
        // an error answer that is not a problem
        List<String> notAProblem = dev.gazette.SpecConformance.problems("GET", "/api/v1/posts/" + id, 404,
                "application/problem+json", "{\"message\": \"nope\"}");
        assertTrue(notAProblem.stream().anyMatch(p -> p.contains("required")), notAProblem.toString());
    }

    @Test
    void errorsAreProblemJsonAndBearerSchemeIsDeclared() throws IOException {
        JsonNode spec = live();
        assertEquals("bearer", spec.path("components").path("securitySchemes").path("bearer").path("scheme").asText());
        JsonNode notFound = spec.path("components").path("responses").path("NotFound");
        assertTrue(notFound.path("content").has("application/problem+json"), "errors are documented as problem+json");
    }
}
