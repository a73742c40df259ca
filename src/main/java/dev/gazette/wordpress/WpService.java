package dev.gazette.wordpress;

import dev.gazette.common.GazetteConfig;
import dev.gazette.common.Times;
import dev.gazette.common.persistence.SqlLike;
import dev.gazette.common.text.HtmlContent;
import dev.gazette.common.web.AnswerKeys;
import dev.gazette.common.web.ContentKeys;
import dev.gazette.common.web.ApiException;
import dev.gazette.post.PostProtection;
import dev.gazette.post.PostService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The answers of {@code /wp-json/wp/v2}: WordPress' query parameters applied to Gazette's public content
 * ({@link WpReads}), each row rendered as WordPress renders it for {@code context=view}. Reads only, outside
 * transactions, and each answer says what it shows ({@link ContentKeys}) so the response cache keeps it
 * until that changes, as it keeps the native API's answers.
 */
@ApplicationScoped
public class WpService {

    static final List<String> POST_ORDERBY = List.of("author", "date", "id", "include", "modified", "parent", "relevance", "slug",
            "include_slugs", "title");
    static final List<String> TERM_ORDERBY = List.of("id", "include", "name", "slug", "include_slugs", "term_group", "description",
            "count");
    static final List<String> USER_ORDERBY = List.of("id", "include", "name", "registered_date", "slug", "include_slugs", "email", "url");
    static final List<String> COMMENT_ORDERBY = List.of("date", "date_gmt", "id", "include", "post", "parent", "type");
    static final List<String> ORDER = List.of("asc", "desc");
    static final List<String> CONTEXT = List.of("view", "embed", "edit");
    private static final String CANNOT_READ_POST = "Sorry, you are not allowed to read the post for this comment.";
    private static final String CANNOT_READ_COMMENT = "Sorry, you are not allowed to read this comment.";

    @Inject
    WpReads reads;

    @Inject
    AnswerKeys answer;

    @Inject
    HtmlContent html;

    @Inject
    WordPressConfig config;

    @Inject
    GazetteConfig gazette;

    @Inject
    WpEmbeds embeds;

    @Inject
    PostProtection protection;

    /** A page of a collection: the items and WordPress' totals. */
    public record Listing<T>(List<T> items, long total, int page, int totalPages) {
    }

    /**
     * Where links point: this server's REST root ({@code .../wp-json/}), the public site's home
     * ({@code gazette.site.url}) and its post URLs ({@code gazette.site.post-url}, {@code {slug}} and {@code {id}}).
     */
    public record Urls(String rest, String site, String postUrl) {
        /** This server's root ({@code http://host/}), for answers that hold server-relative URLs. */
        String base() {
            return rest.substring(0, rest.length() - "wp-json/".length());
        }

        String api(String path) {
            return rest + "wp/v2/" + path;
        }

        String post(long id, String slug) {
            return postUrl.replace("{slug}", slug).replace("{id}", Long.toString(id));
        }
    }

    public ZoneId zone() {
        return config.timeZone();
    }

    /** The URLs for a request whose base URI is {@code base} ({@code http://host/}). */
    public Urls urls(String base) {
        String site = gazette.site().url();
        return new Urls((base.endsWith("/") ? base : base + "/") + "wp-json/", site.endsWith("/") ? site : site + "/",
                gazette.site().postUrl());
    }

    // ---------------------------------------------------------------- posts

    public Listing<WpJson.Post> posts(WpArgs args, Urls urls) {
        Instant now = Times.now();
        Paging paging = Paging.of(args);
        WpReads.Select s = WpReads.publicPosts(now);
        String search = search(s, args, "p.title", "p.excerpt", "p.content_text");
        if (search != null) {
            s.where(PostProtection.OPEN_SQL); // as WordPress, a search never finds a protected post for a reader
        }
        List<String> slugs = identity(s, args, "p", "post");
        wpIdFilter(s, "p.author_id", "author", args.ids("author"), args.ids("author_exclude"), "author");
        termFilter(s, "post_category", "category_id", "category", args.ids("categories"), args.ids("categories_exclude"), "categories");
        termFilter(s, "post_tag", "tag_id", "tag", args.ids("tags"), args.ids("tags_exclude"), "tags");
        dateFilter(s, "p.published_at", args.date("after"), args.date("before"), "published");
        dateFilter(s, "p.modified_at", args.date("modified_after"), args.date("modified_before"), "modified");
        Boolean sticky = args.bool("sticky");
        if (sticky != null) {
            s.where("p.sticky = :sticky", "sticky", sticky);
        }
        for (String status : args.strings("status")) {
            if (!status.equals("publish")) {
                args.note("status", "Status is forbidden.", "rest_forbidden_status", Map.of("status", 401));
            }
        }
        String orderby = args.oneOf("orderby", "date", POST_ORDERBY);
        boolean desc = args.oneOf("order", "desc", ORDER).equals("desc");
        Set<String> embed = args.embed();
        args.check();
        String direction = desc ? " desc" : " asc";
        s.orderBy = switch (orderby) {
            case "author" -> "p.author_id" + direction + ", p.published_at desc, p.id desc";
            case "id", "parent" -> WpReads.wpId("p") + direction;
            case "include" -> positionIn(WpReads.wpId("p"), args.ids("include"), "include",
                    new WpError("rest_orderby_include_missing_include", "You need to define an include parameter to order by include.",
                            400, null), s);
            case "include_slugs" -> positionIn("p.slug", slugs, "slug",
                    new WpError("rest_orderby_include_missing_include", "You need to define an include parameter to order by include.",
                            400, null), s);
            case "modified" -> "p.modified_at" + direction + ", p.id" + direction;
            case "slug" -> "p.slug" + direction + ", p.id" + direction;
            case "title" -> "lower(p.title)" + direction + ", p.id" + direction;
            case "relevance" -> {
                if (search == null) {
                    throw new WpError("rest_no_search_term_defined", "You need to define a search term to order by relevance.", 400, null);
                }
                yield "case when lower(p.title) like :search escape '\\' then 0 else 1 end, p.published_at desc, p.id desc";
            }
            default -> "p.published_at" + direction + ", p.id" + direction;
        };
        answer.shows(ContentKeys.POST_LISTS, ContentKeys.CATEGORIES, ContentKeys.TAGS);
        WpReads.Page<WpReads.PostRow> page = reads.posts(s, paging.offset(), paging.perPage());
        Listing<WpJson.Post> listing = paging.listing(posts(page.rows(), urls, embed, false), page.total());
        if (listing.total() > 0 && listing.page() > listing.totalPages() && args.text("offset") == null) {
            throw new WpError("rest_post_invalid_page_number",
                    "The page number requested is larger than the number of pages available.", 400, null);
        }
        return listing;
    }

    public WpJson.Post post(long id, WpArgs args, Urls urls) {
        Set<String> embed = args.embed();
        args.check();
        WpReads.PostRow row = reads.post(id, Times.now());
        if (row == null) {
            throw WpError.notFound("rest_post_invalid_id", "Invalid post ID.");
        }
        answer.shows(ContentKeys.post(row.id()), ContentKeys.CATEGORIES, ContentKeys.TAGS);
        return posts(List.of(row), urls, embed, unlocks(row.passwordHash(), args, row.slug(), "rest_post_incorrect_password",
                "Incorrect post password.", 403)).get(0);
    }

    /**
     * Whether the request's {@code password} parameter opens what a post's or page's password protects (WordPress'
     * {@code ?password=}); false without one or for an unprotected item. Wrong passwords are counted per address
     * as on the native API ({@link PostProtection#verify}: 429 over the limit).
     *
     * @throws WpError WordPress' error for a wrong password ({@code code}, {@code message}, {@code status})
     */
    boolean unlocks(String passwordHash, WpArgs args, String slug, String code, String message, int status) {
        String password = args.text("password");
        if (passwordHash == null || password == null) {
            return false;
        }
        try {
            protection.verify(passwordHash, password, slug);
            return true;
        } catch (ApiException e) {
            if (e.status() == 429) {
                throw e;
            }
            throw new WpError(code, message, status, null);
        }
    }

    /** Public posts by Gazette id (unknown ones left out), in no particular order: what embedded search results show. */
    List<WpJson.Post> postsById(List<Long> ids, Urls urls) {
        WpReads.Select s = WpReads.publicPosts(Times.now()).where("p.id in (:ids)", "ids", ids);
        s.orderBy = "p.id";
        ids.forEach(id -> answer.shows(ContentKeys.post(id)));
        return posts(reads.posts(s, 0, ids.size()).rows(), urls, null, false);
    }

    /** Posts as WordPress shows them; {@code unlocked}: the caller sent the password of the (one) protected post. */
    private List<WpJson.Post> posts(List<WpReads.PostRow> rows, Urls urls, Set<String> embed, boolean unlocked) {
        Map<Long, List<WpReads.PostTerm>> terms = new HashMap<>();
        for (WpReads.PostTerm t : reads.terms(rows.stream().map(WpReads.PostRow::id).toList())) {
            terms.computeIfAbsent(t.postId(), id -> new ArrayList<>()).add(t);
        }
        ZoneId zone = zone();
        Map<Long, Map<String, Object>> embedded = embeds.of(rows.stream().map(p -> new WpEmbeds.Target(p.id(), p.authorId(),
                p.featuredMediaId(), p.wpFeaturedMedia(), true, 0)).toList(), terms, embed, urls, zone);
        List<WpJson.Post> posts = new ArrayList<>(rows.size());
        for (WpReads.PostRow p : rows) {
            answer.shows(ContentKeys.post(p.id()));
            List<Long> categories = new ArrayList<>();
            List<Long> tags = new ArrayList<>();
            List<String> classes = new ArrayList<>(List.of("post-" + p.wpId(), "post", "type-post", "status-publish",
                    "format-" + (p.format() == null ? "standard" : p.format())));
            if (p.featuredMediaId() != null) {
                classes.add("has-post-thumbnail");
            }
            if (p.isProtected() && !unlocked) {
                classes.add("post-password-required");
            }
            classes.add("hentry");
            for (WpReads.PostTerm t : terms.getOrDefault(p.id(), List.of())) {
                (t.kind() == 0 ? categories : tags).add(t.id());
                classes.add((t.kind() == 0 ? "category-" : "tag-") + t.slug());
            }
            if (p.format() != null) {
                classes.add("post_format-post-format-" + p.format()); // the post_format term, last as WordPress lists it
            }
            WpLinks links = new WpLinks()
                    .add("self", urls.api("posts/" + p.wpId()), "targetHints", Map.of("allow", List.of("GET")))
                    .add("collection", urls.api("posts"))
                    .add("about", urls.api("types/post"))
                    .add("author", urls.api("users/" + p.wpAuthor()), "embeddable", true)
                    .add("replies", urls.api("comments?post=" + p.wpId()), "embeddable", true);
            if (p.wpFeaturedMedia() != null) {
                links.add("wp:featuredmedia", urls.api("media/" + p.wpFeaturedMedia()), "embeddable", true);
            }
            links.add("wp:attachment", urls.api("media?parent=" + p.wpId()))
                    .add("wp:term", urls.api("categories?post=" + p.wpId()), "taxonomy", "category", "embeddable", true)
                    .add("wp:term", urls.api("tags?post=" + p.wpId()), "taxonomy", "post_tag", "embeddable", true)
                    .curies();
            // a protected post's content and excerpt only with its password, as WordPress (both say "protected")
            boolean withheld = p.isProtected() && !unlocked;
            String generated = withheld ? "" : html.excerpt(p.contentText() == null ? "" : p.contentText(), PostService.EXCERPT_WORDS);
            ZoneId local = WpRender.zone(p.wpUtcOffset(), zone);
            posts.add(new WpJson.Post(p.wpId(), WpRender.date(p.publishedAt(), local), WpRender.dateGmt(p.publishedAt()),
                    new WpJson.Rendered(p.wpGuid() != null ? p.wpGuid() : urls.site() + "?p=" + p.wpId()),
                    WpRender.date(p.modifiedAt(), local), WpRender.dateGmt(p.modifiedAt()), p.slug(), "publish", "post",
                    p.originalLink() != null ? p.originalLink() : urls.post(p.id(), p.slug()), new WpJson.Rendered(WpRender.title(p.title())),
                    new WpJson.RenderedProtected(withheld ? "" : p.content(), p.isProtected()),
                    new WpJson.RenderedProtected(withheld ? "" : WpRender.excerpt(p.excerpt(), WpRender.excerptText(p.content()), generated), p.isProtected()),
                    p.wpAuthor(), p.wpFeaturedMedia() == null ? 0 : p.wpFeaturedMedia(),
                    p.commentStatus().toLowerCase(Locale.ROOT), "closed", p.sticky(), "", p.format() == null ? "standard" : p.format(),
                    Map.of("footnotes", ""),
                    categories, tags, classes, links.build(), embedded.get(p.id())));
        }
        return posts;
    }

    // ---------------------------------------------------------------- categories and tags

    public Listing<WpJson.Category> categories(WpArgs args, Urls urls) {
        WpReads.Select s = WpReads.terms(true, Times.now());
        List<Long> parents = args.ids("parent");
        if (!parents.isEmpty()) {
            s.where("t.parent in (:parents)", "parents", parents);
        }
        Listing<WpReads.TermRow> rows = terms(s, args, "post_category", "category_id", ContentKeys.CATEGORIES);
        return new Listing<>(rows.items().stream().map(t -> category(t, urls)).toList(), rows.total(), rows.page(), rows.totalPages());
    }

    public WpJson.Category category(long id, Urls urls) {
        return category(term(WpReads.terms(true, Times.now()), id, ContentKeys.CATEGORIES), urls);
    }

    public Listing<WpJson.Tag> tags(WpArgs args, Urls urls) {
        Listing<WpReads.TermRow> rows = terms(WpReads.terms(false, Times.now()), args, "post_tag", "tag_id", ContentKeys.TAGS);
        return new Listing<>(rows.items().stream().map(t -> tag(t, urls)).toList(), rows.total(), rows.page(), rows.totalPages());
    }

    public WpJson.Tag tag(long id, Urls urls) {
        return tag(term(WpReads.terms(false, Times.now()), id, ContentKeys.TAGS), urls);
    }

    private Listing<WpReads.TermRow> terms(WpReads.Select s, WpArgs args, String link, String key, String kind) {
        Paging paging = Paging.of(args);
        search(s, args, "t.name", "t.slug");
        List<String> slugs = identity(s, args, "t", null);
        if (Boolean.TRUE.equals(args.bool("hide_empty"))) {
            s.where("t.count > 0");
        }
        List<Long> posts = args.ids("post");
        if (!posts.isEmpty()) {
            s.where("exists (select 1 from " + link + " l where l." + key + " = t.gid and l.post_id in (" + WpReads.answeringTo("post", "posts")
                    + "))", "posts", posts);
            answer.shows(ContentKeys.POST_LISTS);
        }
        String orderby = args.oneOf("orderby", "name", TERM_ORDERBY);
        String direction = args.oneOf("order", "asc", ORDER).equals("desc") ? " desc" : " asc";
        args.check();
        s.orderBy = switch (orderby) {
            case "id", "term_group" -> "t.id" + direction;
            case "include" -> positionIn("t.id", args.ids("include"), "include", null, s) + ", t.id";
            case "include_slugs" -> positionIn("t.slug", slugs, "slug", null, s) + ", t.id";
            case "slug" -> "t.slug" + direction + ", t.id" + direction;
            case "description" -> "t.description" + direction + ", t.id" + direction;
            case "count" -> "t.count" + direction + ", t.id" + direction;
            // WordPress sorts by the database's collation, which ignores case
            default -> "lower(t.name)" + direction + ", t.id" + direction;
        };
        answer.shows(kind, ContentKeys.TERM_COUNTS);
        WpReads.Page<WpReads.TermRow> page = reads.terms(s, paging.offset(), paging.perPage());
        return paging.listing(page.rows(), page.total());
    }

    private WpReads.TermRow term(WpReads.Select s, long id, String kind) {
        s.where("t.id = :id", "id", id);
        s.orderBy = "t.id";
        answer.shows(kind, ContentKeys.TERM_COUNTS);
        List<WpReads.TermRow> rows = reads.terms(s, 0, 1).rows();
        if (rows.isEmpty()) {
            throw WpError.notFound("rest_term_invalid", "Term does not exist.");
        }
        return rows.get(0);
    }

    static WpJson.Category category(WpReads.TermRow t, Urls urls) {
        WpLinks links = new WpLinks().add("self", urls.api("categories/" + t.id()), "targetHints", Map.of("allow", List.of("GET")))
                .add("collection", urls.api("categories"))
                .add("about", urls.api("taxonomies/category"));
        if (t.parent() != 0) {
            links.add("up", urls.api("categories/" + t.parent()), "embeddable", true);
        }
        links.add("wp:post_type", urls.api("posts?categories=" + t.id())).curies();
        return new WpJson.Category(t.id(), t.count(), nullToEmpty(t.description()), urls.site() + "category/" + t.path() + "/", // under its ancestors' slugs, as WordPress links categories
                WpRender.title(t.name()), t.slug(), "category", t.parent(), List.of(), links.build());
    }

    static WpJson.Tag tag(WpReads.TermRow t, Urls urls) {
        WpLinks links = new WpLinks().add("self", urls.api("tags/" + t.id()), "targetHints", Map.of("allow", List.of("GET")))
                .add("collection", urls.api("tags"))
                .add("about", urls.api("taxonomies/post_tag")).add("wp:post_type", urls.api("posts?tags=" + t.id())).curies();
        return new WpJson.Tag(t.id(), t.count(), nullToEmpty(t.description()), urls.site() + "tag/" + t.slug() + "/",
                WpRender.title(t.name()), t.slug(), "post_tag", List.of(), links.build());
    }

    // ---------------------------------------------------------------- users

    public Listing<WpJson.User> users(WpArgs args, Urls urls) {
        Paging paging = Paging.of(args);
        WpReads.Select s = WpReads.users(Times.now());
        search(s, args, "a.display_name", "a.slug");
        List<String> slugs = identity(s, args, "a", "author");
        String orderby = args.oneOf("orderby", "name", USER_ORDERBY);
        String direction = args.oneOf("order", "asc", ORDER).equals("desc") ? " desc" : " asc";
        args.check();
        s.orderBy = switch (orderby) {
            case "id" -> WpReads.wpId("a") + direction;
            case "include" -> positionIn(WpReads.wpId("a"), args.ids("include"), "include", null, s) + ", a.id";
            case "include_slugs" -> positionIn("a.slug", slugs, "slug", null, s) + ", a.id";
            case "registered_date" -> "a.created_at" + direction + ", a.id" + direction;
            case "slug" -> "a.slug" + direction + ", a.id" + direction;
            default -> "lower(a.display_name)" + direction + ", a.id" + direction; // email and url are not public: by name
        };
        answer.shows(ContentKeys.AUTHORS, ContentKeys.POST_LISTS);
        WpReads.Page<WpReads.UserRow> page = reads.users(s, paging.offset(), paging.perPage());
        return paging.listing(page.rows().stream().map(u -> user(u, urls)).toList(), page.total());
    }

    public WpJson.User user(long id, Urls urls) {
        WpReads.Select s = WpReads.users(Times.now()).where(WpReads.answersTo("a", "id"), "id", id);
        s.orderBy = "a.id";
        answer.shows(ContentKeys.POST_LISTS);
        List<WpReads.UserRow> rows = reads.users(s, 0, 1).rows();
        if (rows.isEmpty()) {
            answer.shows(ContentKeys.AUTHORS); // until an author answering to this id publishes
            throw WpError.notFound("rest_user_invalid_id", "Invalid user ID.");
        }
        answer.shows(ContentKeys.author(rows.get(0).id()));
        return user(rows.get(0), urls);
    }

    static WpJson.User user(WpReads.UserRow u, Urls urls) {
        WpLinks links = new WpLinks().add("self", urls.api("users/" + u.wpId()), "targetHints", Map.of("allow", List.of("GET")))
                .add("collection", urls.api("users"));
        return new WpJson.User(u.wpId(), u.name(), "", nullToEmpty(u.bio()), urls.site() + "author/" + u.slug() + "/", u.slug(),
                WpRender.avatars(u.avatarUrl(), u.emailHash()), List.of(), links.build());
    }

    // ---------------------------------------------------------------- comments

    public Listing<WpJson.Comment> comments(WpArgs args, Urls urls) {
        Instant now = Times.now();
        Paging paging = Paging.of(args);
        // the discussion of a protected post only for the posts asked for, each opened by ?password= (WordPress' 401 else)
        List<String[]> closed = reads.protectedPosts(reads.gazetteIds("post", args.ids("post")));
        for (String[] post : closed) {
            if (!unlocks(post[0], args, post[1], "rest_cannot_read_post", CANNOT_READ_POST, 401)) {
                throw new WpError("rest_cannot_read_post", CANNOT_READ_POST, 401, null);
            }
        }
        WpReads.Select s = closed.isEmpty() ? WpReads.comments(now) : WpReads.commentsWithProtected(now);
        search(s, args, "c.content", "c.author_name");
        wpIdFilter(s, "c.id", "comment", args.ids("include"), args.ids("exclude"), "id");
        refFilter(s, "c.author_id", "author", args.ids("author"), args.ids("author_exclude"), "author");
        refFilter(s, "c.parent_id", "comment", args.ids("parent"), args.ids("parent_exclude"), "parent");
        wpIdFilter(s, "c.post_id", "post", args.ids("post"), List.of(), "post");
        dateFilter(s, "c.created_at", args.date("after"), args.date("before"), "created");
        for (String status : args.strings("status")) {
            if (!status.equals("approve") && !status.equals("approved")) {
                args.note("status", "Status is forbidden.", "rest_forbidden_status", Map.of("status", 401));
            }
        }
        String type = args.text("type");
        if (type != null && !type.equals("comment")) {
            s.where("1 = 0"); // Gazette has comments only, no pingbacks or trackbacks
        }
        String orderby = args.oneOf("orderby", "date_gmt", COMMENT_ORDERBY);
        String direction = args.oneOf("order", "desc", ORDER).equals("desc") ? " desc" : " asc";
        args.check();
        s.orderBy = switch (orderby) {
            case "id", "type" -> WpReads.wpId("c") + direction;
            case "include" -> positionIn(WpReads.wpId("c"), args.ids("include"), "include", null, s) + ", c.id";
            case "post" -> "c.post_id" + direction + ", c.created_at" + direction + ", c.id" + direction;
            case "parent" -> "coalesce(c.parent_id, 0)" + direction + ", c.created_at" + direction + ", c.id" + direction;
            default -> "c.created_at" + direction + ", c.id" + direction;
        };
        answer.shows(ContentKeys.COMMENT_LISTS, ContentKeys.POST_LISTS);
        WpReads.Page<WpReads.CommentRow> page = reads.comments(s, paging.offset(), paging.perPage());
        return paging.listing(page.rows().stream().map(c -> comment(c, urls)).toList(), page.total());
    }

    public WpJson.Comment comment(long id, WpArgs args, Urls urls) {
        WpReads.Select s = WpReads.commentsWithProtected(Times.now()).where(WpReads.answersTo("c", "id"), "id", id);
        s.orderBy = "c.id";
        List<WpReads.CommentRow> rows = reads.comments(s, 0, 1).rows();
        answer.shows(ContentKeys.COMMENT_LISTS, ContentKeys.POST_LISTS);
        if (rows.isEmpty()) {
            throw WpError.notFound("rest_comment_invalid_id", "Invalid comment ID.");
        }
        for (String[] post : reads.protectedPosts(List.of(rows.get(0).postId()))) {
            if (!unlocks(post[0], args, post[1], "rest_cannot_read", CANNOT_READ_COMMENT, 401)) {
                throw new WpError("rest_cannot_read", CANNOT_READ_COMMENT, 401, null);
            }
        }
        answer.shows(ContentKeys.discussion(rows.get(0).postId()), ContentKeys.post(rows.get(0).postId()));
        return comment(rows.get(0), urls);
    }

    private WpJson.Comment comment(WpReads.CommentRow c, Urls urls) {
        return comment(c, urls, zone(), "approved");
    }

    /** A comment as WordPress shows it; {@code status} approved, or hold for one awaiting moderation. */
    static WpJson.Comment comment(WpReads.CommentRow c, Urls urls, ZoneId zone, String status) {
        WpLinks links = new WpLinks().add("self", urls.api("comments/" + c.wpId()), "targetHints", Map.of("allow", List.of("GET")))
                .add("collection", urls.api("comments"));
        if (c.wpAuthor() != 0) {
            links.add("author", urls.api("users/" + c.wpAuthor()), "embeddable", true);
        }
        links.add("up", urls.api("posts/" + c.wpPost()), "embeddable", true, "post_type", "post");
        if (c.wpParent() != 0) {
            links.add("in-reply-to", urls.api("comments/" + c.wpParent()), "embeddable", true);
        }
        if (c.hasReplies()) {
            links.add("children", urls.api("comments?parent=" + c.wpId()), "embeddable", true);
        }
        return new WpJson.Comment(c.wpId(), c.wpPost(), c.wpParent(), c.wpAuthor(), c.authorName(), nullToEmpty(c.authorUrl()),
                WpRender.date(c.createdAt(), WpRender.zone(c.wpUtcOffset(), zone)), WpRender.dateGmt(c.createdAt()),
                new WpJson.Rendered(autopLines(c.content())),
                (c.postLink() != null ? c.postLink() : urls.post(c.postId(), c.postSlug())) + "#comment-" + c.wpId(), status, "comment",
                WpRender.avatars(null, c.avatarHash()), List.of(), links.build());
    }

    /** A comment's HTML with the line breaks comment_text's wpautop writes: after each paragraph, the last one too. */
    static String autopLines(String html) {
        if (html == null || html.isEmpty()) {
            return html;
        }
        String lines = html.replace("</p><p>", "</p>\n<p>");
        return lines.endsWith("\n") ? lines : lines + "\n";
    }

    // ---------------------------------------------------------------- shared filters

    /** {@code search}: the text, case-folded, in any of these columns; returns it (null when absent). */
    static String search(WpReads.Select s, WpArgs args, String... columns) {
        String search = args.text("search");
        if (search != null) {
            s.where("(" + String.join(" or ", java.util.Arrays.stream(columns).map(c -> "lower(" + c + ") like :search escape '\\'")
                    .toList()) + ")", "search", SqlLike.contains(search));
        }
        return search;
    }

    /**
     * {@code include}, {@code exclude} and {@code slug} on the rows of this alias; returns the slugs asked for.
     * With a {@code table}, ids are those rows answer to here (WordPress ids of imported ones, {@link WpReads#wpId}).
     */
    static List<String> identity(WpReads.Select s, WpArgs args, String alias, String table) {
        if (table == null) {
            idFilter(s, alias + ".id", args.ids("include"), args.ids("exclude"), "id");
        } else {
            wpIdFilter(s, alias + ".id", table, args.ids("include"), args.ids("exclude"), "id");
        }
        List<String> slugs = args.strings("slug");
        if (!slugs.isEmpty()) {
            s.where(alias + ".slug in (:slugs)", "slugs", slugs);
        }
        return slugs;
    }

    static void idFilter(WpReads.Select s, String column, List<Long> include, List<Long> exclude, String name) {
        if (!include.isEmpty()) {
            s.where(column + " in (:" + name + "In)", name + "In", include);
        }
        if (!exclude.isEmpty()) {
            s.where(column + " not in (:" + name + "Out)", name + "Out", exclude);
        }
    }

    /** Like {@link #idFilter} for a column holding Gazette ids of {@code table}, filtered by the ids its rows answer to here. */
    static void wpIdFilter(WpReads.Select s, String column, String table, List<Long> include, List<Long> exclude, String name) {
        if (!include.isEmpty()) {
            s.where(column + " in (" + WpReads.answeringTo(table, name + "In") + ")", name + "In", include);
        }
        if (!exclude.isEmpty()) {
            s.where(column + " not in (" + WpReads.answeringTo(table, name + "Out") + ")", name + "Out", exclude);
        }
    }

    /**
     * Include and exclude lists on a nullable reference to {@code table} (a parent, a comment's author), by the ids
     * its rows answer to here: 0 is none.
     */
    static void refFilter(WpReads.Select s, String column, String table, List<Long> include, List<Long> exclude, String name) {
        if (!include.isEmpty()) {
            List<Long> ids = include.stream().filter(id -> id != 0).toList();
            String none = include.contains(0L) ? column + " is null" : null;
            String some = ids.isEmpty() ? null : column + " in (" + WpReads.answeringTo(table, name + "In") + ")";
            s.where("(" + (none == null ? some : some == null ? none : none + " or " + some) + ")");
            if (some != null) {
                s.parameter(name + "In", ids);
            }
        }
        if (!exclude.isEmpty()) {
            List<Long> ids = exclude.stream().filter(id -> id != 0).toList();
            if (exclude.contains(0L)) {
                s.where(column + " is not null");
            }
            if (!ids.isEmpty()) {
                s.where("(" + column + " is null or " + column + " not in (" + WpReads.answeringTo(table, name + "Out") + "))",
                        name + "Out", ids);
            }
        }
    }

    /** {@code categories}, {@code tags} and their excludes: terms of {@code table} by the ids they answer to here. */
    private static void termFilter(WpReads.Select s, String link, String key, String table, List<Long> include, List<Long> exclude,
                                   String name) {
        if (!include.isEmpty()) {
            s.where("exists (select 1 from " + link + " l where l.post_id = p.id and l." + key + " in ("
                    + WpReads.answeringTo(table, name + "In") + "))", name + "In", include);
        }
        if (!exclude.isEmpty()) {
            s.where("not exists (select 1 from " + link + " l where l.post_id = p.id and l." + key + " in ("
                    + WpReads.answeringTo(table, name + "Out") + "))", name + "Out", exclude);
        }
    }

    static void dateFilter(WpReads.Select s, String column, Instant after, Instant before, String name) {
        if (after != null) {
            s.where(column + " > :" + name + "After", name + "After", after);
        }
        if (before != null) {
            s.where(column + " < :" + name + "Before", name + "Before", before);
        }
    }

    /**
     * Orders by position in a list ({@code orderby=include}): a case expression over the values. Without
     * values, {@code missing} is thrown (WordPress' error for posts) or the order is by the column.
     */
    static String positionIn(String column, List<?> values, String name, WpError missing, WpReads.Select s) {
        if (values.isEmpty()) {
            if (missing != null) {
                throw missing;
            }
            return column;
        }
        StringBuilder order = new StringBuilder("case " + column);
        for (int i = 0; i < values.size(); i++) {
            order.append(" when :").append(name).append("At").append(i).append(" then ").append(i);
            s.parameter(name + "At" + i, values.get(i));
        }
        return order.append(" else ").append(values.size()).append(" end").toString();
    }

    static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** WordPress' {@code page}, {@code per_page} and {@code offset}. */
    record Paging(int page, int perPage, int offset) {

        static Paging of(WpArgs args) {
            int page = args.integer("page", 1, 1, null);
            int perPage = args.integer("per_page", 10, 1, 100);
            String rawOffset = args.text("offset");
            int offset = rawOffset == null ? (int) Math.min(Integer.MAX_VALUE, (page - 1L) * perPage) : args.integer("offset", 0, 0, null);
            return new Paging(page, perPage, offset);
        }

        <T> Listing<T> listing(List<T> items, long total) {
            int pages = (int) ((total + perPage - 1) / perPage);
            return new Listing<>(items, total, page, pages);
        }
    }
}
