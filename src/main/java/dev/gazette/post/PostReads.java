package dev.gazette.post;

import dev.gazette.author.AuthorView;
import dev.gazette.author.Role;
import dev.gazette.common.persistence.KeysetQuery;
import dev.gazette.common.persistence.Row;
import dev.gazette.common.persistence.SortOrder;
import dev.gazette.common.persistence.SqlReads;
import dev.gazette.common.web.Cursor;
import dev.gazette.common.web.IdOrSlug;
import dev.gazette.common.web.ListPage;
import dev.gazette.comment.Liker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The read model of posts: {@link PostView}s built from SQL projections, never from entities. A
 * single post costs one statement (the post with its author, then its categories' and tags' rows), a
 * page of any size two (the keyset page with its posts and authors, then the terms of all of them),
 * plus a filter's lookup and the list's total when it is not remembered. Nothing is loaded into a
 * persistence context, so there is nothing to flush or dirty-check. {@link Post} stays the write model.
 */
@ApplicationScoped
class PostReads {

    /** The post columns every view reads, in the order {@link #post} maps them. */
    private static final String POST_COLUMNS = "p.id, p.slug, p.title, p.excerpt, p.status, p.published_at, p.modified_at,"
            + " p.created_at, p.author_id, p.source_author, p.source_outlet, p.source_url, p.source_published_at,"
            + " p.canonical_url, p.comment_status, p.sticky, p.featured_image_url, p.comment_count, p.like_count, p.version,"
            + " p.featured_media_id, p.password_hash";
    private static final String CONTENT_COLUMN = ", p.content";
    /** The author's public columns ({@link AuthorView}), read after the post's when it is included. */
    private static final String AUTHOR_COLUMNS = ", a.slug, a.display_name, a.bio, a.avatar_url, a.role, a.updated_at";
    private static final String AUTHOR_JOIN = "join author a on a.id = p.author_id";
    /** Whether the liker of {@code :liker} likes the post (0 or 1), read after the author's columns. */
    private static final String LIKED_COLUMN = ", (select count(*) from post_like l where l.post_id = p.id and l.liker = :liker)";
    /**
     * Columns of a term's row in {@link #one} after its kind: id, slug, name (where the post's id, slug
     * and title are), five nulls, and the parent id (where the post's author id is); nulls pad the rest.
     */
    private static final int TERM_COLUMNS = 9;

    /**
     * The categories and tags of some posts, each post's by name then id (what their id lists are
     * ordered by): kind 0 a category, 1 a tag. Ordered by post first, so names are only compared
     * within one post's terms.
     */
    private static final String TERMS = "select 0, pc.post_id, c.id, c.slug, c.name, c.parent_id"
            + " from post_category pc join category c on c.id = pc.category_id where pc.post_id in (:ids)"
            + " union all select 1, pt.post_id, t.id, t.slug, t.name, cast(null as bigint)"
            + " from post_tag pt join tag t on t.id = pt.tag_id where pt.post_id in (:ids)"
            + " order by 2, 1, 5, 3";

    /** The parameter naming the liker in a page's statement (not part of what its total depends on). */
    static final String LIKER_PARAMETER = "liker";

    @Inject
    SqlReads sql;

    /**
     * One post by id or slug, with its content, categories and tags (and its author's public columns
     * if asked), in one statement: the post's row, then its categories' and its tags' rows in the
     * same columns (kind 0, 1, 2); null if there is no such post.
     */
    Found one(IdOrSlug key, boolean withAuthor, Optional<Liker> liker) {
        String columns = POST_COLUMNS + CONTENT_COLUMN + (withAuthor ? AUTHOR_COLUMNS : "") + (liker.isPresent() ? LIKED_COLUMN : "");
        String padding = ", null".repeat(columns.split(",").length - TERM_COLUMNS);
        String postId = key.isId() ? ":key" : "(select id from post where slug = :key)";
        String statement = "select 0, " + columns + " from post p" + (withAuthor ? " " + AUTHOR_JOIN : "")
                + " where " + (key.isId() ? "p.id" : "p.slug") + " = :key"
                + " union all select 1, c.id, c.slug, c.name, null, null, null, null, null, c.parent_id" + padding
                + " from post_category pc join category c on c.id = pc.category_id where pc.post_id = " + postId
                + " union all select 2, t.id, t.slug, t.name, null, null, null, null, null, null" + padding
                + " from post_tag pt join tag t on t.id = pt.tag_id where pt.post_id = " + postId
                + " order by 1, 4, 2";
        PostRow[] post = new PostRow[1];
        Terms terms = new Terms();
        Map<String, Object> parameters = new HashMap<>(Map.of("key", keyValue(key)));
        liker.ifPresent(l -> parameters.put("liker", l.key()));
        sql.list(statement, parameters, row -> {
            switch (row.getInt(1)) {
                case 0 -> post[0] = post(row.after(1), true, withAuthor, liker.isPresent());
                case 1 -> terms.category(row.getLong(2), row.string(3), row.string(4), row.longOrNull(10));
                default -> terms.tag(row.getLong(2), row.string(3), row.string(4));
            }
            return null;
        });
        return post[0] == null ? null : new Found(post[0], terms);
    }

    /** A post found by {@link #one}, with its terms. */
    record Found(PostRow post, Terms terms) {
    }

    /** One keyset page of the query's posts: their rows in one statement, their terms in one more. */
    ListPage<PostView> page(KeysetQuery query, SortOrder order, Cursor cursor, int limit, LongSupplier total,
                            Set<String> include, boolean withContent, Optional<Liker> liker, Instant now) {
        boolean withAuthor = include.contains("author");
        boolean withLiked = liker.isPresent();
        liker.ifPresent(l -> query.parameter(LIKER_PARAMETER, l.key()));
        KeysetQuery.RowPage<PostRow> page = query.rows(sql,
                POST_COLUMNS + (withContent ? CONTENT_COLUMN : "") + (withAuthor ? AUTHOR_COLUMNS : "") + (withLiked ? LIKED_COLUMN : ""),
                withAuthor ? AUTHOR_JOIN : null, order, cursor, limit, total, row -> post(row, withContent, withAuthor, withLiked));
        return new ListPage<>(views(page.rows(), include, withContent, now), page.info());
    }

    /**
     * The ids of a category and of every category below it, at any depth (in id order, so the same
     * filter always reads the same); empty when there is no such category.
     */
    List<Long> categorySubtree(IdOrSlug key) {
        return sql.list("with recursive subtree(id) as (select id from category where " + (key.isId() ? "id" : "slug") + " = :key"
                        + " union all select c.id from category c join subtree s on c.parent_id = s.id)"
                        + " select id from subtree order by id",
                Map.of("key", keyValue(key)), row -> row.getLong(1));
    }

    /** The id of the tag with this id or slug, or null. */
    Long tagId(IdOrSlug key) {
        return sql.first("select id from tag where " + (key.isId() ? "id" : "slug") + " = :key", Map.of("key", keyValue(key)),
                row -> row.getLong(1));
    }

    /** The id of the author with this id or slug, or null. */
    Long authorId(IdOrSlug key) {
        return sql.first("select id from author where " + (key.isId() ? "id" : "slug") + " = :key", Map.of("key", keyValue(key)),
                row -> row.getLong(1));
    }

    /** The number of posts the query lists, counted now. */
    long count(KeysetQuery query) {
        return query.count(sql);
    }

    /** Views of these posts, in this order, with their categories and tags read in one statement. */
    List<PostView> views(List<PostRow> rows, Set<String> include, boolean withContent, Instant now) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, Terms> terms = new HashMap<>();
        List<Long> ids = rows.stream().map(PostRow::id).toList();
        sql.list(TERMS, Map.of("ids", ids), row -> {
            Terms of = terms.computeIfAbsent(row.getLong(2), id -> new Terms());
            if (row.getInt(1) == 0) {
                of.category(row.getLong(3), row.string(4), row.string(5), row.longOrNull(6));
            } else {
                of.tag(row.getLong(3), row.string(4), row.string(5));
            }
            return null;
        });
        List<PostView> views = new ArrayList<>(rows.size());
        for (PostRow p : rows) {
            views.add(view(p, terms.getOrDefault(p.id(), Terms.NONE), include, withContent, now));
        }
        return views;
    }

    /** The view of a post with its terms, showing what {@code include} embeds. */
    static PostView view(PostRow p, Terms t, Set<String> include, boolean withContent, Instant now) {
        PostStatus status = p.status() == PostStatus.SCHEDULED && p.isPublicAt(now) ? PostStatus.PUBLISHED : p.status();
        return new PostView(p.id(), p.slug(), p.title(), p.excerpt(), withContent ? p.content() : null, status,
                p.publishedAt(), p.modifiedAt(), p.createdAt(), p.authorId(), t.categoryIds, t.tagIds,
                p.source(), p.canonicalUrl(), p.commentStatus(), p.sticky(), p.passwordHash() != null, p.featuredImageUrl(), p.featuredMediaId(), null, p.commentCount(),
                p.likeCount(), p.likedByMe(), p.version(), include.contains("author") ? p.author() : null,
                include.contains("categories") ? t.categories : null, include.contains("tags") ? t.tags : null);
    }

    private static Object keyValue(IdOrSlug key) {
        return key.isId() ? key.id() : key.slug();
    }

    /** Maps {@link #POST_COLUMNS}, then the content and the author's columns when they were selected. */
    private static PostRow post(Row row, boolean withContent, boolean withAuthor, boolean withLiked) throws SQLException {
        long id = row.getLong(1);
        String outlet = row.string(11);
        PostView.SourceCredit source = outlet == null ? null
                : new PostView.SourceCredit(row.string(10), outlet, row.string(12), row.instant(13));
        long authorId = row.getLong(9);
        int next = 23;
        String content = withContent ? row.string(next++) : null;
        AuthorView author = withAuthor
                ? new AuthorView(authorId, row.string(next), row.string(next + 1), row.string(next + 2), row.string(next + 3),
                        Role.valueOf(row.string(next + 4)), row.instant(next + 5))
                : null;
        if (withAuthor) {
            next += 6;
        }
        Boolean likedByMe = withLiked ? row.getLong(next) > 0 : null;
        return new PostRow(id, row.string(2), row.string(3), row.string(4), content, PostStatus.valueOf(row.string(5)),
                row.instant(6), row.instant(7), row.instant(8), authorId, source, row.string(14),
                Post.CommentStatus.valueOf(row.string(15)), row.getBoolean(16), row.string(17), row.getInt(18), row.getInt(19),
                likedByMe, row.getLong(20), row.longOrNull(21), row.string(22), author);
    }

    /**
     * A post as read, before its terms are added: everything of its view but those, and its password
     * hash (to check a reader's password; never part of a view).
     */
    record PostRow(long id, String slug, String title, String excerpt, String content, PostStatus status,
                   Instant publishedAt, Instant modifiedAt, Instant createdAt, long authorId, PostView.SourceCredit source,
                   String canonicalUrl, Post.CommentStatus commentStatus, boolean sticky, String featuredImageUrl,
                   int commentCount, int likeCount, Boolean likedByMe, long version, Long featuredMediaId, String passwordHash,
                   AuthorView author) {

        /** As {@link Post#isPublicAt}. */
        boolean isPublicAt(Instant now) {
            return (status == PostStatus.PUBLISHED || status == PostStatus.SCHEDULED)
                    && publishedAt != null && !publishedAt.isAfter(now);
        }
    }

    /** A post's categories and tags, each kind by name then id. */
    static final class Terms {
        static final Terms NONE = new Terms();
        final List<Long> categoryIds = new ArrayList<>();
        final List<PostView.CategoryRef> categories = new ArrayList<>();
        final List<Long> tagIds = new ArrayList<>();
        final List<PostView.TagRef> tags = new ArrayList<>();

        void category(long id, String slug, String name, Long parentId) {
            categoryIds.add(id);
            categories.add(new PostView.CategoryRef(id, slug, name, parentId));
        }

        void tag(long id, String slug, String name) {
            tagIds.add(id);
            tags.add(new PostView.TagRef(id, slug, name));
        }
    }
}
