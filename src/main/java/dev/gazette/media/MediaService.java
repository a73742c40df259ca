package dev.gazette.media;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gazette.author.Caller;
import dev.gazette.author.Principal;
import dev.gazette.author.Role;
import dev.gazette.common.Times;
import dev.gazette.common.persistence.SqlReads;
import dev.gazette.common.web.ApiException;
import dev.gazette.common.web.Cursor;
import dev.gazette.common.web.HttpCaching;
import dev.gazette.common.web.ListPage;
import dev.gazette.common.web.MergePatch;
import dev.gazette.common.web.PageInfo;
import dev.gazette.sync.ChangeLog;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The media library: storing uploaded (or imported) images with their derived sizes, reading,
 * editing and deleting them. Who may write is as for posts: admins and editors every item, authors
 * their own. Reading is public, as the files are.
 */
@ApplicationScoped
public class MediaService {

    private static final String SORT = "media";

    @Inject
    MediaRepository media;

    @Inject
    MediaStore store;

    @Inject
    ImageSizes images;

    @Inject
    MediaConfig config;

    @Inject
    Caller caller;

    @Inject
    MergePatch mergePatch;

    @Inject
    ChangeLog changes;

    @Inject
    EntityManager em;

    @Inject
    SqlReads sql;

    /** The roles that may add and change media (as for posts). */
    static final Role[] WRITERS = {Role.ADMIN, Role.EDITOR, Role.AUTHOR};

    /** A file to store, as received: its bytes and what came with them. */
    public record Upload(byte[] bytes, String fileName, String title, String altText, String caption, String originalUrl) {
    }

    /**
     * Stores an image: checks its type from its bytes (415 otherwise), reads its dimensions, makes its
     * derived sizes, and records it in a transaction of its own (the files are written before it commits).
     */
    public MediaView create(Upload upload, Long authorId) {
        ImageFormat format = ImageFormat.detect(upload.bytes());
        if (format == null) {
            throw new ApiException(415, "unsupported-media-type", "Unsupported media type",
                    "The file is not a JPEG, PNG, WebP or GIF image (its type is read from its content, not its name).", null);
        }
        ImageSizes.Result derived;
        try {
            derived = images.derive(upload.bytes(), format);
        } catch (ImageSizes.Undecodable | ImageSizes.TooManyPixels e) {
            throw ApiException.invalid("file", e.getMessage());
        }
        Long[] created = new Long[1];
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Media m = newMedia(upload, authorId);
                m.mimeType = format.mimeType;
                m.byteSize = (long) upload.bytes().length;
                m.width = derived.width();
                m.height = derived.height();
                m.sha256 = sha256(upload.bytes());
                m.sizes = DerivedSize.format(derived.sizes());
                media.persist(m);
                media.flush();
                created[0] = m.id;
                store.write(m.id, MediaStore.FULL, format.extension, upload.bytes());
                for (int i = 0; i < derived.sizes().size(); i++) {
                    DerivedSize size = derived.sizes().get(i);
                    store.write(m.id, size.name(), size.extension(), derived.files().get(i));
                }
                return view(m);
            });
        } catch (RuntimeException e) {
            if (created[0] != null) {
                store.delete(created[0]);
            }
            throw e;
        }
    }

    /** Records a media item without a file: an imported attachment whose file could not be fetched. */
    public MediaView createWithoutFile(Upload upload, Long authorId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Media m = newMedia(upload, authorId);
            media.persist(m);
            media.flush();
            return view(m);
        });
    }

    /** What an import made of an attachment: the item, and why its file is not stored (null when it is). */
    public record Imported(long id, String notStored) {
    }

    /**
     * An imported attachment: stored with its file when {@code upload} carries one that is an image Gazette
     * takes, else recorded with its original URL only.
     */
    public Imported importAttachment(Upload upload, Long authorId, String fetchFailure) {
        if (upload.bytes() != null) {
            try {
                return new Imported(create(upload, authorId).id(), null);
            } catch (ApiException e) {
                fetchFailure = e.getMessage();
            }
        }
        Upload withoutFile = new Upload(null, upload.fileName(), upload.title(), upload.altText(), upload.caption(), upload.originalUrl());
        return new Imported(createWithoutFile(withoutFile, authorId).id(), fetchFailure);
    }

    /** A later import changed an imported attachment's texts; false when the item is gone. */
    public boolean updateTexts(long id, String title, String altText, String caption) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Media m = media.findById(id);
            if (m == null) {
                return false;
            }
            m.title = trim(title, 500);
            m.altText = trim(altText, 1000);
            m.caption = trim(caption, 2000);
            m.updatedAt = Times.now();
            media.flush();
            changed(publicPostsShowing(id));
            return true;
        });
    }

    private static Media newMedia(Upload upload, Long authorId) {
        Instant now = Times.now();
        Media m = new Media();
        m.fileName = trim(upload.fileName(), 255);
        m.title = trim(upload.title(), 500);
        m.altText = trim(upload.altText(), 1000);
        m.caption = trim(upload.caption(), 2000);
        m.originalUrl = trim(upload.originalUrl(), 2000);
        m.authorId = authorId;
        m.createdAt = now;
        m.updatedAt = now;
        return m;
    }

    /** Newest first, by id. */
    @Transactional
    public ListPage<MediaView> list(String cursor, int limit) {
        Long before = cursor == null ? null : ((Number) Cursor.decode(cursor, SORT, 1).key().get(0)).longValue();
        List<Media> found = (before == null ? media.find("order by id desc") : media.find("id < ?1 order by id desc", before))
                .page(0, limit + 1).list();
        boolean more = found.size() > limit;
        List<Media> shown = more ? found.subList(0, limit) : found;
        String next = more ? Cursor.after(SORT, List.of(shown.get(limit - 1).id)).encode() : null;
        return new ListPage<>(shown.stream().map(this::view).toList(), new PageInfo(limit, next, null, media.count()));
    }

    @Transactional
    public MediaView get(long id) {
        return view(find(id));
    }

    @Transactional
    public MediaView patch(long id, JsonNode patch, String ifMatch) {
        Principal me = caller.require(WRITERS);
        Media m = writable(id, me, ifMatch);
        MediaEdit edit = mergePatch.apply(new MediaEdit(m.title, m.altText, m.caption), patch, MediaEdit.class);
        m.title = trim(edit.title(), 500);
        m.altText = trim(edit.altText(), 1000);
        m.caption = trim(edit.caption(), 2000);
        m.updatedAt = Times.now();
        media.flush();
        changed(publicPostsShowing(id));
        return view(m);
    }

    /** Deletes the item and its files; posts that showed it as their featured image lose it. */
    public void delete(long id, String ifMatch) {
        QuarkusTransaction.requiringNew().run(() -> {
            Principal me = caller.require(WRITERS);
            Media m = writable(id, me, ifMatch);
            List<Object[]> showing = publicPostsShowing(id);
            em.createNativeQuery("update post set featured_media_id = null where featured_media_id = :id")
                    .setParameter("id", id).executeUpdate();
            media.delete(m);
            media.flush();
            changed(showing);
        });
        store.delete(id);
    }

    /**
     * Views of these items by id (unknown ids are left out), for posts showing them: one SQL statement,
     * no entity loaded (as the post read model).
     */
    public Map<Long, MediaView> views(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, MediaView> views = new HashMap<>();
        sql.list("select id, file_name, title, alt_text, caption, mime_type, byte_size, width, height, sizes, original_url,"
                + " created_at, updated_at, version from media where id in (:ids)", Map.of("ids", List.copyOf(new LinkedHashSet<>(ids))), row -> {
            Media m = new Media();
            m.id = row.getLong(1);
            m.fileName = row.string(2);
            m.title = row.string(3);
            m.altText = row.string(4);
            m.caption = row.string(5);
            m.mimeType = row.string(6);
            m.byteSize = row.longOrNull(7);
            Long width = row.longOrNull(8);
            Long height = row.longOrNull(9);
            m.width = width == null ? null : width.intValue();
            m.height = height == null ? null : height.intValue();
            m.sizes = row.string(10);
            m.originalUrl = row.string(11);
            m.createdAt = row.instant(12);
            m.updatedAt = row.instant(13);
            m.version = row.getLong(14);
            views.put(m.id, view(m));
            return null;
        });
        return views;
    }

    /** Whether an item with this id exists. */
    public boolean exists(long id) {
        return media.count("id", id) > 0;
    }

    /** The stored file of one size, for serving; null when there is no such item, size or file. */
    StoredFile file(long id, String size, String extension) {
        Media m = media.findById(id);
        if (m == null || !m.stored()) {
            return null;
        }
        ImageFormat format = ImageFormat.ofMimeType(m.mimeType);
        String mimeType;
        if (MediaStore.FULL.equals(size)) {
            if (!format.extension.equals(extension)) {
                return null;
            }
            mimeType = format.mimeType;
        } else {
            DerivedSize derived = DerivedSize.parse(m.sizes).stream().filter(d -> d.name().equals(size)).findFirst().orElse(null);
            if (derived == null || !derived.extension().equals(extension)) {
                return null;
            }
            mimeType = format.derivedFormat().mimeType;
        }
        return new StoredFile(store.file(id, size, extension), mimeType, "\"" + m.sha256.substring(0, 32) + "-" + size + "\"");
    }

    record StoredFile(java.nio.file.Path path, String mimeType, String etag) {
    }

    private Media find(long id) {
        Media m = media.findById(id);
        if (m == null) {
            throw ApiException.notFound("Media", id);
        }
        return m;
    }

    private Media writable(long id, Principal me, String ifMatch) {
        Media m = find(id);
        if (!me.role().editsAllContent() && (m.authorId == null || m.authorId != me.authorId())) {
            throw ApiException.forbidden("Authors may only change their own media.");
        }
        HttpCaching.checkIfMatch(ifMatch, m.version, "media item");
        return m;
    }

    /** The public posts (id, slug) showing the item as their featured image. */
    @SuppressWarnings("unchecked")
    private List<Object[]> publicPostsShowing(long id) {
        return em.createNativeQuery("select id, slug from post where featured_media_id = :id"
                        + " and status in ('PUBLISHED', 'SCHEDULED') and published_at <= :now order by id")
                .setParameter("id", id).setParameter("now", Times.now()).getResultList();
    }

    /**
     * Public posts showing the item changed with it: recorded in the change feed (which drops their cached
     * answers). Last in the transaction, after every row it writes: the change counter is the last lock taken.
     */
    private void changed(List<Object[]> posts) {
        for (Object[] row : posts) {
            changes.postTransition(((Number) row[0]).longValue(), (String) row[1], true, true, false);
        }
    }

    MediaView view(Media m) {
        String base = config.baseUrl().map(b -> b.endsWith("/") ? b.substring(0, b.length() - 1) : b).orElse("");
        List<MediaView.MediaSize> sizes = new ArrayList<>();
        String url;
        if (m.stored()) {
            ImageFormat format = ImageFormat.ofMimeType(m.mimeType);
            url = base + "/media/" + m.id + "/" + MediaStore.FULL + "." + format.extension;
            sizes.add(new MediaView.MediaSize(MediaStore.FULL, url, m.width, m.height, format.mimeType));
            for (DerivedSize d : DerivedSize.parse(m.sizes)) {
                sizes.add(new MediaView.MediaSize(d.name(), base + "/media/" + m.id + "/" + d.name() + "." + d.extension(),
                        d.width(), d.height(), format.derivedFormat().mimeType));
            }
        } else {
            url = m.originalUrl;
        }
        return new MediaView(m.id, m.fileName, m.title, m.altText, m.caption, m.mimeType, m.byteSize, m.width, m.height,
                url, m.originalUrl, sizes, m.createdAt, m.updatedAt, m.version);
    }

    private static String trim(String value, int max) {
        if (value == null) {
            return null;
        }
        String t = value.strip();
        if (t.isEmpty()) {
            return null;
        }
        return t.length() > max ? t.substring(0, max) : t;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
