package dev.gazette.post;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gazette.author.Caller;
import dev.gazette.common.web.FieldSelection;
import dev.gazette.common.web.HttpCaching;
import dev.gazette.common.web.IdOrSlug;
import dev.gazette.common.web.ListPage;
import dev.gazette.common.web.MergePatch;
import dev.gazette.common.web.Params;
import dev.gazette.common.web.Representation;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.gazette.comment.Liker;
import dev.gazette.comment.identity.SignedInCommenter;
import dev.gazette.common.web.ApiException;
import dev.gazette.common.web.PageInfo;
import dev.gazette.common.web.Problem;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Posts")
public class PostResource {

    static final String IF_MATCH = "ETag from a GET or a previous write; 412 when the post changed since";
    static final String ETAG_EXAMPLE = "\"3.Qx3mR0c5dYl1m1Xx\"";
    static final String CREATE_EXAMPLE = """
            {"title": "Tidal turbines to be tested off the harbour wall",
             "content": "Two **tidal turbines** will be lowered into the channel next month.",
             "format": "markdown",
             "status": "published",
             "categories": ["environment", "local"],
             "tags": ["energy", "harbour"],
             "source": {"author": "Lena Sørensen", "outlet": "The Northern Ledger",
                        "url": "https://northern-ledger.example/2026/tidal-turbines"},
             "canonicalUrl": "https://northern-ledger.example/2026/tidal-turbines"}""";

    @Inject
    PostService service;

    @Inject
    HttpCaching caching;

    @Inject
    Caller caller;

    @Inject
    SignedInCommenter signedIn;

    static final String MULTI = " Repeat the parameter or separate values with commas for any of several (OR); different filters"
            + " all apply (AND).";
    static final String VISITOR = "Anonymous liker id (8 to 64 of A-Z a-z 0-9 - _, e.g. a UUID kept by the client); with it (or a token,"
            + " or a signed-in commenter's X-Id-Token) posts carry likedByMe and the answer is private";
    static final String PASSWORD = "The password of a protected post, to read its content and excerpt; the answer is then private";
    static final String VISITOR_EXAMPLE = "3f0c2a7e-5b1d-4e8a-9c61-2d7f0b9e4a11";
    /** At most this many values in one multi-value filter. */
    static final int MAX_VALUES = 50;

    @GET
    @Path("/posts")
    @Operation(summary = "List posts", description = """
            Published posts, keyset-paged: follow `page.next` (or the `Link` header) until it is null.

            **Order.** Without `sort` and without any filter (`category`, `tag`, `author`, `outlet`, dates, `q`,
            `sticky`, `status`) the list is the front page: sticky posts first (newest first among them), then every
            other post newest first. It is one keyset order, so walking `page.next` returns every post exactly once;
            sticky posts are at the top of the first page(s), not repeated on later ones. Any filter or an explicit
            `sort=newest` gives the plain newest-first order (as on WordPress, where only the home page pins sticky
            posts); `sticky=true` or `sticky=false` lists only sticky or only other posts.

            **Filters.** `category`, `tag`, `author` (and `status` with a token) take several values, repeated
            (`tag=harbour&tag=ferries`) or comma-separated (`tag=harbour,ferries`): a post matches one of them (OR);
            different filters all apply (AND). A category matches its sub-categories too, as its `postCount` counts.

            Items are summaries: add `fields=content` for bodies, `include=author,categories,tags` to embed related
            objects (a fixed number of queries, whatever the page size); protected posts (`protected: true`) list
            without content and excerpt, whatever `fields` asks (read one with its password). With `X-Visitor-Id`, a token or a signed-in
            commenter's `X-Id-Token` each post carries `likedByMe` and the answer is private. With a token, `status` lists drafts, scheduled or trashed
            posts too (authors see only their own). An unknown query parameter is a 400.""")
    @APIResponse(responseCode = "200", description = "A page of posts; Link header with rel=next/prev",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostPage.class)))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match)")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public Response listPosts(
            @Parameter(description = "Category id or slug; posts in its sub-categories are included." + MULTI, example = "news")
            @QueryParam("category") List<String> category,
            @Parameter(description = "Tag id or slug." + MULTI, example = "harbour") @QueryParam("tag") List<String> tag,
            @Parameter(description = "Author id or slug." + MULTI, example = "maria-lopez") @QueryParam("author") List<String> author,
            @Parameter(description = "Source outlet of re-published posts (case-insensitive, exact)", example = "The Northern Ledger")
            @QueryParam("outlet") String outlet,
            @Parameter(description = "Published strictly after this time (ISO-8601)", example = "2026-11-01T00:00:00Z")
            @QueryParam("publishedAfter") String publishedAfter,
            @Parameter(description = "Published strictly before this time (ISO-8601)", example = "2026-12-01T00:00:00Z")
            @QueryParam("publishedBefore") String publishedBefore,
            @Parameter(description = "Modified at or after this time (ISO-8601)", example = "2026-11-20T00:00:00Z")
            @QueryParam("modifiedSince") String modifiedSince,
            @Parameter(description = "Full-text search in title and content; quoted phrases and -exclusions work", example = "harbour")
            @QueryParam("q") String q,
            @Parameter(description = "true: only sticky posts; false: only posts that are not sticky; absent: both", example = "false")
            @QueryParam("sticky") String sticky,
            @Parameter(description = "newest, oldest, modified, title, or relevance (default with q); without it and without filters,"
                    + " sticky posts come first, then newest", example = "newest")
            @QueryParam("sort") String sort,
            @Parameter(description = "published (default), or with a token draft, scheduled, trashed, any." + MULTI, example = "published")
            @QueryParam("status") List<String> status,
            @Parameter(description = "Related objects to embed: author, categories, tags", example = "author,categories,tags")
            @QueryParam("include") String include,
            @Parameter(description = "Comma-separated fields of each item; `content` is only returned when listed here", example = "id,slug,title,excerpt,publishedAt")
            @QueryParam("fields") String fields,
            @Parameter(description = "Page size, 1 to 100", example = "20") @QueryParam("limit") String limit,
            @Parameter(description = "page.next or page.prev of a previous page", example = "WyJuZXdlc3QiLCJhIiwiMjAyNi0xMS0yMFQwOTowMDowMFoiLDQyXQ")
            @QueryParam("cursor") String cursor,
            @Parameter(description = VISITOR, example = VISITOR_EXAMPLE) @HeaderParam(Liker.HEADER) String visitorId,
            @Context Request request, @Context UriInfo uri) {
        FieldSelection selection = FieldSelection.parse(fields, PostView.class);
        Optional<Liker> liker = Liker.of(caller, signedIn, visitorId);
        Set<PostQuery.StatusFilter> statuses = EnumSet.noneOf(PostQuery.StatusFilter.class);
        for (String s : values("status", status)) {
            statuses.add(Params.enumValue("status", s, PostQuery.StatusFilter.class, PostQuery.StatusFilter.PUBLISHED));
        }
        PostQuery query = new PostQuery(values("category", category), values("tag", tag), values("author", author),
                Params.blankToNull(outlet),
                Params.instant("publishedAfter", publishedAfter), Params.instant("publishedBefore", publishedBefore),
                Params.instant("modifiedSince", modifiedSince), Params.blankToNull(q), bool("sticky", sticky),
                Params.enumValue("sort", sort, PostQuery.Sort.class, null), statuses,
                Params.words("include", include, PostQuery.INCLUDES), selection.explicitly("content"),
                Params.blankToNull(cursor), Params.limit(limit));
        ListPage<PostView> page = service.list(query, liker);
        Representation r = Representation.list(page).fields(selection).personal(caller.isAuthenticated() || liker.isPresent())
                .lastModified(page.items().stream().map(PostView::modifiedAt).max(Instant::compareTo).orElse(null));
        if (page.page().next() != null) {
            r.link(uri.getRequestUriBuilder().replaceQueryParam("cursor", page.page().next()).build().toString(), "next");
        }
        if (page.page().prev() != null) {
            r.link(uri.getRequestUriBuilder().replaceQueryParam("cursor", page.page().prev()).build().toString(), "prev");
        }
        return caching.ok(request, r);
    }

    /**
     * The values of a multi-value filter: every occurrence of the parameter, each split at commas (slugs
     * and ids never hold one), trimmed, without blanks and repeats.
     */
    static List<String> values(String name, List<String> raw) {
        Set<String> values = new LinkedHashSet<>();
        if (raw != null) {
            for (String occurrence : raw) {
                for (String part : occurrence.split(",")) {
                    if (!part.isBlank()) {
                        values.add(part.trim());
                    }
                }
            }
        }
        if (values.size() > MAX_VALUES) {
            throw ApiException.badRequest(name, "at most " + MAX_VALUES + " values");
        }
        return List.copyOf(values);
    }

    /** {@code true} or {@code false}; null when absent. */
    static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ApiException.badRequest(name, "must be true or false");
        };
    }

    @GET
    @Path("/posts/{idOrSlug}")
    @Operation(summary = "Get a post", description = """
            By numeric id or slug, with its content. Drafts, scheduled and trashed posts are 404 without a token
            that may see them. The ETag's first part is the post's version, for If-Match on writes. With `X-Visitor-Id`, a
            token or a signed-in commenter's `X-Id-Token` (whose likes follow them on every device) the post carries
            `likedByMe` and the answer is private (`Cache-Control: private`).

            **Protected posts** (`protected: true`) come with `content` null and `excerpt` empty, unless the request carries
            the post's password in the `X-Post-Password` header (a header, so it is never written to access logs as a
            query string would be) or a token that may edit the post. An answer to a request with the header is
            private (`Cache-Control: private, no-cache`) and never kept by Gazette's response cache; a wrong password
            is a 403 problem (`incorrect-post-password`). Wrong passwords are counted per client address
            (`gazette.post-passwords.rate-limit`, default 10, then 1 a minute): over the limit the answer is 429 with
            `Retry-After`, before the password is checked.""")
    @APIResponse(responseCode = "200", description = "The post",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostView.class)))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match / If-Modified-Since)")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", description = "X-Post-Password is not the password of this protected post",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public Response getPost(
            @Parameter(description = "Numeric id or slug", example = "council-approves-harbour-wall-repairs-after-winter-storms") @PathParam("idOrSlug") String idOrSlug,
            @Parameter(description = "Related objects to embed: author, categories, tags", example = "author,categories,tags")
            @QueryParam("include") String include,
            @Parameter(description = "Comma-separated fields to return", example = "id,title,content") @QueryParam("fields") String fields,
            @Parameter(description = VISITOR, example = VISITOR_EXAMPLE) @HeaderParam(Liker.HEADER) String visitorId,
            @Parameter(description = PASSWORD, example = "enter") @HeaderParam(PostPassword.HEADER) String password,
            @Context Request request) {
        FieldSelection selection = FieldSelection.parse(fields, PostView.class);
        Optional<Liker> liker = Liker.of(caller, signedIn, visitorId);
        PostView post = service.get(IdOrSlug.parse(idOrSlug), Params.words("include", include, PostQuery.INCLUDES), liker, password);
        Instant lastModified = post.modifiedAt();
        if (post.author() != null && post.author().updatedAt().isAfter(lastModified)) {
            lastModified = post.author().updatedAt();
        }
        return caching.ok(request, Representation.of(post).fields(selection).version(post.version())
                .lastModified(lastModified).personal(caller.isAuthenticated() || liker.isPresent()));
    }

    @POST
    @Path("/posts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a post", description = """
            Authors, editors and admins. Content is HTML or Markdown (`format`), stored sanitized. The slug comes
            from the title unless given; the excerpt from the content unless given. `status` defaults to draft;
            published with a future `publishedAt` schedules the post. `password` protects it (write-only, stored
            hashed).""")
    @SecurityRequirement(name = "bearer")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostInput.class),
            examples = @ExampleObject(name = "republished", summary = "A re-published article with its source credited", value = CREATE_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created; Location names the new post, ETag its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    public Response createPost(@NotNull @Valid PostInput input, @Context UriInfo uri) {
        PostView created = service.create(input);
        return written(Response.created(uri.getBaseUriBuilder().path("api/v1/posts/{id}").build(created.id())), created);
    }

    @PUT
    @Path("/posts/{idOrSlug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a post", description = "The whole post: omitted optional fields are cleared, except `password`"
            + " (write-only, so a post read and sent back keeps it; null or \"\" removes the protection). Authors only their own posts.")
    @SecurityRequirement(name = "bearer")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostInput.class),
            examples = @ExampleObject(name = "republished", value = CREATE_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The updated post",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    public Response replacePost(
            @Parameter(description = "Numeric id or slug", example = "council-approves-harbour-wall-repairs-after-winter-storms") @PathParam("idOrSlug") String idOrSlug,
            @Parameter(description = IF_MATCH, example = ETAG_EXAMPLE) @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid PostInput input) {
        return written(Response.ok(), service.replace(IdOrSlug.parse(idOrSlug), input, ifMatch));
    }

    @PATCH
    @Path("/posts/{idOrSlug}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(summary = "Update a post", description = """
            JSON Merge Patch (RFC 7386): send only the fields to change; null clears one. The result is validated
            like a PUT. `"password": "..."` protects the post, `"password": null` (or "") removes the protection,
            no `password` member keeps it as it is. Authors only their own posts.""")
    @SecurityRequirement(name = "bearer")
    @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE,
            examples = @ExampleObject(name = "retitle", value = "{\"title\": \"Heatwave grips all of southern Europe\", \"tags\": [\"heatwave\", \"spain\"]}")))
    @APIResponse(responseCode = "200", description = "The updated post",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    public Response patchPost(
            @Parameter(description = "Numeric id or slug", example = "council-approves-harbour-wall-repairs-after-winter-storms") @PathParam("idOrSlug") String idOrSlug,
            @Parameter(description = IF_MATCH, example = ETAG_EXAMPLE) @HeaderParam("If-Match") String ifMatch,
            @NotNull JsonNode patch) {
        return written(Response.ok(), service.patch(IdOrSlug.parse(idOrSlug), patch, ifMatch));
    }

    @DELETE
    @Path("/posts/{idOrSlug}")
    @Operation(summary = "Delete a post", description = "Deletes for good (use trash to keep it restorable). Authors only their own posts.")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    public void deletePost(
            @Parameter(description = "Numeric id or slug", example = "council-approves-harbour-wall-repairs-after-winter-storms") @PathParam("idOrSlug") String idOrSlug,
            @Parameter(description = IF_MATCH, example = ETAG_EXAMPLE) @HeaderParam("If-Match") String ifMatch) {
        service.delete(IdOrSlug.parse(idOrSlug), ifMatch);
    }

    @POST
    @Path("/posts/{idOrSlug}/publish")
    @Operation(summary = "Publish a post", description = "Makes it public now (a publication time already in the past is kept).")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "200", description = "The published post",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostView.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    public Response publishPost(
            @Parameter(description = "Numeric id or slug", example = "council-approves-harbour-wall-repairs-after-winter-storms") @PathParam("idOrSlug") String idOrSlug,
            @Parameter(description = IF_MATCH, example = ETAG_EXAMPLE) @HeaderParam("If-Match") String ifMatch) {
        return written(Response.ok(), service.publish(IdOrSlug.parse(idOrSlug), ifMatch));
    }

    @POST
    @Path("/posts/{idOrSlug}/schedule")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Schedule a post", description = "It becomes public by itself at `publishAt`, which must be in the future.")
    @SecurityRequirement(name = "bearer")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScheduleInput.class),
            examples = @ExampleObject(name = "tomorrow", value = "{\"publishAt\": \"2026-12-01T07:00:00Z\"}")))
    @APIResponse(responseCode = "200", description = "The scheduled post",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    public Response schedulePost(
            @Parameter(description = "Numeric id or slug", example = "council-approves-harbour-wall-repairs-after-winter-storms") @PathParam("idOrSlug") String idOrSlug,
            @Parameter(description = IF_MATCH, example = ETAG_EXAMPLE) @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid ScheduleInput input) {
        return written(Response.ok(), service.schedule(IdOrSlug.parse(idOrSlug), input.publishAt(), ifMatch));
    }

    @POST
    @Path("/posts/{idOrSlug}/unpublish")
    @Operation(summary = "Unpublish a post", description = "Back to draft: it leaves the public site at once.")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "200", description = "The post, now a draft",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostView.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    public Response unpublishPost(
            @Parameter(description = "Numeric id or slug", example = "council-approves-harbour-wall-repairs-after-winter-storms") @PathParam("idOrSlug") String idOrSlug,
            @Parameter(description = IF_MATCH, example = ETAG_EXAMPLE) @HeaderParam("If-Match") String ifMatch) {
        return written(Response.ok(), service.unpublish(IdOrSlug.parse(idOrSlug), ifMatch));
    }

    @POST
    @Path("/posts/{idOrSlug}/trash")
    @Operation(summary = "Trash a post", description = "Hidden from everyone but editors; restorable.")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "200", description = "The trashed post",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostView.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    public Response trashPost(
            @Parameter(description = "Numeric id or slug", example = "council-approves-harbour-wall-repairs-after-winter-storms") @PathParam("idOrSlug") String idOrSlug,
            @Parameter(description = IF_MATCH, example = ETAG_EXAMPLE) @HeaderParam("If-Match") String ifMatch) {
        return written(Response.ok(), service.trash(IdOrSlug.parse(idOrSlug), ifMatch));
    }

    @POST
    @Path("/posts/{idOrSlug}/restore")
    @Operation(summary = "Restore a trashed post", description = "Out of the trash as a draft, to be reviewed and published again.")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "200", description = "The restored post, a draft",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostView.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    public Response restorePost(
            @Parameter(description = "Numeric id or slug", example = "council-approves-harbour-wall-repairs-after-winter-storms") @PathParam("idOrSlug") String idOrSlug,
            @Parameter(description = IF_MATCH, example = ETAG_EXAMPLE) @HeaderParam("If-Match") String ifMatch) {
        return written(Response.ok(), service.restore(IdOrSlug.parse(idOrSlug), ifMatch));
    }

    @Schema(name = "PostPage", description = "A page of posts")
    public record PostPage(List<PostView> items, PageInfo page) {
    }

    @Schema(name = "ScheduleInput")
    public record ScheduleInput(@NotNull @Schema(description = "When the post becomes public", example = "2026-12-01T07:00:00Z")
                                Instant publishAt) {
    }

    /**
     * A write's response: the post as the writer's next GET shows it (with {@code likedByMe} for the writer's token),
     * with the ETag that GET has (its new version first), for If-Match.
     */
    private Response written(Response.ResponseBuilder status, PostView post) {
        PostView asRead = service.get(IdOrSlug.parse(Long.toString(post.id())), Set.of(), Liker.of(caller, null));
        return caching.written(status, Representation.of(asRead).version(asRead.version()));
    }

}
