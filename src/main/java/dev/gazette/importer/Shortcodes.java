package dev.gazette.importer;

import dev.gazette.common.text.Embeds;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WordPress shortcodes in imported content, rendered as WordPress renders them: {@code [caption]} as a
 * figure with its figcaption, {@code [gallery]} as WordPress's gallery markup of the attachment images
 * known from the same export, {@code [audio]}, {@code [video]} and {@code [playlist]} as media
 * elements, {@code [embed]} as the provider's embed (see {@link Embeds}). The syntax is WordPress's:
 * attributes quoted or not, positional values, self-closing {@code [x /]}, enclosing
 * {@code [x]...[/x]}, and {@code [[x]]} for a literal {@code [x]}. Shortcodes inside {@code <pre>}
 * and {@code <code>} are left alone. Any other shortcode is kept as text and reported by name.
 */
final class Shortcodes {

    /** The shortcodes rendered here. */
    static final Set<String> KNOWN = Set.of("caption", "wp_caption", "gallery", "embed", "audio", "video", "playlist");

    /**
     * The attachments of the export: URLs by id (the imported media item's own URL when its file was
     * stored, else the original), the ids attached to a post (in id order), and images as galleries show them.
     */
    interface Attachments {
        String url(long id);

        List<Long> attachedTo(long postId);

        /** The image of an attachment at a size (thumbnail, medium, large, full), or null when the id is unknown. */
        default Image image(long id, String size) {
            String url = url(id);
            return url == null ? null : new Image(url, url, null, null, null, null);
        }
    }

    /** An attachment's image: its URL at the size asked for and its full URL, that size's dimensions when known, alt text and caption (HTML). */
    record Image(String src, String fullUrl, Integer width, Integer height, String alt, String caption) {
    }

    /** What rendering found: the names of shortcodes left as text, how many gallery or playlist ids were unknown. */
    static final class Report {
        final Set<String> unknown = new TreeSet<>();
        int missingAttachments;
    }

    private static final String NAMES = "caption|wp_caption|gallery|embed|audio|video|playlist";

    /** A known shortcode: [1] escaping bracket, [2] name, [3] attributes, [4] self-closing slash, [5] content, [6] escaping bracket. */
    private static final Pattern SHORTCODE = Pattern.compile("\\[(\\[?)(" + NAMES + ")(?![\\w-])([^\\]/]*(?:/(?!])[^\\]/]*)*?)"
            + "(?:(/)]|](?:([^\\[]*+(?:\\[(?!/\\2])[^\\[]*+)*+)\\[/\\2])?)(]?)");

    /** Something shaped like a shortcode of any name, to find the unknown ones. */
    private static final Pattern ANY = Pattern.compile("\\[(\\[?)([a-zA-Z][\\w-]{0,49})(?![\\w-])((?:\\s[^\\]\\[]*)?)(/?)](\\]?)");

    /** WordPress's attribute forms: name="v", name='v', name=v, "v", 'v', v. */
    private static final Pattern ATTRIBUTE = Pattern.compile("([\\w-]+)\\s*=\\s*\"([^\"]*)\"(?:\\s|$)|([\\w-]+)\\s*=\\s*'([^']*)'(?:\\s|$)"
            + "|([\\w-]+)\\s*=\\s*([^\\s'\"]+)(?:\\s|$)|\"([^\"]*)\"(?:\\s|$)|'([^']*)'(?:\\s|$)|(\\S+)(?:\\s|$)");

    /** Regions left untouched. */
    private static final Pattern PROTECTED = Pattern.compile("<(pre|code)(?:\\s[^>]*)?>.*?</\\1\\s*>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /** A paragraph holding nothing but one known shortcode (WordPress's shortcode_unautop). */
    private static final Pattern PARAGRAPH_OF_SHORTCODE = Pattern.compile("<p>(?:[\\r\\n\\t ]|\u00a0|&nbsp;)*+"
            + "(\\[(" + NAMES + ")(?![\\w-])[^\\]/]*(?:/(?!])[^\\]/]*)*?(?:/]|](?:[^\\[]*+(?:\\[(?!/\\2])[^\\[]*+)*+\\[/\\2])?))"
            + "(?:[\\r\\n\\t ]|\u00a0|&nbsp;)*+</p>");

    private static final Pattern IMAGE_FIRST = Pattern.compile("((?:<a [^>]+>\\s*)?<img [^>]+>(?:\\s*</a>)?)(.*)", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Set<String> IMAGE_TYPES = Set.of("jpg", "jpeg", "jpe", "png", "gif", "webp", "avif", "bmp", "ico", "tif", "tiff", "heic");
    private static final Map<String, String> AUDIO_TYPES = Map.of("mp3", "audio/mpeg", "m4a", "audio/mp4", "ogg", "audio/ogg",
            "oga", "audio/ogg", "wav", "audio/wav", "wma", "audio/x-ms-wma", "flac", "audio/flac");
    private static final Map<String, String> VIDEO_TYPES = Map.of("mp4", "video/mp4", "m4v", "video/mp4", "webm", "video/webm",
            "ogv", "video/ogg", "mov", "video/quicktime", "wmv", "video/x-ms-wmv", "flv", "video/x-flv");

    private final Embeds embeds;
    private final Attachments attachments;
    private final long postId;
    private final Report report = new Report();

    Shortcodes(Embeds embeds, Attachments attachments, long postId) {
        this.embeds = embeds;
        this.attachments = attachments;
        this.postId = postId;
    }

    /** Removes the paragraph WordPress's automatic paragraphs put around a shortcode standing alone. */
    static String unwrapParagraphs(String html) {
        if (html.indexOf('[') < 0) {
            return html;
        }
        return PARAGRAPH_OF_SHORTCODE.matcher(html).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
    }

    /** The content with its known shortcodes rendered; unknown ones are kept and noted in {@link #report()}. */
    String render(String content) {
        if (content == null || content.indexOf('[') < 0) {
            return content;
        }
        return outsideProtected(content, this::renderSegment);
    }

    Report report() {
        return report;
    }

    private String renderSegment(String text) {
        noteUnknown(text);
        Matcher m = SHORTCODE.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 256);
        int last = 0;
        while (m.find()) {
            out.append(text, last, m.start());
            last = m.end();
            if (m.group(1).equals("[") && m.group(6).equals("]")) {
                out.append(m.group(), 1, m.group().length() - 1); // [[x]] is the literal [x]
                continue;
            }
            Map<String, String> attrs = attributes(m.group(3));
            String inner = m.group(5);
            String html = switch (m.group(2)) {
                case "caption", "wp_caption" -> caption(attrs, inner);
                case "gallery" -> gallery(attrs);
                case "embed" -> embed(inner);
                case "audio" -> audio(attrs, inner);
                case "video" -> video(attrs, inner);
                case "playlist" -> playlist(attrs);
                default -> m.group();
            };
            out.append(m.group(1)).append(html).append(m.group(6));
        }
        return out.append(text, last, text.length()).toString();
    }

    /**
     * Notes names that look like shortcodes WordPress would have rendered: {@code [name]}, {@code [name /]},
     * {@code [name attr="v"]}, or {@code [name ...]} with a matching {@code [/name]}. Bracketed words in prose,
     * such as "[sic boat]" or "[1]", are not counted.
     */
    private void noteUnknown(String text) {
        Matcher m = ANY.matcher(text);
        while (m.find()) {
            String name = m.group(2).toLowerCase(Locale.ROOT);
            if (KNOWN.contains(name) || (m.group(1).equals("[") && m.group(5).equals("]"))) {
                continue;
            }
            String args = m.group(3).trim();
            if (args.isEmpty() || m.group(4).equals("/") || args.contains("=") || text.contains("[/" + m.group(2) + "]")) {
                report.unknown.add(name);
            }
        }
    }

    static String outsideProtected(String content, Function<String, String> change) {
        Matcher m = PROTECTED.matcher(content);
        StringBuilder out = new StringBuilder(content.length() + 256);
        int last = 0;
        while (m.find()) {
            out.append(change.apply(content.substring(last, m.start()))).append(m.group());
            last = m.end();
        }
        return out.append(change.apply(content.substring(last))).toString();
    }

    /** Attributes by lower-case name; positional values under "0", "1", ... */
    static Map<String, String> attributes(String text) {
        Map<String, String> attrs = new LinkedHashMap<>();
        String t = text.replace('\u00a0', ' ').replace('\u200b', ' ');
        Matcher m = ATTRIBUTE.matcher(t);
        int position = 0;
        while (m.find()) {
            if (m.group(1) != null) {
                attrs.put(m.group(1).toLowerCase(Locale.ROOT), m.group(2));
            } else if (m.group(3) != null) {
                attrs.put(m.group(3).toLowerCase(Locale.ROOT), m.group(4));
            } else if (m.group(5) != null) {
                attrs.put(m.group(5).toLowerCase(Locale.ROOT), m.group(6));
            } else {
                String value = m.group(7) != null ? m.group(7) : m.group(8) != null ? m.group(8) : m.group(9);
                attrs.put(Integer.toString(position++), value);
            }
        }
        return attrs;
    }

    // ---------------------------------------------------------------------- the shortcodes

    /** [caption id align width caption class]<img> Caption text[/caption] */
    private String caption(Map<String, String> attrs, String inner) {
        String content = inner == null ? "" : inner;
        String caption = attrs.get("caption");
        if (caption == null) {
            Matcher m = IMAGE_FIRST.matcher(content);
            if (m.matches()) {
                content = m.group(1);
                caption = m.group(2).trim();
            }
        }
        content = renderSegment(content);
        int width = number(attrs.get("width"), 0);
        if (width < 1 || caption == null || caption.isEmpty()) {
            return content;
        }
        String align = attrs.getOrDefault("align", "alignnone");
        String classes = ("wp-caption " + align + " " + attrs.getOrDefault("class", "")).trim();
        return "<figure class=\"" + Embeds.escape(classes) + "\" style=\"width: " + width + "px\">" + content
                + "<figcaption class=\"wp-caption-text\">" + caption + "</figcaption></figure>";
    }

    /**
     * [gallery ids="1,2" columns="3" size="thumbnail" link="file|none"], or the images attached to the post, as
     * WordPress's HTML5 gallery: a figure per image with the attachment's caption; alt text is the attachment's.
     * WordPress links each image to its attachment page by default, which Gazette does not have: the link goes to
     * the image file instead (as {@code link="file"}).
     */
    private String gallery(Map<String, String> attrs) {
        String size = attrs.getOrDefault("size", "thumbnail").replaceAll("[^A-Za-z0-9_-]", "");
        List<Image> images = new ArrayList<>();
        String ids = attrs.containsKey("ids") ? attrs.get("ids") : attrs.get("include");
        if (ids != null && !ids.isBlank()) {
            for (long id : ids(ids)) {
                Image image = attachments.image(id, size);
                if (image == null) {
                    report.missingAttachments++;
                } else if (IMAGE_TYPES.contains(extension(image.fullUrl())) || IMAGE_TYPES.contains(extension(image.src()))) {
                    images.add(image);
                }
            }
        } else {
            long parent = id(attrs.get("id"), postId);
            Set<Long> excluded = new TreeSet<>(ids(attrs.getOrDefault("exclude", "")));
            for (long id : attachments.attachedTo(parent)) {
                Image image = excluded.contains(id) ? null : attachments.image(id, size);
                if (image != null && (IMAGE_TYPES.contains(extension(image.fullUrl())) || IMAGE_TYPES.contains(extension(image.src())))) {
                    images.add(image);
                }
            }
        }
        if ("DESC".equalsIgnoreCase(attrs.get("order"))) {
            java.util.Collections.reverse(images);
        }
        if (images.isEmpty()) {
            return "";
        }
        int columns = Math.max(0, number(attrs.get("columns"), 3));
        String link = attrs.getOrDefault("link", "");
        StringBuilder out = new StringBuilder("<div class=\"gallery galleryid-" + postId + " gallery-columns-" + columns
                + " gallery-size-" + size + "\">");
        for (Image i : images) {
            String image = "<img src=\"" + Embeds.escape(i.src()) + "\""
                    + (i.width() != null && i.height() != null ? " width=\"" + i.width() + "\" height=\"" + i.height() + "\"" : "")
                    + " class=\"attachment-" + size + " size-" + size + "\" alt=\"" + Embeds.escape(i.alt() == null ? "" : i.alt().strip())
                    + "\" loading=\"lazy\" />";
            String orientation = i.width() == null || i.height() == null ? "" : i.height() > i.width() ? " portrait" : " landscape";
            out.append("<figure class=\"gallery-item\"><div class=\"gallery-icon").append(orientation).append("\">")
                    .append("none".equals(link) ? image : "<a href=\"" + Embeds.escape(i.fullUrl()) + "\">" + image + "</a>")
                    .append("</div>");
            if (i.caption() != null && !i.caption().isBlank()) {
                out.append("<figcaption class=\"wp-caption-text gallery-caption\">").append(i.caption().strip()).append("</figcaption>");
            }
            out.append("</figure>");
        }
        return out.append("</div>\n").toString();
    }

    /** [embed]URL[/embed]: the provider's embed, else a link. */
    private String embed(String inner) {
        String url = inner == null ? "" : inner.trim();
        if (url.isEmpty()) {
            return "";
        }
        String html = embeds.embed(url.replace("&amp;", "&"));
        return html != null ? html : Embeds.link(url.replace("&amp;", "&"));
    }

    /** [audio src="..." | mp3="..." | URL], else the first audio file attached to the post. */
    private String audio(Map<String, String> attrs, String inner) {
        List<String> sources = sources(attrs, AUDIO_TYPES);
        if (sources.isEmpty()) {
            attached(AUDIO_TYPES).ifPresent(sources::add);
        }
        if (sources.isEmpty()) {
            return inner == null ? "" : inner;
        }
        String preload = attrs.getOrDefault("preload", "none");
        return "<audio class=\"wp-audio-shortcode\" preload=\"" + Embeds.escape(preload) + "\" controls"
                + flags(attrs) + ">" + sourceTags(sources, AUDIO_TYPES) + Embeds.link(sources.get(0)) + "</audio>";
    }

    /** [video src="..." | mp4="..." width height poster], else the first video file attached to the post. */
    private String video(Map<String, String> attrs, String inner) {
        List<String> sources = sources(attrs, VIDEO_TYPES);
        if (sources.isEmpty()) {
            attached(VIDEO_TYPES).ifPresent(sources::add);
        }
        if (sources.isEmpty()) {
            return inner == null ? "" : inner;
        }
        String provider = embeds.embed(sources.get(0));
        if (provider != null) {
            return provider;
        }
        int width = number(attrs.get("width"), 640);
        int height = number(attrs.get("height"), 360);
        String poster = attrs.get("poster");
        return "<div class=\"wp-video\"><video class=\"wp-video-shortcode\" width=\"" + width + "\" height=\"" + height + "\""
                + (poster == null || poster.isBlank() ? "" : " poster=\"" + Embeds.escape(poster.trim()) + "\"")
                + " preload=\"" + Embeds.escape(attrs.getOrDefault("preload", "metadata")) + "\" controls" + flags(attrs) + ">"
                + sourceTags(sources, VIDEO_TYPES) + Embeds.link(sources.get(0)) + "</video></div>";
    }

    /** [playlist ids="1,2" type="audio|video"], else the files of that type attached to the post: a list of players. */
    private String playlist(Map<String, String> attrs) {
        boolean video = "video".equalsIgnoreCase(attrs.get("type"));
        Map<String, String> types = video ? VIDEO_TYPES : AUDIO_TYPES;
        List<String> urls = new ArrayList<>();
        String ids = attrs.containsKey("ids") ? attrs.get("ids") : attrs.get("include");
        List<Long> candidates = ids != null && !ids.isBlank() ? ids(ids) : attachments.attachedTo(id(attrs.get("id"), postId));
        for (long id : candidates) {
            String url = attachments.url(id);
            if (url == null) {
                report.missingAttachments++;
            } else if (types.containsKey(extension(url))) {
                urls.add(url);
            }
        }
        if (urls.isEmpty()) {
            return "";
        }
        String kind = video ? "video" : "audio";
        StringBuilder out = new StringBuilder("<div class=\"wp-playlist wp-" + kind + "-playlist\"><ol class=\"wp-playlist-tracks\">");
        for (String url : urls) {
            out.append("<li class=\"wp-playlist-item\"><").append(kind).append(" preload=\"none\" controls>")
                    .append(sourceTags(List.of(url), types)).append("</").append(kind).append(">")
                    .append(Embeds.link(url)).append("</li>");
        }
        return out.append("</ol></div>\n").toString();
    }

    // ---------------------------------------------------------------------- helpers

    private List<String> sources(Map<String, String> attrs, Map<String, String> types) {
        List<String> sources = new ArrayList<>();
        for (String key : new String[]{"src", "0"}) {
            String v = attrs.get(key);
            if (v != null && v.trim().matches("(?i)https?://\\S+")) {
                sources.add(v.trim());
                break;
            }
        }
        for (String ext : new TreeSet<>(types.keySet())) {
            String v = attrs.get(ext);
            if (v != null && v.trim().matches("(?i)https?://\\S+") && !sources.contains(v.trim())) {
                sources.add(v.trim());
            }
        }
        return sources;
    }

    private java.util.Optional<String> attached(Map<String, String> types) {
        for (long id : attachments.attachedTo(postId)) {
            String url = attachments.url(id);
            if (url != null && types.containsKey(extension(url))) {
                return java.util.Optional.of(url);
            }
        }
        return java.util.Optional.empty();
    }

    private static String sourceTags(List<String> sources, Map<String, String> types) {
        StringBuilder out = new StringBuilder();
        for (String src : sources) {
            String type = types.get(extension(src));
            out.append("<source").append(type == null ? "" : " type=\"" + type + "\"").append(" src=\"")
                    .append(Embeds.escape(src)).append("\" />");
        }
        return out.toString();
    }

    private static String flags(Map<String, String> attrs) {
        StringBuilder out = new StringBuilder();
        for (String flag : new String[]{"loop", "muted"}) {
            String v = attrs.get(flag);
            if (v != null && (v.equals("1") || v.equalsIgnoreCase("true") || v.equalsIgnoreCase("on") || v.equalsIgnoreCase(flag))) {
                out.append(' ').append(flag);
            }
        }
        return out.toString();
    }

    static String extension(String url) {
        String path = url;
        int cut = path.indexOf('?');
        path = cut >= 0 ? path.substring(0, cut) : path;
        cut = path.indexOf('#');
        path = cut >= 0 ? path.substring(0, cut) : path;
        int dot = path.lastIndexOf('.');
        return dot < 0 || dot < path.lastIndexOf('/') ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static List<Long> ids(String list) {
        List<Long> ids = new ArrayList<>();
        for (String part : list.split("[,\\s]+")) {
            try {
                if (!part.isBlank()) {
                    ids.add(Long.parseLong(part.trim()));
                }
            } catch (NumberFormatException e) {
                // WordPress ignores what is not an id too
            }
        }
        return ids;
    }

    private static int number(String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim().replaceAll("px$", ""));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static long id(String value, long fallback) {
        try {
            return value == null || value.isBlank() ? fallback : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
