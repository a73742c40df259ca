package dev.gazette.post;

import dev.gazette.common.Times;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gazette.author.AuthorRepository;
import dev.gazette.author.Caller;
import dev.gazette.author.Principal;
import dev.gazette.author.Role;
import dev.gazette.comment.Liker;
import dev.gazette.common.persistence.KeyType;
import dev.gazette.common.persistence.KeysetQuery;
import dev.gazette.common.persistence.SortOrder;
import dev.gazette.common.text.HtmlContent;
import dev.gazette.common.text.Slugs;
import dev.gazette.common.web.AnswerKeys;
import dev.gazette.common.web.ApiException;
import dev.gazette.common.web.ContentKeys;
import dev.gazette.common.web.Cursor;
import dev.gazette.common.web.FieldError;
import dev.gazette.common.web.HttpCaching;
import dev.gazette.common.web.IdOrSlug;
import dev.gazette.common.web.ListPage;
import dev.gazette.common.web.ListTotals;
import dev.gazette.common.web.MergePatch;
import dev.gazette.media.MediaService;
import dev.gazette.media.MediaView;
import dev.gazette.taxonomy.Category;
import dev.gazette.taxonomy.CategoryRepository;
import dev.gazette.taxonomy.Tag;
import dev.gazette.sync.ChangeLog;
import dev.gazette.webhook.WebhookEvent;
import dev.gazette.webhook.Webhooks;
import dev.gazette.taxonomy.TagRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongSupplier;

@ApplicationScoped
public class PostService {

    public static final int EXCERPT_WORDS = 55;

    @Inject
    PostRepository posts;

    @Inject
    AuthorRepository authors;

    @Inject
    CategoryRepository categories;

    @Inject
    TagRepository tags;

    @Inject
    MediaService media;

    @Inject
    PostSearch search;

    @Inject
    HtmlContent html;

    @Inject
    MergePatch mergePatch;

    @Inject
    Caller caller;

    @Inject
    ChangeLog changes;

    @Inject
    Webhooks webhooks;

    @Inject
    ListTotals totals;

    @Inject
    AnswerKeys answer;

    @Inject
    PostReads reads;

    @Inject
    PostScheduler scheduler;

    @Inject
    PostProtection protection;

    // ---------------------------------------------------------------- reads

    /**
     * A page of posts, read by {@link PostReads} from SQL projections outside a transaction (or in the
     * caller's): no entity is loaded, so there is nothing to flush.
     */
    public ListPage<PostView> list(PostQuery q) {
        return list(q, Optional.empty());
    }

    /**
     * The ids a multi-value filter names (a category stands for its subtree), in order and once each;
     * a value naming nothing is a 400 naming the parameter.
     */
    private static List<Long> resolve(String parameter, List<String> values,
                                      java.util.function.Function<IdOrSlug, List<Long>> lookup) {
        Set<Long> ids = new java.util.TreeSet<>();
        for (String value : values) {
            List<Long> found = lookup.apply(IdOrSlug.parse(value));
            if (found.isEmpty()) {
                throw ApiException.badRequest(parameter, "no " + parameter + " '" + value + "'");
            }
            ids.addAll(found);
        }
        return List.copyOf(ids);
    }

    private static List<Long> optional(Long id) {
        return id == null ? List.of() : List.of(id);
    }

    /**
     * The same, each post saying whether {@code liker} likes it (read in the page's statement). An answer
     * for a liker is personal: never kept by the response cache.
     */
    public ListPage<PostView> list(PostQuery q, Optional<Liker> liker) {
        Instant now = Times.now();
        KeysetQuery query = new KeysetQuery("post p");
        boolean publicOnly = restrictVisibility(query, q.status(), now);
        answer.shows(ContentKeys.POST_LISTS);

        // a filter's values decide its plan (a tag on 3 posts is looked up, one on half of them walks the
        // date index): filtered pages are planned for their values (QueryPlans)
        if (!q.categories().isEmpty()) {
            List<Long> categoryIds = resolve("category", q.categories(), key -> reads.categorySubtree(key));
            answer.shows(ContentKeys.CATEGORIES);
            query.where("exists (select 1 from post_category pc where pc.post_id = p.id and pc.category_id in (:categoryIds))",
                    "categoryIds", categoryIds).planPerValues();
        }
        if (!q.tags().isEmpty()) {
            List<Long> tagIds = resolve("tag", q.tags(), key -> optional(reads.tagId(key)));
            answer.shows(ContentKeys.TAGS);
            query.where("exists (select 1 from post_tag pt where pt.post_id = p.id and pt.tag_id in (:tagIds))", "tagIds", tagIds).planPerValues();
        }
        if (!q.authors().isEmpty()) {
            List<Long> authorIds = resolve("author", q.authors(), key -> optional(reads.authorId(key)));
            answer.shows(ContentKeys.AUTHORS);
            query.where("p.author_id in (:authorIds)", "authorIds", authorIds).planPerValues();
        }
        if (q.sticky() != null) {
            query.where("p.sticky = :sticky", "sticky", q.sticky());
        }
        if (q.outlet() != null && !q.outlet().isBlank()) {
            query.where("lower(p.source_outlet) = :outlet", "outlet", q.outlet().trim().toLowerCase(Locale.ROOT)).planPerValues();
        }
        if (q.publishedAfter() != null) {
            query.where("p.published_at > :publishedAfter", "publishedAfter", q.publishedAfter()).planPerValues();
        }
        if (q.publishedBefore() != null) {
            query.where("p.published_at < :publishedBefore", "publishedBefore", q.publishedBefore()).planPerValues();
        }
        if (q.modifiedSince() != null) {
            query.where("p.modified_at >= :modifiedSince", "modifiedSince", q.modifiedSince()).planPerValues();
        }

        SortOrder order = sortOrder(q, query, publicOnly);
        Cursor cursor = q.cursor() == null ? null : Cursor.decode(q.cursor(), order.name(), order.expressions().size());
        LongSupplier count = () -> reads.count(query);
        LongSupplier total = publicOnly
                ? () -> totals.of(query, count, ContentKeys.POST_LISTS, "now", PostReads.LIKER_PARAMETER)
                : count;
        ListPage<PostView> page = reads.page(query, order, cursor, q.limit(), total, q.include(), q.withContent(), liker, now);
        page = new ListPage<>(withFeaturedMedia(page.items()).stream()
                .map(v -> v.isProtected() && !protection.mayEdit(v.authorId()) ? v.withheld() : v).toList(), page.page());
        shown(page.items(), q.include(), false);
        if (q.include().contains("author") && !caller.seesStaff()) {
            page = new ListPage<>(page.items().stream().map(PostService::withPublicAuthor).toList(), page.page());
        }
        return page;
    }

    /** One post with its content, if the caller may read it; like {@link #list}, outside a transaction. */
    public PostView get(IdOrSlug key, Set<String> include, Optional<Liker> liker) {
        return get(key, include, liker, null);
    }

    /**
     * The same for a reader who may send a protected post's password: without it (null or empty) the post
     * comes without its content and excerpt, with the right one in full; staff who may edit the post need none.
     *
     * @throws ApiException 403 when the password is not the post's
     */
    public PostView get(IdOrSlug key, Set<String> include, Optional<Liker> liker, String password) {
        Instant now = Times.now();
        PostReads.Found found = reads.one(key, include.contains("author"), liker);
        if (found == null || !readable(found.post(), now)) {
            throw ApiException.notFound("Post", key);
        }
        PostView view = withFeaturedMedia(List.of(PostReads.view(found.post(), found.terms(), include, true, now))).get(0);
        if (view.isProtected() && !protection.mayEdit(view.authorId())) {
            if (password == null || password.isEmpty()) {
                view = view.withheld();
            } else {
                protection.verify(found.post().passwordHash(), password, view.slug());
            }
        }
        shown(List.of(view), include, true);
        return caller.seesStaff() ? view : withPublicAuthor(view);
    }

    // ---------------------------------------------------------------- writes

    @Transactional
    public PostView create(PostInput input) {
        Principal me = caller.require(Role.ADMIN, Role.EDITOR, Role.AUTHOR);
        Post post = new Post();
        post.createdAt = Times.now();
        post.author = authors.findById(me.authorId());
        apply(post, input, me);
        post.passwordHash = PostPassword.hash(input.password());
        posts.persist(post);
        published(post, false, true);
        return view(post);
    }

    @Transactional
    public PostView replace(IdOrSlug key, PostInput input, String ifMatch) {
        Principal me = caller.require(Role.ADMIN, Role.EDITOR, Role.AUTHOR);
        Post post = writable(key, me, ifMatch);
        boolean wasPublic = post.isPublicAt(Times.now());
        Set<Object> filed = filing(post);
        apply(post, input, me);
        if (input.password() != null) { // omitted: kept, as it cannot be read back for a GET-then-PUT
            post.passwordHash = PostPassword.hash(input.password());
        }
        published(post, wasPublic, !filed.equals(filing(post)));
        return view(post);
    }

    @Transactional
    public PostView patch(IdOrSlug key, JsonNode patch, String ifMatch) {
        Principal me = caller.require(Role.ADMIN, Role.EDITOR, Role.AUTHOR);
        Post post = writable(key, me, ifMatch);
        PostInput current = PostMapper.toInput(post);
        if (post.excerpt.equals(html.excerpt(post.contentText, EXCERPT_WORDS))) {
            // a generated excerpt follows the content; a written one stays
            current = withExcerpt(current, null);
        }
        boolean wasPublic = post.isPublicAt(Times.now());
        Set<Object> filed = filing(post);
        PostInput merged = mergePatch.apply(current, patch, PostInput.class);
        apply(post, merged, me);
        if (patch.has("password")) { // null or "" removes the protection; without the member the hash stays
            post.passwordHash = PostPassword.hash(patch.get("password").isNull() ? null : merged.password());
        }
        published(post, wasPublic, !filed.equals(filing(post)));
        return view(post);
    }

    @Transactional
    public void delete(IdOrSlug key, String ifMatch) {
        Principal me = caller.require(Role.ADMIN, Role.EDITOR, Role.AUTHOR);
        Post post = writable(key, me, ifMatch);
        boolean wasPublic = post.isPublicAt(Times.now());
        List<Long> comments = wasPublic ? changes.approvedComments(post.id) : List.of();
        long id = post.id;
        String slug = post.slug;
        if (wasPublic) {
            announce(WebhookEvent.POST_DELETED, post);
        }
        posts.delete(post);
        if (wasPublic) {
            changes.comments(id, comments, ChangeLog.Action.DELETED);
            changes.record(ChangeLog.Type.POST, id, slug, ChangeLog.Action.DELETED);
        }
    }

    /** Publishes now, or keeps a publication time already in the past. */
    @Transactional
    public PostView publish(IdOrSlug key, String ifMatch) {
        Post post = writable(key, caller.require(Role.ADMIN, Role.EDITOR, Role.AUTHOR), ifMatch);
        Instant now = Times.now();
        boolean wasPublic = post.isPublicAt(now);
        if (post.publishedAt == null || post.publishedAt.isAfter(now)) {
            post.publishedAt = now;
        }
        return changeStatus(post, PostStatus.PUBLISHED, now, wasPublic);
    }

    @Transactional
    public PostView schedule(IdOrSlug key, Instant at, String ifMatch) {
        Post post = writable(key, caller.require(Role.ADMIN, Role.EDITOR, Role.AUTHOR), ifMatch);
        Instant now = Times.now();
        if (at == null || !at.isAfter(now)) {
            throw ApiException.invalid("publishAt", "must be a time in the future");
        }
        boolean wasPublic = post.isPublicAt(now);
        post.publishedAt = millis(at);
        return changeStatus(post, PostStatus.SCHEDULED, now, wasPublic);
    }

    /** Back to draft: the post leaves the public site; its publication time is kept. */
    @Transactional
    public PostView unpublish(IdOrSlug key, String ifMatch) {
        Post post = writable(key, caller.require(Role.ADMIN, Role.EDITOR, Role.AUTHOR), ifMatch);
        return changeStatus(post, PostStatus.DRAFT, Times.now());
    }

    @Transactional
    public PostView trash(IdOrSlug key, String ifMatch) {
        Post post = writable(key, caller.require(Role.ADMIN, Role.EDITOR, Role.AUTHOR), ifMatch);
        return changeStatus(post, PostStatus.TRASHED, Times.now());
    }

    /** Out of the trash as a draft (as WordPress does), to be reviewed before it is published again. */
    @Transactional
    public PostView restore(IdOrSlug key, String ifMatch) {
        Post post = writable(key, caller.require(Role.ADMIN, Role.EDITOR, Role.AUTHOR), ifMatch);
        if (post.status != PostStatus.TRASHED) {
            throw ApiException.conflict("Post '" + post.slug + "' is not in the trash.");
        }
        return changeStatus(post, PostStatus.DRAFT, Times.now());
    }

    // ---------------------------------------------------------------- internals

    /**
     * Limits the list to what the caller may see. Without a token only public posts; with one,
     * {@code status} picks drafts, scheduled or trashed posts too (authors: only their own).
     *
     * @return whether only public posts can be listed (so {@code published_at} is never null)
     */
    private boolean restrictVisibility(KeysetQuery query, Set<PostQuery.StatusFilter> status, Instant now) {
        if (status.equals(Set.of(PostQuery.StatusFilter.PUBLISHED))) {
            query.where(PostStatus.PUBLIC_SQL, "now", now);
            return true;
        }
        Principal me = caller.require(Role.ADMIN, Role.EDITOR, Role.AUTHOR);
        if (!status.contains(PostQuery.StatusFilter.ANY)) {
            List<String> states = new ArrayList<>();
            for (PostQuery.StatusFilter s : status) {
                states.add(s == PostQuery.StatusFilter.PUBLISHED ? "(" + PostStatus.PUBLIC_SQL + ")" : "p.status = '" + s.name() + "'");
            }
            query.where(states.size() == 1 ? states.get(0) : "(" + String.join(" or ", states) + ")");
            if (status.contains(PostQuery.StatusFilter.PUBLISHED)) {
                query.parameter("now", now);
            }
        }
        if (!me.role().editsAllContent()) {
            query.where("p.author_id = :me", "me", me.authorId());
        }
        return false;
    }

    private SortOrder sortOrder(PostQuery q, KeysetQuery query, boolean publicOnly) {
        boolean searching = q.q() != null && !q.q().isBlank();
        String date = publicOnly ? "p.published_at" : "coalesce(p.published_at, p.created_at)";
        SortOrder relevance = searching ? search.apply(query, q.q(), date) : null;
        PostQuery.Sort sort = q.sort() != null ? q.sort() : searching ? PostQuery.Sort.RELEVANCE : PostQuery.Sort.NEWEST;
        if (q.frontPage()) {
            // sticky posts first, then newest first: one keyset order, so walking page.next sees every post once
            return new SortOrder("front", List.of("p.sticky", date, "p.id"), List.of(KeyType.BOOLEAN, KeyType.INSTANT, KeyType.LONG), true);
        }
        return switch (sort) {
            case NEWEST -> SortOrder.of("newest", true, date, KeyType.INSTANT, "p.id");
            case OLDEST -> SortOrder.of("oldest", false, date, KeyType.INSTANT, "p.id");
            case MODIFIED -> SortOrder.of("modified", true, "p.modified_at", KeyType.INSTANT, "p.id");
            case TITLE -> SortOrder.of("title", false, "p.title", KeyType.STRING, "p.id");
            case RELEVANCE -> {
                if (relevance == null) {
                    throw ApiException.badRequest("sort", "relevance needs a search term in q");
                }
                yield relevance;
            }
        };
    }

    /**
     * What views of posts show: each post, its counts (exact on the post itself, lagging in lists),
     * and the author and terms embedded by {@code include}.
     */
    private void shown(List<PostView> views, Set<String> include, boolean single) {
        List<String> keys = new ArrayList<>();
        for (PostView v : views) {
            keys.add(ContentKeys.post(v.id()));
            keys.add(single ? ContentKeys.postCounts(v.id()) : ContentKeys.postCountsInLists(v.id()));
            if (include.contains("author")) {
                keys.add(ContentKeys.author(v.authorId()));
            }
            if (include.contains("categories")) {
                v.categoryIds().forEach(id -> keys.add(ContentKeys.category(id)));
            }
            if (include.contains("tags")) {
                v.tagIds().forEach(id -> keys.add(ContentKeys.tag(id)));
            }
        }
        answer.shows(keys);
    }

    /** The posts with their featured images' media items, read in one statement (none when no post has one). */
    private List<PostView> withFeaturedMedia(List<PostView> views) {
        List<Long> ids = views.stream().map(PostView::featuredMediaId).filter(Objects::nonNull).distinct().toList();
        if (ids.isEmpty()) {
            return views;
        }
        Map<Long, MediaView> found = media.views(ids);
        return views.stream().map(v -> v.featuredMediaId() == null ? v : v.withFeaturedMedia(found.get(v.featuredMediaId()))).toList();
    }

    /** An embedded author as everyone but editors and admins sees them: without role. */
    private static PostView withPublicAuthor(PostView view) {
        return view.author() == null ? view : view.withAuthor(view.author().withoutRole());
    }

    private PostView view(Post post) {
        posts.flush();
        return PostMapper.toView(post, sortedCategories(post), sortedTags(post), Set.of(), true, Times.now());
    }

    private static List<Category> sortedCategories(Post post) {
        return post.categories.stream().sorted(Comparator.comparing((Category c) -> c.name).thenComparing(c -> c.id)).toList();
    }

    private static List<Tag> sortedTags(Post post) {
        return post.tags.stream().sorted(Comparator.comparing((Tag t) -> t.name).thenComparing(t -> t.id)).toList();
    }

    /** Public posts for everyone; others for editors and admins, and for the author of their own. */
    private boolean readable(PostReads.PostRow post, Instant now) {
        return post.isPublicAt(now) || protection.mayEdit(post.authorId());
    }


    private Post writable(IdOrSlug key, Principal me, String ifMatch) {
        Post post = posts.find(key).orElseThrow(() -> ApiException.notFound("Post", key));
        if (!me.role().editsAllContent() && post.author.id != me.authorId()) {
            if (!post.isPublicAt(Times.now())) {
                throw ApiException.notFound("Post", key);
            }
            throw ApiException.forbidden("Authors may only change their own posts.");
        }
        HttpCaching.checkIfMatch(ifMatch, post.version, "post");
        return post;
    }

    private PostView changeStatus(Post post, PostStatus status, Instant now) {
        return changeStatus(post, status, now, post.isPublicAt(now));
    }

    private PostView changeStatus(Post post, PostStatus status, Instant now, boolean wasPublic) {
        post.status = status;
        post.modifiedAt = now;
        published(post, wasPublic, false);
        return view(post);
    }

    /**
     * The categories and tags a post is filed under, and its author (what the post counts per term
     * depend on, and which authors have published content).
     */
    private static Set<Object> filing(Post post) {
        Set<Object> filed = new java.util.HashSet<>(post.categories);
        filed.addAll(post.tags);
        filed.add(post.author);
        return filed;
    }

    /**
     * Records the post's change of public state, and its comments' when it appears or disappears;
     * {@code filingChanged} when its categories or tags changed.
     */
    private void published(Post post, boolean wasPublic, boolean filingChanged) {
        boolean isPublic = post.isPublicAt(Times.now());
        if (post.status == PostStatus.SCHEDULED && !isPublic) {
            scheduler.scheduled(post.publishedAt);
        }
        if (wasPublic || isPublic) {
            announce(!wasPublic ? WebhookEvent.POST_PUBLISHED : isPublic ? WebhookEvent.POST_UPDATED : WebhookEvent.POST_UNPUBLISHED, post);
        }
        if (wasPublic && !isPublic) {
            changes.postVisibilityChanged(post.id, false); // comments leave before their post
        }
        changes.postTransition(post.id, post.slug, wasPublic, isPublic, filingChanged);
        if (!wasPublic && isPublic) {
            changes.postVisibilityChanged(post.id, true); // and appear after it
        }
    }

    private void announce(WebhookEvent event, Post post) {
        webhooks.post(event, post.id, post.slug, post.title, post.status.json(), post.publishedAt, post.modifiedAt);
    }

    private void apply(Post post, PostInput in, Principal me) {
        List<FieldError> errors = new ArrayList<>();
        Instant now = Times.now();

        post.slug = Slugs.resolve(in.slug(), post.slug, in.title(), "post", s -> posts.slugTaken(s, post.id));
        post.title = in.title().trim();
        HtmlContent.ContentFormat format = in.format() == null ? HtmlContent.ContentFormat.HTML : in.format();
        post.content = html.articleHtml(in.content(), format);
        post.contentText = html.plainText(post.content);
        post.excerpt = in.excerpt() != null && !in.excerpt().isBlank()
                ? html.plainText(in.excerpt())
                : html.excerpt(post.contentText, EXCERPT_WORDS);

        if (in.authorId() != null && !in.authorId().equals(post.author.id)) {
            if (!me.role().editsAllContent()) {
                throw ApiException.forbidden("Only editors and admins may assign a post to another author.");
            }
            authors.findByIdOptional(in.authorId()).ifPresentOrElse(a -> post.author = a,
                    () -> errors.add(new FieldError("authorId", "no author with id " + in.authorId())));
        }
        // changed in place: only links that really change are deleted or inserted (fewer row locks)
        replaceContents(post.categories, resolve(in.categories(), "categories", "category", errors, categories::find));
        replaceContents(post.tags, resolve(in.tags(), "tags", "tag", errors, tags::find));

        PostStatus status = in.status() == null ? PostStatus.DRAFT : in.status();
        Instant publishedAt = in.publishedAt();
        switch (status) {
            case PUBLISHED -> {
                if (publishedAt == null) {
                    publishedAt = post.publishedAt != null && !post.publishedAt.isAfter(now) ? post.publishedAt : now;
                }
                if (publishedAt.isAfter(now)) {
                    status = PostStatus.SCHEDULED;
                }
            }
            case SCHEDULED -> {
                if (publishedAt == null || !publishedAt.isAfter(now)) {
                    errors.add(new FieldError("publishedAt", "a scheduled post needs a publication time in the future"));
                }
            }
            default -> {
                // drafts and trashed posts keep whatever time they were given
            }
        }
        post.status = status;
        post.publishedAt = millis(publishedAt);

        PostInput.Source source = in.source();
        post.sourceOutlet = source == null ? null : source.outlet().trim();
        post.sourceAuthor = source == null ? null : source.author();
        post.sourceUrl = source == null ? null : source.url();
        post.sourcePublishedAt = source == null ? null : millis(source.publishedAt());
        post.canonicalUrl = in.canonicalUrl();
        post.commentStatus = in.commentStatus() == null ? Post.CommentStatus.OPEN : in.commentStatus();
        post.sticky = in.sticky() != null && in.sticky();
        post.featuredImageUrl = in.featuredImageUrl();
        if (in.featuredMediaId() != null && !media.exists(in.featuredMediaId())) {
            errors.add(new FieldError("featuredMediaId", "no media item " + in.featuredMediaId()));
        }
        post.featuredMediaId = in.featuredMediaId();
        post.modifiedAt = now;
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    private static <T> void replaceContents(Set<T> current, Set<T> wanted) {
        current.retainAll(wanted);
        current.addAll(wanted);
    }

    private static <T> Set<T> resolve(List<String> keys, String field, String noun, List<FieldError> errors,
                                      Function<IdOrSlug, Optional<T>> finder) {
        Set<T> result = new LinkedHashSet<>();
        if (keys == null) {
            return result;
        }
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            int index = i;
            finder.apply(IdOrSlug.parse(key)).ifPresentOrElse(result::add,
                    () -> errors.add(new FieldError(field + "[" + index + "]", "no " + noun + " '" + key + "'")));
        }
        return result;
    }

    /** Client-given times are kept at the precision of server times (milliseconds). */
    private static Instant millis(Instant at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.MILLIS);
    }

    private static PostInput withExcerpt(PostInput in, String excerpt) {
        return new PostInput(in.slug(), in.title(), in.content(), in.format(), excerpt, in.status(), in.publishedAt(),
                in.authorId(), in.categories(), in.tags(), in.source(), in.canonicalUrl(), in.commentStatus(), in.sticky(), in.featuredImageUrl(),
                in.featuredMediaId(), in.password());
    }
}
