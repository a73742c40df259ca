package dev.gazette.importer;

import dev.gazette.author.Author;
import dev.gazette.common.Times;
import dev.gazette.common.text.HtmlContent;
import dev.gazette.common.text.Slugs;
import dev.gazette.page.Page;
import dev.gazette.page.PageStatus;
import dev.gazette.post.PostPassword;
import dev.gazette.resolve.OldLinks;
import dev.gazette.sync.ChangeLog;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pages of one import run ({@code post_type} page). Each page is written as it streams by (in the
 * posts' transactions), without its parent: a parent may come after its children in the file. At
 * the end, {@link #finish} links every page of the file to its parent (by WordPress id, within the
 * file or from an earlier import of the same site), computes the paths, and records the change feed.
 * WordPress statuses map as for posts, with only draft and published: publish (and a past future)
 * → published, anything else → draft (private, future and trash with a warning). The
 * {@code _wp_page_template} postmeta becomes {@code template} ("default" means none).
 */
final class WxrPages {

    /** What the importer's run lends the pages: its ledger of WordPress keys, tally and warnings. */
    interface Run {
        String site();

        void warn(String warning);

        ImportCounts.Tally tally();

        /** The Gazette id and digest of an item imported before, or null. */
        String[] source(String kind, String key);

        void remember(String kind, String key, long id, String digest);

        /** Gives the page its WordPress id on /wp-json/wp/v2 (unless another page answers to it). */
        void wpId(long pageId, Wxr.Item item);

        /** The author of an item by login, else a fallback (with a warning). */
        Long author(String login, String where);

        /** The item's content as WordPress renders it (paragraphs, shortcodes, embeds), sanitized. */
        String content(Wxr.Item item);
    }

    /** A page of the file: where it went and what its parent is in WordPress. */
    private record Seen(long wpId, long gazetteId, long wpParent, boolean wasPublic, boolean written) {
    }

    private final EntityManager em;
    private final HtmlContent html;
    private final ChangeLog changes;
    private final OldLinks oldLinks;
    private final Run run;
    private final Map<Long, Seen> seen = new LinkedHashMap<>();

    WxrPages(EntityManager em, HtmlContent html, ChangeLog changes, OldLinks oldLinks, Run run) {
        this.em = em;
        this.html = html;
        this.changes = changes;
        this.oldLinks = oldLinks;
        this.run = run;
    }

    /**
     * What decides whether a page imported before is written again: its fields in the file, whether it is
     * protected (never its password), and the version of the conversion that made its content.
     */
    static String pageDigest(String conversion, Wxr.Item item, String template) {
        String digest = WxrImporter.digest(conversion, item.title(), item.content(), item.excerpt(), item.status(), item.postName(),
                item.dateLocal(), item.dateGmt(), item.modifiedLocal(), item.modifiedGmt(), item.creator(),
                Long.toString(item.parent()), Integer.toString(item.menuOrder()), template, item.link());
        return WxrImporter.blank(item.password()) ? digest : WxrImporter.digest(digest, "protected");
    }

    /** Writes one page item (in the caller's transaction), its parent and path left for {@link #finish}. */
    void page(Wxr.Item item) {
        Instant now = Times.now();
        String key = Long.toString(item.postId());
        String template = item.meta().get("_wp_page_template");
        String digest = pageDigest(WpContent.VERSION, item, template);
        String[] existing = run.source("page", key);
        Page page = existing == null ? null : em.find(Page.class, Long.parseLong(existing[0]));
        boolean wasPublic = page != null && page.isPublic();
        boolean written = false;
        if (page != null && existing[1].equals(digest)) {
            protect(page, item.password()); // the digest holds no password: a changed one is still taken
            run.tally().skipped("pages", "unchanged");
        } else {
            boolean created = page == null;
            if (created) {
                page = new Page();
            }
            map(item, page, template, now, created);
            if (created) {
                em.persist(page);
            }
            em.flush();
            run.remember("page", key, page.id, digest);
            if (created) {
                run.tally().created("pages");
            } else {
                run.tally().updated("pages");
            }
            written = true;
        }
        oldLinks.remember(OldLinks.Kind.PAGE, page.id, item.link(), item.postId(), run.site());
        run.wpId(page.id, item);
        // Gazette's discussions belong to posts: say what a page's comments were
        item.comments().forEach(c -> run.tally().skipped("comments", "on a page"));
        seen.put(item.postId(), new Seen(item.postId(), page.id, item.parent(), wasPublic, written));
    }

    private void map(Wxr.Item item, Page page, String template, Instant now, boolean created) {
        String where = "page " + item.postId() + " (line " + item.line() + ")";
        page.title = item.title() == null ? "" : item.title().trim();
        if (page.title.isEmpty()) {
            page.title = "(no title)";
        }
        String wanted = WxrImporter.slug(item.postName(), page.title, "page");
        if ("by-path".equals(wanted)) {
            wanted = "by-path-page";
        }
        if (created || !wanted.equals(page.slug)) {
            Long selfId = page.id;
            String slug = Slugs.unique(wanted, s -> taken(s, selfId));
            if (!slug.equals(wanted) && created) {
                run.warn(where + ": slug '" + wanted + "' was taken; imported as '" + slug + "'");
            }
            page.slug = slug;
        }
        if (page.path == null) {
            page.path = page.slug; // placed under its parent by finish()
        }
        page.content = run.content(item);
        page.excerpt = WxrImporter.blank(item.excerpt())
                ? html.excerpt(html.plainText(page.content), 55) : html.plainText(item.excerpt());
        Instant date = WxrImporter.date(item.dateGmt());
        if (date == null) {
            date = WxrImporter.date(item.dateLocal());
        }
        page.wpUtcOffset = WxrImporter.utcOffset(item.dateLocal(), item.dateGmt());
        page.wpGuid = WxrImporter.guid(item);
        String status = item.status() == null ? "" : item.status();
        boolean published = status.equals("publish") || (status.equals("future") && date != null && !date.isAfter(now));
        if (!published) {
            switch (status) {
                case "draft", "pending", "auto-draft" -> {
                    // a draft either way
                }
                case "private", "future", "trash" -> run.warn(where + ": " + status + " page imported as a draft");
                default -> run.warn(where + ": unknown status '" + status + "' imported as a draft");
            }
        }
        page.status = published ? PageStatus.PUBLISHED : PageStatus.DRAFT;
        page.publishedAt = date == null ? (published ? now : null) : date;
        if (created) {
            page.createdAt = date != null && date.isBefore(now) ? date : now;
        }
        Instant modified = WxrImporter.date(item.modifiedGmt());
        if (modified == null) {
            modified = WxrImporter.date(item.modifiedLocal());
        }
        page.modifiedAt = modified != null && !modified.isAfter(now) && (date == null || !modified.isBefore(date)) ? modified
                : created && date != null && date.isBefore(now) ? date : now;
        page.menuOrder = item.menuOrder();
        page.template = WxrImporter.blank(template) || template.trim().equals("default") ? null : truncate(template.trim(), 200);
        Long authorId = run.author(item.creator(), where);
        if (authorId != null) {
            page.author = em.getReference(Author.class, authorId);
        }
        protect(page, item.password());
    }

    /**
     * A page with a {@code wp:post_password} stays protected by it, as posts do (stored hashed, never in
     * clear; an unchanged password keeps its hash); one without is open.
     */
    private static void protect(Page page, String password) {
        if (WxrImporter.blank(password)) {
            page.passwordHash = null;
        } else if (!PostPassword.matches(page.passwordHash, password)) {
            page.passwordHash = PostPassword.hash(password);
        }
    }

    /**
     * Links the file's pages to their parents, sets every path, and records what became, stayed or
     * stopped being public. A parent that is neither in the file nor imported before leaves a top
     * page (with a warning); so does a cycle in the file's parents.
     */
    void finish() {
        if (seen.isEmpty()) {
            return;
        }
        Map<Long, Page> pages = new HashMap<>();
        Map<Long, Long> parentOf = new HashMap<>();
        for (Seen s : seen.values()) {
            pages.put(s.gazetteId(), em.find(Page.class, s.gazetteId()));
            parentOf.put(s.gazetteId(), parent(s));
        }
        // a cycle in the file: cut it where it is found
        for (Seen s : seen.values()) {
            Set<Long> chain = new HashSet<>();
            Long at = s.gazetteId();
            while (at != null && parentOf.containsKey(at)) {
                if (!chain.add(at)) {
                    run.warn("page " + s.wpId() + ": its parents form a cycle; imported as a top page");
                    parentOf.put(s.gazetteId(), null);
                    break;
                }
                at = parentOf.get(at);
            }
        }
        Map<Long, String> paths = new HashMap<>();
        List<Page> moved = new ArrayList<>();
        for (Seen s : seen.values()) {
            Page page = pages.get(s.gazetteId());
            String path = path(s.gazetteId(), pages, parentOf, paths);
            Long parent = parentOf.get(s.gazetteId());
            if (!path.equals(page.path) || !java.util.Objects.equals(parent, page.parentId)) {
                page.path = path;
                page.parentId = parent;
                moved.add(page);
            }
        }
        em.flush();
        for (Seen s : seen.values()) {
            Page page = pages.get(s.gazetteId());
            if (s.written() || moved.contains(page)) {
                changes.transition(ChangeLog.Type.PAGE, page.id, page.slug, s.wasPublic(), page.isPublic());
            }
        }
    }

    /** The Gazette id of a page's parent: in the file, else from an earlier import; null for a top page. */
    private Long parent(Seen s) {
        if (s.wpParent() == 0) {
            return null;
        }
        Seen inFile = seen.get(s.wpParent());
        if (inFile != null) {
            return inFile.gazetteId();
        }
        String[] before = run.source("page", Long.toString(s.wpParent()));
        if (before != null && em.find(Page.class, Long.parseLong(before[0])) != null) {
            return Long.parseLong(before[0]);
        }
        run.warn("page " + s.wpId() + ": parent " + s.wpParent() + " is not a page of this site; imported as a top page");
        return null;
    }

    private String path(long id, Map<Long, Page> pages, Map<Long, Long> parentOf, Map<Long, String> paths) {
        String known = paths.get(id);
        if (known != null) {
            return known;
        }
        Page page = pages.get(id);
        Long parent = parentOf.get(id);
        String path;
        if (parent == null) {
            path = page.slug;
        } else if (pages.containsKey(parent)) {
            path = path(parent, pages, parentOf, paths) + "/" + page.slug;
        } else {
            path = em.find(Page.class, parent).path + "/" + page.slug;
        }
        paths.put(id, path);
        return path;
    }

    private boolean taken(String slug, Long exceptId) {
        return !em.createQuery("select p.id from Page p where p.slug = :slug and p.id <> :id")
                .setParameter("slug", slug).setParameter("id", exceptId == null ? -1L : exceptId)
                .setMaxResults(1).getResultList().isEmpty();
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
