package dev.gazette.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gazette.Fixtures;
import dev.gazette.RawHttp;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad requests generated from the served OpenAPI document: for every operation, bad values for
 * each path and query parameter, malformed, empty, wrong-typed and oversized bodies, wrong
 * content types, bad headers and unsupported methods, anonymously and with an admin token.
 * Whatever the input: no 5xx; every 4xx is application/problem+json with {@code status} and
 * {@code title}; no stack trace or Java class name in any error; 401 carries its challenge, 405
 * its {@code Allow}; and a refused write changes nothing (the change feed stays where it was).
 * <p>
 * Path values that would name real data are never generated (no small positive numbers, no
 * {@code " 1"} or {@code "01"}), so an admin's DELETE can only reach what this test created.
 */
@QuarkusTest
class GeneratedBadRequestTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TEMPLATE = Pattern.compile("\\{([^}]+)}");
    private static final Pattern MALFORMED_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");
    private static final String CHALLENGE = "Bearer realm=\"gazette\"";
    /** The challenge of operations for signed-in commenters (X-Id-Token), which a staff token does not satisfy. */
    private static final String COMMENTER_CHALLENGE = dev.gazette.comment.identity.IdTokenVerifier.CHALLENGE;
    private static final List<String> LEAKS = List.of("Exception", "\tat ", "at dev.gazette", "java.lang", "java.util",
            "org.hibernate", "com.fasterxml", "io.vertx", "io.quarkus", "jakarta.", "org.jboss", "SQLState", "ERROR:");

    /** Parameter values as sent on the wire (already %-encoded, or deliberately malformed). */
    private static final List<String> BAD_VALUES = List.of(
            "", "%00", "a%00b", "%1B%5B31m", "%7F", "%C2%85", "%ED%A0%80", "%FF%FE", "%EF%BF%BF", "%F0%9F%92%A9%E6%9D%B1",
            "-1", "0", "99999999999999999999", "1.5", "true", "%5B%5D", "%27%22%3C", "%2F..%2F", "%25", "x".repeat(2000),
            "y".repeat(9000), "%%", "%zz", "%E0%A4%A");
    /** The few that anonymous requests repeat (the admin run has them all). */
    private static final List<String> ANON_VALUES = List.of("%00", "-1", "99999999999999999999", "%F0%9F%92%A9", "%%");

    private static final List<String> MALFORMED_BODIES = List.of("", "{", "[]", "null", "\"x\"", "{\"a\":}", "{'a': 1}",
            "{\"a\": 1} trailing", "{\"a\": \"\\u00\"}", "{\"a\": 1e999999}", "[".repeat(5000) + "]".repeat(5000),
            "{\"a\": \"\u0001\"}");
    private static final List<String> ANON_BODIES = List.of("{", "{\"a\": \"\\u0000\"}");

    private static final List<JsonNode> WRONG_VALUES;

    static {
        JsonNodeFactory f = JsonNodeFactory.instance;
        WRONG_VALUES = List.of(f.numberNode(-1), f.booleanNode(true), f.objectNode(), f.arrayNode().add(f.nullNode()),
                f.textNode("a\u0000b"), f.textNode("\u0001 \t"), f.textNode("\uD800"),
                f.numberNode(new java.math.BigInteger("99999999999999999999999")));
    }

    private static final List<String> WRONG_CONTENT_TYPES = List.of("text/plain", "application/xml", "multipart/form-data",
            "garbage");

    private final Map<Integer, Integer> histogram = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger sent = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicBoolean wrote = new java.util.concurrent.atomic.AtomicBoolean();
    /** Requests of one operation run side by side; operations one after the other. */
    private final java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    private final List<java.util.concurrent.Future<?>> batch = new ArrayList<>();
    private String changeCursor;

    private record Operation(String method, String path, List<String> pathParams, List<String> queryParams,
                             List<String> bodyTypes, JsonNode bodySchema) {
    }

    @Test
    void noGeneratedBadRequestBreaksTheErrorContract() throws IOException {
        long started = System.nanoTime();
        int oversized = 0;
        JsonNode spec = JSON.readTree(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString());
        Map<String, String> valid = ownData();
        List<Operation> operations = operations(spec);
        operations.sort(java.util.Comparator.comparing(op -> op.method().equals("DELETE")));
        changeCursor = newestChange();

        for (Operation op : operations) {
            for (String token : new String[] {Fixtures.ADMIN_TOKEN, null}) {
                List<String> values = token == null ? ANON_VALUES : BAD_VALUES;
                for (String name : op.pathParams()) {
                    for (String value : values) {
                        Map<String, String> path = new HashMap<>(valid);
                        path.put(name, value);
                        send(op, token, expand(op.path(), path, valid), Map.of(), null, null);
                    }
                }
                String base = expand(op.path(), Map.of(), valid);
                for (String name : op.queryParams()) {
                    for (String value : sample(values, token == null ? 2 : 9)) {
                        send(op, token, base + "?" + name + "=" + value, Map.of(), null, null);
                    }
                    if (token != null) {
                        send(op, token, base + "?" + name, Map.of(), null, null);
                        send(op, token, base + "?" + name + "=1&" + name + "=%00", Map.of(), null, null);
                    }
                }
                if (token != null) {
                    for (String query : List.of("?%00=1", "?a=1&a=%FF")) {
                        send(op, token, base + query, Map.of(), null, null);
                    }
                }
                if (!op.bodyTypes().isEmpty()) {
                    String type = op.bodyTypes().contains("application/json") ? "application/json" : op.bodyTypes().get(0);
                    boolean json = type.contains("json");
                    if (!json) {
                        type = "application/json"; // the upload takes XML: send it JSON, among other wrong things
                    }
                    for (String body : token == null ? ANON_BODIES : sample(MALFORMED_BODIES, 6)) {
                        send(op, token, base, Map.of(), type, utf8(body));
                    }
                    if (token != null && json) {
                        for (Map.Entry<String, JsonNode> property : properties(spec, op.bodySchema()).entrySet()) {
                            for (JsonNode wrong : sample(WRONG_VALUES, 3)) {
                                ObjectNode body = JsonNodeFactory.instance.objectNode();
                                body.set(property.getKey(), wrong);
                                send(op, token, base, Map.of(), type, utf8(body.toString()));
                            }
                        }
                        if (oversized++ < 3) {
                            send(op, token, base, Map.of(), type, utf8("{\"x\": \"" + "x".repeat(3 * 1024 * 1024) + "\"}"));
                        }
                        send(op, token, base, Map.of(), type, new byte[] {(byte) 0xFF, (byte) 0xFE, '{', '}'});
                        send(op, token, base, Map.of(), type, new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'});
                    }
                    for (String wrongType : WRONG_CONTENT_TYPES) {
                        if (token != null && !op.bodyTypes().contains(wrongType)) {
                            send(op, token, base, Map.of(), wrongType, utf8("{}"));
                        }
                    }
                }
                if (token != null) {
                    for (Map<String, String> headers : sample(badHeaders(), 4)) {
                        send(op, token, base, headers, op.bodyTypes().isEmpty() ? null : "application/json",
                                op.bodyTypes().isEmpty() ? null : utf8("{}"));
                    }
                }
                awaitBatch();
                checkNothingWritten(op);
            }
        }
        Map<String, Set<String>> methodsByPath = new LinkedHashMap<>();
        operations.forEach(op -> methodsByPath.computeIfAbsent(op.path(), p -> new LinkedHashSet<>()).add(op.method()));
        for (Map.Entry<String, Set<String>> path : methodsByPath.entrySet()) {
            for (String method : List.of("GET", "POST", "PUT", "PATCH", "DELETE", "FOO", "TRACE")) {
                if (!path.getValue().contains(method)) {
                    Operation op = new Operation(method, path.getKey(), List.of(), List.of(), List.of(), null);
                    send(op, Fixtures.ADMIN_TOKEN, expand(path.getKey(), Map.of(), valid), Map.of(), null, null);
                }
            }
        }
        awaitBatch();
        pool.shutdown();

        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        System.out.printf("Generated bad requests: %d sent to %d operations in %d s; statuses: %s%n",
                sent.get(), operations.size(), seconds, histogram);
        assertTrue(failures.isEmpty(), failures.size() + " answers broke the error contract:\n"
                + String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
    }

    /** Data this test owns, by the name of the path parameter and the collection it is in. */
    private static Map<String, String> ownData() {
        Map<String, String> valid = new HashMap<>();
        long post = Fixtures.postId(Fixtures.publishedPost(Fixtures.ADMIN_TOKEN, Fixtures.unique("fuzz"), Map.of()));
        valid.put("posts", String.valueOf(post));
        valid.put("tags", String.valueOf(Fixtures.tag(Fixtures.unique("fuzz"))));
        valid.put("categories", String.valueOf(Fixtures.category(Fixtures.unique("fuzz"), null)));
        valid.put("authors", String.valueOf(Fixtures.actor("author").authorId()));
        valid.put("comments", String.valueOf(Fixtures.comment(post, null, Fixtures.unique("fuzz") + "@example.com", "Fuzz")
                .getLong("id")));
        valid.put("format", "json");
        return valid;
    }

    /** A template with its parameters filled: the given ones, else this test's own data, else an id nobody has. */
    private static String expand(String template, Map<String, String> given, Map<String, String> valid) {
        Matcher m = TEMPLATE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = given.get(name);
            if (value == null) {
                String before = template.substring(0, m.start());
                String collection = before.replaceAll("/$", "").replaceAll(".*/", "");
                value = valid.getOrDefault(name, valid.getOrDefault(collection, "999999999"));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static List<Operation> operations(JsonNode spec) {
        List<Operation> result = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = spec.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase(Locale.ROOT);
                if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)
                        // an event stream answers a request it accepts with a stream that never ends (CommentStreamTest checks its errors)
                        || op.getValue().path("responses").path("200").path("content").has("text/event-stream")) {
                    continue;
                }
                List<String> pathParams = new ArrayList<>();
                List<String> queryParams = new ArrayList<>();
                for (JsonNode p : op.getValue().path("parameters")) {
                    JsonNode param = p.has("$ref") ? resolve(spec, p.get("$ref").asText()) : p;
                    switch (param.path("in").asText()) {
                        case "path" -> pathParams.add(param.get("name").asText());
                        case "query" -> queryParams.add(param.get("name").asText());
                        default -> { }
                    }
                }
                JsonNode content = op.getValue().path("requestBody").path("content");
                List<String> bodyTypes = new ArrayList<>();
                content.fieldNames().forEachRemaining(bodyTypes::add);
                JsonNode schema = bodyTypes.isEmpty() ? null : content.get(bodyTypes.get(0)).path("schema");
                for (String type : bodyTypes) {
                    if (type.equals("application/json")) {
                        schema = content.get(type).path("schema");
                    }
                }
                result.add(new Operation(method, path.getKey(), pathParams, queryParams, bodyTypes, schema));
            }
        }
        return result;
    }

    private static JsonNode resolve(JsonNode spec, String ref) {
        JsonNode node = spec;
        for (String part : ref.replaceFirst("^#/", "").split("/")) {
            node = node.path(part);
        }
        return node;
    }

    /** The properties of a body schema ($ref resolved); for a non-object schema, one pseudo-property. */
    private static Map<String, JsonNode> properties(JsonNode spec, JsonNode schema) {
        Map<String, JsonNode> result = new LinkedHashMap<>();
        if (schema == null) {
            return result;
        }
        JsonNode resolved = schema.has("$ref") ? resolve(spec, schema.get("$ref").asText()) : schema;
        resolved.path("properties").fields().forEachRemaining(e -> result.put(e.getKey(), e.getValue()));
        if (result.isEmpty()) {
            result.put("title", JsonNodeFactory.instance.objectNode());
        }
        return result;
    }

    private static List<Map<String, String>> badHeaders() {
        return List.of(
                Map.of("Authorization", "Basic dXNlcjpwYXNz"), Map.of("Authorization", "Bearer a b c"),
                Map.of("If-Match", "garbage"), Map.of("If-Match", "W/\"-1.x\""), Map.of("If-None-Match", "garbage"),
                Map.of("If-Modified-Since", "Mon, 99 Foo 9999 99:99:99 GMT"), Map.of("If-Unmodified-Since", "never"),
                Map.of("Accept", "text/html"), Map.of("Accept", "*/*;q=abc"), Map.of("X-Visitor-Id", "v".repeat(600)),
                Map.of("X-Edit-Key", "garbage"), Map.of("X-Padding", "p".repeat(30_000)));
    }

    private int rotation;

    /**
     * {@code n} of the values, taken round-robin where the previous call stopped: every value is
     * used as often as the others across parameters and operations, in a fraction of the requests.
     */
    private <T> List<T> sample(List<T> values, int n) {
        List<T> result = new ArrayList<>();
        for (int i = 0; i < Math.min(n, values.size()); i++) {
            result.add(values.get(rotation++ % values.size()));
        }
        return result;
    }

    private static byte[] utf8(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    private void send(Operation op, String token, String target, Map<String, String> headers, String contentType, byte[] body) {
        batch.add(pool.submit(() -> sendNow(op, token, target, headers, contentType, body)));
    }

    private void awaitBatch() {
        for (java.util.concurrent.Future<?> f : batch) {
            try {
                f.get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        batch.clear();
    }

    private void sendNow(Operation op, String token, String target, Map<String, String> headers, String contentType, byte[] body) {
        Map<String, String> all = new LinkedHashMap<>();
        if (token != null) {
            all.put("Authorization", "Bearer " + token);
        }
        all.putAll(headers);
        if (contentType != null) {
            all.put("Content-Type", contentType);
        }
        int status;
        String type;
        String text;
        Map<String, String> answerHeaders = new HashMap<>();
        String described = op.method() + " " + abbreviate(target) + (token == null ? " [anonymous]" : " [admin]")
                + (headers.isEmpty() ? "" : " " + abbreviate(headers.toString()))
                + (body == null ? "" : " body " + abbreviate(new String(body, StandardCharsets.UTF_8))) + (contentType == null ? "" : " (" + contentType + ")");
        try {
            if (MALFORMED_ESCAPE.matcher(target).find()) {
                RawHttp.Answer answer = RawHttp.send(op.method(), target, all, body);
                status = answer.status();
                type = answer.header("content-type");
                text = answer.body();
                answer.headers().forEach(answerHeaders::put);
            } else {
                RequestSpecification request = given().urlEncodingEnabled(false).config(RestAssuredConfig.config()
                        .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)));
                all.forEach(request::header);
                if (body != null) {
                    request.body(body);
                }
                Response response = request.request(op.method(), target);
                status = response.statusCode();
                type = response.contentType();
                text = response.asString();
                response.headers().forEach(h -> answerHeaders.put(h.getName().toLowerCase(Locale.ROOT), h.getValue()));
            }
        } catch (RuntimeException e) {
            fail(described + " -> no answer: " + e.getMessage());
            sent.incrementAndGet();
            return;
        }
        sent.incrementAndGet();
        synchronized (histogram) {
            histogram.merge(status, 1, Integer::sum);
        }
        check(described, status, type, text, answerHeaders, op.path().startsWith("/wp-json"));
        if (status < 300 && !op.method().equals("GET")) {
            wrote.set(true); // a write went through: the feed moves on
        }
    }

    private void fail(String failure) {
        synchronized (failures) {
            failures.add(failure);
        }
    }

    /** {@code wordpress}: WordPress' routes may answer in WordPress' shape, {@code {code, message, data: {status}}}. */
    private void check(String described, int status, String type, String body, Map<String, String> headers, boolean wordpress) {
        if (status >= 500) {
            fail(described + " -> " + status + " " + abbreviate(body));
            return;
        }
        if (status < 400) {
            return;
        }
        boolean wordpressError = wordpress && type != null && type.startsWith("application/json");
        if (!wordpressError && (type == null || !type.startsWith("application/problem+json"))) {
            fail(described + " -> " + status + " as " + type + ": " + abbreviate(body));
            return;
        }
        try {
            JsonNode problem = JSON.readTree(body);
            if (wordpressError ? problem.path("data").path("status").asInt() != status || !problem.path("code").isTextual()
                    || !problem.path("message").isTextual()
                    : problem.path("status").asInt() != status || !problem.path("title").isTextual() || problem.path("title").asText().isBlank()) {
                fail(described + " -> " + status + (wordpressError ? " WordPress error without code/message/data.status: "
                        : " problem without status/title: ") + abbreviate(body));
            }
        } catch (IOException e) {
            fail(described + " -> " + status + " problem is not JSON: " + abbreviate(body));
        }
        for (String leak : LEAKS) {
            if (body.contains(leak)) {
                fail(described + " -> " + status + " leaks '" + leak + "': " + abbreviate(body));
            }
        }
        if (status == 401 && !CHALLENGE.equals(headers.get("www-authenticate"))
                && !COMMENTER_CHALLENGE.equals(headers.get("www-authenticate"))) {
            fail(described + " -> 401 without WWW-Authenticate");
        }
        if (status == 405 && headers.get("allow") == null) {
            fail(described + " -> 405 without Allow");
        }
    }

    /** Refused writes leave no trace: when none of an operation's requests went through, the change feed did not move. */
    private void checkNothingWritten(Operation op) {
        if (wrote.getAndSet(false) || changeCursor == null) {
            changeCursor = newestChange();
            return;
        }
        JsonNode changes = changesAfter(changeCursor, 5);
        if (changes.path("items").size() > 0) {
            fail(op.method() + " " + op.path() + ": refused requests recorded changes " + abbreviate(changes.path("items").toString()));
            changeCursor = newestChange();
        }
    }

    private static String newestChange() {
        String cursor = null;
        while (true) {
            JsonNode page = changesAfter(cursor, 1000);
            String next = page.path("page").path("next").asText(null);
            if (page.path("items").size() == 0 || next == null) {
                return next != null ? next : cursor;
            }
            cursor = next;
        }
    }

    private static JsonNode changesAfter(String cursor, int limit) {
        RequestSpecification request = Fixtures.asAdmin().queryParam("limit", limit);
        if (cursor != null) {
            request.queryParam("after", cursor);
        }
        try {
            return JSON.readTree(request.get("/api/v1/changes").then().statusCode(200).extract().asString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String s) {
        String clean = s == null ? "null" : s.replaceAll("\\p{Cntrl}", "\u2400");
        return clean.length() <= 160 ? clean : clean.substring(0, 150) + "...(" + clean.length() + ")";
    }
}
