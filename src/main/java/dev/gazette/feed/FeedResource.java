package dev.gazette.feed;

import dev.gazette.common.web.HttpCaching;
import dev.gazette.common.web.Params;
import dev.gazette.common.web.Representation;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/feeds")
@Tag(name = "Feeds")
public class FeedResource {

    static final String FORMAT = "rss (RSS 2.0), atom (Atom 1.0) or json (JSON Feed 1.1)";

    @Inject
    FeedService service;

    @Inject
    HttpCaching caching;

    @GET
    @Path("/posts.{format}")
    @Operation(summary = "Feed of published posts", description = """
            The newest published posts as RSS 2.0, Atom 1.0 or JSON Feed 1.1: title, link, a stable id
            (`urn:gazette:post:<id>`; for a post imported from WordPress, its WordPress guid, as the old feed had it), publication and modification dates, author, categories and tags, the source credit of re-published articles, and
            the full HTML (or only the excerpt, per `gazette.feeds.full-content`). Filter by category (with its
            sub-categories), tag or author. Links come from `gazette.site.post-url`.""")
    @APIResponse(responseCode = "200", description = "The feed", content = {
            @Content(mediaType = "application/rss+xml", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
            @Content(mediaType = "application/atom+xml", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
            @Content(mediaType = "application/feed+json", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT))})
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match)")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response postsFeed(
            @Parameter(description = FORMAT, example = "rss") @PathParam("format") String format,
            @Parameter(description = "Category id or slug (includes its sub-categories)", example = "local") @QueryParam("category") String category,
            @Parameter(description = "Tag id or slug", example = "harbour") @QueryParam("tag") String tag,
            @Parameter(description = "Author id or slug", example = "maria-lopez") @QueryParam("author") String author,
            @Parameter(description = "Items, 1 to 100 (default gazette.feeds.items)", example = "20") @QueryParam("limit") String limit,
            @Context Request request, @Context UriInfo uri) {
        FeedService.Feed feed = service.posts(FeedFormat.of(format), Params.blankToNull(category), Params.blankToNull(tag), Params.blankToNull(author), items(limit),
                uri.getRequestUri().toString());
        return respond(request, feed);
    }

    @GET
    @Path("/comments.{format}")
    @Operation(summary = "Feed of approved comments", description = """
            The newest approved comments, site-wide or on one post (`post`), as RSS 2.0, Atom 1.0 or JSON Feed 1.1. Each item
            links to the post's URL with `#comment-<id>`.""")
    @APIResponse(responseCode = "200", description = "The feed", content = {
            @Content(mediaType = "application/rss+xml", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
            @Content(mediaType = "application/atom+xml", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
            @Content(mediaType = "application/feed+json", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT))})
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match)")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response commentsFeed(
            @Parameter(description = FORMAT, example = "atom") @PathParam("format") String format,
            @Parameter(description = "Post id or slug; all posts when absent", example = "council-approves-harbour-wall-repairs-after-winter-storms")
            @QueryParam("post") String post,
            @Parameter(description = "Items, 1 to 100 (default gazette.feeds.items)", example = "20") @QueryParam("limit") String limit,
            @Context Request request, @Context UriInfo uri) {
        FeedService.Feed feed = service.comments(FeedFormat.of(format), Params.blankToNull(post), items(limit), uri.getRequestUri().toString());
        return respond(request, feed);
    }

    private Response respond(Request request, FeedService.Feed feed) {
        return caching.ok(request, Representation.raw(feed.body(), feed.mediaType()).etagOnly().lastModified(feed.updated()));
    }

    private static Integer items(String limit) {
        return Params.blankToNull(limit) == null ? null : Params.limit(limit);
    }

}
