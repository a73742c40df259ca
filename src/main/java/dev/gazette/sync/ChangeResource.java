package dev.gazette.sync;

import dev.gazette.common.web.HttpCaching;
import dev.gazette.common.web.ListPage;
import dev.gazette.common.web.PageInfo;
import dev.gazette.common.web.Params;
import dev.gazette.common.web.Representation;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

@Path("/api/v1/changes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Changes")
public class ChangeResource {

    static final int MAX_LIMIT = 1000;

    @Inject
    ChangeService service;

    @Inject
    HttpCaching caching;

    @GET
    @Operation(summary = "What changed since a cursor", description = """
            Every change to public content in commit order: a post, page, comment, category, tag or author was `created` (became public),
            `updated` (changed while public) or `deleted` (left the public site: unpublished, trashed, spam, deleted). Replay
            from the start (no `after`), then poll with `page.next`: a mirror that applies every change ends with exactly the
            public state. No change is skipped, also when transactions commit out of order. A cursor older than the
            retention (`gazette.changes.retention`) gets 410, and a cursor past the newest change (one this feed never
            issued: a database restored from a backup, another site) gets 409: in both cases fetch the current content
            again and follow the feed from the start (`GET /api/v1/changes` without `after`).""")
    @APIResponse(responseCode = "200", description = "Changes, oldest first; page.next is where to poll next",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChangePage.class)))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match)")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "409", description = "The cursor is past the newest change (never issued here): resync from the start",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "410", description = "The cursor is older than the retention: resync",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response listChanges(
            @Parameter(description = "Cursor of the last change seen (a change's cursor or page.next); absent: from the oldest kept", example = "c-1042")
            @QueryParam("after") String after,
            @Parameter(description = "Comma-separated types: post, page, comment, category, tag, author (default all)", example = "post,comment")
            @QueryParam("types") String types,
            @Parameter(description = "Changes per response, 1 to 1000 (default 100)", example = "100") @QueryParam("limit") String limit,
            @Context Request request) {
        Set<ChangeLog.Type> wanted = EnumSet.noneOf(ChangeLog.Type.class);
        Params.words("types", types, Set.of("post", "page", "comment", "category", "tag", "author"))
                .forEach(t -> wanted.add(ChangeLog.Type.valueOf(t.toUpperCase(java.util.Locale.ROOT))));
        ListPage<ChangeView> page = service.after(Params.blankToNull(after), wanted, Params.intIn("limit", limit, 100, 1, MAX_LIMIT));
        return caching.ok(request, Representation.list(page).cacheControl("no-cache"));
    }

    @Schema(name = "ChangePage", description = "A page of changes")
    public record ChangePage(List<ChangeView> items, PageInfo page) {
    }
}
