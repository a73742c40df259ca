package dev.gazette.wordpress;

import dev.gazette.common.persistence.SqlReads;
import dev.gazette.post.PostStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The read model of {@code /wp-json/wp/v2}: SQL projections of public posts, terms, authors and
 * comments, paged as WordPress pages ({@code page}/{@code per_page}/{@code offset}, so by offset: a
 * WordPress client names page numbers, which a keyset cannot jump to). A page costs its rows, its total
 * and (for posts) one statement for the terms of all its posts, whatever its size.
 */
@ApplicationScoped
class WpReads {

    /** Public posts, as the native API shows them to anonymous callers. */
    static final String PUBLIC_POST = PostStatus.PUBLIC_SQL;
    /** A comment a visitor may see: approved, on a public post. */
    static final String PUBLIC_COMMENT = "c.status = 'APPROVED' and exists (select 1 from post p where p.id = c.post_id and "
            + PUBLIC_POST + ")";
    /**
     * The same, leaving out the discussions of password-protected posts, as WordPress leaves them out for a
     * reader without the password ({@link dev.gazette.post.PostProtection#OPEN_SQL}).
     */
    static final String OPEN_COMMENT = "c.status = 'APPROVED' and exists (select 1 from post p where p.id = c.post_id and "
            + PUBLIC_POST + " and " + dev.gazette.post.PostProtection.OPEN_SQL + ")";

    @Inject
    SqlReads sql;

    // ---------------------------------------------------------------- WordPress ids

    /**
     * The id a row of this alias answers to here: its WordPress id when it was imported and took it
     * ({@code wp_id}, see importer/WpIdClaims), else its Gazette id. Rows keep their Gazette ids inside
     * (keys, joins, the response cache's dependencies); only what WordPress clients see and send is translated.
     */
    static String wpId(String alias) {
        return "coalesce(" + alias + ".wp_id, " + alias + ".id)";
    }

    /** The same for a reference: the id the row of {@code table} with Gazette id {@code column} answers to (null for null). */
    static String wpIdOf(String table, String column) {
        return "(select " + wpId("w") + " from " + table + " w where w.id = " + column + ")";
    }

    /** Condition: the row of this alias answers to the id in parameter {@code param} (both indexes usable). */
    static String answersTo(String alias, String param) {
        return "(" + alias + ".wp_id = :" + param + " or (" + alias + ".wp_id is null and " + alias + ".id = :" + param + "))";
    }

    /** Subquery: the Gazette ids of the rows of {@code table} answering to the ids in the list parameter {@code param}. */
    static String answeringTo(String table, String param) {
        return "select w.id from " + table + " w where w.wp_id in (:" + param + ") or (w.wp_id is null and w.id in (:" + param + "))";
    }

    /** An imported post's or page's permalink on its WordPress site (its {@code link} here), or null: {@code type} POST or PAGE. */
    static String originalLink(String type, String column) {
        return "(select o.permalink from old_link o where o.object_type = '" + type + "' and o.object_id = " + column + ")";
    }

    /** The Gazette id of the row of {@code table} answering to this id here, or null. */
    Long gazetteId(String table, long wpId) {
        return sql.first("select w.id from " + table + " w where " + answersTo("w", "wpId"), Map.of("wpId", wpId), r -> r.getLong(1));
    }

    /** A filtered, ordered, paged read: its where clauses and their parameters. */
    static final class Select {
        final String from;
        final List<String> where = new ArrayList<>();
        final Map<String, Object> parameters = new HashMap<>();
        String orderBy;

        Select(String from) {
            this.from = from;
        }

        Select where(String condition, Object... nameValues) {
            where.add(condition);
            for (int i = 0; i < nameValues.length; i += 2) {
                parameters.put((String) nameValues[i], nameValues[i + 1]);
            }
            return this;
        }

        Select parameter(String name, Object value) {
            parameters.put(name, value);
            return this;
        }

        String clause() {
            return where.isEmpty() ? "" : " where " + String.join(" and ", where);
        }
    }

    /** Rows of one page and the total over all pages. */
    record Page<T>(List<T> rows, long total) {
    }

    <T> Page<T> page(Select s, String columns, int offset, int limit, SqlReads.RowMapper<T> mapper) {
        Map<String, Object> parameters = new HashMap<>(s.parameters);
        parameters.put("wpLimit", limit);
        parameters.put("wpOffset", offset);
        List<T> rows = sql.list("select " + columns + " from " + s.from + s.clause() + " order by " + s.orderBy
                + " limit :wpLimit offset :wpOffset", parameters, mapper);
        // a first page that is not full is the whole list: no count needed
        long total = offset == 0 && rows.size() < limit ? rows.size()
                : sql.first("select count(*) from " + s.from + s.clause(), s.parameters, row -> row.getLong(1));
        return new Page<>(rows, total);
    }

    // ---------------------------------------------------------------- posts

    static final String POST_COLUMNS = "p.id, p.slug, p.title, p.excerpt, p.content, p.content_text, p.published_at,"
            + " p.modified_at, p.author_id, p.comment_status, p.sticky, p.featured_media_id, " + wpId("p") + ", "
            + wpIdOf("author", "p.author_id") + ", " + wpIdOf("media", "p.featured_media_id") + ", " + originalLink("POST", "p.id")
            + ", p.password_hash, p.wp_utc_offset, p.format, p.wp_guid";

    /**
     * A public post; {@code wpId} the id it answers to here, {@code wpAuthor} and {@code wpFeaturedMedia} its author's and
     * image's, {@code originalLink} its WordPress permalink when it was imported.
     */
    record PostRow(long id, String slug, String title, String excerpt, String content, String contentText, Instant publishedAt,
                   Instant modifiedAt, long authorId, String commentStatus, boolean sticky, Long featuredMediaId, long wpId,
                   long wpAuthor, Long wpFeaturedMedia, String originalLink, String passwordHash, Integer wpUtcOffset,
                   String format, String wpGuid) {

        boolean isProtected() {
            return passwordHash != null;
        }
    }

    static Select publicPosts(Instant now) {
        return new Select("post p").where(PUBLIC_POST, "now", now);
    }

    Page<PostRow> posts(Select s, int offset, int limit) {
        return page(s, POST_COLUMNS, offset, limit, WpReads::post);
    }

    /** The public post answering to this id here, or null. */
    PostRow post(long wpId, Instant now) {
        Select s = publicPosts(now).where(answersTo("p", "id"), "id", wpId);
        return sql.first("select " + POST_COLUMNS + " from " + s.from + s.clause(), s.parameters, WpReads::post);
    }

    private static PostRow post(dev.gazette.common.persistence.Row r) throws java.sql.SQLException {
        return new PostRow(r.getLong(1), r.string(2), r.string(3), r.string(4), r.string(5), r.string(6), r.instant(7),
                r.instant(8), r.getLong(9), r.string(10), r.getBoolean(11), r.longOrNull(12), r.getLong(13),
                r.getLong(14), r.longOrNull(15), r.string(16), r.string(17), intOrNull(r, 18), r.string(19), r.string(20));
    }

    /**
     * A term of a post: kind 0 a category, 1 a tag; with what an embedded term shows (ids as they answer here);
     * {@code path} a category's slugs from its top ancestor ({@code parent/child}), a tag's slug.
     */
    record PostTerm(int kind, long postId, long id, String slug, String name, long parent, String path) {
    }

    /** How many ancestors a category's path ({@link #categoryPath}) names at most. */
    static final int PATH_DEPTH = 6;

    /** Joins of the ancestors of the category of this alias ({@code alias_a1} its parent, ...), for {@link #categoryPath}. */
    static String ancestorJoins(String alias) {
        StringBuilder joins = new StringBuilder();
        String child = alias;
        for (int i = 1; i <= PATH_DEPTH; i++) {
            String a = alias + "_a" + i;
            joins.append(" left join category ").append(a).append(" on ").append(a).append(".id = ").append(child).append(".parent_id");
            child = a;
        }
        return joins.toString();
    }

    /** The slugs of the category of this alias from its top ancestor, joined by '/' (WordPress' category permalink path). */
    static String categoryPath(String alias) {
        StringBuilder path = new StringBuilder();
        for (int i = PATH_DEPTH; i >= 1; i--) {
            String a = alias + "_a" + i;
            path.append("case when ").append(a).append(".slug is null then '' else ").append(a).append(".slug || '/' end || ");
        }
        return path.append(alias).append(".slug").toString();
    }

    /** The categories and tags of these posts, each post's by name (ignoring case) then id, in one statement. */
    List<PostTerm> terms(List<Long> postIds) {
        if (postIds.isEmpty()) {
            return List.of();
        }
        // by name ignoring case, as WordPress' get_the_terms under MySQL's collation
        return sql.list("select x.kind, x.post_id, x.id, x.slug, x.name, x.parent, x.path from (select 0 as kind, pc.post_id, "
                        + wpId("c") + " as id, c.slug, c.name, coalesce(" + wpIdOf("category", "c.parent_id") + ", 0) as parent, "
                        + categoryPath("c") + " as path from post_category pc join category c on c.id = pc.category_id" + ancestorJoins("c")
                        + " where pc.post_id in (:ids) union all select 1, pt.post_id, " + wpId("t")
                        + ", t.slug, t.name, 0, t.slug from post_tag pt join tag t on t.id = pt.tag_id where pt.post_id in (:ids)) x"
                        + " order by x.post_id, x.kind, lower(x.name), x.id", Map.of("ids", postIds),
                r -> new PostTerm(r.getInt(1), r.getLong(2), r.getLong(3), r.string(4), r.string(5), r.getLong(6), r.string(7)));
    }

    // ---------------------------------------------------------------- terms

    /** A category or tag; {@code id} and {@code parent} as they answer here. */
    record TermRow(long id, String slug, String name, String description, long parent, long count, String path) {
    }

    /**
     * Categories ({@code category}, with parents) or tags ({@code tag}), with their published post counts:
     * {@code t.id} and {@code t.parent} are the ids they answer to here, {@code t.gid} the Gazette id.
     */
    static Select terms(boolean categories, Instant now) {
        String table = categories ? "category" : "tag";
        String link = categories ? "post_category" : "post_tag";
        String key = categories ? "category_id" : "tag_id";
        return new Select("(select " + wpId("x") + " as id, x.id as gid, x.slug, x.name, x.description, "
                + (categories ? "coalesce(" + wpIdOf("category", "x.parent_id") + ", 0)" : "0")
                + " as parent, (select count(*) from " + link + " l join post p on p.id = l.post_id where l." + key + " = x.id and "
                + PUBLIC_POST + ") as count, " + (categories ? categoryPath("x") : "x.slug") + " as path from " + table + " x"
                + (categories ? ancestorJoins("x") : "") + ") t").parameter("now", now);
    }

    Page<TermRow> terms(Select s, int offset, int limit) {
        return page(s, "t.id, t.slug, t.name, t.description, t.parent, t.count, t.path", offset, limit,
                r -> new TermRow(r.getLong(1), r.string(2), r.string(3), r.string(4), r.getLong(5), r.getLong(6), r.string(7)));
    }

    // ---------------------------------------------------------------- users

    /** An author; {@code wpId} the id it answers to here. */
    record UserRow(long id, String slug, String name, String bio, String avatarUrl, String emailHash, long wpId) {
    }

    /** Authors of at least one public post: the users WordPress lists to anonymous callers. */
    static Select users(Instant now) {
        return new Select("author a").where("exists (select 1 from post p where p.author_id = a.id and " + PUBLIC_POST + ")",
                "now", now);
    }

    Page<UserRow> users(Select s, int offset, int limit) {
        return page(s, USER_COLUMNS, offset, limit, WpReads::user);
    }

    static final String USER_COLUMNS = "a.id, a.slug, a.display_name, a.bio, a.avatar_url, a.email, " + wpId("a");

    private static UserRow user(dev.gazette.common.persistence.Row r) throws java.sql.SQLException {
        return new UserRow(r.getLong(1), r.string(2), r.string(3), r.string(4), r.string(5), WpRender.emailHash(r.string(6)),
                r.getLong(7));
    }

    // ---------------------------------------------------------------- comments

    /**
     * An approved comment; {@code wpId}, {@code wpPost}, {@code wpParent} and {@code wpAuthor} (0: none) are the ids shown,
     * {@code postLink} its post's WordPress permalink when the post was imported.
     */
    record CommentRow(long id, long postId, String postSlug, long parentId, long authorId, String authorName, String authorUrl,
                      String avatarHash, String content, Instant createdAt, long wpId, long wpPost, long wpParent, long wpAuthor,
                      String postLink, Integer wpUtcOffset, boolean hasReplies) {
    }

    /** The Gazette ids of the rows of {@code table} answering to these ids here. */
    List<Long> gazetteIds(String table, List<Long> ids) {
        return ids.isEmpty() ? List.of() : sql.list(answeringTo(table, "ids"), Map.of("ids", ids), r -> r.getLong(1));
    }

    /** The password hash and slug of each protected public post among these Gazette post ids. */
    List<String[]> protectedPosts(List<Long> postIds) {
        if (postIds.isEmpty()) {
            return List.of();
        }
        return sql.list("select p.password_hash, p.slug from post p where p.id in (:ids) and p.password_hash is not null",
                Map.of("ids", postIds), r -> new String[]{r.string(1), r.string(2)});
    }

    /** Approved comments on public posts that are not password-protected: what anyone may read. */
    static Select comments(Instant now) {
        return new Select("comment c").where(OPEN_COMMENT, "now", now);
    }

    /** Approved comments on public posts, protected ones included: for a caller who sent their passwords. */
    static Select commentsWithProtected(Instant now) {
        return new Select("comment c").where(PUBLIC_COMMENT, "now", now);
    }

    Page<CommentRow> comments(Select s, int offset, int limit) {
        return page(s, COMMENT_COLUMNS, offset, limit, WpReads::comment);
    }

    static final String COMMENT_COLUMNS = "c.id, c.post_id, (select p.slug from post p where p.id = c.post_id) as post_slug,"
            + " coalesce(c.parent_id, 0) as parent, coalesce(c.author_id, 0) as author, c.author_name, c.author_url, c.avatar_hash,"
            + " c.content, c.created_at, " + wpId("c") + " as wp_id_shown, " + wpIdOf("post", "c.post_id") + " as wp_post,"
            + " coalesce(" + wpIdOf("comment", "c.parent_id") + ", 0) as wp_parent, coalesce(" + wpIdOf("author", "c.author_id")
            + ", 0) as wp_author, " + originalLink("POST", "c.post_id") + " as post_link, c.wp_utc_offset,"
            + " case when exists (select 1 from comment k where k.parent_id = c.id and k.status = 'APPROVED') then 1 else 0 end"
            + " as has_replies";

    private static CommentRow comment(dev.gazette.common.persistence.Row r) throws java.sql.SQLException {
        return new CommentRow(r.getLong(1), r.getLong(2), r.string(3), r.getLong(4), r.getLong(5), r.string(6), r.string(7),
                r.string(8), r.string(9), r.instant(10), r.getLong(11), r.getLong(12), r.getLong(13),
                r.getLong(14), r.string(15), intOrNull(r, 16), r.getInt(17) == 1);
    }

    /**
     * The newest approved comments of each of these posts, at most {@code perPost} each (what an embedded
     * {@code replies} collection shows), in one statement: newest first within each post.
     */
    List<CommentRow> replies(List<Long> postIds, int perPost, Instant now) {
        if (postIds.isEmpty()) {
            return List.of();
        }
        Select s = comments(now).where("c.post_id in (:postIds)", "postIds", postIds);
        Map<String, Object> parameters = new HashMap<>(s.parameters);
        parameters.put("perPost", perPost);
        return sql.list("select x.* from (select " + COMMENT_COLUMNS + ", row_number() over (partition by c.post_id"
                        + " order by c.created_at desc, c.id desc) as rn from " + s.from + s.clause() + ") x where x.rn <= :perPost"
                        + " order by x.post_id, x.rn", parameters, WpReads::comment);
    }

    // ---------------------------------------------------------------- pages

    /** A published page; {@code wpId}, {@code wpParent} (0: none) and {@code wpAuthor} are the ids shown, {@code originalLink} as for posts. */
    record PageRow(long id, String slug, String path, String title, String excerpt, String content, long parentId, int menuOrder,
                   String template, long authorId, Instant publishedAt, Instant modifiedAt, long wpId, long wpParent, long wpAuthor,
                   String originalLink, String passwordHash, Integer wpUtcOffset, String wpGuid) {

        boolean isProtected() {
            return passwordHash != null;
        }
    }

    /** Published pages (pages have no schedule: published is public). */
    static Select publicPages() {
        return new Select("page g").where("g.status = 'PUBLISHED'");
    }

    Page<PageRow> pages(Select s, int offset, int limit) {
        return page(s, "g.id, g.slug, g.path, g.title, g.excerpt, g.content, coalesce(g.parent_id, 0), g.menu_order, g.template,"
                        + " g.author_id, coalesce(g.published_at, g.created_at), g.modified_at, " + wpId("g") + ", coalesce("
                        + wpIdOf("page", "g.parent_id") + ", 0), " + wpIdOf("author", "g.author_id") + ", " + originalLink("PAGE", "g.id")
                        + ", g.password_hash, g.wp_utc_offset, g.wp_guid",
                offset, limit,
                r -> new PageRow(r.getLong(1), r.string(2), r.string(3), r.string(4), r.string(5), r.string(6), r.getLong(7),
                        r.getInt(8), r.string(9), r.getLong(10), r.instant(11), r.instant(12), r.getLong(13), r.getLong(14),
                        r.getLong(15), r.string(16), r.string(17), intOrNull(r, 18), r.string(19)));
    }

    // ---------------------------------------------------------------- media

    /** The media library: every item is public, as its files are. */
    static Select media() {
        return new Select("media m");
    }

    /**
     * The ids of a page of media items, each its Gazette id and the id it answers to here (the views are read by
     * {@code MediaService.views}), and the total.
     */
    Page<long[]> mediaIds(Select s, int offset, int limit) {
        return page(s, "m.id, " + wpId("m"), offset, limit, r -> new long[]{r.getLong(1), r.getLong(2)});
    }

    /** Users by id, whatever they wrote (the authors of posts being embedded). */
    List<UserRow> usersById(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return sql.list("select " + USER_COLUMNS + " from author a where a.id in (:ids)", Map.of("ids", List.copyOf(ids)), WpReads::user);
    }

    private static Integer intOrNull(dev.gazette.common.persistence.Row r, int column) throws java.sql.SQLException {
        Long value = r.longOrNull(column);
        return value == null ? null : value.intValue();
    }

    // ---------------------------------------------------------------- search

    /** A search result: {@code id} the id it answers to here, {@code gid} its Gazette id, {@code link} an imported one's permalink. */
    record SearchRow(long id, String subtype, String slug, String title, long gid, String link) {
    }

    Page<SearchRow> search(Select s, int offset, int limit) {
        return page(s, "r.id, r.subtype, r.slug, r.title, r.gid, r.link", offset, limit,
                r -> new SearchRow(r.getLong(1), r.string(2), r.string(3), r.string(4), r.getLong(5), r.string(6)));
    }
}
