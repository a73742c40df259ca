package dev.gazette.wordpress;

import dev.gazette.common.GazetteConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What WordPress clients discover before they read: the index ({@code /wp-json/}) with the routes served
 * here, the namespace ({@code /wp-json/wp/v2}), and the post type and taxonomies
 * ({@code /wp/v2/types}, {@code /wp/v2/taxonomies}). Built from the configuration only: no database.
 */
@ApplicationScoped
public class WpSite {

    /** The collections served, each with the arguments its GET takes (what {@code wpapi} builds its query methods from). */
    static final Map<String, List<String>> COLLECTIONS = collections();
    private static final List<String> PAGING = List.of("context", "page", "per_page", "search", "exclude", "include", "order",
            "orderby", "slug", "_fields");

    private static Map<String, List<String>> collections() {
        Map<String, List<String>> c = new LinkedHashMap<>();
        c.put("posts", List.of("offset", "after", "before", "modified_after", "modified_before", "author", "author_exclude",
                "status", "categories", "categories_exclude", "tags", "tags_exclude", "sticky"));
        c.put("pages", List.of("offset", "after", "before", "modified_after", "modified_before", "author", "author_exclude",
                "menu_order", "parent", "parent_exclude", "status"));
        c.put("media", List.of("offset", "after", "before", "modified_after", "modified_before", "author", "author_exclude",
                "parent", "media_type", "mime_type"));
        c.put("categories", List.of("hide_empty", "parent", "post"));
        c.put("tags", List.of("offset", "hide_empty", "post"));
        c.put("users", List.of("offset"));
        c.put("comments", List.of("offset", "after", "before", "author", "author_exclude", "parent", "parent_exclude", "post",
                "status", "type"));
        return c;
    }

    @Inject
    WordPressConfig config;

    @Inject
    GazetteConfig gazette;

    /** {@code /wp-json/}: the site and every route. */
    public Map<String, Object> index(WpService.Urls urls) {
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("name", gazette.site().title());
        index.put("description", gazette.site().description());
        index.put("url", trimSlash(urls.site()));
        index.put("home", trimSlash(urls.site()));
        index.put("gmt_offset", config.timeZone().getRules().getOffset(dev.gazette.common.Times.now()).getTotalSeconds() / 3600.0);
        index.put("timezone_string", config.timeZone().getId());
        index.put("namespaces", List.of("wp/v2"));
        index.put("authentication", Map.of());
        Map<String, Object> routes = new LinkedHashMap<>();
        routes.put("/", route("", urls.rest(), Map.of()));
        routes.putAll(routes(urls));
        index.put("routes", routes);
        index.put("_links", new WpLinks().add("help", "https://developer.wordpress.org/rest-api/").build());
        return index;
    }

    /** {@code /wp-json/wp/v2}: the namespace's routes. */
    public Map<String, Object> namespace(WpService.Urls urls) {
        Map<String, Object> namespace = new LinkedHashMap<>();
        namespace.put("namespace", "wp/v2");
        namespace.put("routes", routes(urls));
        namespace.put("_links", new WpLinks().add("up", urls.rest()).build());
        return namespace;
    }

    private static Map<String, Object> routes(WpService.Urls urls) {
        Map<String, Object> routes = new LinkedHashMap<>();
        routes.put("/wp/v2", route("wp/v2", urls.rest() + "wp/v2", Map.of()));
        COLLECTIONS.forEach((name, own) -> {
            Map<String, Object> args = new LinkedHashMap<>();
            for (String arg : PAGING) {
                args.put(arg, arg(arg));
            }
            own.forEach(arg -> args.put(arg, arg(arg)));
            routes.put("/wp/v2/" + name, name.equals("comments") ? commentsRoute(urls, args) : route("wp/v2", urls.api(name), args));
            routes.put("/wp/v2/" + name + "/(?P<id>[\\d]+)", route("wp/v2", null, Map.of("id", arg("id"), "context", arg("context"))));
        });
        Map<String, Object> searchArgs = new LinkedHashMap<>();
        for (String arg : List.of("context", "page", "per_page", "search", "type", "subtype", "exclude", "include", "_fields")) {
            searchArgs.put(arg, arg(arg));
        }
        routes.put("/wp/v2/search", route("wp/v2", urls.api("search"), searchArgs));
        routes.put("/wp/v2/types", route("wp/v2", urls.api("types"), Map.of("context", arg("context"))));
        routes.put("/wp/v2/types/(?P<type>[\\w-]+)", route("wp/v2", null, Map.of("type", arg("type"), "context", arg("context"))));
        routes.put("/wp/v2/taxonomies", route("wp/v2", urls.api("taxonomies"), Map.of("context", arg("context"))));
        routes.put("/wp/v2/taxonomies/(?P<taxonomy>[\\w-]+)", route("wp/v2", null,
                Map.of("taxonomy", arg("taxonomy"), "context", arg("context"))));
        return routes;
    }

    private static Map<String, Object> route(String namespace, String self, Map<String, Object> args) {
        Map<String, Object> route = new LinkedHashMap<>();
        route.put("namespace", namespace);
        route.put("methods", List.of("GET"));
        route.put("endpoints", List.of(Map.of("methods", List.of("GET"), "args", args)));
        if (self != null) {
            route.put("_links", Map.of("self", List.of(Map.of("href", self))));
        }
        return route;
    }

    /** The comments collection: read with GET, written with POST (a visitor's comment). */
    private static Map<String, Object> commentsRoute(WpService.Urls urls, Map<String, Object> getArgs) {
        Map<String, Object> postArgs = new LinkedHashMap<>();
        for (String arg : List.of("author_email", "author_name", "author_url", "content", "parent", "post")) {
            postArgs.put(arg, arg(arg));
        }
        Map<String, Object> route = new LinkedHashMap<>();
        route.put("namespace", "wp/v2");
        route.put("methods", List.of("GET", "POST"));
        route.put("endpoints", List.of(Map.of("methods", List.of("GET"), "args", getArgs),
                Map.of("methods", List.of("POST"), "args", postArgs)));
        route.put("_links", Map.of("self", List.of(Map.of("href", urls.api("comments")))));
        return route;
    }

    private static Map<String, Object> arg(String name) {
        Map<String, Object> arg = new LinkedHashMap<>();
        arg.put("required", name.equals("id") || name.equals("type") || name.equals("taxonomy"));
        arg.put("type", switch (name) {
            case "page", "per_page", "offset", "id" -> "integer";
            case "hide_empty", "sticky" -> "boolean";
            case "author", "author_exclude", "categories", "categories_exclude", "tags", "tags_exclude", "include", "exclude",
                 "parent", "parent_exclude", "post", "slug", "status", "_fields" -> "array";
            default -> "string";
        });
        return arg;
    }

    /** {@code /wp/v2/types}: the post types served: posts, pages and media (attachments). */
    public Map<String, Object> types(WpService.Urls urls) {
        Map<String, Object> types = new LinkedHashMap<>();
        for (String slug : List.of("post", "page", "attachment")) {
            types.put(slug, type(slug, urls));
        }
        return types;
    }

    public Map<String, Object> type(String slug, WpService.Urls urls) {
        if (!slug.equals("post") && !slug.equals("page") && !slug.equals("attachment")) {
            throw WpError.notFound("rest_type_invalid", "Invalid post type.");
        }
        String base = switch (slug) {
            case "post" -> "posts";
            case "page" -> "pages";
            default -> "media";
        };
        Map<String, Object> type = new LinkedHashMap<>();
        type.put("description", "");
        type.put("hierarchical", slug.equals("page"));
        type.put("has_archive", false);
        type.put("name", switch (slug) {
            case "post" -> "Posts";
            case "page" -> "Pages";
            default -> "Media";
        });
        type.put("slug", slug);
        type.put("icon", switch (slug) {
            case "post" -> "dashicons-admin-post";
            case "page" -> "dashicons-admin-page";
            default -> "dashicons-admin-media";
        });
        type.put("taxonomies", slug.equals("post") ? List.of("category", "post_tag") : List.of());
        type.put("rest_base", base);
        type.put("rest_namespace", "wp/v2");
        type.put("_links", new WpLinks().add("collection", urls.api("types")).add("wp:items", urls.api(base)).curies().build());
        return type;
    }

    /** {@code /wp/v2/taxonomies}: categories and tags. */
    public Map<String, Object> taxonomies(WpService.Urls urls) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("category", taxonomy("category", urls));
        all.put("post_tag", taxonomy("post_tag", urls));
        return all;
    }

    public Map<String, Object> taxonomy(String slug, WpService.Urls urls) {
        if (!slug.equals("category") && !slug.equals("post_tag")) {
            throw WpError.notFound("rest_taxonomy_invalid", "Invalid taxonomy.");
        }
        boolean category = slug.equals("category");
        Map<String, Object> taxonomy = new LinkedHashMap<>();
        taxonomy.put("name", category ? "Categories" : "Tags");
        taxonomy.put("slug", slug);
        taxonomy.put("description", "");
        taxonomy.put("types", List.of("post"));
        taxonomy.put("hierarchical", category);
        taxonomy.put("rest_base", category ? "categories" : "tags");
        taxonomy.put("rest_namespace", "wp/v2");
        taxonomy.put("_links", new WpLinks().add("collection", urls.api("taxonomies"))
                .add("wp:items", urls.api(category ? "categories" : "tags")).curies().build());
        return taxonomy;
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
