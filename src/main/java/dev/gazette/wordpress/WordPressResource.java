package dev.gazette.wordpress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gazette.common.web.HttpCaching;
import dev.gazette.common.web.Representation;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * WordPress' REST API ({@code /wp-json/wp/v2}) over Gazette's public content, so a WordPress front-end or
 * client works unchanged when pointed here. Reads only; writes stay on {@code /api/v1}. Parameters are read
 * as WordPress reads them ({@link WpArgs}: comma lists or {@code name[]}), so each operation declares its
 * query parameters for the spec and reads them from the request; unknown ones are ignored, as by WordPress.
 * Errors are WordPress' ({@link WpError}); answers go through the response cache like the native ones.
 */
@Path("/wp-json")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "WordPress compatibility", description = "WordPress' REST API (wp/v2) over the same content, read-only. Ids are"
        + " WordPress': content imported from WordPress answers to its WordPress ids (in paths, filters, links and embeds),"
        + " content created in Gazette to its own id (never one an imported object has)")
public class WordPressResource {

    private static final String PASSWORD = "The password of a password-protected post or page (WordPress' ?password=): with it"
            + " the answer shows what the password protects, and is private (never cached)";
    private static final String NOT_MODIFIED = "Not modified (If-None-Match)";
    private static final String FIELDS = "Comma-separated top-level fields to return (WordPress' _fields)";
    private static final String PAGE = "Page number, from 1";
    private static final String PER_PAGE = "Items per page, 1 to 100 (default 10)";
    private static final String LIST_HEADERS = "The page as a JSON array; X-WP-Total and X-WP-TotalPages headers; Link rel=next/prev";
    private static final String EMBED = "Embed linked items: empty or 1 for all, or relations (author, replies, wp:term,"
            + " wp:featuredmedia, up, self)";
    private static final String BAD_PARAM = "rest_invalid_param: a parameter is invalid (data.params says which and why)";

    @Inject
    WpService service;

    @Inject
    WpSite site;

    @Inject
    HttpCaching caching;

    @Inject
    ObjectMapper json;

    @Inject
    WpPages pages;

    @Inject
    WpMedia media;

    @Inject
    WpSearch searches;

    @Inject
    WpComments commentWrites;

    @Inject
    io.vertx.core.http.HttpServerRequest http;

    @Context
    UriInfo uri;

    @Context
    Request request;

    // ---------------------------------------------------------------- discovery

    @GET
    @Path("/")
    @Operation(summary = "WordPress discovery index", description = "The site's name, time zone, namespaces (wp/v2) and every route"
            + " served here, as WordPress' /wp-json/ (what clients such as wpapi discover routes from).")
    @APIResponse(responseCode = "304", description = NOT_MODIFIED)
    @APIResponse(responseCode = "200", description = "The index",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "404", description = "rest_no_route",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WpErrorBody.class)))
    public Response index() {
        return ok(site.index(urls()));
    }

    @GET
    @Path("/wp/v2")
    @Operation(summary = "WordPress namespace wp/v2", description = "The routes of the wp/v2 namespace served here.")
    @APIResponse(responseCode = "304", description = NOT_MODIFIED)
    @APIResponse(responseCode = "200", description = "The namespace and its routes",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "404", description = "rest_no_route",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WpErrorBody.class)))
    public Response namespace() {
        return ok(site.namespace(urls()));
    }

    @GET
    @Path("/wp/v2/types")
    @Operation(summary = "WordPress post types", description = "The post types served: post.")
    @APIResponse(responseCode = "304", description = NOT_MODIFIED)
    @APIResponse(responseCode = "200", description = "Post types by slug",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "404", description = "rest_no_route",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WpErrorBody.class)))
    public Response types() {
        return ok(site.types(urls()));
    }

    @GET
    @Path("/wp/v2/types/{type}")
    @Operation(summary = "A WordPress post type", description = "One post type by slug (post).")
    @APIResponse(responseCode = "304", description = NOT_MODIFIED)
    @APIResponse(responseCode = "200", description = "The post type",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "404", description = "rest_type_invalid: no such post type",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WpErrorBody.class)))
    public Response type(@Parameter(description = "Post type slug", example = "post") @PathParam("type") String type) {
        return ok(site.type(type, urls()));
    }

    @GET
    @Path("/wp/v2/taxonomies")
    @Operation(summary = "WordPress taxonomies", description = "The taxonomies served: category and post_tag.")
    @APIResponse(responseCode = "304", description = NOT_MODIFIED)
    @APIResponse(responseCode = "200", description = "Taxonomies by slug",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "404", description = "rest_no_route",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WpErrorBody.class)))
    public Response taxonomies() {
        return ok(site.taxonomies(urls()));
    }

    @GET
    @Path("/wp/v2/taxonomies/{taxonomy}")
    @Operation(summary = "A WordPress taxonomy", description = "One taxonomy by slug (category or post_tag).")
    @APIResponse(responseCode = "304", description = NOT_MODIFIED)
    @APIResponse(responseCode = "200", description = "The taxonomy",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "404", description = "rest_taxonomy_invalid: no such taxonomy",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WpErrorBody.class)))
    public Response taxonomy(@Parameter(description = "Taxonomy slug", example = "category") @PathParam("taxonomy") String taxonomy) {
        return ok(site.taxonomy(taxonomy, urls()));
    }

    // ---------------------------------------------------------------- posts

    @GET
    @Path("/wp/v2/posts")
    @Operation(summary = "List posts (WordPress)", description = """
            Published posts as WordPress' /wp/v2/posts returns them, newest first. List parameters take comma lists
            (`tags=4,7`) or PHP's array form (`tags[]=4&tags[]=7`). Unknown parameters are ignored, as by WordPress.
            `page` past the last page is a 400 (rest_post_invalid_page_number).""")
    @APIResponse(responseCode = "304", description = NOT_MODIFIED)
    @APIResponse(responseCode = "200", description = LIST_HEADERS, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = WpJson.Post.class)))
    @APIResponse(responseCode = "400", description = BAD_PARAM, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(anyOf = {WpErrorBody.InvalidParam.class, WpErrorBody.class})))
    public Response posts(
            @Parameter(description = PAGE, example = "1") @QueryParam("page") String page,
            @Parameter(description = PER_PAGE, example = "10") @QueryParam("per_page") String perPage,
            @Parameter(description = "Items to skip (overrides page)", example = "0") @QueryParam("offset") String offset,
            @Parameter(description = "Text in title, excerpt or content", example = "harbour") @QueryParam("search") String search,
            @Parameter(description = "Slugs (one or several)", example = "council-approves-harbour-wall-repairs-after-winter-storms") @QueryParam("slug") String slug,
            @Parameter(description = "Only these post ids", example = "1,2") @QueryParam("include") String include,
            @Parameter(description = "Not these post ids", example = "3") @QueryParam("exclude") String exclude,
            @Parameter(description = "Author ids", example = "2") @QueryParam("author") String author,
            @Parameter(description = "Not by these author ids", example = "4") @QueryParam("author_exclude") String authorExclude,
            @Parameter(description = "Category ids (posts filed directly under one)", example = "3") @QueryParam("categories") String categories,
            @Parameter(description = "Not in these category ids", example = "9") @QueryParam("categories_exclude") String categoriesExclude,
            @Parameter(description = "Tag ids", example = "1,2") @QueryParam("tags") String tags,
            @Parameter(description = "Without these tag ids", example = "3") @QueryParam("tags_exclude") String tagsExclude,
            @Parameter(description = "Published after (ISO-8601; site time without an offset)", example = "2026-11-01T00:00:00") @QueryParam("after") String after,
            @Parameter(description = "Published before", example = "2030-01-01T00:00:00") @QueryParam("before") String before,
            @Parameter(description = "Modified after", example = "2020-01-01T00:00:00") @QueryParam("modified_after") String modifiedAfter,
            @Parameter(description = "Modified before", example = "2030-01-01T00:00:00") @QueryParam("modified_before") String modifiedBefore,
            @Parameter(description = "Only sticky (true) or only other (false) posts", example = "true") @QueryParam("sticky") String sticky,
            @Parameter(description = "publish (the only status served without authentication)", example = "publish") @QueryParam("status") String status,
            @Parameter(description = "author, date (default), id, include, include_slugs, modified, parent, relevance, slug, title", example = "date") @QueryParam("orderby") String orderby,
            @Parameter(description = "asc or desc (default)", example = "desc") @QueryParam("order") String order,
            @Parameter(description = "view (default) or embed: the fields WordPress embeds of a post (id, date, slug, type, link,"
                    + " title, excerpt, author, featured_media, _links); the answer then carries only these fields, not the schema's"
                    + " whole `required` list", example = "view") @QueryParam("context") String context,
            @Parameter(description = EMBED, example = "author,wp:term") @QueryParam("_embed") String embed,
            @Parameter(description = FIELDS, example = "id,title,link") @QueryParam("_fields") String fields) {
        return list(service.posts(args(), urls()));
    }

    @GET
    @Path("/wp/v2/posts/{id}")
    @Operation(summary = "Get a post (WordPress)", description = "A published post by id, as WordPress' /wp/v2/posts/{id}.")
    @APIResponse(responseCode = "304", description = NOT_MODIFIED)
    @APIResponse(responseCode = "200", description = "The post", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = WpJson.Post.class)))
    @APIResponse(responseCode = "403", description = "rest_post_incorrect_password: `password` is not the post's",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WpErrorBody.class)))
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    @APIResponse(responseCode = "404", description = "rest_post_invalid_id: no published post with this id (rest_no_route when"
            + " the id is not a number)", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WpErrorBody.class)))
    @APIResponse(responseCode = "400", description = BAD_PARAM, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = WpErrorBody.InvalidParam.class)))
    public Response post(@Parameter(description = "Post id (WordPress' id for imported content)", example = "1") @PathParam("id") String id,
                         @Parameter(description = EMBED, example = "author,wp:term") @QueryParam("_embed") String embed,
                         @Parameter(description = FIELDS, example = "id,title,content") @QueryParam("_fields") String fields,
                         @Parameter(description = PASSWORD, example = "enter") @QueryParam("password") String password) {
        long postId = id(id);
        return one(service.post(postId, args(), urls()));
    }

    // ---------------------------------------------------------------- pages

    @GET
    @Path("/wp/v2/pages")
    @Operation(summary = "List pages (WordPress)", description = """
            Published pages as WordPress' /wp/v2/pages returns them, newest first (`orderby=menu_order&order=asc` for
            menu order). `parent=0` lists the top pages.""")
    @APIResponse(responseCode = "304", description = NOT_MODIFIED)
    @APIResponse(responseCode = "200", description = LIST_HEADERS, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = WpJson.Page.class)))
    @APIResponse(responseCode = "400", description = BAD_PARAM, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(anyOf = {WpErrorBody.InvalidParam.class, WpErrorBody.class})))
    public Response pages(
            @Parameter(description = PAGE, example = "1") @QueryParam("page") String page,
            @Parameter(description = PER_PAGE, example = "10") @QueryParam("per_page") String perPage,
            @Parameter(description = "Items to skip (overrides page)", example = "0") @QueryParam("offset") String offset,
            @Parameter(description = "Text in title, excerpt or content", example = "about") @QueryParam("search") String search,
            @Parameter(description = "Slugs (one or several)", example = "about") @QueryParam("slug") String slug,
            @Parameter(description = "Only these page ids", example = "1,2") @QueryParam("include") String include,
            @Parameter(description = "Not these page ids", example = "3") @QueryParam("exclude") String exclude,
            @Parameter(description = "Author ids", example = "1") @QueryParam("author") String author,
            @Parameter(description = "Not by these author ids", example = "4") @QueryParam("author_exclude") String authorExclude,
            @Parameter(description = "Children of these page ids (0: top pages)", example = "0") @QueryParam("parent") String parent,
            @Parameter(description = "Not children of these page ids", example = "5") @QueryParam("parent_exclude") String parentExclude,
            @Parameter(description = "Only pages with this menu order", example = "1") @QueryParam("menu_order") String menuOrder,
            @Parameter(description = "Published after (ISO-8601)", example = "2020-01-01T00:00:00") @QueryParam("after") String after,
            @Parameter(description = "Published before", example = "2030-01-01T00:00:00") @QueryParam("before") String before,
            @Parameter(description = "Modified after", example = "2020-01-01T00:00:00") @QueryParam("modified_after") String modifiedAfter,
            @Parameter(description = "Modified before", example = "2030-01-01T00:00:00") @QueryParam("modified_before") String modifiedBefore,
            @Parameter(description = "publish (the only status served without authentication)", example = "publish") @QueryParam("status") String status,
            @Parameter(description = "author, date (default), id, include, include_slugs, menu_order, modified, parent, relevance, slug, title", example = "menu_order") @QueryParam("orderby") String orderby,
            @Parameter(description = "asc or desc (default)", example = "asc") @QueryParam("order") String order,
            @Parameter(description = EMBED, example = "author,wp:term") @QueryParam("_embed") String embed,
            @Parameter(description = FIELDS, example = "id,title,link") @QueryParam("_fields") String fields) {
        return list(pages.list(args(), urls()));
    }

    @GET
    @Path("/wp/v2/pages/{id}")
    @Operation(summary = "Get a page (WordPress)", description = "A published page by id, as WordPress' /wp/v2/pages/{id}.")
    @APIResponse(responseCode = "304", description = NOT_MODIFIED)
    @APIResponse(responseCode = "200", description = "The page", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = WpJson.Page.class)))
    @APIResponse(responseCode = "403", description = "rest_post_incorrect_password: `password` is not the page's",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WpErrorBody.class)))
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    @APIResponse(responseCode = "404", description = "rest_post_invalid_id: no published page with this id",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WpErrorBody.class)))
    @APIResponse(responseCode = "400", description = BAD_PARAM, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = WpErrorBody.InvalidParam.class)))
    public Response page(@Parameter(description = "Page id (WordPress' id for imported content)", example = "1") @PathParam("id") String id,
                         @Parameter(description = PASSWORD, example = "enter") @QueryParam("password") String password,
            @Parameter(description = EMBED, example = "author,wp:term") @QueryParam("_embed") String embed,
                         @Parameter(description = FIELDS, example = "id,title,content") @QueryParam("_fields") String fields) {
        long pageId = id(id);
        return one(pages.get(pageId, args(), urls()));
    }

    // ---------------------------------------------------------------- media

    @GET
    @Path("/wp/v2/media")
    @Operation(summary = "List media (WordPress)", description = """
            The media library as WordPress' /wp/v2/media returns attachments, newest first, with `media_details.sizes`
            (thumbnail, medium, large, full) and `source_url`. Revalidated (ETag) rather than cached, as the native media.""")
    @APIResponse(responseCode = "304", description = NOT_MODIFIED)
    @APIResponse(responseCode = "200", description = LIST_HEADERS, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = WpJson.Media.class)))
    @APIResponse(responseCode = "400", description = BAD_PARAM, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = WpErrorBody.InvalidParam.class)))
    public Response media(
            @Parameter(description = PAGE, example = "1") @QueryParam("page") String page,
            @Parameter(description = PER_PAGE, example = "10") @QueryParam("per_page") String perPage,
            @Parameter(description = "Items to skip (overrides page)", example = "0") @QueryParam("offset") String offset,
            @Parameter(description = "Text in title, caption or file name", example = "harbour") @QueryParam("search") String search,
            @Parameter(description = "Only these ids", example = "1,2") @QueryParam("include") String include,
            @Parameter(description = "Not these ids", example = "3") @QueryParam("exclude") String exclude,
            @Parameter(description = "Uploaded by these author ids", example = "1") @QueryParam("author") String author,
            @Parameter(description = "Not uploaded by these author ids", example = "4") @QueryParam("author_exclude") String authorExclude,
            @Parameter(description = "Attached to these post ids (Gazette attaches media to none: only 0 matches)", example = "0") @QueryParam("parent") String parent,
            @Parameter(description = "image, video, text, application or audio", example = "image") @QueryParam("media_type") String mediaType,
            @Parameter(description = "A MIME type", example = "image/jpeg") @QueryParam("mime_type") String mimeType,
            @Parameter(description = "Uploaded after (ISO-8601)", example = "2020-01-01T00:00:00") @QueryParam("after") String after,
            @Parameter(description = "Uploaded before", example = "2030-01-01T00:00:00") @QueryParam("before") String before,
            @Parameter(description = "author, date (default), id, include, modified, parent, slug, title", example = "date") @QueryParam("orderby") String orderby,
            @Parameter(description = "asc or desc (default)", example = "desc") @QueryParam("order") String order,
            @Parameter(description = FIELDS, example = "id,source_url,media_details") @QueryParam("_fields") String fields) {
        return revalidated(media.list(args(), urls()));
    }

    @GET
    @Path("/wp/v2/media/{id}")
    @Operation(summary = "Get a media item (WordPress)", description = "A media item by id, as WordPress' /wp/v2/media/{id}.")
    @APIResponse(responseCode = "304", description = NOT_MODIFIED)
    @APIResponse(responseCode = "200", description = "The media item", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = WpJson.Media.class)))
    @APIResponse(responseCode = "404", description = "rest_post_invalid_id: no media item with this id",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WpErrorBody.class)))
    @APIResponse(responseCode = "400", description = BAD_PARAM, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = WpErrorBody.InvalidParam.class)))
    public Response mediaItem(@Parameter(description = "Media id (WordPress' id for imported content)", example = "1") @PathParam("id") String id,
                              @Parameter(description = FIELDS, example = "id,source_url") @QueryParam("_fields") String fields) {
        long mediaId = id(id);
        args();
        return revalidated(media.get(mediaId, urls()));
    }

    // ---------------------------------------------------------------- search

    @GET
    @Path("/wp/v2/search")
    @Operation(summary = "Search (WordPress)", description = """
            WordPress' /wp/v2/search: `type=post` (default) finds published posts and pages by title, excerpt or text (title
            matches first, then newest first); `type=term` finds categories and tags by name or slug. `subtype` narrows
            (post, page, category, post_tag, any). `_embed` embeds each result's item.""")
    @APIResponse(responseCode = "304", description = NOT_MODIFIED)
    @APIResponse(responseCode = "200", description = LIST_HEADERS, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = WpJson.SearchResult.class)))
    @APIResponse(responseCode = "400", description = BAD_PARAM, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(anyOf = {WpErrorBody.InvalidParam.class, WpErrorBody.class})))
    public Response search(
            @Parameter(description = PAGE, example = "1") @QueryParam("page") String page,
            @Parameter(description = PER_PAGE, example = "10") @QueryParam("per_page") String perPage,
            @Parameter(description = "The text searched for", example = "harbour") @QueryParam("search") String search,
            @Parameter(description = "post (default), term or post-format", example = "post") @QueryParam("type") String type,
            @Parameter(description = "post, page, category, post_tag or any (default)", example = "any") @QueryParam("subtype") String subtype,
            @Parameter(description = "Only these ids", example = "1,2") @QueryParam("include") String include,
            @Parameter(description = "Not these ids", example = "3") @QueryParam("exclude") String exclude,
            @Parameter(description = EMBED, example = "author,wp:term") @QueryParam("_embed") String embed,
            @Parameter(description = FIELDS, example = "id,title,url") @QueryParam("_fields") String fields) {
        return list(searches.search(args(), urls()));
    }

    // ---------------------------------------------------------------- terms

    @GET
    @Path("/wp/v2/categories")
    @Operation(summary = "List categories (WordPress)", description = "Categories by name, with their published post counts.")
    @APIResponse(responseCode = "304", description = NOT_MODIFIED)
    @APIResponse(responseCode = "200", description = LIST_HEADERS, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = WpJson.Category.class)))
    @APIResponse(responseCode = "400", description = BAD_PARAM, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = WpErrorBody.InvalidParam.class)))
    public Response categories(
            @Parameter(description = PAGE, example = "1") @QueryParam("page") String page,
            @Parameter(description = PER_PAGE, example = "10") @QueryParam("per_page") String perPage,
            @Parameter(description = "Text in name or slug", example = "news") @QueryParam("search") String search,
            @Parameter(description = "Slugs", example = "news") @QueryParam("slug") String slug,
            @Parameter(description = "Only these ids", example = "1,2") @QueryParam("include") String include,
            @Parameter(description = "Not these ids", example = "9") @QueryParam("exclude") String exclude,
            @Parameter(description = "Only categories with published posts", example = "true") @QueryParam("hide_empty") String hideEmpty,
            @Parameter(description = "Children of this category id (0: top level)", example = "0") @QueryParam("parent") String parent,
            @Parameter(description = "Categories of this post id", example = "1") @QueryParam("post") String post,
            @Parameter(description = "id, include, name (default), slug, include_slugs, term_group, description, count", example = "name") @QueryParam("orderby") String orderby,
            @Parameter(description = "asc (default) or desc", example = "asc") @QueryParam("order") String order,
            @Parameter(description = FIELDS, example = "id,name,count") @QueryParam("_fields") String fields) {
        return list(service.categories(args(), urls()));
    }

    @GET
    @Path("/wp/v2/categories/{id}")
    @Operation(summary = "Get a category (WordPress)", description = "A category by id.")
    @APIResponse(responseCode = "304", description = NOT_MODIFIED)
    @APIResponse(responseCode = "200", description = "The category", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = WpJson.Category.class)))
    @APIResponse(responseCode = "404", description = "rest_term_invalid: no such category",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WpErrorBody.class)))
    public Response category(@Parameter(description = "Category id (WordPress' id for imported content)", example = "1") @PathParam("id") String id,
                             @Parameter(description = FIELDS, example = "id,name") @QueryParam("_fields") String fields) {
        return one(service.category(id(id), urls()));
    }

    @GET
    @Path("/wp/v2/tags")
    @Operation(summary = "List tags (WordPress)", description = "Tags by name, with their published post counts.")
    @APIResponse(responseCode = "304", description = NOT_MODIFIED)
    @APIResponse(responseCode = "200", description = LIST_HEADERS, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = WpJson.Tag.class)))
    @APIResponse(responseCode = "400", description = BAD_PARAM, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = WpErrorBody.InvalidParam.class)))
    public Response tags(
            @Parameter(description = PAGE, example = "1") @QueryParam("page") String page,
            @Parameter(description = PER_PAGE, example = "10") @QueryParam("per_page") String perPage,
            @Parameter(description = "Items to skip (overrides page)", example = "0") @QueryParam("offset") String offset,
            @Parameter(description = "Text in name or slug", example = "harb") @QueryParam("search") String search,
            @Parameter(description = "Slugs", example = "harbour") @QueryParam("slug") String slug,
            @Parameter(description = "Only these ids", example = "1,2") @QueryParam("include") String include,
            @Parameter(description = "Not these ids", example = "3") @QueryParam("exclude") String exclude,
            @Parameter(description = "Only tags with published posts", example = "true") @QueryParam("hide_empty") String hideEmpty,
            @Parameter(description = "Tags of this post id", example = "1") @QueryParam("post") String post,
            @Parameter(description = "id, include, name (default), slug, include_slugs, term_group, description, count", example = "count") @QueryParam("orderby") String orderby,
            @Parameter(description = "asc (default) or desc", example = "desc") @QueryParam("order") String order,
            @Parameter(description = FIELDS, example = "id,name,count") @QueryParam("_fields") String fields) {
        return list(service.tags(args(), urls()));
    }

    @GET
    @Path("/wp/v2/tags/{id}")
    @Operation(summary = "Get a tag (WordPress)", description = "A tag by id.")
    @APIResponse(responseCode = "304", description = NOT_MODIFIED)
    @APIResponse(responseCode = "200", description = "The tag", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = WpJson.Tag.class)))
    @APIResponse(responseCode = "404", description = "rest_term_invalid: no such tag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WpErrorBody.class)))
    public Response tag(@Parameter(description = "Tag id (WordPress' id for imported content)", example = "1") @PathParam("id") String id,
                        @Parameter(description = FIELDS, example = "id,name") @QueryParam("_fields") String fields) {
        return one(service.tag(id(id), urls()));
    }

    // ---------------------------------------------------------------- users

    @GET
    @Path("/wp/v2/users")
    @Operation(summary = "List users (WordPress)", description = "Authors of published posts (what WordPress lists to anonymous"
            + " callers), without emails or logins, by name.")
    @APIResponse(responseCode = "304", description = NOT_MODIFIED)
    @APIResponse(responseCode = "200", description = LIST_HEADERS, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = WpJson.User.class)))
    @APIResponse(responseCode = "400", description = BAD_PARAM, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = WpErrorBody.InvalidParam.class)))
    public Response users(
            @Parameter(description = PAGE, example = "1") @QueryParam("page") String page,
            @Parameter(description = PER_PAGE, example = "10") @QueryParam("per_page") String perPage,
            @Parameter(description = "Items to skip (overrides page)", example = "0") @QueryParam("offset") String offset,
            @Parameter(description = "Text in name or slug", example = "lopez") @QueryParam("search") String search,
            @Parameter(description = "Slugs", example = "maria-lopez") @QueryParam("slug") String slug,
            @Parameter(description = "Only these ids", example = "2") @QueryParam("include") String include,
            @Parameter(description = "Not these ids", example = "3") @QueryParam("exclude") String exclude,
            @Parameter(description = "id, include, name (default), registered_date, slug, include_slugs", example = "name") @QueryParam("orderby") String orderby,
            @Parameter(description = "asc (default) or desc", example = "asc") @QueryParam("order") String order,
            @Parameter(description = FIELDS, example = "id,name,slug") @QueryParam("_fields") String fields) {
        return list(service.users(args(), urls()));
    }

    @GET
    @Path("/wp/v2/users/{id}")
    @Operation(summary = "Get a user (WordPress)", description = "An author of published posts by id.")
    @APIResponse(responseCode = "304", description = NOT_MODIFIED)
    @APIResponse(responseCode = "200", description = "The user", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = WpJson.User.class)))
    @APIResponse(responseCode = "404", description = "rest_user_invalid_id: no such author of published posts",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WpErrorBody.class)))
    public Response user(@Parameter(description = "User (author) id (WordPress' id for imported authors)", example = "2") @PathParam("id") String id,
                         @Parameter(description = FIELDS, example = "id,name") @QueryParam("_fields") String fields) {
        return one(service.user(id(id), urls()));
    }

    // ---------------------------------------------------------------- comments

    @GET
    @Path("/wp/v2/comments")
    @Operation(summary = "List comments (WordPress)", description = """
            Approved comments on published posts, newest first. Comments of password-protected posts are listed only
            for the posts named in `post`, with their password in `password`.""")
    @APIResponse(responseCode = "304", description = NOT_MODIFIED)
    @APIResponse(responseCode = "401", description = "rest_cannot_read_post: a post named in `post` is password-protected and"
            + " `password` is missing or wrong", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = WpErrorBody.class)))
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    @APIResponse(responseCode = "200", description = LIST_HEADERS, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = WpJson.Comment.class)))
    @APIResponse(responseCode = "400", description = BAD_PARAM, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = WpErrorBody.InvalidParam.class)))
    public Response comments(
            @Parameter(description = PAGE, example = "1") @QueryParam("page") String page,
            @Parameter(description = PER_PAGE, example = "10") @QueryParam("per_page") String perPage,
            @Parameter(description = "Items to skip (overrides page)", example = "0") @QueryParam("offset") String offset,
            @Parameter(description = "Text in the comment or its author's name", example = "harbour") @QueryParam("search") String search,
            @Parameter(description = "Comments on these post ids", example = "1") @QueryParam("post") String post,
            @Parameter(description = PASSWORD, example = "enter") @QueryParam("password") String password,
            @Parameter(description = "Replies to these comment ids (0: top-level comments)", example = "0") @QueryParam("parent") String parent,
            @Parameter(description = "Not replies to these comment ids", example = "2") @QueryParam("parent_exclude") String parentExclude,
            @Parameter(description = "By these user ids (0: visitors)", example = "0") @QueryParam("author") String author,
            @Parameter(description = "Not by these user ids", example = "3") @QueryParam("author_exclude") String authorExclude,
            @Parameter(description = "Only these ids", example = "1,2") @QueryParam("include") String include,
            @Parameter(description = "Not these ids", example = "3") @QueryParam("exclude") String exclude,
            @Parameter(description = "Written after (ISO-8601)", example = "2026-11-01T00:00:00") @QueryParam("after") String after,
            @Parameter(description = "Written before", example = "2030-01-01T00:00:00") @QueryParam("before") String before,
            @Parameter(description = "approve (the only status served without authentication)", example = "approve") @QueryParam("status") String status,
            @Parameter(description = "comment (the only type Gazette has)", example = "comment") @QueryParam("type") String type,
            @Parameter(description = "date, date_gmt (default), id, include, post, parent, type", example = "date_gmt") @QueryParam("orderby") String orderby,
            @Parameter(description = "asc or desc (default)", example = "asc") @QueryParam("order") String order,
            @Parameter(description = FIELDS, example = "id,post,parent,author_name,content") @QueryParam("_fields") String fields) {
        return list(service.comments(args(), urls()));
    }

    @GET
    @Path("/wp/v2/comments/{id}")
    @Operation(summary = "Get a comment (WordPress)", description = "An approved comment on a published post, by id.")
    @APIResponse(responseCode = "304", description = NOT_MODIFIED)
    @APIResponse(responseCode = "200", description = "The comment", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = WpJson.Comment.class)))
    @APIResponse(responseCode = "401", description = "rest_cannot_read: the comment's post is password-protected and `password`"
            + " is missing or wrong", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WpErrorBody.class)))
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    @APIResponse(responseCode = "404", description = "rest_comment_invalid_id: no such approved comment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WpErrorBody.class)))
    public Response comment(@Parameter(description = "Comment id (WordPress' id for imported content)", example = "1") @PathParam("id") String id,
                            @Parameter(description = PASSWORD, example = "enter") @QueryParam("password") String password,
                            @Parameter(description = FIELDS, example = "id,content") @QueryParam("_fields") String fields) {
        return one(service.comment(id(id), args(), urls()));
    }

    @POST
    @Path("/wp/v2/comments")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED})
    @org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet
    @org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet(
            @org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement(name = "bearer"))
    @Operation(summary = "Post a comment (WordPress)", description = """
            A visitor's comment as WordPress' POST /wp/v2/comments takes it (`post`, `parent`, `author_name`, `author_email`,
            `author_url`, `content`; JSON or a form), through Gazette's spam checks, moderation, duplicate and flood checks
            and rate limit. 201 with the comment: `status` approved, or hold while it awaits moderation.""")
    @APIResponse(responseCode = "201", description = "The comment; Location is its /wp-json URL",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WpJson.Comment.class)))
    @APIResponse(responseCode = "400", description = "rest_comment_content_invalid, rest_comment_author_data_required,"
            + " rest_invalid_param (author_email, author_url, parent), comment_flood (posting too quickly), comment_content_column_length",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(anyOf = {WpErrorBody.InvalidParam.class, WpErrorBody.class})))
    @APIResponse(responseCode = "401", description = "rest_cannot_read_post: the post is password-protected",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WpErrorBody.class)))
    @APIResponse(responseCode = "403", description = "rest_comment_invalid_post_id (no such published post), rest_comment_draft_post,"
            + " rest_comment_trash_post, rest_comment_closed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WpErrorBody.class)))
    @APIResponse(responseCode = "409", description = "comment_duplicate: the same comment was already posted",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WpErrorBody.class)))
    @APIResponse(responseCode = "429", description = "comment_flood: too many comment writes from this address (Retry-After)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WpErrorBody.class)))
    public Response createWordPressComment(
            @RequestBody(required = true, content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WpJson.CommentInput.class)),
                    @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED, schema = @Schema(implementation = WpJson.CommentInput.class))})
            String body,
            @HeaderParam("Content-Type") String contentType) {
        WpJson.CommentInput input = contentType != null && contentType.startsWith(MediaType.APPLICATION_FORM_URLENCODED)
                ? fromForm(body) : fromJson(body);
        if (input == null) {
            throw new WpError("rest_comment_invalid_post_id", "Sorry, you are not allowed to create this comment without a post.", 403,
                    null);
        }
        WpComments.Created created = commentWrites.create(input, new dev.gazette.comment.CommentService.Origin(
                http.remoteAddress() == null ? null : http.remoteAddress().host(), http.getHeader("User-Agent"),
                http.getHeader("Referer")), urls());
        return Response.status(201).location(java.net.URI.create(urls().api("comments/" + created.id())))
                .header("Cache-Control", "no-store").type(MediaType.APPLICATION_JSON).entity(created.comment()).build();
    }

    private WpJson.CommentInput fromJson(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode node = json.readTree(body);
            if (!(node instanceof ObjectNode object)) {
                throw new WpError("rest_invalid_json", "Invalid JSON body passed.", 400, null);
            }
            Map<String, String> invalid = new java.util.LinkedHashMap<>();
            Long post = jsonId("post", object.get("post"), invalid);
            Long parent = jsonId("parent", object.get("parent"), invalid);
            if (!invalid.isEmpty()) {
                throw WpError.invalidParams(invalid);
            }
            JsonNode content = object.get("content");
            Object text = content == null ? null : content.isTextual() ? content.asText()
                    : content.isObject() && content.path("raw").isTextual() ? Map.of("raw", content.path("raw").asText()) : null;
            return new WpJson.CommentInput(post, parent, textOf(object, "author_name"), textOf(object, "author_email"),
                    textOf(object, "author_url"), text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new WpError("rest_invalid_json", "Invalid JSON body passed.", 400, null);
        }
    }

    private static String textOf(ObjectNode object, String name) {
        JsonNode v = object.get(name);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Long jsonId(String name, JsonNode v, Map<String, String> invalid) {
        if (v == null || v.isNull()) {
            return null;
        }
        return formId(name, v.asText(), invalid);
    }

    private static WpJson.CommentInput fromForm(String body) {
        Map<String, String> form = new java.util.HashMap<>();
        for (String pair : (body == null ? "" : body).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                try {
                    form.putIfAbsent(java.net.URLDecoder.decode(pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8),
                        java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    throw new WpError("rest_invalid_param", "Invalid parameter(s): body", 400, Map.of("body", "Invalid form encoding."));
                }
            }
        }
        Map<String, String> invalid = new java.util.LinkedHashMap<>();
        Long post = formId("post", form.get("post"), invalid);
        Long parent = formId("parent", form.get("parent"), invalid);
        if (!invalid.isEmpty()) {
            throw WpError.invalidParams(invalid);
        }
        return new WpJson.CommentInput(post, parent, form.get("author_name"), form.get("author_email"), form.get("author_url"),
                form.get("content"));
    }

    private static Long formId(String name, String value, Map<String, String> invalid) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!value.trim().matches("\\d{1,18}")) {
            invalid.put(name, name + " is not of type integer.");
            return null;
        }
        return Long.parseLong(value.trim());
    }

    /** Any other path under /wp-json: WordPress' rest_no_route. */
    @GET
    @Path("/{any: .*}")
    @Operation(hidden = true)
    public Response noRoute(@PathParam("any") String any) {
        if (any.isEmpty()) {
            return index(); // /wp-json/ with its slash, as WordPress' clients ask for it
        }
        throw WpError.noRoute();
    }

    // ---------------------------------------------------------------- shared

    private WpArgs args() {
        WpArgs args = new WpArgs(uri.getQueryParameters(true), service.zone());
        String context = args.oneOf("context", "view", WpService.CONTEXT);
        if (context.equals("edit")) { // needs authentication, which /wp-json does not take
            args.note("context", "context is not one of view and embed.", "rest_not_in_enum", null);
            args.check();
        }
        return args;
    }

    private WpService.Urls urls() {
        return service.urls(uri.getBaseUri().toString());
    }

    /** An id in a path: WordPress' routes match digits only, so anything else is no route. */
    private static long id(String id) {
        if (!id.matches("\\d{1,18}")) {
            throw WpError.noRoute();
        }
        return Long.parseLong(id);
    }

    private Response one(Object item) {
        args();
        Representation r = Representation.of(fields(json.valueToTree(item)));
        String page = item instanceof WpJson.Post p ? p.link() : item instanceof WpJson.Page g ? g.link() : null;
        if (page != null) {
            r.link(page, "alternate", "text/html"); // as WordPress: where the item is read as a web page
        }
        return caching.ok(request, wordPress(r));
    }

    /**
     * WordPress' headers on every answer: {@code Allow} (what an anonymous caller may do with the route) and, when the
     * answer has no links of its own, the API's discovery link, {@code <.../wp-json/>; rel="https://api.w.org/"}.
     * An answer to a request with a {@code password} is personal: never kept by a cache.
     */
    private Representation wordPress(Representation r) {
        if (!r.hasLinks()) {
            r.link(urls().rest(), "https://api.w.org/");
        }
        r.header("Allow", WpErrorMapper.allowed(uri.getPath()));
        if (uri.getQueryParameters().containsKey("password")) {
            r.personal(true);
        }
        return r;
    }

    /** A media answer: revalidated with its ETag on every use and never kept by the response cache, as the native media. */
    private Response revalidated(Object body) {
        Representation r;
        if (body instanceof WpService.Listing<?> listing) {
            ArrayNode items = json.valueToTree(listing.items());
            items.forEach(this::fields);
            r = pageHeaders(Representation.of(items), listing);
        } else {
            r = Representation.of(fields(json.valueToTree(body)));
        }
        HttpCaching.Rendered rendered = caching.render(wordPress(r).cacheControl("public, no-cache"));
        Response.ResponseBuilder notModified = request.evaluatePreconditions(rendered.etag());
        Response.ResponseBuilder builder = notModified != null ? notModified : Response.ok(rendered.body(), rendered.mediaType());
        rendered.headers().forEach(builder::header);
        if (rendered.links() != null) {
            builder.header("Link", rendered.links());
        }
        return builder.tag(rendered.etag()).header("Cache-Control", "public, no-cache").build();
    }

    private Response ok(Object body) {
        return caching.ok(request, wordPress(Representation.of(body)));
    }

    private Response list(WpService.Listing<?> listing) {
        ArrayNode items = json.valueToTree(listing.items());
        items.forEach(this::fields);
        return caching.ok(request, wordPress(pageHeaders(Representation.of(items).etagOnly(), listing)));
    }

    private Representation pageHeaders(Representation r, WpService.Listing<?> listing) {
        r.header("X-WP-Total", Long.toString(listing.total()))
                .header("X-WP-TotalPages", Integer.toString(listing.totalPages()));
        if (listing.page() > 1 && listing.page() - 1 <= Math.max(1, listing.totalPages())) {
            r.link(uri.getRequestUriBuilder().replaceQueryParam("page", listing.page() - 1).build().toString(), "prev");
        }
        if (listing.page() < listing.totalPages()) {
            r.link(uri.getRequestUriBuilder().replaceQueryParam("page", listing.page() + 1).build().toString(), "next");
        }
        return r;
    }

    /** The fields of the route's items in {@code context=embed}, or null for a route without that context. */
    private Set<String> embedShape() {
        List<String> segments = List.of(uri.getPath().split("/"));
        int v2 = segments.indexOf("v2");
        return switch (v2 >= 0 && v2 + 1 < segments.size() ? segments.get(v2 + 1) : "") {
            case "posts" -> WpEmbeds.POST;
            case "pages" -> WpEmbeds.PAGE;
            case "categories", "tags" -> WpEmbeds.TERM;
            case "users" -> WpEmbeds.USER;
            case "comments" -> WpEmbeds.COMMENT;
            case "media" -> WpEmbeds.MEDIA;
            default -> null;
        };
    }

    /** Keeps only the fields {@code _fields} names (top-level names, as most clients use it), in place. */
    private JsonNode fields(JsonNode item) {
        if (item instanceof ObjectNode object && "embed".equals(uri.getQueryParameters(true).getFirst("context"))) {
            Set<String> shape = embedShape();
            if (shape != null) {
                object.retain(shape); // context=embed: the fields WordPress embeds of such an item
            }
        }
        String wanted = uri.getQueryParameters(true).getFirst("_fields");
        if (wanted == null || wanted.isBlank() || !(item instanceof ObjectNode object)) {
            return item;
        }
        Set<String> keep = new LinkedHashSet<>();
        for (String f : wanted.split(",")) {
            keep.add(f.trim().split("\\.")[0]);
        }
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            if (!keep.contains(names.next())) {
                names.remove();
            }
        }
        return object;
    }
}
