package dev.gazette.importer;

import dev.gazette.author.Author;
import dev.gazette.author.Role;
import dev.gazette.comment.CommentStatus;
import dev.gazette.common.GazetteConfig;
import dev.gazette.media.MediaFetcher;
import dev.gazette.media.MediaService;
import dev.gazette.common.Times;
import dev.gazette.common.text.Hashes;
import dev.gazette.common.text.HtmlContent;
import dev.gazette.common.text.Slugs;
import dev.gazette.post.Post;
import dev.gazette.post.PostPassword;
import dev.gazette.post.PostService;
import dev.gazette.post.PostStatus;
import dev.gazette.resolve.OldLinks;
import dev.gazette.sync.ChangeLog;
import dev.gazette.taxonomy.Category;
import dev.gazette.taxonomy.Tag;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Maps a WXR export onto Gazette. Two streaming passes over the file: the first validates it
 * (well-formed XML, a WXR version) and collects the small things (authors, terms, attachment
 * URLs) without writing anything; the second writes authors and terms in one transaction, then
 * posts with their comments in batches of transactions. Every row written is recorded in
 * {@code import_source} under the site's URL and its WordPress key, so importing the same export
 * again changes nothing and a later export updates what changed.
 */
@ApplicationScoped
public class WxrImporter {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(WxrImporter.class);
    static final int POSTS_PER_TRANSACTION = 25;
    static final int COMMENTS_PER_TRANSACTION = 3000;
    private static final int MAX_WARNINGS = 500;
    private static final DateTimeFormatter WP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Inject
    EntityManager em;

    @Inject
    HtmlContent html;

    @Inject
    ChangeLog changes;

    @Inject
    GazetteConfig config;

    @Inject
    WpContent wpContent;

    @Inject
    OldLinks oldLinks;

    @Inject
    MediaFetcher fetcher;

    @Inject
    MediaService media;

    @Inject
    WpIdClaims wpIds;

    /** Where a running job reports to. */
    interface Listener {
        void progress(String phase, long bytesRead, int itemsRead, ImportCounts counts, List<String> warnings);

        void site(Wxr.Site site);
    }

    /** Thrown when the file cannot be imported at all; nothing was written. */
    static final class Rejected extends Exception {
        Rejected(String message) {
            super(message);
        }
    }

    /** The outcome of a finished run. */
    record Result(ImportCounts counts, List<String> warnings) {
    }

    Result run(Path file, Listener listener) throws Rejected, IOException {
        Run run = new Run(listener);
        Collected collected = new Collected();
        run.attachments = collected;
        read(file, collected, bytes -> listener.progress("validating", bytes, collected.items, run.tally.snapshot(), run.warnings));
        if (collected.site == null) {
            throw new Rejected("Not a WordPress export: no channel with a <wp:wxr_version>.");
        }
        listener.site(collected.site);
        run.site = collected.site.key();
        if (newerThanKnown(collected.site.wxrVersion())) {
            // WordPress's importer goes on too, with a notice ("may not be able to handle this export file")
            run.warn("WXR version " + collected.site.wxrVersion() + " is newer than " + MAX_WXR_VERSION
                    + ", the newest this importer knows: the file was read as " + MAX_WXR_VERSION + "; check what was not carried");
        }
        // ids Gazette gives from now on are above the file's WordPress ids (posts, pages and media share them)
        QuarkusTransaction.requiringNew().run(() -> {
            for (String table : List.of("post", "page", "media")) {
                wpIds.reserve(table, collected.maxPostId);
            }
            wpIds.reserve("comment", collected.maxCommentId);
            wpIds.reserve("category", collected.maxTermId); // categories and tags share WordPress' term ids
            wpIds.reserve("tag", collected.maxTermId);
            wpIds.reserve("author", collected.maxAuthorId);
        });
        QuarkusTransaction.requiringNew().timeout(600).run(() -> run.terms(collected));
        run.attachments(collected);
        QuarkusTransaction.requiringNew().run(() -> {
            Map<Long, Long> media = new LinkedHashMap<>();
            run.mediaIds.forEach((wp, id) -> media.put(id, wp));
            for (WpIdClaims.Clash clash : wpIds.claim("media", media)) {
                run.wpIdTaken("media", "attachment " + clash.wpId(), clash);
            }
        });

        List<Wxr.Item> batch = new ArrayList<>();
        int[] batchComments = {0};
        int[] items = {0};
        long[] bytes = {0};
        Wxr.Visitor writer = new Wxr.Visitor() {
            @Override
            public void item(Wxr.Item item) {
                items[0]++;
                if ("attachment".equals(item.type())) {
                    return; // imported before the posts, as media ({@link Run#attachments})
                }
                if (!"post".equals(item.type()) && !"page".equals(item.type())) {
                    run.tally.skipped("posts", item.type() == null || item.type().isBlank() ? "no post_type" : item.type());
                    return;
                }
                batch.add(item);
                batchComments[0] += item.comments().size();
                if (batch.size() >= POSTS_PER_TRANSACTION || batchComments[0] >= COMMENTS_PER_TRANSACTION) {
                    flush();
                }
            }

            void flush() {
                List<Wxr.Item> posts = List.copyOf(batch);
                batch.clear();
                batchComments[0] = 0;
                QuarkusTransaction.requiringNew().timeout(600).run(() -> posts.forEach(p -> run.item(p, collected)));
                listener.progress("importing", bytes[0], items[0], run.tally.snapshot(), run.warnings);
            }
        };
        read(file, new Wxr.Visitor() {
            @Override
            public void item(Wxr.Item item) {
                writer.item(item);
            }
        }, b -> bytes[0] = b);
        if (!batch.isEmpty()) {
            List<Wxr.Item> posts = List.copyOf(batch);
            QuarkusTransaction.requiringNew().timeout(600).run(() -> posts.forEach(p -> run.item(p, collected)));
        }
        QuarkusTransaction.requiringNew().timeout(600).run(run.pages::finish);
        run.summarizeContent();
        listener.progress("importing", Files.size(file), items[0], run.tally.snapshot(), run.warnings);
        return new Result(run.tally.snapshot(), run.warnings);
    }

    private static void read(Path file, Wxr.Visitor visitor, java.util.function.LongConsumer progress) throws Rejected, IOException {
        try (InputStream in = Files.newInputStream(file)) {
            WxrReader.read(new java.io.BufferedInputStream(in, 1 << 16), visitor, progress);
        } catch (WxrReader.InvalidWxr e) {
            throw new Rejected(e.getMessage());
        }
    }

    /** Pass one: validation, and what pass two needs before the first item (attachments: only their URL and post). */
    private static final class Collected implements Wxr.Visitor, Shortcodes.Attachments {
        Wxr.Site site;
        final Map<String, Wxr.Author> authors = new LinkedHashMap<>();
        final Map<String, Wxr.Category> categories = new LinkedHashMap<>();
        final Map<String, Wxr.Tag> tags = new LinkedHashMap<>();
        final Map<Long, String> attachmentUrls = new HashMap<>();
        /** Attachment ids by the post they are attached to, for galleries and players without ids. */
        final Map<Long, List<Long>> attachedTo = new HashMap<>();
        final List<Attachment> attachments = new ArrayList<>();
        int items;
        /** The highest WordPress post id (posts, pages, attachments, any type) and comment id of the file. */
        long maxPostId;
        long maxCommentId;
        /** The highest WordPress term id (categories and tags) and user id of the file. */
        long maxTermId;
        long maxAuthorId;

        @Override
        public String url(long id) {
            return attachmentUrls.get(id);
        }

        @Override
        public List<Long> attachedTo(long postId) {
            List<Long> ids = attachedTo.getOrDefault(postId, List.of());
            return ids.stream().sorted().toList();
        }

        @Override
        public void site(Wxr.Site site) {
            this.site = site;
        }

        @Override
        public void author(Wxr.Author author) {
            if (author.login() != null && !author.login().isBlank()) {
                authors.put(author.login(), author);
                maxAuthorId = Math.max(maxAuthorId, author.id());
            }
        }

        @Override
        public void category(Wxr.Category category) {
            if (category.nicename() != null && !category.nicename().isBlank()) {
                categories.put(category.nicename(), category);
                maxTermId = Math.max(maxTermId, category.termId());
            }
        }

        @Override
        public void tag(Wxr.Tag tag) {
            if (tag.slug() != null && !tag.slug().isBlank()) {
                tags.put(tag.slug(), tag);
                maxTermId = Math.max(maxTermId, tag.termId());
            }
        }

        @Override
        public void item(Wxr.Item item) {
            items++;
            maxPostId = Math.max(maxPostId, item.postId());
            for (Wxr.Comment comment : item.comments()) {
                maxCommentId = Math.max(maxCommentId, comment.id());
            }
            if ("attachment".equals(item.type()) && item.attachmentUrl() != null && !item.attachmentUrl().isBlank()) {
                attachmentUrls.put(item.postId(), item.attachmentUrl().trim());
                attachments.add(new Attachment(item.postId(), item.attachmentUrl().trim(), item.title(), item.excerpt(),
                        item.meta().get("_wp_attachment_image_alt"), item.creator(), item.line()));
                if (item.parent() != 0) {
                    attachedTo.computeIfAbsent(item.parent(), k -> new ArrayList<>(4)).add(item.postId());
                }
            }
            if (!"post".equals(item.type()) && !"page".equals(item.type())) {
                return;
            }
            // terms and authors named only on items are imported too
            for (Wxr.Term t : item.terms()) {
                if (t.nicename() == null || t.nicename().isBlank()) {
                    continue;
                }
                if ("category".equals(t.domain())) {
                    categories.putIfAbsent(t.nicename(), new Wxr.Category(t.nicename(), null, t.name(), null, 0));
                } else if ("post_tag".equals(t.domain())) {
                    tags.putIfAbsent(t.nicename(), new Wxr.Tag(t.nicename(), t.name(), null, 0));
                }
            }
            String creator = login(item.creator(), authors::containsKey);
            if (creator != null && !creator.isBlank()) {
                authors.putIfAbsent(creator, new Wxr.Author(creator, null, creator, 0));
            }
        }
    }

    /** An attachment item: what its media item is made of. */
    private record Attachment(long wpId, String url, String title, String caption, String alt, String creator, int line) {
    }

    /** The state of one import run: the site, its tally and warnings, and WordPress keys resolved so far. */
    private final class Run {
        final Listener listener;
        final ImportCounts.Tally tally = new ImportCounts.Tally();
        final List<String> warnings = new ArrayList<>();
        String site;
        final Map<String, Long> authorIds = new HashMap<>();
        final Map<String, Long> categoryIds = new HashMap<>();
        final Map<String, Long> tagIds = new HashMap<>();
        /** Media items of the file's attachments, by WordPress post id. */
        final Map<Long, Long> mediaIds = new HashMap<>();
        private int warningsDropped;
        Shortcodes.Attachments attachments;
        /** Per name or host: in how many posts a shortcode was left as text, an iframe was removed. */
        private final Map<String, Integer> unknownShortcodes = new java.util.TreeMap<>();
        private final Map<String, Integer> refusedIframes = new java.util.TreeMap<>();
        private int missingAttachments;
        private final Set<String> metadataKinds = new HashSet<>();
        private static final int MAX_METADATA_KINDS = 50;

        Run(Listener listener) {
            this.listener = listener;
        }

        /** The pages of this run, written as they come and put in their tree at the end. */
        final WxrPages pages = new WxrPages(em, html, changes, oldLinks, new WxrPages.Run() {
            @Override
            public String content(Wxr.Item item) {
                return Run.this.content(item);
            }

            @Override
            public String site() {
                return site;
            }

            @Override
            public void warn(String warning) {
                Run.this.warn(warning);
            }

            @Override
            public ImportCounts.Tally tally() {
                return tally;
            }

            @Override
            public String[] source(String kind, String key) {
                Source s = Run.this.source(kind, key);
                return s == null ? null : new String[]{Long.toString(s.gazetteId()), s.digest()};
            }

            @Override
            public void remember(String kind, String key, long id, String digest) {
                Run.this.remember(kind, key, id, digest);
            }

            @Override
            public void wpId(long pageId, Wxr.Item item) {
                Run.this.wpId("page", pageId, item.postId(), "page " + item.postId() + " (line " + item.line() + ")");
            }

            @Override
            public Long author(String login, String where) {
                Long id = login == null ? null : authorIds.get(login(login, authorIds::containsKey));
                if (id == null) {
                    id = authorIds.values().stream().findFirst().orElseGet(Run.this::fallbackAuthor);
                    Run.this.warn(where + ": no author; attributed to author " + id);
                }
                return id;
            }
        });

        /** A post or a page of the file. */
        void item(Wxr.Item item, Collected c) {
            if ("page".equals(item.type())) {
                pages.page(item);
            } else {
                post(item, c);
            }
        }

        void warn(String warning) {
            if (warnings.size() < MAX_WARNINGS) {
                warnings.add(warning);
            } else if (warningsDropped++ == 0) {
                warnings.add("... more warnings were left out");
            }
        }

        /** Imported objects whose WordPress id another row answers to on /wp-json/wp/v2, by kind, as "where" and ids. */
        private final Map<String, List<String>> wpIdsTaken = new LinkedHashMap<>();

        /** Gives the imported row its WordPress id on /wp-json/wp/v2, or notes that another row has it. */
        void wpId(String table, long id, long wpId, String where) {
            if (wpId <= 0) {
                return;
            }
            for (WpIdClaims.Clash clash : wpIds.claim(table, Map.of(id, wpId))) {
                wpIdTaken(table, where, clash);
            }
        }

        void wpIdTaken(String table, String where, WpIdClaims.Clash clash) {
            wpIdsTaken.computeIfAbsent(table, t -> new ArrayList<>()).add(where + " answers to " + clash.gazetteId()
                    + " (" + clash.wpId() + " is Gazette " + table + " " + clash.holder() + "'s)");
        }

        /** The content conversion's findings, one warning per kind, added when the run ends. */
        void summarizeContent() {
            wpIdsTaken.forEach((table, list) -> warn("/wp-json/wp/v2: " + (table.equals("category")
                    ? list.size() + (list.size() == 1 ? " category" : " categories")
                    : table.equals("media") ? plural(list.size(), "media item") : plural(list.size(), table))
                    + " kept their Gazette id, their WordPress id being taken by content already here: "
                    + String.join("; ", list.subList(0, Math.min(10, list.size())))
                    + (list.size() > 10 ? "; and " + (list.size() - 10) + " more" : "")));
            unknownShortcodes.forEach((name, posts) -> warn("shortcode [" + name + "] left as text in " + plural(posts, "post")));
            refusedIframes.forEach((host, posts) -> warn("iframe from " + host + " removed (host not allowed) in " + plural(posts, "post")));
            if (missingAttachments > 0) {
                warn("gallery and playlist shortcodes: " + plural(missingAttachments, "attachment id")
                        + " not in the export, left out");
            }
        }

        private static String plural(int n, String noun) {
            return n + " " + noun + (n == 1 ? "" : "s");
        }

        /** The post's content converted as WordPress renders it, then sanitized; what was left or removed is tallied. */
        private String content(Wxr.Item item) {
            WpContent.Converted converted = wpContent.convert(item.content(), item.postId(), attachments);
            converted.unknownShortcodes().forEach(name -> unknownShortcodes.merge(name, 1, Integer::sum));
            new TreeSet<>(html.refusedIframes(converted.html())).forEach(host -> refusedIframes.merge(host, 1, Integer::sum));
            missingAttachments += converted.missingAttachments();
            return converted.classic() ? html.paragraphedHtml(converted.html())
                    : html.articleHtml(converted.html(), HtmlContent.ContentFormat.HTML);
        }

        /** Metadata (custom fields) of the post that Gazette does not carry, by plugin or key (at most 50 kinds, then "other keys"). */
        private void metadata(Wxr.Item item) {
            for (String kind : PostMeta.notCarried(item.meta())) {
                if (!metadataKinds.contains(kind) && metadataKinds.size() >= MAX_METADATA_KINDS) {
                    kind = "other keys";
                } else {
                    metadataKinds.add(kind);
                }
                tally.skipped("postmeta", kind);
            }
        }

        // ------------------------------------------------------------------ authors and terms

        void terms(Collected c) {
            Instant now = Times.now();
            changed.clear();
            for (Wxr.Author a : c.authors.values()) {
                String name = blank(a.displayName()) ? a.login() : a.displayName().trim();
                String digest = digest(a.login(), name, a.email());
                Source existing = source("author", a.login());
                Author author = existing == null ? null : em.find(Author.class, existing.gazetteId());
                if (author != null && existing.digest().equals(digest)) {
                    tally.skipped("authors", "unchanged");
                } else {
                    boolean created = author == null;
                    if (created) {
                        author = new Author();
                        author.slug = Slugs.unique(slug(a.login(), name, "author"), s -> taken("author", s));
                        author.role = Role.AUTHOR;
                        author.createdAt = now;
                    }
                    author.displayName = name;
                    author.email = blank(a.email()) ? null : a.email().trim();
                    author.updatedAt = now;
                    if (created) {
                        em.persist(author);
                        em.flush();
                    }
                    remember("author", a.login(), author.id, digest);
                    count("authors", created);
                    changed.add(new TermChange(ChangeLog.Type.AUTHOR, author.id, author.slug, created));
                }
                authorIds.put(a.login(), author.id);
                wpId("author", author.id, a.id(), "author '" + a.login() + "'");
            }
            // parents first, in whatever order the file lists them
            Set<String> placing = new HashSet<>();
            for (String nicename : c.categories.keySet()) {
                category(nicename, c, placing, now);
            }
            for (Wxr.Tag t : c.tags.values()) {
                String name = blank(t.name()) ? t.slug() : t.name();
                String digest = digest(name, t.description());
                Source existing = source("tag", t.slug());
                Tag tag = existing == null ? null : em.find(Tag.class, existing.gazetteId());
                if (tag == null) {
                    String slug = slug(t.slug(), name, "tag");
                    // the same tag made by hand (or by another site's import) is adopted, not duplicated
                    tag = Tag.<Tag>find("slug", slug).firstResultOptional().orElse(null);
                    if (tag == null) {
                        tag = new Tag();
                        tag.slug = slug;
                        tag.createdAt = now;
                        apply(tag, name, t.description(), now);
                        em.persist(tag);
                        em.flush();
                        // (a tag adopted from what was here keeps the id it answers to; one made here takes WordPress')
                        wpId("tag", tag.id, t.termId(), "tag '" + t.slug() + "'");
                        count("tags", true);
                        changed.add(new TermChange(ChangeLog.Type.TAG, tag.id, tag.slug, true));
                    } else {
                        tally.skipped("tags", "exists");
                    }
                    remember("tag", t.slug(), tag.id, digest);
                } else if (existing.digest().equals(digest)) {
                    tally.skipped("tags", "unchanged");
                } else {
                    apply(tag, name, t.description(), now);
                    remember("tag", t.slug(), tag.id, digest);
                    count("tags", false);
                    changed.add(new TermChange(ChangeLog.Type.TAG, tag.id, tag.slug, false));
                }
                tagIds.put(t.slug(), tag.id);
            }
            // into the change feed last: the change counter is the last lock a transaction takes
            for (TermChange t : changed) {
                changes.record(t.type(), t.id(), t.slug(), t.created() ? ChangeLog.Action.CREATED : ChangeLog.Action.UPDATED);
            }
        }

        private record TermChange(ChangeLog.Type type, long id, String slug, boolean created) {
        }

        /** Authors and terms created or updated by {@link #terms}, recorded in the change feed at its end. */
        private final List<TermChange> changed = new ArrayList<>();

        private void apply(Tag tag, String name, String description, Instant now) {
            tag.name = name.trim();
            tag.description = blank(description) ? null : description;
            tag.updatedAt = now;
        }

        private Long category(String nicename, Collected c, Set<String> placing, Instant now) {
            if (categoryIds.containsKey(nicename)) {
                return categoryIds.get(nicename);
            }
            Wxr.Category wc = c.categories.get(nicename);
            placing.add(nicename);
            Long parentId = null;
            if (!blank(wc.parent())) {
                if (!c.categories.containsKey(wc.parent())) {
                    warn("category '" + nicename + "': parent '" + wc.parent() + "' is not in the file; imported at the top level");
                } else if (placing.contains(wc.parent())) {
                    warn("category '" + nicename + "': parent '" + wc.parent() + "' would make a cycle; imported at the top level");
                } else {
                    parentId = category(wc.parent(), c, placing, now);
                }
            }
            String name = blank(wc.name()) ? nicename : wc.name();
            String digest = digest(name, wc.description(), wc.parent());
            Source existing = source("category", nicename);
            Category category = existing == null ? null : em.find(Category.class, existing.gazetteId());
            Category parent = parentId == null ? null : em.find(Category.class, parentId);
            if (category == null) {
                String slug = slug(nicename, name, "category");
                category = Category.<Category>find("slug", slug).firstResultOptional().orElse(null);
                if (category == null) {
                    category = new Category();
                    category.slug = slug;
                    category.createdAt = now;
                    apply(category, name, wc.description(), parent, now);
                    em.persist(category);
                    em.flush();
                    wpId("category", category.id, wc.termId(), "category '" + nicename + "'");
                    count("categories", true);
                    changed.add(new TermChange(ChangeLog.Type.CATEGORY, category.id, category.slug, true));
                } else {
                    tally.skipped("categories", "exists");
                }
                remember("category", nicename, category.id, digest);
            } else if (existing.digest().equals(digest)) {
                tally.skipped("categories", "unchanged");
            } else {
                apply(category, name, wc.description(), parent, now);
                remember("category", nicename, category.id, digest);
                count("categories", false);
                changed.add(new TermChange(ChangeLog.Type.CATEGORY, category.id, category.slug, false));
            }
            placing.remove(nicename);
            categoryIds.put(nicename, category.id);
            return category.id;
        }

        private void apply(Category category, String name, String description, Category parent, Instant now) {
            category.name = name.trim();
            category.description = blank(description) ? null : description;
            category.parent = parent;
            category.updatedAt = now;
        }

        // ------------------------------------------------------------------ attachments

        /**
         * Attachments become media items, before the posts that show them: the file is fetched from the
         * original site when it can be ({@link MediaFetcher}), else the item keeps the original URL and a
         * warning says why. Fetches run outside transactions; each item is stored in its own.
         */
        void attachments(Collected c) {
            MediaFetcher.Run fetches = fetcher.run();
            long started = System.nanoTime();
            for (Attachment a : c.attachments) {
                String key = Long.toString(a.wpId());
                String caption = blank(a.caption()) ? null : html.plainText(a.caption());
                String digest = digest(a.url(), a.title(), a.alt(), caption);
                Source existing = QuarkusTransaction.requiringNew().call(() -> source("media", key));
                if (existing != null && existing.digest().equals(digest)) {
                    tally.skipped("media", "unchanged");
                    mediaIds.put(a.wpId(), existing.gazetteId());
                } else if (existing != null && media.updateTexts(existing.gazetteId(), a.title(), a.alt(), caption)) {
                    QuarkusTransaction.requiringNew().run(() -> remember("media", key, existing.gazetteId(), digest));
                    count("media", false);
                    mediaIds.put(a.wpId(), existing.gazetteId());
                } else {
                    MediaFetcher.Outcome fetched = fetches.fetch(a.url());
                    MediaService.Imported imported = media.importAttachment(new MediaService.Upload(fetched.bytes(),
                            fetched.fileName(), a.title(), a.alt(), caption, a.url()),
                            a.creator() == null ? null : authorIds.get(login(a.creator(), authorIds::containsKey)), fetched.failure());
                    if (imported.notStored() != null) {
                        warn("attachment " + a.wpId() + " (line " + a.line() + "): " + a.url() + " not stored ("
                                + imported.notStored() + "); the original URL is kept");
                    }
                    QuarkusTransaction.requiringNew().run(() -> remember("media", key, imported.id(), digest));
                    count("media", true);
                    mediaIds.put(a.wpId(), imported.id());
                }
            }
            if (!c.attachments.isEmpty()) {
                LOG.infof("import of %s: %d attachments in %d ms", site, c.attachments.size(), (System.nanoTime() - started) / 1_000_000);
            }
            attachments = mediaAttachments(c);
        }

        /**
         * What galleries and players show: the imported media items, at their own URLs when the file was
         * stored (the derived size a gallery asks for, with its dimensions), else the original URL.
         */
        private Shortcodes.Attachments mediaAttachments(Collected c) {
            Map<Long, dev.gazette.media.MediaView> views = mediaIds.isEmpty() ? Map.of()
                    : QuarkusTransaction.requiringNew().call(() -> media.views(mediaIds.values()));
            Map<Long, Attachment> byId = new HashMap<>();
            c.attachments.forEach(a -> byId.put(a.wpId(), a));
            return new Shortcodes.Attachments() {
                private dev.gazette.media.MediaView view(long id) {
                    Long mediaId = mediaIds.get(id);
                    return mediaId == null ? null : views.get(mediaId);
                }

                @Override
                public String url(long id) {
                    dev.gazette.media.MediaView v = view(id);
                    return v != null && v.url() != null ? v.url() : c.url(id);
                }

                @Override
                public List<Long> attachedTo(long postId) {
                    return c.attachedTo(postId);
                }

                @Override
                public Shortcodes.Image image(long id, String size) {
                    String original = c.url(id);
                    if (original == null) {
                        return null;
                    }
                    Attachment a = byId.get(id);
                    String alt = a == null || blank(a.alt()) ? null : html.plainText(a.alt());
                    String caption = a == null || blank(a.caption()) ? null : a.caption();
                    dev.gazette.media.MediaView v = view(id);
                    if (v == null || v.url() == null || v.sizes().isEmpty()) {
                        return new Shortcodes.Image(v == null || v.url() == null ? original : v.url(),
                                v == null || v.url() == null ? original : v.url(), null, null, alt, caption);
                    }
                    dev.gazette.media.MediaView.MediaSize chosen = v.sizes().stream().filter(s -> s.name().equals(size)).findFirst()
                            .orElse(v.sizes().get(0)); // WordPress shows the full image when the size was not made
                    return new Shortcodes.Image(chosen.url(), v.url(), chosen.width(), chosen.height(), alt, caption);
                }
            };
        }

        // ------------------------------------------------------------------ posts

        void post(Wxr.Item item, Collected c) {
            Instant now = Times.now();
            String key = Long.toString(item.postId());
            String thumbnail = thumbnail(item, c);
            Long featuredMediaId = featuredMedia(item);
            String postDigest = postDigest(WpContent.VERSION, item, thumbnail);
            metadata(item);
            // (posts without a featured media item keep the digest they had before media were imported)
            String digest = featuredMediaId == null ? postDigest : digest(postDigest, featuredMediaId);
            if (!blank(item.password())) { // (and open posts the one they had before passwords were)
                digest = digest(digest, "protected");
            }
            Source existing = source("post", key);
            Post post = existing == null ? null : em.find(Post.class, existing.gazetteId());
            boolean wasPublic = post != null && post.isPublicAt(now);
            if (post != null && existing.digest().equals(digest)) {
                if (!blank(item.password())) {
                    protect(post, item.password()); // the digest holds no password (a fast hash of it would undo PBKDF2)
                }
                tally.skipped("posts", "unchanged");
                wpId("post", post.id, item.postId(), "post " + item.postId() + " (line " + item.line() + ")");
            } else {
                boolean created = post == null;
                if (created) {
                    post = new Post();
                    post.createdAt = now;
                }
                map(item, post, thumbnail, now, created);
                post.featuredMediaId = featuredMediaId;
                if (created) {
                    em.persist(post);
                }
                em.flush();
                remember("post", key, post.id, digest);
                // (before the change feed: the change counter is the last lock a transaction takes)
                wpId("post", post.id, item.postId(), "post " + item.postId() + " (line " + item.line() + ")");
                count("posts", created);
                boolean isPublic = post.isPublicAt(now);
                changes.postTransition(post.id, post.slug, wasPublic, isPublic, true);
            }
            oldLinks.remember(OldLinks.Kind.POST, post.id, item.link(), item.postId(), site);
            comments(item, post, wasPublic);
        }

        private void map(Wxr.Item item, Post post, String thumbnail, Instant now, boolean created) {
            String where = "post " + item.postId() + " (line " + item.line() + ")";
            post.title = item.title() == null ? "" : item.title().trim();
            final Long selfId = post.id;
            String wanted = slug(item.postName(), post.title, "post");
            if (created || !wanted.equals(post.slug)) {
                String slug = Slugs.unique(wanted, s -> postSlugTaken(s, selfId));
                if (!slug.equals(wanted) && created) {
                    warn(where + ": slug '" + wanted + "' was taken; imported as '" + slug + "'");
                }
                post.slug = slug;
            }
            post.content = content(item);
            post.contentText = html.plainText(post.content);
            post.excerpt = blank(item.excerpt()) ? html.excerpt(post.contentText, PostService.EXCERPT_WORDS) : html.plainText(item.excerpt());
            Instant date = date(item.dateGmt());
            if (date == null) {
                date = date(item.dateLocal());
            }
            post.status = switch (item.status() == null ? "" : item.status()) {
                case "publish" -> date != null && date.isAfter(now) ? PostStatus.SCHEDULED : PostStatus.PUBLISHED;
                case "future" -> date != null && date.isAfter(now) ? PostStatus.SCHEDULED : PostStatus.PUBLISHED;
                case "trash" -> PostStatus.TRASHED;
                case "draft", "pending", "auto-draft" -> PostStatus.DRAFT;
                case "private" -> {
                    warn(where + ": private post imported as a draft (Gazette has no private posts)");
                    yield PostStatus.DRAFT;
                }
                default -> {
                    warn(where + ": unknown status '" + item.status() + "' imported as a draft");
                    yield PostStatus.DRAFT;
                }
            };
            if (date == null && (post.status == PostStatus.PUBLISHED)) {
                warn(where + ": no date; published now");
                date = now;
            }
            post.publishedAt = date == null ? null : date;
            post.wpUtcOffset = utcOffset(item.dateLocal(), item.dateGmt());
            post.format = format(item.terms());
            post.wpGuid = guid(item);
            if (created) {
                post.createdAt = date != null && date.isBefore(now) ? date : now;
            }
            // WordPress's own last change (post_modified_gmt, else post_modified read as UTC), never before the
            // publication nor in the future; without one, the publication date on first import, else now
            Instant modified = date(item.modifiedGmt());
            if (modified == null) {
                modified = date(item.modifiedLocal());
            }
            if (modified != null && !modified.isAfter(now) && (date == null || !modified.isBefore(date))) {
                post.modifiedAt = modified;
            } else {
                post.modifiedAt = created && date != null && date.isBefore(now) ? date : now;
            }
            Long authorId = item.creator() == null ? null : authorIds.get(login(item.creator(), authorIds::containsKey));
            if (authorId == null && post.author == null) {
                authorId = authorIds.values().stream().findFirst().orElseGet(this::fallbackAuthor);
                warn(where + ": no author; attributed to author " + authorId);
            }
            if (authorId != null) {
                post.author = em.getReference(Author.class, authorId);
            }
            Set<Category> categories = new LinkedHashSet<>();
            Set<Tag> tags = new LinkedHashSet<>();
            for (Wxr.Term t : item.terms()) {
                if ("category".equals(t.domain()) && categoryIds.containsKey(t.nicename())) {
                    categories.add(em.getReference(Category.class, categoryIds.get(t.nicename())));
                } else if ("post_tag".equals(t.domain()) && tagIds.containsKey(t.nicename())) {
                    tags.add(em.getReference(Tag.class, tagIds.get(t.nicename())));
                }
            }
            post.categories.retainAll(categories);
            post.categories.addAll(categories);
            post.tags.retainAll(tags);
            post.tags.addAll(tags);
            post.commentStatus = "closed".equals(item.commentStatus()) ? Post.CommentStatus.CLOSED : Post.CommentStatus.OPEN;
            post.sticky = item.sticky();
            post.featuredImageUrl = thumbnail;
            protect(post, item.password());
        }

        /**
         * A post with a {@code wp:post_password} stays protected by it, published or not (stored hashed,
         * never in clear; an unchanged password keeps its hash); one without is open.
         */
        private void protect(Post post, String password) {
            if (blank(password)) {
                post.passwordHash = null;
            } else if (!PostPassword.matches(post.passwordHash, password)) {
                post.passwordHash = PostPassword.hash(password);
            }
        }

        private Long fallbackAuthor() {
            return em.createQuery("select a.id from Author a where a.role = :role order by a.id", Long.class)
                    .setParameter("role", Role.ADMIN).setMaxResults(1).getSingleResult();
        }

        /** The media item of the post's {@code _thumbnail_id} attachment, if the file has it. */
        private Long featuredMedia(Wxr.Item item) {
            String id = item.meta().get("_thumbnail_id");
            if (blank(id)) {
                return null;
            }
            try {
                return mediaIds.get(Long.parseLong(id.trim()));
            } catch (NumberFormatException e) {
                return null;
            }
        }

        private String thumbnail(Wxr.Item item, Collected c) {
            String id = item.meta().get("_thumbnail_id");
            if (blank(id)) {
                return null;
            }
            try {
                String url = c.attachmentUrls.get(Long.parseLong(id.trim()));
                return url != null && url.matches("^https?://\\S+$") && url.length() <= 2000 ? url : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }

        private boolean postSlugTaken(String slug, Long exceptId) {
            return !em.createQuery("select p.id from Post p where p.slug = :slug and p.id <> :id")
                    .setParameter("slug", slug).setParameter("id", exceptId == null ? -1L : exceptId)
                    .setMaxResults(1).getResultList().isEmpty();
        }

        // ------------------------------------------------------------------ comments

        /** A comment already in Gazette: where it sits in its thread. */
        private record Placed(long id, int depth, String path, long rootId) {
        }

        void comments(Wxr.Item item, Post post, boolean postWasPublic) {
            if (item.comments().isEmpty()) {
                return;
            }
            Map<Long, Wxr.Comment> byId = new LinkedHashMap<>();
            for (Wxr.Comment wc : item.comments()) {
                String type = wc.type() == null ? "" : wc.type().trim();
                if (!type.isEmpty() && !type.equals("comment")) {
                    tally.skipped("comments", type);
                } else {
                    byId.put(wc.id(), wc);
                }
            }
            Map<String, Long[]> mapped = commentSources(post.id);
            Map<Long, Placed> placed = new HashMap<>();
            if (!mapped.isEmpty()) {
                em.unwrap(Session.class).doWork(connection -> {
                    try (PreparedStatement q = connection.prepareStatement("select id, depth, path, root_id from comment where post_id = ?")) {
                        q.setLong(1, post.id);
                        try (ResultSet rs = q.executeQuery()) {
                            while (rs.next()) {
                                placed.put(rs.getLong(1), new Placed(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getLong(4)));
                            }
                        }
                    }
                });
            }
            // parents before their replies, whatever the order in the file
            List<Wxr.Comment> ordered = new ArrayList<>();
            Set<Long> visiting = new HashSet<>();
            Set<Long> done = new HashSet<>();
            for (Wxr.Comment wc : byId.values()) {
                order(wc, byId, visiting, done, ordered);
            }
            List<Long> created = new ArrayList<>();
            List<Object[]> newSources = new ArrayList<>(); // wp key, gazette id, digest: inserted in one batch
            List<long[]> statusChanges = new ArrayList<>();
            Map<Long, Long> gazetteIds = new HashMap<>();
            int maxDepth = config.comments().maxDepth() - 1;
            Instant now = Times.now();
            em.unwrap(Session.class).doWork(connection -> {
                for (Wxr.Comment wc : ordered) {
                    String key = Long.toString(wc.id());
                    String digest = digest(wc.author(), wc.email(), wc.url(), wc.ip(), wc.dateLocal(), wc.dateGmt(), wc.content(),
                            wc.approved(), Long.toString(wc.parent()));
                    CommentStatus status = status(wc.approved());
                    Long[] existing = mapped.get(key);
                    if (existing != null && placed.containsKey(existing[0])) {
                        gazetteIds.put(wc.id(), existing[0]);
                        if (digestOf(existing).equals(digest)) {
                            tally.skipped("comments", "unchanged");
                            continue;
                        }
                        String before = updateComment(connection, existing[0], wc, status, now);
                        remember("comment", key, existing[0], digest, post.id);
                        count("comments", false);
                        statusChanges.add(new long[]{existing[0], "APPROVED".equals(before) ? 1 : 0, status == CommentStatus.APPROVED ? 1 : 0});
                        continue;
                    }
                    Placed parent = null;
                    if (wc.parent() != 0) {
                        Long parentId = gazetteIds.get(wc.parent());
                        parent = parentId == null ? null : placed.get(parentId);
                        if (parent == null) {
                            warn("comment " + wc.id() + " on post " + item.postId() + ": parent " + wc.parent()
                                    + " is not imported; the reply became a top-level comment");
                        }
                    }
                    while (parent != null && parent.depth() >= maxDepth) {
                        parent = placed.get(parentOf(parent));
                    }
                    long id = insertComment(connection, post.id, parent, wc, status, now);
                    Placed self = parent == null ? new Placed(id, 0, "/", id)
                            : new Placed(id, parent.depth() + 1, parent.path() + parent.id() + "/", parent.rootId());
                    placed.put(id, self);
                    gazetteIds.put(wc.id(), id);
                    newSources.add(new Object[]{key, id, digest});
                    count("comments", true);
                    if (status == CommentStatus.APPROVED) {
                        created.add(id);
                    }
                }
            });
            insertCommentSources(newSources, post.id);
            Map<Long, Long> wpIdsOfComments = new LinkedHashMap<>();
            gazetteIds.forEach((wp, id) -> wpIdsOfComments.put(id, wp));
            for (WpIdClaims.Clash clash : wpIds.claim("comment", wpIdsOfComments)) {
                wpIdTaken("comment", "comment " + clash.wpId() + " on post " + item.postId(), clash);
            }
            recount(post.id);
            if (post.isPublicAt(now)) {
                changes.comments(post.id, created, ChangeLog.Action.CREATED);
                for (long[] change : statusChanges) {
                    changes.commentTransition(change[0], post.id, change[1] == 1, change[2] == 1);
                }
            }
        }

        private Long parentOf(Placed p) {
            if (p.depth() == 0) {
                return null;
            }
            String[] ids = p.path().split("/");
            return Long.parseLong(ids[ids.length - 1]);
        }

        private void order(Wxr.Comment wc, Map<Long, Wxr.Comment> byId, Set<Long> visiting, Set<Long> done, List<Wxr.Comment> out) {
            // iterative: a 10,000-deep chain must not overflow the stack
            List<Wxr.Comment> chain = new ArrayList<>();
            Wxr.Comment current = wc;
            while (current != null && !done.contains(current.id()) && visiting.add(current.id())) {
                chain.add(current);
                current = current.parent() == 0 ? null : byId.get(current.parent());
            }
            for (int i = chain.size() - 1; i >= 0; i--) {
                Wxr.Comment c = chain.get(i);
                if (done.add(c.id())) {
                    out.add(c);
                }
                visiting.remove(c.id());
            }
        }

        private long insertComment(Connection connection, long postId, Placed parent, Wxr.Comment wc, CommentStatus status, Instant now)
                throws SQLException {
            Instant created = date(wc.dateGmt());
            if (created == null) {
                created = date(wc.dateLocal());
            }
            if (created == null) {
                created = now;
            }
            try (PreparedStatement insert = connection.prepareStatement("insert into comment (post_id, parent_id, root_id, depth, path,"
                    + " author_name, author_email, author_url, avatar_hash, ip_hash, content, status, created_at, updated_at, wp_utc_offset)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                insert.setLong(1, postId);
                if (parent == null) {
                    insert.setNull(2, java.sql.Types.BIGINT);
                    insert.setLong(3, 0);
                    insert.setInt(4, 0);
                    insert.setString(5, "/");
                } else {
                    insert.setLong(2, parent.id());
                    insert.setLong(3, parent.rootId());
                    insert.setInt(4, parent.depth() + 1);
                    insert.setString(5, parent.path() + parent.id() + "/");
                }
                bindAuthorAndContent(insert, 6, wc, status);
                insert.setTimestamp(13, Timestamp.from(created));
                insert.setTimestamp(14, Timestamp.from(created));
                setInteger(insert, 15, utcOffset(wc.dateLocal(), wc.dateGmt()));
                insert.executeUpdate();
                long id;
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
                if (parent == null) {
                    try (PreparedStatement root = connection.prepareStatement("update comment set root_id = id where id = ?")) {
                        root.setLong(1, id);
                        root.executeUpdate();
                    }
                }
                return id;
            }
        }

        /** Updates an imported comment in place (its place in the thread stays); returns its former status. */
        private String updateComment(Connection connection, long id, Wxr.Comment wc, CommentStatus status, Instant now) throws SQLException {
            String before;
            try (PreparedStatement q = connection.prepareStatement("select status from comment where id = ?")) {
                q.setLong(1, id);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    before = rs.getString(1);
                }
            }
            try (PreparedStatement update = connection.prepareStatement("update comment set author_name = ?, author_email = ?,"
                    + " author_url = ?, avatar_hash = ?, ip_hash = ?, content = ?, status = ?, updated_at = ?, wp_utc_offset = ?,"
                    + " version = version + 1 where id = ?")) {
                bindAuthorAndContent(update, 1, wc, status);
                update.setTimestamp(8, Timestamp.from(now));
                setInteger(update, 9, utcOffset(wc.dateLocal(), wc.dateGmt()));
                update.setLong(10, id);
                update.executeUpdate();
            }
            return before;
        }

        private void bindAuthorAndContent(PreparedStatement s, int first, Wxr.Comment wc, CommentStatus status) throws SQLException {
            String email = blank(wc.email()) ? null : truncate(wc.email().trim(), 320);
            String name = blank(wc.author()) ? "Anonymous" : truncate(wc.author().trim(), 200);
            s.setString(first, name);
            s.setString(first + 1, email);
            s.setString(first + 2, blank(wc.url()) ? null : truncate(wc.url().trim(), 2000));
            s.setString(first + 3, email == null ? null : Hashes.sha256Hex(email.toLowerCase(Locale.ROOT)));
            s.setString(first + 4, blank(wc.ip()) ? null : Hashes.hmacSha256Hex(config.comments().ipHashSecret(), wc.ip().trim()));
            s.setString(first + 5, html.commentHtml(wc.content()));
            s.setString(first + 6, status.name());
        }

        /** Maps of comments new to Gazette (nothing to update): one JDBC batch per post. */
        private void insertCommentSources(List<Object[]> rows, long postId) {
            if (rows.isEmpty()) {
                return;
            }
            em.unwrap(Session.class).doWork(connection -> {
                try (PreparedStatement insert = connection.prepareStatement("insert into import_source (site, kind, wp_key, gazette_id,"
                        + " digest, post_id) values (?, 'comment', ?, ?, ?, ?)")) {
                    for (Object[] r : rows) {
                        insert.setString(1, site);
                        insert.setString(2, (String) r[0]);
                        insert.setLong(3, (Long) r[1]);
                        insert.setString(4, (String) r[2]);
                        insert.setLong(5, postId);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            });
        }

        /** Sets every count of the post's comments from the rows themselves: exact however the import went. */
        private void recount(long postId) {
            em.unwrap(Session.class).doWork(connection -> {
                record Row(long id, Long parent, boolean approved, int replies, int descendants, int depth) {
                }
                List<Row> rows = new ArrayList<>();
                try (PreparedStatement q = connection.prepareStatement(
                        "select id, parent_id, status, reply_count, descendant_count, depth from comment where post_id = ? order by depth desc")) {
                    q.setLong(1, postId);
                    try (ResultSet rs = q.executeQuery()) {
                        while (rs.next()) {
                            long parent = rs.getLong(2);
                            rows.add(new Row(rs.getLong(1), rs.wasNull() ? null : parent, "APPROVED".equals(rs.getString(3)),
                                    rs.getInt(4), rs.getInt(5), rs.getInt(6)));
                        }
                    }
                }
                Map<Long, int[]> counts = new HashMap<>();
                int approved = 0;
                for (Row r : rows) { // deepest first: a comment's own counts are final before its parent's
                    int[] own = counts.computeIfAbsent(r.id(), k -> new int[2]);
                    if (r.approved()) {
                        approved++;
                    }
                    if (r.parent() != null) {
                        int[] up = counts.computeIfAbsent(r.parent(), k -> new int[2]);
                        up[0] += r.approved() ? 1 : 0;
                        up[1] += (r.approved() ? 1 : 0) + own[1];
                    }
                }
                try (PreparedStatement update = connection.prepareStatement(
                        "update comment set reply_count = ?, descendant_count = ? where id = ?")) {
                    int pending = 0;
                    for (Row r : rows) {
                        int[] n = counts.get(r.id());
                        if (n[0] != r.replies() || n[1] != r.descendants()) {
                            update.setInt(1, n[0]);
                            update.setInt(2, n[1]);
                            update.setLong(3, r.id());
                            update.addBatch();
                            pending++;
                        }
                    }
                    if (pending > 0) {
                        update.executeBatch();
                    }
                }
                try (PreparedStatement update = connection.prepareStatement(
                        "update post set comment_count = ? where id = ?")) {
                    update.setInt(1, approved);
                    update.setLong(2, postId);
                    update.executeUpdate();
                }
            });
        }

        private Map<String, Long[]> commentSources(long postId) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select s.wp_key, s.gazette_id, s.digest from import_source s"
                            + " where s.site = :site and s.kind = 'comment' and s.post_id = :post")
                    .setParameter("site", site).setParameter("post", postId).getResultList();
            Map<String, Long[]> result = new HashMap<>();
            for (Object[] r : rows) {
                digests.put(((Number) r[1]).longValue(), (String) r[2]);
                result.put((String) r[0], new Long[]{((Number) r[1]).longValue()});
            }
            return result;
        }

        private final Map<Long, String> digests = new HashMap<>();

        private String digestOf(Long[] existing) {
            return digests.getOrDefault(existing[0], "");
        }

        // ------------------------------------------------------------------ the source map

        private record Source(long gazetteId, String digest) {
        }

        private Source source(String kind, String key) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select gazette_id, digest from import_source where site = :site and kind = :kind and wp_key = :key")
                    .setParameter("site", site).setParameter("kind", kind).setParameter("key", key).getResultList();
            return rows.isEmpty() ? null : new Source(((Number) rows.get(0)[0]).longValue(), (String) rows.get(0)[1]);
        }

        private void remember(String kind, String key, long id, String digest) {
            remember(kind, key, id, digest, null);
        }

        /** Records where a WordPress item went; comments also note their post, so a post's comments are found together. */
        private void remember(String kind, String key, long id, String digest, Long postId) {
            String post = postId == null ? "null" : ":post";
            var update = em.createNativeQuery("update import_source set gazette_id = :id, digest = :digest, post_id = " + post
                    + " where site = :site and kind = :kind and wp_key = :key");
            var insert = em.createNativeQuery("insert into import_source (site, kind, wp_key, gazette_id, digest, post_id)"
                    + " values (:site, :kind, :key, :id, :digest, " + post + ")");
            for (var q : List.of(update, insert)) {
                q.setParameter("id", id).setParameter("digest", digest).setParameter("site", site).setParameter("kind", kind)
                        .setParameter("key", key);
                if (postId != null) {
                    q.setParameter("post", postId);
                }
            }
            if (update.executeUpdate() == 0) {
                insert.executeUpdate();
            }
        }

        private void count(String type, boolean created) {
            if (created) {
                tally.created(type);
            } else {
                tally.updated(type);
            }
        }

        private boolean taken(String table, String slug) {
            return ((Number) em.createNativeQuery("select count(*) from " + table + " where slug = :slug")
                    .setParameter("slug", slug).getSingleResult()).longValue() > 0;
        }
    }

    // ---------------------------------------------------------------------- helpers

    static CommentStatus status(String approved) {
        return switch (approved == null ? "" : approved.trim()) {
            case "1", "approve" -> CommentStatus.APPROVED;
            case "spam" -> CommentStatus.SPAM;
            case "trash", "post-trashed" -> CommentStatus.TRASHED;
            default -> CommentStatus.PENDING;
        };
    }

    /** A WordPress slug if it is one Gazette accepts (after URL-decoding), else one made from the name. */
    static String slug(String wpSlug, String name, String fallback) {
        if (!blank(wpSlug)) {
            String decoded;
            try {
                decoded = URLDecoder.decode(wpSlug.trim(), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                decoded = wpSlug.trim();
            }
            if (Slugs.isValid(decoded) && decoded.length() <= Slugs.MAX_LENGTH - 12) {
                return decoded;
            }
            String folded = Slugs.of(decoded, "");
            if (!folded.isEmpty() && Slugs.isValid(folded)) { // "-2": only the digits of a non-Latin slug survived
                return folded;
            }
        }
        return Slugs.of(name, fallback);
    }

    private static final java.util.regex.Pattern NOT_IN_LOGIN = java.util.regex.Pattern.compile("[^a-zA-Z0-9 _.@-]");

    /**
     * The author login an item's {@code dc:creator} names: itself when it is a known login, else what WordPress'
     * importer makes of it ({@code sanitize_user($login, true)}: tags, entities and characters outside letters,
     * digits, space, {@code _.-@} removed), when that is known; so a stray {@code >} in an export
     * ({@code <dc:creator>>editor</dc:creator>}) is the author {@code editor}, not a new one.
     */
    static String login(String creator, java.util.function.Predicate<String> known) {
        if (creator == null || known.test(creator)) {
            return creator;
        }
        String strict = NOT_IN_LOGIN.matcher(creator.replaceAll("<[^>]*>", "").replaceAll("&[a-zA-Z0-9#]+;", ""))
                .replaceAll("").trim().replaceAll("\\s+", " ");
        return known.test(strict) ? strict : creator;
    }

    /**
     * How far a WordPress local date is from its UTC twin (post_date and post_date_gmt, comment_date and
     * comment_date_gmt), in minutes: the site's offset when the item was written. Null when either is missing
     * or the difference is not an offset a time zone can have (beyond 18 hours).
     */
    static Integer utcOffset(String local, String gmt) {
        Instant l = date(local);
        Instant g = date(gmt);
        if (l == null || g == null) {
            return null;
        }
        long minutes = java.time.Duration.between(g, l).toMinutes();
        return Math.abs(minutes) <= 18 * 60 ? (int) minutes : null;
    }

    /** An item's WordPress post format ({@code post-format-gallery} in the post_format taxonomy: gallery), or null. */
    static String format(List<Wxr.Term> terms) {
        for (Wxr.Term t : terms) {
            if ("post_format".equals(t.domain()) && t.nicename() != null && t.nicename().startsWith("post-format-")) {
                String format = t.nicename().substring("post-format-".length());
                return POST_FORMATS.contains(format) ? format : null;
            }
        }
        return null;
    }

    /** WordPress' post formats besides standard. */
    static final Set<String> POST_FORMATS = Set.of("aside", "chat", "gallery", "link", "image", "quote", "status", "video", "audio");

    /** An item's {@code <guid>} as kept (WordPress' guid, feed readers' id for it), or null without one. */
    static String guid(Wxr.Item item) {
        return blank(item.guid()) ? null : truncate(item.guid().trim(), 2000);
    }

    private static void setInteger(PreparedStatement s, int index, Integer value) throws SQLException {
        if (value == null) {
            s.setNull(index, java.sql.Types.INTEGER);
        } else {
            s.setInt(index, value);
        }
    }

    /** A WordPress date ("2007-09-04 16:52:50", UTC for the _gmt fields); null for the empty "0000-00-00 00:00:00". */
    static Instant date(String value) {
        if (blank(value) || value.startsWith("0000-00-00")) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.trim(), WP_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * What decides whether a post imported before is written again: its fields in the file and the version of
     * the conversion that made its content ({@link WpContent#VERSION}), so a changed conversion converts it again.
     */
    static String postDigest(String conversion, Wxr.Item item, String thumbnail) {
        return digest(conversion, item.title(), item.content(), item.excerpt(), item.status(), item.postName(), item.dateLocal(),
                item.dateGmt(), item.modifiedLocal(), item.modifiedGmt(), item.creator(), item.commentStatus(), Boolean.toString(item.sticky()),
                thumbnail, item.terms().stream().map(t -> t.domain() + ":" + t.nicename()).sorted().toList().toString());
    }

    /** The newest export format version known here (WordPress's importer: max_wxr_version). */
    static final String MAX_WXR_VERSION = "1.2";

    /** Whether a (valid, {@code major.minor}) WXR version is newer than {@link #MAX_WXR_VERSION}. */
    static boolean newerThanKnown(String version) {
        if (version == null || !version.matches("\\d{1,9}\\.\\d{1,9}")) {
            return false;
        }
        String[] v = version.split("\\.");
        String[] max = MAX_WXR_VERSION.split("\\.");
        int major = Integer.parseInt(v[0]);
        int maxMajor = Integer.parseInt(max[0]);
        return major > maxMajor || (major == maxMajor && Integer.parseInt(v[1]) > Integer.parseInt(max[1]));
    }

    static String digest(Object... parts) {
        StringBuilder s = new StringBuilder();
        for (Object part : parts) {
            s.append(Objects.toString(part, "\u0000")).append('\u0001');
        }
        return Hashes.sha256Hex(s.toString());
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
