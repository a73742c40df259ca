package dev.gazette.comment;

import dev.gazette.author.Author;
import dev.gazette.author.AuthorRepository;
import dev.gazette.author.Caller;
import dev.gazette.author.Principal;
import dev.gazette.author.Role;
import dev.gazette.comment.identity.IdentityConfig;
import dev.gazette.comment.identity.SignedInCommenter;
import dev.gazette.comment.spam.AkismetClient;
import dev.gazette.comment.spam.Candidate;
import dev.gazette.comment.spam.SpamChecks;
import dev.gazette.comment.spam.Verdict;
import dev.gazette.common.GazetteConfig;
import dev.gazette.common.Times;
import dev.gazette.common.persistence.KeyType;
import dev.gazette.common.persistence.KeysetQuery;
import dev.gazette.common.persistence.SortOrder;
import dev.gazette.common.persistence.SqlLike;
import dev.gazette.common.text.Hashes;
import dev.gazette.common.text.HtmlContent;
import dev.gazette.common.web.AnswerKeys;
import dev.gazette.common.web.ApiException;
import dev.gazette.common.web.ContentKeys;
import dev.gazette.common.web.Cursor;
import dev.gazette.common.web.FieldError;
import dev.gazette.common.web.IdOrSlug;
import dev.gazette.common.web.ListPage;
import dev.gazette.common.web.ListTotals;
import dev.gazette.common.web.PageInfo;
import dev.gazette.post.Post;
import dev.gazette.post.PostProtection;
import dev.gazette.post.PostRepository;
import dev.gazette.sync.ChangeLog;
import dev.gazette.webhook.WebhookEvent;
import dev.gazette.webhook.Webhooks;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

@ApplicationScoped
public class CommentService {

    /** Most root threads on one page of a tree: a whole discussion can come in one request. */
    public static final int MAX_TREE_ROOTS = 1000;

    /** Order of root threads in a tree. Replies are always oldest first. */
    public enum Sort {
        OLDEST(SortOrder.of("oldest", false, "c.created_at", KeyType.INSTANT, "c.id"), c -> c.createdAt().toString()),
        NEWEST(SortOrder.of("newest", true, "c.created_at", KeyType.INSTANT, "c.id"), c -> c.createdAt().toString()),
        TOP(SortOrder.of("top", true, "c.like_count", KeyType.LONG, "c.id"), c -> (long) c.likeCount());

        final SortOrder order;
        /** The first component of a comment's sort key, as a cursor carries it. */
        private final Function<CommentView, Object> first;

        Sort(SortOrder order, Function<CommentView, Object> first) {
            this.order = order;
            this.first = first;
        }

        /** A comment's sort key, as a cursor carries it. */
        List<Object> key(CommentView c) {
            return List.of(first.apply(c), c.id());
        }
    }

    /** Where a request came from, for abuse control and moderation. */
    public record Origin(String ip, String userAgent, String referrer) {
    }

    @Inject
    CommentRepository comments;

    @Inject
    CommentReads reads;

    @Inject
    PostProtection protection;

    @Inject
    ListTotals totals;

    @Inject
    PostRepository posts;

    @Inject
    AuthorRepository authors;

    @Inject
    CommentCounters counters;

    @Inject
    HtmlContent html;

    @Inject
    SpamChecks spamChecks;

    @Inject
    AkismetClient akismet;

    @Inject
    ChangeLog changes;

    @Inject
    Webhooks webhooks;

    @Inject
    Caller caller;

    @Inject
    GazetteConfig config;

    @Inject
    AnswerKeys answer;

    @Inject
    SignedInCommenter signedIn;

    @Inject
    IdentityConfig identity;

    // ---------------------------------------------------------------- posting

    /**
     * Posts a comment. The spam checks that need no database (honeypot, blocklists, links) and
     * the external checker run first, outside any transaction, so a slow checker holds no
     * connection; duplicates and flooding are checked where the comment is stored.
     */
    public CommentView create(IdOrSlug postKey, CommentInput in, Origin origin) {
        Verdict verdict = Verdict.pass();
        // a signed-in commenter (X-Id-Token) is checked first: a bad token is a 401, never an anonymous comment
        Optional<SignedInCommenter.Ref> commenter = caller.isAuthenticated() ? Optional.empty() : signedIn.current();
        commenter.ifPresent(SignedInCommenter::requireNotBlocked);
        if (!caller.isAuthenticated()) {
            String name = commenter.map(SignedInCommenter.Ref::name).orElse(in.authorName());
            String email = commenter.map(SignedInCommenter.Ref::email).orElse(in.authorEmail());
            Candidate candidate = new Candidate(name, email, in.authorUrl(), in.content(), in.honeypot(),
                    origin.ip(), origin.userAgent(), origin.referrer(), null);
            verdict = spamChecks.inspect(candidate);
            if (verdict.outcome() != Verdict.Outcome.SPAM && akismet.enabled()) {
                candidate = candidate.withPermalink(permalink(postKey));
                verdict = verdict.and(akismet.check(candidate));
            }
        }
        Verdict checked = verdict;
        return QuarkusTransaction.requiringNew().call(() -> store(postKey, in, origin, checked));
    }

    /** The post's public URL ({@code gazette.site.post-url}), which the spam checker weighs; null for an unknown post. */
    private String permalink(IdOrSlug postKey) {
        return QuarkusTransaction.requiringNew().call(() -> posts.find(postKey)
                .map(p -> config.site().postUrl().replace("{slug}", p.slug).replace("{id}", Long.toString(p.id)))
                .orElse(null));
    }

    private CommentView store(IdOrSlug postKey, CommentInput in, Origin origin, Verdict verdict) {
        Instant now = Times.now();
        Post post = publicPost(postKey, now);
        protection.requireDiscussion(post.passwordHash, post.author.id, post.slug);
        if (post.commentStatus == Post.CommentStatus.CLOSED || closedByAge(post, now)) {
            throw ApiException.forbidden("Comments are closed on this post.");
        }
        List<FieldError> errors = new ArrayList<>();
        Comment c = new Comment();
        c.postId = post.id;
        c.createdAt = now;
        c.updatedAt = now;

        Optional<Principal> me = caller.principal();
        if (me.isPresent()) {
            Author author = authors.findById(me.get().authorId());
            c.authorId = author.id;
            c.authorName = author.displayName;
            c.authorEmail = author.email;
            c.authorUrl = in.authorUrl();
        } else if (signedIn.present()) {
            signedIn(c, signedIn.current().orElseThrow(), in);
        } else {
            if (in.authorName() == null || in.authorName().isBlank()) {
                errors.add(new FieldError("authorName", "is required without a token"));
            }
            if (in.authorEmail() == null || in.authorEmail().isBlank()) {
                errors.add(new FieldError("authorEmail", "is required without a token"));
            }
            c.authorName = in.authorName() == null ? null : in.authorName().trim();
            c.authorEmail = in.authorEmail() == null ? null : in.authorEmail().trim().toLowerCase(Locale.ROOT);
            c.authorUrl = in.authorUrl();
        }
        c.avatarHash = c.authorEmail == null ? null : Hashes.sha256Hex(c.authorEmail.trim().toLowerCase(Locale.ROOT));
        c.ipHash = origin.ip() == null ? null : Hashes.hmacSha256Hex(config.comments().ipHashSecret(), origin.ip());
        c.userAgent = origin.userAgent() == null ? null
                : origin.userAgent().substring(0, Math.min(500, origin.userAgent().length()));

        if (in.content().length() > config.comments().maxLength()) {
            errors.add(new FieldError("content", "must be at most " + config.comments().maxLength() + " characters"));
        }
        c.content = html.commentHtml(in.content());
        if (c.content.isBlank() && errors.stream().noneMatch(e -> e.field().equals("content"))) {
            errors.add(new FieldError("content", "has no text left after removing disallowed markup"));
        }

        Comment parent = null;
        if (in.parentId() != null) {
            parent = comments.findByIdOptional(in.parentId())
                    .filter(p -> p.postId == post.id && p.status == CommentStatus.APPROVED).orElse(null);
            if (parent == null) {
                errors.add(new FieldError("parentId", "no approved comment " + in.parentId() + " on this post"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        place(c, parent);
        refuseAbuse(c, me, now);
        c.status = switch (verdict.outcome()) {
            case SPAM -> CommentStatus.SPAM;
            case HOLD -> CommentStatus.PENDING;
            case PASS -> initialStatus(c, me);
        };
        c.moderationNote = verdict.reasonText();
        String editKey = Hashes.randomSecret(24);
        c.editKeyHash = Hashes.sha256Hex(editKey);
        comments.persist(c);
        if (parent == null) {
            c.rootId = c.id;
        }
        if (c.status != CommentStatus.SPAM) {
            announce(WebhookEvent.COMMENT_CREATED, c);
        }
        if (c.status == CommentStatus.APPROVED) {
            counters.becameVisible(c);
            changes.comment(c.id, c.postId, ChangeLog.Action.CREATED);
        }
        comments.flush();
        CommentView view = view(c, false, Set.of(), Optional.empty());
        return new CommentView(view.id(), view.postId(), view.parentId(), view.depth(), view.author(), view.contentHtml(),
                view.status(), view.createdAt(), view.updatedAt(), view.likeCount(), view.likedByMe(), view.replyCount(),
                view.descendantCount(), null, null, view.moderation(), editKey, now.plus(config.comments().editWindow()));
    }

    /** Threads the comment under its parent; past the depth cap it attaches beside the comment at the cap. */
    private void place(Comment c, Comment parent) {
        int maxDepth = config.comments().maxDepth() - 1;
        while (parent != null && parent.depth >= maxDepth) {
            parent = parent.parentId == null ? null : comments.findById(parent.parentId);
        }
        if (parent == null) {
            c.parentId = null;
            c.depth = 0;
            c.path = "/";
            c.rootId = 0;
        } else {
            c.parentId = parent.id;
            c.depth = parent.depth + 1;
            c.path = parent.subtreePath();
            c.rootId = parent.rootId;
        }
    }

    /** Duplicates (409) and flooding from one IP or email (429), which need the stored comments. */
    private void refuseAbuse(Comment c, Optional<Principal> me, Instant now) {
        GazetteConfig.Spam spam = config.comments().spam();
        if (spam.rejectDuplicates() && comments.isDuplicate(c)) {
            throw ApiException.conflict("You already posted this comment on this post.");
        }
        boolean staff = me.map(p -> p.role() != Role.AUTHOR).orElse(false);
        if (staff || spam.floodInterval().isZero()) {
            return;
        }
        Instant since = now.minus(spam.floodInterval());
        // a signed-in commenter is limited as that identity, wherever they write from
        Optional<Instant> last = c.commenterId != null ? comments.lastCommentOfCommenterAfter(c.commenterId, since)
                : comments.lastCommentAfter(c.ipHash, c.authorEmail, since);
        if (last.isPresent()) {
            long wait = Math.max(1, java.time.Duration.between(now, last.get().plus(spam.floodInterval())).toSeconds() + 1);
            throw ApiException.tooManyRequests("You are commenting too quickly; wait " + wait + " s.", wait);
        }
    }

    private CommentStatus initialStatus(Comment c, Optional<Principal> me) {
        return switch (config.comments().moderation()) {
            case APPROVE_ALL -> CommentStatus.APPROVED;
            case HOLD_ALL -> CommentStatus.PENDING;
            case APPROVE_KNOWN -> me.isPresent() || (c.commenterId != null && comments.approvedOfCommenter(c.commenterId) > 0)
                    || (c.authorEmail != null && comments.hasApprovedFrom(c.authorEmail))
                    ? CommentStatus.APPROVED : CommentStatus.PENDING;
            // known people only: staff, and signed-in commenters once enough of their comments were approved
            case APPROVE_TRUSTED -> me.isPresent() || (c.commenterId != null
                    && comments.approvedOfCommenter(c.commenterId) >= identity.trustedAfter())
                    ? CommentStatus.APPROVED : CommentStatus.PENDING;
        };
    }

    /** A comment by the signed-in commenter: name, picture and email from their identity, never from the request. */
    private static void signedIn(Comment c, SignedInCommenter.Ref commenter, CommentInput in) {
        c.commenterId = commenter.id();
        c.authorName = commenter.name();
        c.authorEmail = commenter.email();
        c.authorPicture = commenter.picture();
        c.authorProvider = commenter.provider();
        c.authorUrl = in.authorUrl();
    }

    private boolean closedByAge(Post post, Instant now) {
        return config.comments().closeAfter()
                .map(d -> post.publishedAt != null && post.publishedAt.plus(d).isBefore(now)).orElse(false);
    }

    // ---------------------------------------------------------------- reading

    /*
     * The reads below build their answers from SQL projections (CommentReads): no entity is
     * loaded, so nothing is hydrated, snapshotted or dirty-checked, and each answer costs a fixed
     * number of statements whatever the size of the tree.
     */

    /**
     * A page of a post's root threads, each with its approved replies nested (oldest first) up
     * to {@code budget} replies for the whole page. Two statements whatever the size of the tree:
     * the root page (read with the post's visibility), and the replies (per-root index reads cut to
     * the budget, or one range read for a whole discussion); the post alone when it has no roots to
     * show, and the roots' count when it is not remembered and the page is not the whole list.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ListPage<CommentView> tree(IdOrSlug postKey, Sort sort, String cursor, int limit, int budget, Optional<Liker> liker) {
        Instant now = Times.now();
        Cursor c = cursor(cursor, sort, () -> publicPostId(postKey, now));
        CommentReads.Shape shape = new CommentReads.Shape(isModerator(), liker, false);
        // a plain visitor's page leaves out a protected post's roots in the same statement (an empty page then
        // finds out why below); who may unlock one (a password, a token) has the post checked first
        boolean plain = !shape.moderator() && !caller.isAuthenticated() && protection.password() == null;
        if (!plain && !shape.moderator()) {
            publicPostId(postKey, now);
        }
        // by time, the roots index (post, status, parent, time) holds them in order
        CommentReads.Page page = reads.page(List.of("c.post_id = " + reads.publicPostIdSql(postKey, plain), ROOT, APPROVED),
                reads.publicPostIdParameters(postKey, now), sort == Sort.TOP ? null : "c.parent_id", sort, c, limit, shape);
        long postId = page.rows().isEmpty() ? publicPostId(postKey, now) : page.rows().get(0).view().postId();
        showsDiscussion(postId);
        List<CommentRow> below = page.complete() && page.rows().size() > CommentReads.UNION_ROOTS
                // the whole discussion on one page: its replies in one range read, no id lists
                ? reads.approvedRepliesOf(postId, page.rows(), budget(budget), shape)
                : reads.approvedBelowRoots(postId, page.rows(), budget(budget), shape);
        return new ListPage<>(assemble(page.rows(), below),
                info(page, limit, List.of("c.post_id = :post", ROOT, APPROVED), Map.of("post", postId), postId));
    }

    /** One comment with its whole approved subtree (up to the reply budget): a permalink. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CommentView thread(long id, int budget, Optional<Liker> liker) {
        CommentReads.Shape shape = new CommentReads.Shape(isModerator(), liker, false);
        CommentRow top = visible(id, shape.withPaths());
        return assemble(List.of(top), reads.approvedBelow(List.of(top), budget(budget), shape)).get(0);
    }

    /** A page of a comment's direct replies, oldest first, each with its own replies nested. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ListPage<CommentView> replies(long id, String cursor, int limit, int budget, Optional<Liker> liker) {
        CommentReads.Shape shape = new CommentReads.Shape(isModerator(), liker, false);
        CommentReads.Located parent = located(id, shape.withoutLiker());
        Cursor c = cursor == null ? null : Cursor.decode(cursor, Sort.OLDEST.order.name(), 2);
        List<String> children = List.of("c.parent_id = :parent", APPROVED);
        Map<String, Object> params = Map.of("parent", id);
        CommentReads.Page page = reads.page(children, params, Sort.OLDEST, c, limit, shape.withPaths());
        List<CommentRow> below = reads.approvedBelow(page.rows(), budget(budget), shape);
        // the count of a public discussion is remembered; a moderator's look at another one is counted
        Long publicPost = parent.onPublicPost() ? parent.row().view().postId() : null;
        return new ListPage<>(assemble(page.rows(), below), info(page, limit, children, params, publicPost));
    }

    /**
     * The id of a public post whose discussion the caller may read (404 for an unknown or hidden post; 403
     * without the password of a protected one), as the tree checks it: for its live stream.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long discussion(IdOrSlug postKey) {
        return publicPostId(postKey, Times.now());
    }

    /** A comment as the public sees it (no liker, no moderation fields), when it is approved on a public post. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<CommentView> publicComment(long id) {
        return reads.comment(id, Times.now(), new CommentReads.Shape(false, Optional.empty(), false))
                .filter(found -> found.onPublicPost() && found.row().view().status() == CommentStatus.APPROVED)
                .map(found -> found.row().view());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CommentView get(long id, Optional<Liker> liker) {
        return visible(id, new CommentReads.Shape(isModerator(), liker, false)).view();
    }

    /**
     * Comments as a flat, chronological list: a post's approved comments (for integrations), or
     * site-wide; moderators may list any status (the moderation queue).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ListPage<CommentView> flat(String postKey, CommentStatus status, String q, Sort sort, String cursor, int limit) {
        boolean moderator = isModerator();
        CommentStatus wanted = status == null ? CommentStatus.APPROVED : status;
        if (wanted != CommentStatus.APPROVED && !moderator) {
            caller.require(Role.ADMIN, Role.EDITOR, Role.MODERATOR);
        }
        List<String> where = new ArrayList<>(List.of("c.status = :status"));
        Map<String, Object> params = new HashMap<>(Map.of("status", wanted.name()));
        if (postKey != null) {
            CommentReads.PostRef post = reads.post(IdOrSlug.parse(postKey), Times.now())
                    .filter(p -> moderator || p.isPublic())
                    .orElseThrow(() -> ApiException.badRequest("post", "no post '" + postKey + "'"));
            if (!moderator) {
                protection.requireDiscussion(post.passwordHash(), post.authorId(), post.slug());
            }
            long postId = post.id();
            where.add("c.post_id = :post");
            params.put("post", postId);
            showsDiscussion(postId);
        } else if (!moderator) {
            where.add("exists (select 1 from post p where p.id = c.post_id and " + dev.gazette.post.PostStatus.PUBLIC_SQL
                    + " and " + PostProtection.OPEN_SQL + ")"); // a protected post's comments need its password
            params.put("now", Times.now());
            answer.shows(ContentKeys.COMMENT_LISTS, ContentKeys.COMMENT_LIST_COUNTS);
        }
        if (q != null && !q.isBlank()) {
            // everyone searches what they can read; only moderators also search emails
            where.add("(lower(c.content) like :q escape '\\' or lower(c.author_name) like :q escape '\\'"
                    + (moderator ? " or c.author_email like :q escape '\\')" : ")"));
            params.put("q", SqlLike.contains(q));
        }
        Cursor c = cursor == null ? null : Cursor.decode(cursor, sort.order.name(), 2);
        CommentReads.Page page = reads.page(where, params, sort, c, limit, new CommentReads.Shape(moderator, Optional.empty(), false));
        return new ListPage<>(page.rows().stream().map(CommentRow::view).toList(), info(page, limit, where, params, null));
    }

    private static final String ROOT = "c.parent_id is null";
    private static final String APPROVED = "c.status = 'APPROVED'";

    /**
     * Where a page sits. Its total is the page's size when the page is the whole list; a list of a
     * public post's discussion ({@code publicPost}) is counted once per change of that discussion,
     * any other list every time.
     */
    private PageInfo info(CommentReads.Page page, int limit, List<String> conditions, Map<String, Object> params, Long publicPost) {
        long total;
        if (page.complete()) {
            total = page.rows().size();
        } else if (publicPost != null) {
            KeysetQuery count = new KeysetQuery("comment c");
            conditions.forEach(count::where);
            params.forEach(count::parameter);
            total = totals.of(count, () -> reads.count(conditions, params), ContentKeys.discussion(publicPost));
        } else {
            total = reads.count(conditions, params);
        }
        return new PageInfo(limit, page.next(), page.prev(), total);
    }

    /** The cursor of a request; when it is not one of ours, a missing post still answers 404 first. */
    private static Cursor cursor(String cursor, Sort sort, Runnable checkPost) {
        if (cursor == null) {
            return null;
        }
        try {
            return Cursor.decode(cursor, sort.order.name(), 2);
        } catch (ApiException invalid) {
            checkPost.run();
            throw invalid;
        }
    }

    // ---------------------------------------------------------------- moderation

    /** What a moderator can do to a comment. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ModerationAction")
    public enum Action {
        APPROVE, SPAM, TRASH, RESTORE, DELETE;

        @com.fasterxml.jackson.annotation.JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Transactional
    public CommentView moderate(long id, Action action) {
        caller.require(Role.ADMIN, Role.EDITOR, Role.MODERATOR);
        Comment c = comments.get(id);
        apply(c, action);
        if (action == Action.DELETE) {
            return null;
        }
        comments.getEntityManager().refresh(c);
        return view(c, true, Set.of(), Optional.empty());
    }

    /** The same action on many comments; each one succeeds or fails on its own. */
    @Transactional
    public List<BulkResult> bulk(List<Long> ids, Action action) {
        caller.require(Role.ADMIN, Role.EDITOR, Role.MODERATOR);
        List<BulkResult> results = new ArrayList<>();
        for (Long id : ids) {
            Optional<Comment> c = comments.findByIdOptional(id);
            if (c.isEmpty()) {
                results.add(new BulkResult(id, 404, null));
                continue;
            }
            apply(c.get(), action);
            results.add(new BulkResult(id, action == Action.DELETE ? 204 : 200,
                    action == Action.DELETE ? null : statusAfter(c.get(), action)));
        }
        return results;
    }

    public record BulkResult(long id, int status,
                             @org.eclipse.microprofile.openapi.annotations.media.Schema(nullable = true,
                                     description = "The comment's status after the action; null when it is gone or was not found")
                             CommentStatus commentStatus) {
    }

    private static CommentStatus statusAfter(Comment c, Action action) {
        return switch (action) {
            case APPROVE -> CommentStatus.APPROVED;
            case SPAM -> CommentStatus.SPAM;
            case TRASH -> CommentStatus.TRASHED;
            case RESTORE -> c.status == CommentStatus.APPROVED ? CommentStatus.APPROVED : CommentStatus.PENDING;
            case DELETE -> null;
        };
    }

    private void apply(Comment c, Action action) {
        if (action == Action.DELETE) {
            delete(c);
            return;
        }
        CommentStatus to = switch (action) {
            case APPROVE -> CommentStatus.APPROVED;
            case SPAM -> CommentStatus.SPAM;
            case TRASH -> CommentStatus.TRASHED;
            // out of spam or trash, back to the queue for a fresh decision
            case RESTORE -> c.status == CommentStatus.SPAM || c.status == CommentStatus.TRASHED ? CommentStatus.PENDING : c.status;
            case DELETE -> throw new IllegalStateException();
        };
        move(c, to);
    }

    /** Changes the status only if nobody else did first; counters follow visibility. */
    private void move(Comment c, CommentStatus to) {
        CommentStatus from = c.status;
        if (from == to || !comments.transition(c.id, from, to, Times.now())) {
            return;
        }
        if (to == CommentStatus.APPROVED) {
            counters.becameVisible(c);
            c.status = to;
            announce(WebhookEvent.COMMENT_APPROVED, c);
        } else if (from == CommentStatus.APPROVED) {
            counters.becameInvisible(c);
        }
        if (onPublicPost(c)) {
            changes.commentTransition(c.id, c.postId, from == CommentStatus.APPROVED, to == CommentStatus.APPROVED);
        }
        c.status = to;
    }

    private void announce(WebhookEvent event, Comment c) {
        webhooks.comment(event, c.id, c.postId, c.parentId, c.status.json(), c.authorName, c.content, c.createdAt);
    }

    /** Deletes a comment and its replies for good, taking their approved ones out of the counts. */
    private void delete(Comment c) {
        List<Long> leaving = new ArrayList<>();
        if (onPublicPost(c)) {
            if (c.status == CommentStatus.APPROVED) {
                leaving.add(c.id);
            }
            comments.approvedBelow(c, Integer.MAX_VALUE).forEach(gone -> leaving.add(gone.id));
        }
        long approvedBelow = counters.approvedBelow(c);
        int self = c.status == CommentStatus.APPROVED ? 1 : 0;
        if (self == 1) {
            counters.becameInvisible(c);
        }
        if (approvedBelow > 0) {
            counters.shift(c, (int) -approvedBelow, false);
        }
        comments.getEntityManager().createNativeQuery("delete from comment where root_id = :root and path like :prefix")
                .setParameter("root", c.rootId).setParameter("prefix", c.subtreePath() + "%").executeUpdate();
        comments.delete(c);
        changes.comments(c.postId, leaving, ChangeLog.Action.DELETED);
    }

    // ---------------------------------------------------------------- own edits

    /** An edit by a moderator, or by the commenter with the edit key inside the edit window. */
    @Transactional
    public CommentView edit(long id, CommentEdit edit, String editKey) {
        Comment c = comments.get(id);
        boolean moderator = isModerator();
        if (!moderator) {
            requireEditKey(c, editKey);
            if (edit.authorName() != null || edit.authorUrl() != null) {
                throw ApiException.forbidden("Only moderators may change the name or URL of a comment.");
            }
        }
        if (edit.content().length() > config.comments().maxLength()) {
            throw ApiException.invalid("content", "must be at most " + config.comments().maxLength() + " characters");
        }
        String content = html.commentHtml(edit.content());
        if (content.isBlank()) {
            throw ApiException.invalid("content", "has no text left after removing disallowed markup");
        }
        c.content = content;
        if (moderator && edit.authorName() != null && !edit.authorName().isBlank()) {
            c.authorName = edit.authorName().trim();
        }
        if (moderator && edit.authorUrl() != null) {
            c.authorUrl = edit.authorUrl();
        }
        c.updatedAt = Times.now();
        if (c.status == CommentStatus.APPROVED && onPublicPost(c)) {
            changes.comment(c.id, c.postId, ChangeLog.Action.UPDATED);
        }
        comments.flush();
        return view(c, moderator, Set.of(), Optional.empty());
    }

    /** The commenter deletes their own comment (it goes to the trash) with the edit key, or a moderator deletes it. */
    @Transactional
    public void deleteOwnOrModerate(long id, String editKey) {
        Comment c = comments.get(id);
        if (isModerator()) {
            delete(c);
            return;
        }
        requireEditKey(c, editKey);
        move(c, CommentStatus.TRASHED);
    }

    private void requireEditKey(Comment c, String editKey) {
        if ((editKey == null || editKey.isBlank()) && ownComment(c)) {
            requireEditable(c);
            return;
        }
        if (editKey == null || editKey.isBlank()) {
            if (caller.isAuthenticated()) { // a token, but not a moderator's: the role is refused, not the credentials
                throw ApiException.forbidden("Your role may not change other people's comments; send the comment's edit key as X-Edit-Key.");
            }
            if (signedIn.present()) { // signed in, but as someone else
                throw ApiException.forbidden("This comment was not written by the signed-in commenter; send its edit key as X-Edit-Key.");
            }
            throw ApiException.unauthorized("Send the comment's edit key as X-Edit-Key, or a moderator token.");
        }
        if (c.editKeyHash == null || !c.editKeyHash.equals(Hashes.sha256Hex(editKey.trim()))) {
            throw ApiException.forbidden("The edit key does not belong to this comment.");
        }
        requireEditable(c);
    }

    /** A signed-in commenter's own comment (X-Id-Token): they edit it from any device, without its edit key. */
    private boolean ownComment(Comment c) {
        if (caller.isAuthenticated() || c.commenterId == null) {
            return false;
        }
        return signedIn.current().map(SignedInCommenter::requireNotBlocked).map(me -> me.id() == c.commenterId).orElse(false);
    }

    /** Inside the edit window, and not filed away by a moderator. */
    private void requireEditable(Comment c) {
        if (c.createdAt.plus(config.comments().editWindow()).isBefore(Times.now())) {
            throw ApiException.forbidden("The time to edit this comment has passed.");
        }
        if (c.status == CommentStatus.SPAM || c.status == CommentStatus.TRASHED) {
            throw ApiException.notFound("Comment", c.id);
        }
    }

    // ---------------------------------------------------------------- helpers

    private Post publicPost(IdOrSlug key, Instant now) {
        return posts.find(key).filter(p -> p.isPublicAt(now)).orElseThrow(() -> ApiException.notFound("Post", key));
    }

    /** The id of a public post whose discussion the caller may read, read without loading it. */
    private long publicPostId(IdOrSlug key, Instant now) {
        CommentReads.PostRef post = reads.post(key, now).filter(CommentReads.PostRef::isPublic)
                .orElseThrow(() -> ApiException.notFound("Post", key));
        if (!isModerator()) {
            protection.requireDiscussion(post.passwordHash(), post.authorId(), post.slug());
        }
        return post.id();
    }

    /** A comment the caller may read: approved (on a public post), or anything for a moderator. */
    private CommentRow visible(long id, CommentReads.Shape shape) {
        return located(id, shape).row();
    }

    /** The same, with whether its post is public now. */
    private CommentReads.Located located(long id, CommentReads.Shape shape) {
        CommentReads.Located found = reads.comment(id, Times.now(), shape).orElseThrow(() -> ApiException.notFound("Comment", id));
        CommentView c = found.row().view();
        if (isModerator()) {
            return found;
        }
        if (c.status() != CommentStatus.APPROVED || !found.onPublicPost()) {
            throw ApiException.notFound("Comment", id);
        }
        protection.requireDiscussion(found.passwordHash(), found.postAuthorId(), found.postSlug());
        showsDiscussion(c.postId());
        return found;
    }

    /** An answer made of a post's comments shows that discussion, and depends on the post being public. */
    private void showsDiscussion(long postId) {
        answer.shows(ContentKeys.discussion(postId), ContentKeys.post(postId));
    }

    private boolean onPublicPost(Comment c) {
        return posts.findByIdOptional(c.postId).map(p -> p.isPublicAt(Times.now())).orElse(false);
    }

    private boolean isModerator() {
        return caller.principal().map(p -> p.role() == Role.ADMIN || p.role() == Role.EDITOR || p.role() == Role.MODERATOR)
                .orElse(false);
    }

    private int budget(int requested) {
        return Math.max(0, Math.min(requested, config.comments().maxReplyBudget()));
    }

    /**
     * Nests {@code below} (breadth first) under {@code tops}. A reply whose parent is not in the
     * set (hidden by moderation, or past the budget) is left out; a node that lost replies that
     * way says how many and where to fetch them.
     */
    private static List<CommentView> assemble(List<CommentRow> tops, List<CommentRow> below) {
        Map<Long, List<CommentView>> children = new HashMap<>();
        for (CommentRow r : below) {
            children.computeIfAbsent(r.view().parentId(), k -> new ArrayList<>()).add(r.view());
        }
        List<CommentView> nodes = new ArrayList<>(tops.size());
        for (CommentRow top : tops) {
            nodes.add(node(top.view(), children));
        }
        return nodes;
    }

    private static CommentView node(CommentView c, Map<Long, List<CommentView>> children) {
        List<CommentView> kids = children.getOrDefault(c.id(), List.of());
        List<CommentView> replies = new ArrayList<>(kids.size());
        for (CommentView kid : kids) {
            replies.add(node(kid, children));
        }
        CommentView.MoreReplies more = null;
        if (c.replyCount() > kids.size()) {
            String href = "/api/v1/comments/" + c.id() + "/replies";
            if (!kids.isEmpty()) {
                CommentView last = kids.get(kids.size() - 1);
                href += "?cursor=" + Cursor.after(Sort.OLDEST.order.name(), Sort.OLDEST.key(last)).encode();
            }
            more = new CommentView.MoreReplies(c.replyCount() - kids.size(), href);
        }
        return c.withReplies(replies, more);
    }

    private static CommentView view(Comment c, boolean moderator, Collection<Long> liked, Optional<Liker> liker) {
        return new CommentView(c.id, c.postId, c.parentId, c.depth,
                new CommentView.CommentAuthor(c.authorName, c.authorUrl, c.avatarHash, c.authorId, c.authorPicture, c.authorProvider,
                        c.commenterId),
                c.content, c.status, c.createdAt, c.updatedAt, c.likeCount,
                liker.isPresent() ? liked.contains(c.id) : null,
                c.replyCount, c.descendantCount, null, null,
                moderator ? new CommentView.Moderation(c.authorEmail, c.ipHash, c.userAgent, c.moderationNote) : null, null, null);
    }
}
