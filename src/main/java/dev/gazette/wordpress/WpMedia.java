package dev.gazette.wordpress;

import dev.gazette.common.text.Slugs;
import dev.gazette.media.MediaService;
import dev.gazette.media.MediaView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /wp/v2/media}: Gazette's media library as WordPress' attachments. Items are read by id in one
 * statement through {@link MediaService#views} (the same views the native API shows), and their sizes become
 * WordPress' {@code media_details.sizes} (thumbnail, medium, large, full). Every item is public, as its
 * files are; there are no attachment pages, so {@code link} is WordPress' {@code ?attachment_id=} form.
 */
@ApplicationScoped
class WpMedia {

    static final List<String> ORDERBY = List.of("author", "date", "id", "include", "modified", "parent", "relevance", "slug",
            "include_slugs", "title");
    static final List<String> MEDIA_TYPES = List.of("image", "video", "text", "application", "audio");

    @Inject
    WpReads reads;

    @Inject
    MediaService media;

    @Inject
    WpService service;

    WpService.Listing<WpJson.Media> list(WpArgs args, WpService.Urls urls) {
        WpService.Paging paging = WpService.Paging.of(args);
        WpReads.Select s = WpReads.media();
        WpService.search(s, args, "m.title", "m.caption", "m.file_name");
        WpService.wpIdFilter(s, "m.id", "media", args.ids("include"), args.ids("exclude"), "id");
        WpService.idFilter(s, "coalesce(m.author_id, 0)", args.ids("author"), args.ids("author_exclude"), "author");
        WpService.dateFilter(s, "m.created_at", args.date("after"), args.date("before"), "created");
        WpService.dateFilter(s, "m.updated_at", args.date("modified_after"), args.date("modified_before"), "modified");
        List<Long> parents = args.ids("parent");
        if (!parents.isEmpty() && !parents.contains(0L)) {
            s.where("1 = 0"); // Gazette's media are attached to no post
        }
        String mediaType = args.oneOf("media_type", null, MEDIA_TYPES);
        if (mediaType != null) {
            s.where("lower(coalesce(m.mime_type, '')) like :mediaType", "mediaType", mediaType + "/%");
        }
        String mimeType = args.text("mime_type");
        if (mimeType != null) {
            s.where("lower(m.mime_type) = :mimeType", "mimeType", mimeType.toLowerCase(Locale.ROOT));
        }
        String orderby = args.oneOf("orderby", "date", ORDERBY);
        String direction = args.oneOf("order", "desc", WpService.ORDER).equals("desc") ? " desc" : " asc";
        args.check();
        s.orderBy = switch (orderby) {
            case "id", "parent" -> WpReads.wpId("m") + direction;
            case "include" -> WpService.positionIn(WpReads.wpId("m"), args.ids("include"), "include", null, s) + ", m.id";
            case "author" -> "m.author_id" + direction + ", m.id" + direction;
            case "modified" -> "m.updated_at" + direction + ", m.id" + direction;
            case "title", "slug", "include_slugs" -> "m.title" + direction + ", m.id" + direction;
            default -> "m.created_at" + direction + ", m.id" + direction;
        };
        WpReads.Page<long[]> page = reads.mediaIds(s, paging.offset(), paging.perPage());
        Map<Long, MediaView> views = media.views(page.rows().stream().map(ids -> ids[0]).toList());
        ZoneId zone = service.zone();
        List<WpJson.Media> items = page.rows().stream().filter(ids -> views.containsKey(ids[0]))
                .map(ids -> of(views.get(ids[0]), ids[1], urls, zone)).toList();
        return paging.listing(items, page.total());
    }

    /** The media item answering to this id here. */
    WpJson.Media get(long wpId, WpService.Urls urls) {
        Long id = reads.gazetteId("media", wpId);
        MediaView m = id == null ? null : media.views(List.of(id)).get(id);
        if (m == null) {
            throw WpError.notFound("rest_post_invalid_id", "Invalid post ID.");
        }
        return of(m, wpId, urls, service.zone());
    }

    /** A media item as WordPress shows an attachment; {@code wpId} the id it answers to here. */
    static WpJson.Media of(MediaView m, long wpId, WpService.Urls urls, ZoneId zone) {
        String source = absolute(m.url(), urls);
        Map<String, WpJson.MediaSize> sizes = new LinkedHashMap<>();
        for (MediaView.MediaSize size : m.sizes()) {
            if (!size.name().equals("full")) {
                sizes.put(size.name(), size(size, urls));
            }
        }
        m.sizes().stream().filter(size -> size.name().equals("full")).findFirst().ifPresent(full -> sizes.put("full", size(full, urls)));
        String title = m.title() != null && !m.title().isBlank() ? m.title() : baseName(m.fileName());
        String slug = Slugs.of(title, "media-" + wpId);
        boolean image = m.mimeType() != null && m.mimeType().startsWith("image/");
        boolean stored = !m.sizes().isEmpty();
        String file = m.fileName() != null ? m.fileName() : source.substring(source.lastIndexOf('/') + 1);
        WpLinks links = new WpLinks().add("self", urls.api("media/" + wpId), "targetHints", Map.of("allow", List.of("GET")))
                .add("collection", urls.api("media")).add("about", urls.api("types/attachment"));
        links.add("replies", urls.api("comments?post=" + wpId), "embeddable", true);
        String caption = m.caption() == null || m.caption().isBlank() ? ""
                : dev.gazette.common.text.Autop.paragraphs(Texturize.apply(escape(m.caption())));
        return new WpJson.Media(wpId, WpRender.date(m.createdAt(), zone), WpRender.dateGmt(m.createdAt()),
                new WpJson.Rendered(source), WpRender.date(m.updatedAt(), zone), WpRender.dateGmt(m.updatedAt()), slug, "inherit",
                "attachment", urls.site() + "?attachment_id=" + wpId, new WpJson.Rendered(WpRender.title(title)),
                0, 0, "open", "closed", "", List.of(),
                List.of("post-" + wpId, "attachment", "type-attachment", "status-inherit", "hentry"),
                new WpJson.Rendered(""), new WpJson.Rendered(caption), m.altText() == null ? "" : m.altText(),
                image && stored ? "image" : "file", m.mimeType() == null ? guessedType(m.url()) : m.mimeType(),
                stored ? new WpJson.MediaDetails(m.width(), m.height(), file, m.byteSize(), sizes, Map.of()) : Map.of(), null,
                source, stored ? file : null, m.byteSize(), links.build());
    }

    private static WpJson.MediaSize size(MediaView.MediaSize size, WpService.Urls urls) {
        String url = absolute(size.url(), urls);
        return new WpJson.MediaSize(url.substring(url.lastIndexOf('/') + 1), size.width(), size.height(), size.mimeType(), url);
    }

    /** Gazette's URLs are server-relative unless gazette.media.base-url is set; WordPress' are absolute. */
    private static String absolute(String url, WpService.Urls urls) {
        if (url == null) {
            return "";
        }
        return url.startsWith("/") ? urls.base() + url.substring(1) : url;
    }

    /** A file that could not be fetched has no detected type: the one its URL's extension names, as WordPress guesses it. */
    private static String guessedType(String url) {
        String lower = url == null ? "" : url.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".jpg") || lower.endsWith(".jpeg")) {
            return "image/jpeg";
        }
        for (String ext : List.of("png", "gif", "webp", "avif")) {
            if (lower.endsWith("." + ext)) {
                return "image/" + ext;
            }
        }
        return "";
    }

    private static String baseName(String fileName) {
        if (fileName == null) {
            return "";
        }
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
