package dev.gazette;

import dev.gazette.common.web.Problem;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The OpenAPI document's frame: info, the bearer scheme (optional on reads, required on the
 * writes that say so), tags, and the problem+json error responses every operation refers to by name.
 */
@OpenAPIDefinition(
        info = @Info(title = "Gazette API", version = "1.0.0",
                description = """
                        Headless content API for news sites and blogs. Reading published content is public;
                        writes need `Authorization: Bearer <token>`. Lists are keyset-paged (`limit`, `cursor`),
                        every GET has a strong `ETag` and answers `If-None-Match` with 304, and every error is
                        `application/problem+json` (RFC 9457).""",
                contact = @Contact(name = "Gazette team", url = "https://gazette.dev"),
                license = @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0")),
        servers = @Server(url = "/", description = "This Gazette instance"),
        securitySets = {
                @SecurityRequirementsSet,
                @SecurityRequirementsSet(@SecurityRequirement(name = "bearer"))
        },
        tags = {
                @Tag(name = "Posts", description = "Articles, including re-published ones with their source credited"),
                @Tag(name = "Pages", description = "Pages outside the post stream (About, About > Team), in a tree, by id, slug or path"),
                @Tag(name = "Resolve", description = "Which post or page a path names, old WordPress links included (for a front-end's 301s)"),
                @Tag(name = "Categories", description = "The category tree"),
                @Tag(name = "Tags", description = "Free-form tags"),
                @Tag(name = "Comments", description = "Threaded comments, reply trees and likes"),
                @Tag(name = "Moderation", description = "The comment moderation queue (moderators, editors, admins)"),
                @Tag(name = "Feeds", description = "RSS 2.0, Atom 1.0 and JSON Feed 1.1"),
                @Tag(name = "Changes", description = "Incremental sync: what changed since a cursor, deletions included"),
                @Tag(name = "Imports", description = "Moving a WordPress site in: WXR import jobs (admins)"),
                @Tag(name = "Webhooks", description = "Signed event deliveries to registered endpoints, with retries and a delivery log (admins)"),
                @Tag(name = "Authors", description = "Authors and the current caller"),
                @Tag(name = "Tokens", description = "API tokens (bearer secrets, stored hashed)")
        },
        components = @Components(responses = {
                @APIResponse(name = "BadRequest", description = "A query parameter, path segment or body is malformed",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                examples = @ExampleObject(name = "bad-parameter", value = """
                                        {"type":"https://gazette.dev/problems/bad-request","title":"Bad request","status":400,
                                         "detail":"limit: must be a whole number from 1 to 100","instance":"/api/v1/posts",
                                         "errors":[{"field":"limit","message":"must be a whole number from 1 to 100"}]}"""))),
                @APIResponse(name = "Unauthorized", description = "No token, or an unknown or revoked token",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                examples = @ExampleObject(name = "no-token", value = """
                                        {"type":"https://gazette.dev/problems/unauthorized","title":"Unauthorized","status":401,
                                         "detail":"This operation needs an API token: send 'Authorization: Bearer <token>'.","instance":"/api/v1/posts"}"""))),
                @APIResponse(name = "Forbidden", description = "The token's role may not do this",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                examples = @ExampleObject(name = "wrong-role", value = """
                                        {"type":"https://gazette.dev/problems/forbidden","title":"Forbidden","status":403,
                                         "detail":"Authors may only change their own posts.","instance":"/api/v1/posts/42"}"""))),
                @APIResponse(name = "NotFound", description = "No resource with that id or slug",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                examples = @ExampleObject(name = "unknown", value = """
                                        {"type":"https://gazette.dev/problems/not-found","title":"Not found","status":404,
                                         "detail":"Post 'no-such-post' does not exist.","instance":"/api/v1/posts/no-such-post"}"""))),
                @APIResponse(name = "Conflict", description = "A duplicate slug, or a change that would break the data (a category cycle)",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                examples = @ExampleObject(name = "duplicate-slug", value = """
                                        {"type":"https://gazette.dev/problems/conflict","title":"Conflict","status":409,
                                         "detail":"A post with slug 'hello-world' already exists.","instance":"/api/v1/posts"}"""))),
                @APIResponse(name = "PreconditionFailed", description = "If-Match names an outdated version",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                examples = @ExampleObject(name = "stale", value = """
                                        {"type":"https://gazette.dev/problems/precondition-failed","title":"Precondition failed","status":412,
                                         "detail":"The post has changed since version 3 (now 4); fetch it again.","instance":"/api/v1/posts/42"}"""))),
                @APIResponse(name = "PayloadTooLarge", description = "The request body is larger than gazette.http.max-body-size",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "UnsupportedMediaType", description = "The body is not application/json",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "TooManyRequests", description = "Too many writes (or wrong post passwords) from this address, or writes from this email; see Retry-After",
                        headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = SchemaType.INTEGER)),
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                examples = @ExampleObject(name = "flood", value = """
                                        {"type":"https://gazette.dev/problems/too-many-requests","title":"Too many requests","status":429,
                                         "detail":"You are commenting too quickly; wait 8 s.","instance":"/api/v1/posts/42/comments"}"""))),
                @APIResponse(name = "ServiceUnavailable", description = "The database cannot be reached: nothing was written; "
                        + "retry after Retry-After seconds. Cached public answers are still served meanwhile, with X-Cache: STALE",
                        headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = SchemaType.INTEGER)),
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                examples = @ExampleObject(name = "database-unreachable", value = """
                                        {"type":"https://gazette.dev/problems/database-unavailable","title":"Service unavailable","status":503,
                                         "detail":"The database cannot be reached right now, so the request was not carried out (a write is not applied). Retry in 5 seconds.",
                                         "instance":"/api/v1/posts/42"}"""))),
                @APIResponse(name = "ValidationFailed", description = "Body fields are invalid; `errors` lists each one",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                examples = @ExampleObject(name = "invalid-fields", value = """
                                        {"type":"https://gazette.dev/problems/validation","title":"Validation failed","status":422,
                                         "detail":"The request has 2 invalid fields.","instance":"/api/v1/posts",
                                         "errors":[{"field":"title","message":"must not be blank"},
                                                   {"field":"source.url","message":"must be an http(s) URL"}]}""")))
        }))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An API token, sent as `Authorization: Bearer <token>`. Admins create tokens with POST /api/v1/tokens.")
public class GazetteApplication extends Application {
}
