package dev.gazette.wordpress;

import dev.gazette.common.web.AnswerKeys;
import dev.gazette.common.web.ContentKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /wp/v2/pages}: Gazette's published pages as WordPress' pages (the same post fields plus
 * {@code parent} and {@code menu_order}; {@code link} is the site URL of the page's path). Paged like
 * the other collections; {@code _embed} brings the author and the parent page ({@code up}).
 */
@ApplicationScoped
class WpPages {

    static final List<String> ORDERBY = List.of("author", "date", "id", "include", "modified", "parent", "relevance", "slug",
            "include_slugs", "title", "menu_order");

    @Inject
    WpReads reads;

    @Inject
    WpEmbeds embeds;

    @Inject
    AnswerKeys answer;

    @Inject
    WpService service;

    @Inject
    dev.gazette.common.text.HtmlContent html;

    WpService.Listing<WpJson.Page> list(WpArgs args, WpService.Urls urls) {
        WpService.Paging paging = WpService.Paging.of(args);
        WpReads.Select s = WpReads.publicPages();
        String search = WpService.search(s, args, "g.title", "g.excerpt", "g.content");
        if (search != null) {
            s.where("g.password_hash is null"); // as WordPress, a search never finds a protected page for a reader
        }
        List<String> slugs = WpService.identity(s, args, "g", "page");
        WpService.wpIdFilter(s, "g.author_id", "author", args.ids("author"), args.ids("author_exclude"), "author");
        WpService.refFilter(s, "g.parent_id", "page", args.ids("parent"), args.ids("parent_exclude"), "parent");
        WpService.dateFilter(s, "coalesce(g.published_at, g.created_at)", args.date("after"), args.date("before"), "published");
        WpService.dateFilter(s, "g.modified_at", args.date("modified_after"), args.date("modified_before"), "modified");
        String menuOrder = args.text("menu_order");
        if (menuOrder != null) {
            s.where("g.menu_order = :menuOrder", "menuOrder", args.integer("menu_order", 0, Integer.MIN_VALUE, null));
        }
        for (String status : args.strings("status")) {
            if (!status.equals("publish")) {
                args.note("status", "Status is forbidden.", "rest_forbidden_status", java.util.Map.of("status", 401));
            }
        }
        String orderby = args.oneOf("orderby", "date", ORDERBY);
        String direction = args.oneOf("order", "desc", WpService.ORDER).equals("desc") ? " desc" : " asc";
        Set<String> embed = args.embed();
        args.check();
        s.orderBy = switch (orderby) {
            case "author" -> "g.author_id" + direction + ", g.id" + direction;
            case "id" -> WpReads.wpId("g") + direction;
            case "include" -> WpService.positionIn(WpReads.wpId("g"), args.ids("include"), "include",
                    new WpError("rest_orderby_include_missing_include", "You need to define an include parameter to order by include.",
                            400, null), s);
            case "include_slugs" -> WpService.positionIn("g.slug", slugs, "slug",
                    new WpError("rest_orderby_include_missing_include", "You need to define an include parameter to order by include.",
                            400, null), s);
            case "modified" -> "g.modified_at" + direction + ", g.id" + direction;
            case "parent" -> "coalesce(g.parent_id, 0)" + direction + ", g.id" + direction;
            case "menu_order" -> "g.menu_order" + direction + ", g.id" + direction;
            case "slug" -> "g.slug" + direction + ", g.id" + direction;
            case "title" -> "lower(g.title)" + direction + ", g.id" + direction;
            case "relevance" -> {
                if (search == null) {
                    throw new WpError("rest_no_search_term_defined", "You need to define a search term to order by relevance.", 400, null);
                }
                yield "case when lower(g.title) like :search escape '\\' then 0 else 1 end, g.id desc";
            }
            default -> "coalesce(g.published_at, g.created_at)" + direction + ", g.id" + direction;
        };
        answer.shows(ContentKeys.PAGE_LISTS);
        WpReads.Page<WpReads.PageRow> page = reads.pages(s, paging.offset(), paging.perPage());
        WpService.Listing<WpJson.Page> listing = paging.listing(pages(page.rows(), urls, embed, false), page.total());
        if (listing.total() > 0 && listing.page() > listing.totalPages() && args.text("offset") == null) {
            throw new WpError("rest_post_invalid_page_number",
                    "The page number requested is larger than the number of pages available.", 400, null);
        }
        return listing;
    }

    WpJson.Page get(long id, WpArgs args, WpService.Urls urls) {
        Set<String> embed = args.embed();
        args.check();
        WpReads.Select s = WpReads.publicPages().where(WpReads.answersTo("g", "id"), "id", id);
        s.orderBy = "g.id";
        List<WpReads.PageRow> rows = reads.pages(s, 0, 1).rows();
        if (rows.isEmpty()) {
            answer.shows(ContentKeys.PAGE_LISTS); // until a page answering to this id is published
            throw WpError.notFound("rest_post_invalid_id", "Invalid post ID.");
        }
        answer.shows(ContentKeys.page(rows.get(0).id()));
        WpReads.PageRow row = rows.get(0);
        return pages(rows, urls, embed, service.unlocks(row.passwordHash(), args, row.slug(), "rest_post_incorrect_password",
                "Incorrect post password.", 403)).get(0);
    }

    /** Pages as WordPress shows them; {@code unlocked}: the caller sent the password of the (one) protected page. */
    private List<WpJson.Page> pages(List<WpReads.PageRow> rows, WpService.Urls urls, Set<String> embed, boolean unlocked) {
        ZoneId zone = service.zone();
        Map<Long, Map<String, Object>> embedded = embeds.of(rows.stream()
                .map(p -> new WpEmbeds.Target(p.id(), p.authorId(), null, null, false, p.parentId())).toList(), Map.of(), embed, urls, zone);
        List<WpJson.Page> pages = new ArrayList<>(rows.size());
        for (WpReads.PageRow p : rows) {
            answer.shows(ContentKeys.page(p.id()));
            pages.add(page(p, urls, zone, embedded.get(p.id()), unlocked));
        }
        return pages;
    }

    /** A page as WordPress shows it in {@code context=view}: a protected one without content and excerpt unless {@code unlocked}. */
    WpJson.Page page(WpReads.PageRow p, WpService.Urls urls, ZoneId zone, Map<String, Object> embedded, boolean unlocked) {
        WpLinks links = new WpLinks()
                .add("self", urls.api("pages/" + p.wpId()), "targetHints", Map.of("allow", List.of("GET")))
                .add("collection", urls.api("pages"))
                .add("about", urls.api("types/page"))
                .add("author", urls.api("users/" + p.wpAuthor()), "embeddable", true);
        if (p.wpParent() != 0) {
            links.add("up", urls.api("pages/" + p.wpParent()), "embeddable", true);
        }
        links.add("wp:attachment", urls.api("media?parent=" + p.wpId())).curies();
        boolean withheld = p.isProtected() && !unlocked;
        List<String> classes = withheld ? List.of("post-" + p.wpId(), "page", "type-page", "status-publish", "post-password-required", "hentry")
                : List.of("post-" + p.wpId(), "page", "type-page", "status-publish", "hentry");
        String text = withheld ? "" : html.plainText(p.content() == null ? "" : p.content());
        String excerpt = withheld ? "" : WpRender.excerpt(p.excerpt(), WpRender.excerptText(p.content()), html.excerpt(text, WpRender.EXCERPT_WORDS));
        ZoneId local = WpRender.zone(p.wpUtcOffset(), zone);
        return new WpJson.Page(p.wpId(), WpRender.date(p.publishedAt(), local), WpRender.dateGmt(p.publishedAt()),
                new WpJson.Rendered(p.wpGuid() != null ? p.wpGuid() : urls.site() + "?page_id=" + p.wpId()), WpRender.date(p.modifiedAt(), local),
                WpRender.dateGmt(p.modifiedAt()), p.slug(), "publish", "page",
                p.originalLink() != null ? p.originalLink() : urls.site() + p.path() + "/",
                new WpJson.Rendered(WpRender.title(p.title())), new WpJson.RenderedProtected(withheld ? "" : p.content(), p.isProtected()),
                new WpJson.RenderedProtected(excerpt, p.isProtected()), p.wpAuthor(), 0, p.wpParent(), p.menuOrder(), "closed", "closed",
                p.template() == null ? "" : p.template(), Map.of("footnotes", ""), classes, links.build(), embedded);
    }
}
