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

    @Inject
    SqlReads sql;

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
            + " p.modified_at, p.author_id, p.comment_status, p.sticky, p.featured_media_id";

    record PostRow(long id, String slug, String title, String excerpt, String content, String contentText, Instant publishedAt,
                   Instant modifiedAt, long authorId, String commentStatus, boolean sticky, Long featuredMediaId) {
    }

    static Select publicPosts(Instant now) {
        return new Select("post p").where(PUBLIC_POST, "now", now);
    }

    Page<PostRow> posts(Select s, int offset, int limit) {
        return page(s, POST_COLUMNS, offset, limit, WpReads::post);
    }

    PostRow post(long id, Instant now) {
        Select s = publicPosts(now).where("p.id = :id", "id", id);
        return sql.first("select " + POST_COLUMNS + " from " + s.from + s.clause(), s.parameters, WpReads::post);
    }

    private static PostRow post(dev.gazette.common.persistence.Row r) throws java.sql.SQLException {
        return new PostRow(r.getLong(1), r.string(2), r.string(3), r.string(4), r.string(5), r.string(6), r.instant(7),
                r.instant(8), r.getLong(9), r.string(10), r.getBoolean(11), r.longOrNull(12));
    }

    /** A term of a post: kind 0 a category, 1 a tag; with what an embedded term shows. */
    record PostTerm(int kind, long postId, long id, String slug, String name, long parent) {
    }

    /** The categories and tags of these posts, each post's by name then id, in one statement. */
    List<PostTerm> terms(List<Long> postIds) {
        if (postIds.isEmpty()) {
            return List.of();
        }
        return sql.list("select 0, pc.post_id, c.id, c.slug, c.name, coalesce(c.parent_id, 0) from post_category pc"
                        + " join category c on c.id = pc.category_id where pc.post_id in (:ids)"
                        + " union all select 1, pt.post_id, t.id, t.slug, t.name, 0 from post_tag pt join tag t on t.id = pt.tag_id"
                        + " where pt.post_id in (:ids) order by 2, 1, 5, 3", Map.of("ids", postIds),
                r -> new PostTerm(r.getInt(1), r.getLong(2), r.getLong(3), r.string(4), r.string(5), r.getLong(6)));
    }

    // ---------------------------------------------------------------- terms

    record TermRow(long id, String slug, String name, String description, long parent, long count) {
    }

    /** Categories ({@code category}, with parents) or tags ({@code tag}), with their published post counts. */
    static Select terms(boolean categories, Instant now) {
        String table = categories ? "category" : "tag";
        String link = categories ? "post_category" : "post_tag";
        String key = categories ? "category_id" : "tag_id";
        return new Select("(select x.id, x.slug, x.name, x.description, " + (categories ? "coalesce(x.parent_id, 0)" : "0")
                + " as parent, (select count(*) from " + link + " l join post p on p.id = l.post_id where l." + key + " = x.id and "
                + PUBLIC_POST + ") as count from " + table + " x) t").parameter("now", now);
    }

    Page<TermRow> terms(Select s, int offset, int limit) {
        return page(s, "t.id, t.slug, t.name, t.description, t.parent, t.count", offset, limit,
                r -> new TermRow(r.getLong(1), r.string(2), r.string(3), r.string(4), r.getLong(5), r.getLong(6)));
    }

    // ---------------------------------------------------------------- users

    record UserRow(long id, String slug, String name, String bio, String avatarUrl, String emailHash) {
    }

    /** Authors of at least one public post: the users WordPress lists to anonymous callers. */
    static Select users(Instant now) {
        return new Select("author a").where("exists (select 1 from post p where p.author_id = a.id and " + PUBLIC_POST + ")",
                "now", now);
    }

    Page<UserRow> users(Select s, int offset, int limit) {
        return page(s, USER_COLUMNS, offset, limit, WpReads::user);
    }

    static final String USER_COLUMNS = "a.id, a.slug, a.display_name, a.bio, a.avatar_url, a.email";

    private static UserRow user(dev.gazette.common.persistence.Row r) throws java.sql.SQLException {
        return new UserRow(r.getLong(1), r.string(2), r.string(3), r.string(4), r.string(5), WpRender.emailHash(r.string(6)));
    }

    // ---------------------------------------------------------------- comments

    record CommentRow(long id, long postId, String postSlug, long parentId, long authorId, String authorName, String authorUrl,
                      String avatarHash, String content, Instant createdAt) {
    }

    static Select comments(Instant now) {
        return new Select("comment c").where(PUBLIC_COMMENT, "now", now);
    }

    Page<CommentRow> comments(Select s, int offset, int limit) {
        return page(s, COMMENT_COLUMNS, offset, limit, WpReads::comment);
    }

    static final String COMMENT_COLUMNS = "c.id, c.post_id, (select p.slug from post p where p.id = c.post_id) as post_slug,"
            + " coalesce(c.parent_id, 0) as parent, coalesce(c.author_id, 0) as author, c.author_name, c.author_url, c.avatar_hash,"
            + " c.content, c.created_at";

    private static CommentRow comment(dev.gazette.common.persistence.Row r) throws java.sql.SQLException {
        return new CommentRow(r.getLong(1), r.getLong(2), r.string(3), r.getLong(4), r.getLong(5), r.string(6), r.string(7),
                r.string(8), r.string(9), r.instant(10));
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

    record PageRow(long id, String slug, String path, String title, String excerpt, String content, long parentId, int menuOrder,
                   String template, long authorId, Instant publishedAt, Instant modifiedAt) {
    }

    /** Published pages (pages have no schedule: published is public). */
    static Select publicPages() {
        return new Select("page g").where("g.status = 'PUBLISHED'");
    }

    Page<PageRow> pages(Select s, int offset, int limit) {
        return page(s, "g.id, g.slug, g.path, g.title, g.excerpt, g.content, coalesce(g.parent_id, 0), g.menu_order, g.template,"
                        + " g.author_id, coalesce(g.published_at, g.created_at), g.modified_at", offset, limit,
                r -> new PageRow(r.getLong(1), r.string(2), r.string(3), r.string(4), r.string(5), r.string(6), r.getLong(7),
                        r.getInt(8), r.string(9), r.getLong(10), r.instant(11), r.instant(12)));
    }

    // ---------------------------------------------------------------- media

    /** The media library: every item is public, as its files are. */
    static Select media() {
        return new Select("media m");
    }

    /** The ids of a page of media items (the views are read by {@code MediaService.views}) and the total. */
    Page<Long> mediaIds(Select s, int offset, int limit) {
        return page(s, "m.id", offset, limit, r -> r.getLong(1));
    }

    /** Users by id, whatever they wrote (the authors of posts being embedded). */
    List<UserRow> usersById(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return sql.list("select " + USER_COLUMNS + " from author a where a.id in (:ids)", Map.of("ids", List.copyOf(ids)), WpReads::user);
    }

    // ---------------------------------------------------------------- search

    record SearchRow(long id, String subtype, String slug, String title) {
    }

    Page<SearchRow> search(Select s, int offset, int limit) {
        return page(s, "r.id, r.subtype, r.slug, r.title", offset, limit,
                r -> new SearchRow(r.getLong(1), r.string(2), r.string(3), r.string(4)));
    }
}
