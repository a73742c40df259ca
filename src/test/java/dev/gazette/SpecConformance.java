package dev.gazette;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import io.restassured.RestAssured;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.nio.file.Path;
import java.util.List;

/**
 * Checks every answer a REST Assured test receives against the committed spec
 * ({@code openapi/openapi.json}): Atlassian's swagger-request-validator for the status documented
 * for the operation, the content type, required fields and enums, and {@link SpecBodies} for the
 * body as JSON Schema 2020-12 (types and nullability, which that validator does not check in an
 * OpenAPI 3.1 document). A mismatch fails the request that received it. Requests are not checked:
 * tests send bad requests on purpose.
 *
 * <p>Installed before every {@code @QuarkusTest} method by {@link SpecConformanceCallback}. The
 * one exception: answers trimmed with {@code fields=} carry only the fields asked for, so the
 * schema's {@code required} list does not apply to them (the parameter's description says so).
 */
public final class SpecConformance implements OrderedFilter {

    static final String REQUIRED = "validation.response.body.schema.required";

    private static final SpecBodies BODIES = new SpecBodies();

    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            .createForSpecificationUrl(Path.of("openapi", "openapi.json").toAbsolutePath().toUri().toString())
            .withLevelResolver(LevelResolver.create()
                    .withLevel("validation.request", ValidationReport.Level.IGNORE)
                    // the validator reads an OpenAPI 3.1 header schema (`type: string`) as untyped and parses the
                    // header as JSON ("http://..." is not JSON); bodies, the part that matters, are checked in full
                    .withLevel("validation.response.header.schema.invalidJson", ValidationReport.Level.IGNORE)
                    .build())
            .build();

    /** Adds the check to REST Assured's global filters, once. */
    public static void install() {
        if (RestAssured.filters().stream().noneMatch(f -> f instanceof SpecConformance)) {
            RestAssured.filters(new SpecConformance());
        }
    }

    public static boolean installed() {
        return RestAssured.filters().stream().anyMatch(f -> f instanceof SpecConformance);
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec, FilterContext ctx) {
        Response response = ctx.next(request, responseSpec);
        List<ValidationReport.Message> errors = check(request, response);
        if (!errors.isEmpty()) {
            throw new AssertionError("The answer to " + request.getMethod() + " " + request.getURI() + " (" + response.statusCode()
                    + ") does not match openapi/openapi.json:\n  - "
                    + String.join("\n  - ", errors.stream().map(m -> m.getKey() + ": " + m.getMessage()).toList())
                    + "\nBody: " + abbreviate(response.asString()));
        }
        return response;
    }

    static List<ValidationReport.Message> check(FilterableRequestSpecification request, Response response) {
        if (java.util.Arrays.stream(com.atlassian.oai.validator.model.Request.Method.values())
                .noneMatch(m -> m.name().equalsIgnoreCase(request.getMethod()))) {
            return List.of(); // a method no operation can have (PROPFIND): nothing in the spec to compare with
        }
        // answers trimmed to some fields: fields= (native), _fields= and context=embed (WordPress)
        boolean trimmed = request.getQueryParams().containsKey("fields") || request.getURI().contains("fields=")
                || request.getURI().contains("context=embed");
        ValidationReport report = VALIDATOR.validate(RestAssuredRequest.of(request), RestAssuredResponse.of(response));
        List<ValidationReport.Message> errors = new java.util.ArrayList<>(report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .filter(m -> !(trimmed && m.getKey().equals(REQUIRED)))
                .toList());
        String path = java.net.URI.create(request.getURI()).getRawPath();
        for (String problem : BODIES.problems(request.getMethod(), path, response.statusCode(), response.contentType(),
                response.asString(), trimmed)) {
            errors.add(ValidationReport.Message.create("validation.response.body." + problem.substring(0, problem.indexOf(':')),
                    problem.substring(problem.indexOf(':') + 2)).build());
        }
        return errors;
    }

    /** The check applied to an answer built by hand: for the test that shows the check can fail. */
    public static List<String> problems(String method, String path, int status, String contentType, String body) {
        var request = com.atlassian.oai.validator.model.SimpleRequest.Builder.get(path).build();
        if (!"GET".equals(method)) {
            throw new IllegalArgumentException("GET only");
        }
        var response = com.atlassian.oai.validator.model.SimpleResponse.Builder.status(status)
                .withContentType(contentType).withBody(body).build();
        List<String> problems = new java.util.ArrayList<>(VALIDATOR.validate(request, response).getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR).map(m -> m.getKey() + ": " + m.getMessage()).toList());
        BODIES.problems(method, path, status, contentType, body, false).forEach(p -> problems.add("validation.response.body." + p));
        return problems;
    }

    private static String abbreviate(String body) {
        return body.length() > 600 ? body.substring(0, 600) + "…" : body;
    }

    @Override
    public int getOrder() {
        return OrderedFilter.HIGHEST_PRECEDENCE; // closest to the wire: sees the answer as it came
    }
}
