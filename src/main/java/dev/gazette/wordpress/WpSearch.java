package dev.gazette.wordpress;

import dev.gazette.common.Times;
import dev.gazette.common.web.AnswerKeys;
import dev.gazette.post.PostProtection;
import dev.gazette.common.web.ContentKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /wp/v2/search}: WordPress' search across content types. {@code type=post} (the default) finds
 * published posts and pages (subtype {@code post}, {@code page} or {@code any}) by their title, excerpt or
 * text, title matches first, then newest first, as WordPress orders a search; {@code type=term} finds
 * categories and tags by name or slug, by name. Each result is {@code id, title, url, type, subtype} with a
 * {@code self} link to the item, which {@code _embed} embeds.
 */
@ApplicationScoped
class WpSearch {

    static final List<String> TYPES = List.of("post", "term", "post-format");
    static final List<String> POST_SUBTYPES = List.of("post", "page");
    static final List<String> TERM_SUBTYPES = List.of("category", "post_tag");

    @Inject
    WpReads reads;

    @Inject
    AnswerKeys answer;

    @Inject
    WpService service;

    @Inject
    WpPages pages;

    @Inject
    WpEmbeds embeds;

    WpService.Listing<WpJson.SearchResult> search(WpArgs args, WpService.Urls urls) {
        WpService.Paging paging = WpService.Paging.of(args);
        String type = args.oneOf("type", "post", TYPES);
        List<String> subtypes = args.strings("subtype");
        List<String> allowed = new ArrayList<>(POST_SUBTYPES);
        allowed.addAll(TERM_SUBTYPES);
        allowed.add("any");
        for (int i = 0; i < subtypes.size(); i++) {
            if (!allowed.contains(subtypes.get(i))) {
                args.note("subtype", "subtype[" + i + "] is not one of post, page, category, post_tag, and any.", "rest_not_in_enum", null);
            }
        }
        Set<String> embed = args.embed();
        String search = args.text("search");
        List<Long> include = args.ids("include");
        List<Long> exclude = args.ids("exclude");
        args.check();
        List<String> own = type.equals("term") ? TERM_SUBTYPES : type.equals("post") ? POST_SUBTYPES : List.of();
        List<String> wanted = subtypes.isEmpty() || subtypes.contains("any") ? own
                : subtypes.stream().filter(own::contains).toList();
        List<String> parts = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        String like = search == null ? null : dev.gazette.common.persistence.SqlLike.contains(search);
        if (like != null) {
            parameters.put("search", like);
        }
        if (wanted.contains("post")) {
            parameters.put("now", Times.now());
            parts.add("select " + WpReads.wpId("p") + " as id, p.id as gid, 'post' as subtype, p.slug as slug, p.title as title, p.published_at as at, "
                    + WpReads.originalLink("POST", "p.id") + " as link from post p where "
                    + WpReads.PUBLIC_POST + (like == null ? "" : " and " + PostProtection.OPEN_SQL + " and ("
                    + matches("p.title", "p.excerpt", "p.content_text") + ")"));
            answer.shows(ContentKeys.POST_LISTS);
        }
        if (wanted.contains("page")) {
            parts.add("select " + WpReads.wpId("g") + " as id, g.id as gid, 'page' as subtype, g.path as slug, g.title as title, coalesce(g.published_at, g.created_at) as at, "
                    + WpReads.originalLink("PAGE", "g.id") + " as link from page g where g.status = 'PUBLISHED'"
                    + (like == null ? "" : " and g.password_hash is null and (" + matches("g.title", "g.excerpt", "g.content") + ")"));
            answer.shows(ContentKeys.PAGE_LISTS);
        }
        if (wanted.contains("category")) {
            parts.add("select " + WpReads.wpId("c") + " as id, c.id as gid, 'category' as subtype, c.slug as slug, c.name as title, cast(null as timestamp) as at, cast(null as varchar(2000)) as link from category c"
                    + (like == null ? "" : " where (" + matches("c.name", "c.slug") + ")"));
            answer.shows(ContentKeys.CATEGORIES);
        }
        if (wanted.contains("post_tag")) {
            parts.add("select " + WpReads.wpId("t") + " as id, t.id as gid, 'post_tag' as subtype, t.slug as slug, t.name as title, cast(null as timestamp) as at, cast(null as varchar(2000)) as link from tag t"
                    + (like == null ? "" : " where (" + matches("t.name", "t.slug") + ")"));
            answer.shows(ContentKeys.TAGS);
        }
        if (parts.isEmpty()) {
            return paging.listing(List.of(), 0);
        }
        WpReads.Select s = new WpReads.Select("(" + String.join(" union all ", parts) + ") r");
        parameters.forEach(s::parameter);
        WpService.idFilter(s, "r.id", include, exclude, "id");
        s.orderBy = type.equals("term") ? "lower(r.title), r.id"
                : (like == null ? "" : "case when lower(r.title) like :search escape '\\' then 0 else 1 end, ") + "r.at desc, r.id desc";
        WpReads.Page<WpReads.SearchRow> page = reads.search(s, paging.offset(), paging.perPage());
        List<WpJson.SearchResult> results = new ArrayList<>();
        for (WpReads.SearchRow r : page.rows()) {
            results.add(result(r, type, urls));
        }
        if (embed != null) {
            results = embedSelf(results, page.rows(), args, urls);
        }
        WpService.Listing<WpJson.SearchResult> listing = paging.listing(results, page.total());
        if (listing.total() > 0 && listing.page() > listing.totalPages()) {
            throw new WpError("rest_search_invalid_page_number",
                    "The page number requested is larger than the number of pages available.", 400, null);
        }
        return listing;
    }

    private static String matches(String... columns) {
        return String.join(" or ", java.util.Arrays.stream(columns).map(c -> "lower(" + c + ") like :search escape '\\'").toList());
    }

    private static WpJson.SearchResult result(WpReads.SearchRow r, String type, WpService.Urls urls) {
        String rest = switch (r.subtype()) {
            case "post" -> "posts/";
            case "page" -> "pages/";
            case "category" -> "categories/";
            default -> "tags/";
        };
        String url = r.link() != null ? r.link() : switch (r.subtype()) {
            case "post" -> urls.post(r.gid(), r.slug());
            case "page" -> urls.site() + r.slug() + "/";
            case "category" -> urls.site() + "category/" + r.slug() + "/";
            default -> urls.site() + "tag/" + r.slug() + "/";
        };
        boolean term = type.equals("term");
        String title = term ? r.title() : WpRender.title(r.title());
        WpLinks links = new WpLinks()
                .add("self", urls.api(rest + r.id()), "embeddable", true, "targetHints", Map.of("allow", List.of("GET")))
                .add("about", urls.api(term ? "taxonomies/" + r.subtype() : "types/" + r.subtype()))
                .add("collection", urls.api("search"));
        // a term's type is its taxonomy, without a subtype, as WordPress answers
        return new WpJson.SearchResult(r.id(), title, url, term ? r.subtype() : type, term ? null : r.subtype(), links.build(), null);
    }

    /** {@code _embed}: each result's item in {@code context=embed} ({@code self}), read in one statement per subtype. */
    private List<WpJson.SearchResult> embedSelf(List<WpJson.SearchResult> results, List<WpReads.SearchRow> rows, WpArgs args,
                                                WpService.Urls urls) {
        Map<String, Object> items = new LinkedHashMap<>();
        List<Long> postIds = rows.stream().filter(r -> r.subtype().equals("post")).map(WpReads.SearchRow::gid).toList();
        if (!postIds.isEmpty()) {
            service.postsById(postIds, urls).forEach(p -> items.put("post:" + p.id(), embedPost(p)));
        }
        List<Long> pageIds = rows.stream().filter(r -> r.subtype().equals("page")).map(WpReads.SearchRow::gid).toList();
        if (!pageIds.isEmpty()) {
            WpReads.Select s = WpReads.publicPages().where("g.id in (:ids)", "ids", pageIds);
            s.orderBy = "g.id";
            for (WpReads.PageRow p : reads.pages(s, 0, pageIds.size()).rows()) {
                items.put("page:" + p.wpId(), embeds.only(pages.page(p, urls, service.zone(), null, false), WpEmbeds.PAGE));
            }
        }
        for (String taxonomy : TERM_SUBTYPES) {
            List<Long> ids = rows.stream().filter(r -> r.subtype().equals(taxonomy)).map(WpReads.SearchRow::gid).toList();
            if (!ids.isEmpty()) {
                boolean category = taxonomy.equals("category");
                WpReads.Select s = WpReads.terms(category, Times.now()).where("t.gid in (:ids)", "ids", ids);
                s.orderBy = "t.id";
                for (WpReads.TermRow t : reads.terms(s, 0, ids.size()).rows()) {
                    items.put(taxonomy + ":" + t.id(), embeds.only(category ? WpService.category(t, urls) : WpService.tag(t, urls),
                            WpEmbeds.TERM));
                }
            }
        }
        List<WpJson.SearchResult> embedded = new ArrayList<>(results.size());
        for (WpJson.SearchResult r : results) {
            Object item = items.get((r.subtype() == null ? r.type() : r.subtype()) + ":" + r.id());
            embedded.add(item == null ? r : new WpJson.SearchResult(r.id(), r.title(), r.url(), r.type(), r.subtype(), r.links(),
                    Map.of("self", List.of(item))));
        }
        return embedded;
    }

    private Object embedPost(WpJson.Post p) {
        return embeds.only(p, WpEmbeds.POST);
    }
}
