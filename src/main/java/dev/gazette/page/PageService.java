package dev.gazette.page;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gazette.author.AuthorRepository;
import dev.gazette.author.Caller;
import dev.gazette.author.Principal;
import dev.gazette.author.Role;
import dev.gazette.common.Times;
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
import dev.gazette.common.web.MergePatch;
import dev.gazette.sync.ChangeLog;
import dev.gazette.webhook.WebhookEvent;
import dev.gazette.webhook.Webhooks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Pages: reads for everyone (drafts for staff), writes for the roles that write posts, with the
 * same rules (authors only their own). Keeps each page's {@code path} (its ancestors' slugs and its
 * own) in step with slugs and parents, refuses a parent that would make a cycle, and records every
 * change of a public page in the change feed and the webhook outbox.
 */
@ApplicationScoped
public class PageService {

    static final int EXCERPT_WORDS = 55;
    static final int MAX_PATH = 2000;
    /** Taken by {@code GET /api/v1/pages/by-path}. */
    static final String RESERVED_SLUG = "by-path";
    /** Menu order, then title, then id: the order of a site's menu. */
    static final SortOrder MENU = new SortOrder("menu", List.of("p.menu_order", "p.title", "p.id"),
            List.of(KeyType.LONG, KeyType.STRING, KeyType.LONG), false);
    private static final Pattern PATH = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*(/[a-z0-9]+(-[a-z0-9]+)*)*$");

    /** Which pages a list shows: the public ones, drafts too, or everything the caller may see. */
    public enum StatusFilter {
        PUBLISHED, DRAFT, ANY
    }

    @Inject
    PageRepository pages;

    @Inject
    AuthorRepository authors;

    @Inject
    HtmlContent html;

    @Inject
    MergePatch mergePatch;

    @Inject
    Caller caller;

    @Inject
    dev.gazette.post.PostProtection protection;

    @Inject
    ChangeLog changes;

    @Inject
    Webhooks webhooks;

    @Inject
    AnswerKeys answer;

    // ---------------------------------------------------------------- reads

    /**
     * A keyset page of pages in menu order; {@code parent} limits it to the children of one page
     * (the id 0 for the top pages).
     */
    public ListPage<PageView> list(IdOrSlug parent, StatusFilter status, boolean withContent, String cursor, int limit) {
        KeysetQuery query = new KeysetQuery("page p");
        answer.shows(ContentKeys.PAGE_LISTS);
        if (status == StatusFilter.PUBLISHED) {
            query.where("p.status = 'PUBLISHED'");
        } else {
            Principal me = caller.require(Role.ADMIN, Role.EDITOR, Role.AUTHOR);
            if (status == StatusFilter.DRAFT) {
                query.where("p.status = 'DRAFT'");
            }
            if (!me.role().editsAllContent()) {
                query.where("(p.status = 'PUBLISHED' or p.author_id = :me)", "me", me.authorId());
            }
        }
        if (parent != null) {
            if (parent.isId() && parent.id() == 0) {
                query.where("p.parent_id is null");
            } else {
                Page found = pages.find(parent).orElseThrow(() -> ApiException.badRequest("parent", "no page '" + parent + "'"));
                query.where("p.parent_id = :parent", "parent", found.id);
            }
        }
        Cursor c = cursor == null ? null : Cursor.decode(cursor, MENU.name(), MENU.expressions().size());
        KeysetQuery.Page page = query.page(pages.getEntityManager(), MENU, c, limit);
        List<Page> loaded = page.ids().isEmpty() ? List.of() : page.inOrder(pages.list("id in ?1", page.ids()), p -> p.id);
        answer.shows(loaded.stream().map(p -> ContentKeys.page(p.id)).toList());
        return new ListPage<>(loaded.stream().map(p -> shown(p, PageView.of(p, withContent), null)).toList(), page.info());
    }

    /** One page by id or slug, if the caller may read it. */
    public PageView get(IdOrSlug key) {
        return get(key, null);
    }

    /**
     * The same for a reader who may send a protected page's password ({@code X-Post-Password}): without it
     * the page comes without content and excerpt, with the right one in full; staff who may edit it need none.
     *
     * @throws ApiException 403 when the password is not the page's, 429 after too many wrong ones
     */
    public PageView get(IdOrSlug key, String password) {
        Page page = pages.find(key).filter(this::readable).orElseThrow(() -> ApiException.notFound("Page", key));
        answer.shows(ContentKeys.page(page.id));
        return shown(page, PageView.of(page, true), password);
    }

    /** What the caller sees of a page: all of it, or without what its password protects. */
    private PageView shown(Page page, PageView view, String password) {
        if (page.passwordHash == null || protection.mayEdit(page.author.id)) {
            return view;
        }
        if (password == null || password.isEmpty()) {
            return view.withheld();
        }
        protection.verify(page.passwordHash, password, page.slug);
        return view;
    }

    /**
     * One page by its path ({@code about/team}): leading and trailing slashes, repeated slashes and
     * upper case are forgiven, so a front-end can pass the path of the URL it was asked for.
     */
    public PageView byPath(String rawPath) {
        return byPath(rawPath, null);
    }

    /** The same with a protected page's password, as {@link #get(IdOrSlug, String)}. */
    public PageView byPath(String rawPath, String password) {
        String path = normalizePath(rawPath);
        // which page has a path changes with any page's slug or parent: the answer shows the page list
        answer.shows(ContentKeys.PAGE_LISTS);
        Page page = (path == null ? Optional.<Page>empty() : pages.byPath(path)).filter(this::readable)
                .orElseThrow(() -> new ApiException(404, "not-found", "Not found",
                        "No page has the path '" + rawPath.trim() + "'.", null));
        answer.shows(ContentKeys.page(page.id));
        return shown(page, PageView.of(page, true), password);
    }

    /** A page path as stored ({@code about/team}), or null when it cannot be one. */
    public static String normalizePath(String raw) {
        if (raw == null) {
            return null;
        }
        String path = raw.trim().toLowerCase(Locale.ROOT).replaceAll("/{2,}", "/");
        path = path.replaceAll("^/+|/+$", "");
        return path.length() <= MAX_PATH && PATH.matcher(path).matches() ? path : null;
    }

    // ---------------------------------------------------------------- writes

    @Transactional
    public PageView create(PageInput input) {
        Principal me = caller.require(Role.ADMIN, Role.EDITOR, Role.AUTHOR);
        Page page = new Page();
        page.createdAt = Times.now();
        page.author = authors.findById(me.authorId());
        String oldPath = apply(page, input, me);
        pages.persist(page);
        moved(page, oldPath);
        published(page, false);
        return view(page);
    }

    @Transactional
    public PageView replace(IdOrSlug key, PageInput input, String ifMatch) {
        Principal me = caller.require(Role.ADMIN, Role.EDITOR, Role.AUTHOR);
        Page page = writable(key, me, ifMatch);
        boolean wasPublic = page.isPublic();
        String oldPath = apply(page, input, me);
        moved(page, oldPath);
        published(page, wasPublic);
        return view(page);
    }

    @Transactional
    public PageView patch(IdOrSlug key, JsonNode patch, String ifMatch) {
        Principal me = caller.require(Role.ADMIN, Role.EDITOR, Role.AUTHOR);
        Page page = writable(key, me, ifMatch);
        PageInput current = PageView.of(page, true).toInput();
        if (page.excerpt.equals(html.excerpt(html.plainText(page.content), EXCERPT_WORDS))) {
            // a generated excerpt follows the content; a written one stays
            current = new PageInput(current.slug(), current.title(), current.content(), null, null, current.status(),
                    current.publishedAt(), current.parentId(), current.menuOrder(), current.template(), current.authorId());
        }
        boolean wasPublic = page.isPublic();
        String oldPath = apply(page, mergePatch.apply(current, patch, PageInput.class), me);
        moved(page, oldPath);
        published(page, wasPublic);
        return view(page);
    }

    /**
     * Deletes a page for good. Its children move up to its parent (as WordPress does), so no page is
     * left pointing at a page that is gone; their paths lose the deleted page's slug.
     */
    @Transactional
    public void delete(IdOrSlug key, String ifMatch) {
        Principal me = caller.require(Role.ADMIN, Role.EDITOR, Role.AUTHOR);
        Page page = writable(key, me, ifMatch);
        String parentPath = page.parentId == null ? null : pages.findById(page.parentId).path;
        var em = pages.getEntityManager();
        em.createNativeQuery("update page set parent_id = :parent where parent_id = :id")
                .setParameter("parent", page.parentId).setParameter("id", page.id).executeUpdate();
        List<Object[]> movedPublic = rewritePaths(page.path + "/", parentPath == null ? "" : parentPath + "/");
        if (page.isPublic()) {
            announce(WebhookEvent.PAGE_DELETED, page);
        }
        long id = page.id;
        String slug = page.slug;
        boolean wasPublic = page.isPublic();
        pages.delete(page);
        if (wasPublic) {
            changes.record(ChangeLog.Type.PAGE, id, slug, ChangeLog.Action.DELETED);
        }
        recordMoved(movedPublic);
    }

    // ---------------------------------------------------------------- internals

    private boolean readable(Page page) {
        if (page.isPublic()) {
            return true;
        }
        Optional<Principal> me = caller.principal();
        return me.isPresent() && (me.get().role().editsAllContent()
                || (me.get().role() == Role.AUTHOR && page.author.id == me.get().authorId()));
    }

    private Page writable(IdOrSlug key, Principal me, String ifMatch) {
        Page page = pages.find(key).orElseThrow(() -> ApiException.notFound("Page", key));
        if (!me.role().editsAllContent() && page.author.id != me.authorId()) {
            if (!page.isPublic()) {
                throw ApiException.notFound("Page", key);
            }
            throw ApiException.forbidden("Authors may only change their own pages.");
        }
        HttpCaching.checkIfMatch(ifMatch, page.version, "page");
        return page;
    }

    private PageView view(Page page) {
        pages.flush();
        return PageView.of(page, true);
    }

    /**
     * Applies an input to a page, its path included.
     *
     * @return the page's path before (null for a new page), to carry its descendants along
     */
    private String apply(Page page, PageInput in, Principal me) {
        List<FieldError> errors = new ArrayList<>();
        Instant now = Times.now();
        String oldPath = page.path;
        page.slug = Slugs.resolve(in.slug(), page.slug, in.title(), "page", s -> pages.slugTaken(s, page.id));
        if (RESERVED_SLUG.equals(page.slug)) {
            throw ApiException.invalid("slug", "'" + RESERVED_SLUG + "' names the lookup by path (/api/v1/pages/by-path)");
        }
        page.title = in.title().trim();
        HtmlContent.ContentFormat format = in.format() == null ? HtmlContent.ContentFormat.HTML : in.format();
        page.content = html.articleHtml(in.content(), format);
        page.excerpt = in.excerpt() != null && !in.excerpt().isBlank()
                ? html.plainText(in.excerpt())
                : html.excerpt(html.plainText(page.content), EXCERPT_WORDS);
        page.menuOrder = in.menuOrder() == null ? 0 : in.menuOrder();
        page.template = in.template() == null || in.template().isBlank() ? null : in.template().trim();

        if (in.authorId() != null && !in.authorId().equals(page.author.id)) {
            if (!me.role().editsAllContent()) {
                throw ApiException.forbidden("Only editors and admins may assign a page to another author.");
            }
            authors.findByIdOptional(in.authorId()).ifPresentOrElse(a -> page.author = a,
                    () -> errors.add(new FieldError("authorId", "no author with id " + in.authorId())));
        }

        String parentPath = null;
        page.parentId = null;
        if (in.parentId() != null) {
            Optional<Page> parent = pages.findByIdOptional(in.parentId());
            if (parent.isEmpty()) {
                errors.add(new FieldError("parentId", "no page with id " + in.parentId()));
            } else if (page.id != null && (parent.get().id.equals(page.id)
                    || (oldPath != null && parent.get().path.startsWith(oldPath + "/")))) {
                errors.add(new FieldError("parentId", "page " + in.parentId() + " is this page or one of its descendants:"
                        + " a page cannot be its own ancestor"));
            } else {
                page.parentId = parent.get().id;
                parentPath = parent.get().path;
            }
        }
        page.path = Page.pathOf(parentPath, page.slug);
        if (page.path.length() > MAX_PATH) {
            errors.add(new FieldError("parentId", "the page's path would be longer than " + MAX_PATH + " characters"));
        }

        page.status = in.status() == null ? PageStatus.DRAFT : in.status();
        Instant publishedAt = in.publishedAt() == null ? null : in.publishedAt().truncatedTo(ChronoUnit.MILLIS);
        if (page.status == PageStatus.PUBLISHED && publishedAt == null) {
            publishedAt = page.publishedAt != null ? page.publishedAt : now;
        }
        page.publishedAt = publishedAt;
        page.modifiedAt = now;
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return oldPath;
    }

    /** When a page's path changed, its descendants' paths change with it (and public ones are recorded as updated). */
    private void moved(Page page, String oldPath) {
        if (oldPath != null && !oldPath.equals(page.path)) {
            pages.flush();
            recordMoved(rewritePaths(oldPath + "/", page.path + "/"));
        }
    }

    /**
     * Replaces the path prefix {@code from} by {@code to} on every page under it (slugs hold no
     * LIKE wildcards), returning the public ones' ids and slugs.
     */
    private List<Object[]> rewritePaths(String from, String to) {
        var em = pages.getEntityManager();
        @SuppressWarnings("unchecked")
        List<Object[]> publicOnes = em.createNativeQuery("select id, slug from page where path like :prefix and status = 'PUBLISHED' order by id")
                .setParameter("prefix", from + "%").getResultList();
        em.createNativeQuery("update page set path = concat(cast(:to as varchar(2000)), substring(path, :cut)) where path like :prefix")
                .setParameter("to", to).setParameter("cut", from.length() + 1).setParameter("prefix", from + "%").executeUpdate();
        return publicOnes;
    }

    private void recordMoved(List<Object[]> idsAndSlugs) {
        for (Object[] r : idsAndSlugs) {
            changes.record(ChangeLog.Type.PAGE, ((Number) r[0]).longValue(), (String) r[1], ChangeLog.Action.UPDATED);
        }
    }

    /** Records the page's change of public state: the change feed and the webhooks. */
    private void published(Page page, boolean wasPublic) {
        boolean isPublic = page.isPublic();
        if (wasPublic || isPublic) {
            announce(!wasPublic ? WebhookEvent.PAGE_PUBLISHED : isPublic ? WebhookEvent.PAGE_UPDATED : WebhookEvent.PAGE_UNPUBLISHED, page);
        }
        changes.transition(ChangeLog.Type.PAGE, page.id, page.slug, wasPublic, isPublic);
    }

    private void announce(WebhookEvent event, Page page) {
        webhooks.page(event, new Webhooks.PageData(page.id, page.slug, page.path, page.title, page.parentId, page.status.json(),
                page.publishedAt, page.modifiedAt, "/api/v1/pages/" + page.slug));
    }
}
