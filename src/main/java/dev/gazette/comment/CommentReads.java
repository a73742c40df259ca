package dev.gazette.comment;

import dev.gazette.common.persistence.KeyType;
import dev.gazette.common.persistence.Row;
import dev.gazette.common.persistence.SortOrder;
import dev.gazette.common.persistence.SqlReads;
import dev.gazette.common.web.ApiException;
import dev.gazette.common.web.Cursor;
import dev.gazette.common.web.IdOrSlug;
import dev.gazette.post.PostProtection;
import dev.gazette.post.PostStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The read model of comments: the rows of trees, threads, replies and flat lists read as SQL
 * projections straight into {@link CommentView}s ({@link SqlReads}), each in one statement, with
 * the caller's likes ({@code likedByMe}) and the moderation fields in the same rows when they are
 * shown. Nothing here loads an entity: the entities are the write model
 * ({@link CommentService}'s writes), these are the answers.
 */
@ApplicationScoped
class CommentReads {

    /** Most roots whose replies are read root by root (each through its index, cut to the budget). */
    static final int UNION_ROOTS = 50;

    private static final String COLUMNS = "c.id, c.post_id, c.parent_id, c.root_id, c.depth, c.author_id, c.author_name,"
            + " c.author_url, c.avatar_hash, c.content, c.status, c.created_at, c.updated_at, c.like_count, c.reply_count,"
            + " c.descendant_count, c.author_picture, c.author_provider, c.commenter_id";
    private static final int COLUMN_COUNT = 19;
    private static final String MODERATION_COLUMNS = ", c.author_email, c.ip_hash, c.user_agent, c.moderation_note";
    private static final String LIKED_COLUMN = ", exists (select 1 from comment_like l where l.comment_id = c.id and l.liker = :liker)";
    private static final String BREADTH_FIRST = " order by c.depth, c.created_at, c.id";
    private static final String PUBLIC_POST = "(" + PostStatus.PUBLIC_SQL + ")";
    /** What checking a post's password protection needs: its hash (null when open), author and slug. */
    private static final String PROTECTION = "p.password_hash, p.author_id, p.slug";

    @Inject
    SqlReads reads;

    /**
     * What the rows of one answer carry besides the public fields: the moderation fields
     * (moderators), whether the caller likes each comment (a known liker), and the thread path
     * (where a subtree is read below the rows).
     */
    record Shape(boolean moderator, Optional<Liker> liker, boolean paths) {

        Shape withPaths() {
            return new Shape(moderator, liker, true);
        }

        Shape withoutLiker() {
            return new Shape(moderator, Optional.empty(), paths);
        }

        private String columns() {
            return COLUMNS + (paths ? ", c.path" : "") + (moderator ? MODERATION_COLUMNS : "") + (liker.isPresent() ? LIKED_COLUMN : "");
        }

        private int columnCount() {
            return COLUMN_COUNT + (paths ? 1 : 0) + (moderator ? 4 : 0) + (liker.isPresent() ? 1 : 0);
        }

        private Map<String, Object> parameters(Map<String, ?> others) {
            Map<String, Object> all = new HashMap<>(others);
            liker.ifPresent(l -> all.put("liker", l.key()));
            return all;
        }
    }

    /** A post: its id, whether it is public now, and what its password protection needs (hash or null, author, slug). */
    record PostRef(long id, boolean isPublic, String passwordHash, long authorId, String slug) {
    }

    /** A comment, whether its post is public now, and that post's protection (hash or null, author, slug). */
    record Located(CommentRow row, boolean onPublicPost, String passwordHash, long postAuthorId, String postSlug) {
    }

    /** One keyset page of comments, in list order; {@code complete} when it is the whole list (first page, no next). */
    record Page(List<CommentRow> rows, String next, String prev, boolean complete) {
    }

    // ---------------------------------------------------------------- posts and single comments

    /** The post with this id or slug (its id and visibility only), if it exists. */
    Optional<PostRef> post(IdOrSlug key, Instant now) {
        String sql = "select p.id, " + PUBLIC_POST + ", " + PROTECTION + " from post p where " + (key.isId() ? "p.id = :key" : "p.slug = :key");
        List<PostRef> found = reads.list(sql, Map.of("key", key.isId() ? key.id() : key.slug(), "now", now),
                rs -> new PostRef(rs.getLong(1), rs.getBoolean(2), rs.string(3), rs.getLong(4), rs.string(5)));
        return found.stream().findFirst();
    }

    /** SQL for the id of the post with this key if it is public now (null otherwise), with {@link #publicPostIdParameters}. */
    String publicPostIdSql(IdOrSlug key) {
        return publicPostIdSql(key, false);
    }

    /** The same, also null when {@code openOnly} and the post is password-protected. */
    String publicPostIdSql(IdOrSlug key, boolean openOnly) {
        return "(select p.id from post p where " + (key.isId() ? "p.id = :key" : "p.slug = :key") + " and " + PUBLIC_POST
                + (openOnly ? " and " + PostProtection.OPEN_SQL : "") + ")";
    }

    Map<String, Object> publicPostIdParameters(IdOrSlug key, Instant now) {
        return Map.of("key", key.isId() ? key.id() : key.slug(), "now", now);
    }

    /** The comment with this id (any status) and whether its post is public now. */
    Optional<Located> comment(long id, Instant now, Shape shape) {
        String sql = "select " + shape.columns() + ", " + PUBLIC_POST + ", " + PROTECTION
                + " from comment c join post p on p.id = c.post_id where c.id = :id";
        int publicColumn = shape.columnCount() + 1;
        List<Located> found = reads.list(sql, shape.parameters(Map.of("id", id, "now", now)),
                rs -> new Located(row(rs, shape), rs.getBoolean(publicColumn), rs.string(publicColumn + 1),
                        rs.getLong(publicColumn + 2), rs.string(publicColumn + 3)));
        return found.stream().findFirst();
    }

    // ---------------------------------------------------------------- pages

    /**
     * A keyset page of the comments matching {@code conditions} (SQL on {@code comment c} with named
     * parameters), read with their columns in one statement: the same page, cursors and order
     * {@code KeysetQuery} gives, without a second read by id.
     */
    Page page(List<String> conditions, Map<String, ?> parameters, CommentService.Sort sort, Cursor cursor, int limit, Shape shape) {
        return page(conditions, parameters, null, sort, cursor, limit, shape);
    }

    /**
     * The same, ordered first by {@code leading}, an expression that is the same for every matching
     * row: it changes nothing in the order, but lets the planner walk an index that has that column
     * before the sort key. (A post's roots: {@code parent_id is null} is no equality to PostgreSQL,
     * so without {@code c.parent_id} in the order it walks the status index past every approved
     * comment of the site, ~1,900 rows for 21, instead of the post's roots.)
     */
    Page page(List<String> conditions, Map<String, ?> parameters, String leading, CommentService.Sort sort, Cursor cursor, int limit,
              Shape shape) {
        SortOrder order = sort.order;
        boolean backward = cursor != null && cursor.backward();
        boolean descending = order.descending() != backward;
        List<String> where = new ArrayList<>(conditions);
        Map<String, Object> params = shape.parameters(parameters);
        if (cursor != null) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < order.expressions().size(); i++) {
                names.add(":k" + i);
                params.put("k" + i, parameter(order.types().get(i), cursor.key().get(i)));
            }
            where.add("(" + String.join(", ", order.expressions()) + ") " + (descending ? "<" : ">")
                    + " (" + String.join(", ", names) + ")");
        }
        String direction = descending ? " desc" : " asc";
        String sql = "select " + shape.columns() + " from comment c where " + String.join(" and ", where)
                + " order by " + (leading == null ? "" : leading + direction + ", ")
                + String.join(direction + ", ", order.expressions()) + direction + " limit " + (limit + 1);
        List<CommentRow> rows = rows(sql, params, shape);
        boolean more = rows.size() > limit;
        if (more) {
            rows = new ArrayList<>(rows.subList(0, limit));
        }
        if (backward) {
            Collections.reverse(rows);
        }
        String next = null;
        String prev = null;
        if (!rows.isEmpty()) {
            boolean hasNext = backward || more;
            boolean hasPrev = backward ? more : cursor != null;
            next = hasNext ? Cursor.after(order.name(), sort.key(rows.get(rows.size() - 1).view())).encode() : null;
            prev = hasPrev ? Cursor.before(order.name(), sort.key(rows.get(0).view())).encode() : null;
        }
        return new Page(rows, next, prev, cursor == null && !more);
    }

    /** How many comments match {@code conditions}: the total of a page that is not the whole list. */
    long count(List<String> conditions, Map<String, ?> parameters) {
        String sql = "select count(*) from comment c where " + String.join(" and ", conditions);
        return reads.list(sql, parameters, rs -> rs.getLong(1)).get(0);
    }

    // ---------------------------------------------------------------- replies below a page

    /**
     * The approved comments below the given roots, breadth first (depth, then time), at most
     * {@code max}, in one statement whose cost follows the budget, not the size of the threads:
     * when the roots hold few replies for the budget (their counters say how many), one range
     * read of them all; otherwise each root's thread is read through its index up to {@code max}
     * entries (ids only), the union is cut to {@code max} and only those rows are read (past
     * {@value #UNION_ROOTS} roots, one range read of ids replaces the per-root reads). The rows are
     * the same either way: the first {@code max} replies of these roots.
     */
    List<CommentRow> approvedBelowRoots(long postId, List<CommentRow> roots, int max, Shape shape) {
        if (roots.isEmpty() || max == 0) {
            return List.of();
        }
        List<Long> rootIds = ids(roots);
        long replies = roots.stream().mapToLong(r -> r.view().descendantCount()).sum();
        Map<String, Object> params = new HashMap<>();
        if (replies <= 2L * max) {
            params.put("roots", rootIds);
            String sql = "select " + shape.columns() + " from comment c where c.root_id in (:roots) and c.status = 'APPROVED'"
                    + " and c.depth > 0" + BREADTH_FIRST + " limit " + max;
            return rows(sql, shape.parameters(params), shape);
        }
        String chosen;
        if (rootIds.size() > UNION_ROOTS) {
            chosen = "select r.id from comment r where r.post_id = :post and r.root_id in (:roots) and r.status = 'APPROVED'"
                    + " and r.depth > 0 order by r.depth, r.created_at, r.id limit " + max;
            params.put("post", postId);
            params.put("roots", rootIds);
        } else {
            StringBuilder union = new StringBuilder("select x.id from (");
            for (int i = 0; i < rootIds.size(); i++) {
                union.append(i == 0 ? "" : " union all ")
                        .append("(select r.id, r.depth, r.created_at from comment r where r.root_id = :r").append(i)
                        .append(" and r.status = 'APPROVED' and r.depth > 0 order by r.depth, r.created_at, r.id limit ")
                        .append(max).append(')');
                params.put("r" + i, rootIds.get(i));
            }
            chosen = union.append(") x order by x.depth, x.created_at, x.id limit ").append(max).toString();
        }
        String sql = "select " + shape.columns() + " from comment c join (" + chosen + ") b on b.id = c.id" + BREADTH_FIRST;
        return rows(sql, shape.parameters(params), shape);
    }

    /**
     * The approved replies below a post's approved roots (all of its threads), breadth first, at
     * most {@code max}: the rows {@link #approvedBelowRoots} gives for every root, in one range read.
     * When the roots' counters say every reply fits in the budget, the rows are read unsorted and
     * sorted here (the database would sort ~4,000 wide rows for a big discussion); read all, sorted
     * and cut, they are the same rows whatever the counters say.
     */
    List<CommentRow> approvedRepliesOf(long postId, List<CommentRow> roots, int max, Shape shape) {
        if (max == 0) {
            return List.of();
        }
        String sql = "select " + shape.columns() + " from comment c where c.post_id = :post and c.status = 'APPROVED'"
                + " and c.depth > 0 and c.root_id in (select r.id from comment r where r.post_id = :post"
                + " and r.status = 'APPROVED' and r.parent_id is null)";
        Map<String, Object> params = shape.parameters(Map.of("post", postId));
        if (roots.stream().mapToLong(r -> r.view().descendantCount()).sum() > max) {
            return rows(sql + BREADTH_FIRST + " limit " + max, params, shape);
        }
        List<CommentRow> all = rows(sql, params, shape);
        all.sort(BREADTH_FIRST_ORDER);
        return all.size() > max ? all.subList(0, max) : all;
    }

    /** {@link #BREADTH_FIRST} in Java. */
    private static final Comparator<CommentRow> BREADTH_FIRST_ORDER = Comparator.<CommentRow>comparingInt(r -> r.view().depth())
            .thenComparing(r -> r.view().createdAt()).thenComparingLong(r -> r.view().id());

    /** Approved comments below any of {@code tops} (all in one thread), breadth first, at most {@code max}. */
    List<CommentRow> approvedBelow(List<CommentRow> tops, int max, Shape shape) {
        if (tops.isEmpty() || max == 0) {
            return List.of();
        }
        Map<String, Object> params = new HashMap<>();
        params.put("root", tops.get(0).rootId());
        StringBuilder paths = new StringBuilder();
        for (int i = 0; i < tops.size(); i++) {
            paths.append(i == 0 ? "" : " or ").append("c.path like :p").append(i);
            params.put("p" + i, tops.get(i).subtreePath() + "%");
        }
        String sql = "select " + shape.columns() + " from comment c where c.root_id = :root and c.status = 'APPROVED'"
                + " and (" + paths + ")" + BREADTH_FIRST + " limit " + max;
        return rows(sql, shape.parameters(params), shape);
    }

    // ---------------------------------------------------------------- rows

    private List<CommentRow> rows(String sql, Map<String, ?> params, Shape shape) {
        return reads.list(sql, params, rs -> row(rs, shape));
    }

    /** The row the result set is on, read in the order of {@link Shape#columns()}. */
    private static CommentRow row(Row rs, Shape shape) throws SQLException {
        long id = rs.getLong(1);
        int col = COLUMN_COUNT + 1;
        String path = shape.paths ? rs.string(col++) : null;
        CommentView.Moderation moderation = null;
        if (shape.moderator) {
            moderation = new CommentView.Moderation(rs.string(col), rs.string(col + 1), rs.string(col + 2),
                    rs.string(col + 3));
            col += 4;
        }
        Boolean liked = shape.liker.isPresent() ? rs.getBoolean(col) : null;
        CommentView view = new CommentView(id, rs.getLong(2), rs.longOrNull(3), rs.getInt(5),
                new CommentView.CommentAuthor(rs.string(7), rs.string(8), rs.string(9), rs.longOrNull(6), rs.string(17), rs.string(18),
                        rs.longOrNull(19)),
                rs.string(10), CommentStatus.valueOf(rs.string(11)), rs.instant(12), rs.instant(13),
                rs.getInt(14), liked, rs.getInt(15), rs.getInt(16), null, null, moderation, null, null);
        return new CommentRow(view, rs.getLong(4), path);
    }

    /** A cursor's key component as a statement parameter; 400 when the cursor carries something else. */
    private static Object parameter(KeyType type, Object value) {
        try {
            return switch (type) {
                case LONG -> ((Number) value).longValue();
                case DOUBLE -> ((Number) value).doubleValue();
                case STRING -> (String) value;
                case INSTANT -> Instant.parse((String) value);
                case BOOLEAN -> (Boolean) value;
            };
        } catch (ClassCastException | DateTimeParseException e) {
            throw ApiException.badRequest("cursor",
                    "is not a valid cursor for this list and sort; use the page.next or page.prev value of a previous response");
        }
    }

    private static List<Long> ids(Collection<CommentRow> rows) {
        return rows.stream().map(r -> r.view().id()).toList();
    }
}
