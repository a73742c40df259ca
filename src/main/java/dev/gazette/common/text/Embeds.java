package dev.gazette.common.text;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Embed HTML for links to the common media providers, made from the URL alone (no oEmbed call, no
 * network): YouTube and Vimeo videos, Instagram posts, SoundCloud and Spotify players as iframes on
 * the provider's player host, tweets as the {@code blockquote.twitter-tweet} markup that X/Twitter's
 * widget script turns into the tweet. A provider is rendered only while its player host is listed in
 * {@code gazette.content.iframe-hosts}, the same list that lets its iframes through the sanitizer.
 *
 * <p>{@link #autoembed} does what WordPress does with a URL alone on its line or alone in a paragraph;
 * {@link #embedBlocks} fills the block editor's embed blocks ({@code wp:embed}, older
 * {@code wp:core-embed/*}), whose saved HTML holds only the URL.
 */
@ApplicationScoped
public class Embeds {

    private static final String YOUTUBE_PLAYER = "www.youtube-nocookie.com";
    private static final String VIMEO_PLAYER = "player.vimeo.com";
    private static final String TWITTER_WIDGETS = "platform.twitter.com";
    private static final String INSTAGRAM_PLAYER = "www.instagram.com";
    private static final String SOUNDCLOUD_PLAYER = "w.soundcloud.com";
    private static final String SPOTIFY_PLAYER = "open.spotify.com";

    private static final Pattern YOUTUBE_ID = Pattern.compile("[A-Za-z0-9_-]{11}");
    private static final Pattern YOUTUBE_PATH = Pattern.compile("^/(?:embed|shorts|live|v)/([A-Za-z0-9_-]{11})(?:[/?#].*)?$");
    private static final Pattern YOUTUBE_TIME = Pattern.compile("^(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s?)?$");
    private static final Pattern VIMEO_PATH = Pattern.compile("^/(?:video/|channels/[\\w-]+/|groups/[\\w-]+/videos/)?(\\d{1,12})(?:/([0-9a-f]{6,20}))?/?$");
    private static final Pattern TWEET_PATH = Pattern.compile("^/(\\w{1,20})/status(?:es)?/(\\d{1,25})/?$");
    private static final Pattern INSTAGRAM_PATH = Pattern.compile("^/(?:[\\w.]{1,30}/)?(p|reel|tv)/([\\w-]{5,40})/?$");
    private static final Pattern SOUNDCLOUD_PATH = Pattern.compile("^/[\\w-]{1,100}(?:/[\\w-]{1,200}){0,3}/?$");
    private static final Pattern SPOTIFY_PATH = Pattern.compile("^/(?:intl-[a-z-]{2,8}/)?(track|album|playlist|episode|show|artist)/([A-Za-z0-9]{10,40})/?$");

    /** A URL alone on its line (tags' own line breaks do not count), as WordPress finds them. */
    private static final Pattern URL_LINE = Pattern.compile("^(\\s*)(https?://[^\\s<>\"]+)(\\s*)$", Pattern.MULTILINE | Pattern.CASE_INSENSITIVE);
    private static final Pattern URL_PARAGRAPH = Pattern.compile("(<p(?: [^>]*)?>\\s*)(https?://[^\\s<>\"]+)(\\s*</p>)", Pattern.CASE_INSENSITIVE);
    private static final Pattern EMBED_BLOCK = Pattern.compile(
            "(<!--\\s+wp:(embed|core-embed/[a-z0-9-]+)(?:\\s+\\{.*?})?\\s+-->)(.*?)(<!--\\s+/wp:\\2\\s+-->)", Pattern.DOTALL);
    private static final Pattern EMBED_WRAPPER = Pattern.compile(
            "(<div class=\"wp-block-embed__wrapper\">)\\s*(https?://[^\\s<>\"]+)\\s*(</div>)", Pattern.CASE_INSENSITIVE);
    private static final String LINE_BREAK_IN_TAG = "<!-- gz-line-break -->";

    @Inject
    HtmlContent html;

    /** The embed HTML for a provider URL, or null when the URL is not one of an allowed provider. */
    public String embed(String url) {
        URI uri = parse(url);
        if (uri == null) {
            return null;
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("www.") && !host.equals("www.youtube-nocookie.com")) {
            host = host.substring(4);
        } else if (host.startsWith("m.") || host.startsWith("mobile.")) {
            host = host.substring(host.indexOf('.') + 1);
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return switch (host) {
            case "youtube.com", "youtu.be", "youtube-nocookie.com", "www.youtube-nocookie.com" -> youtube(host, path, uri.getRawQuery());
            case "vimeo.com", "player.vimeo.com" -> vimeo(path);
            case "twitter.com", "x.com" -> tweet(path);
            case "instagram.com" -> instagram(path);
            case "soundcloud.com" -> soundcloud(uri, path);
            case "open.spotify.com" -> spotify(path);
            default -> null;
        };
    }

    /**
     * Replaces URLs alone on their line, or alone in a paragraph, with their embed; other URLs stay as
     * they are (as in WordPress, a URL that is no embed is left as text).
     */
    public String autoembed(String content) {
        if (content == null || !content.toLowerCase(Locale.ROOT).contains("http")) {
            return content;
        }
        String text = Autop.newlinesInTags(content, LINE_BREAK_IN_TAG);
        text = replace(URL_LINE, text, m -> {
            String embed = embed(m.group(2));
            return embed == null ? m.group() : m.group(1) + embed + m.group(3);
        });
        text = replace(URL_PARAGRAPH, text, m -> {
            String embed = embed(m.group(2));
            return embed == null ? m.group() : m.group(1) + embed + m.group(3);
        });
        return text.replace(LINE_BREAK_IN_TAG, "\n");
    }

    /**
     * Fills the block editor's embed blocks: the URL in the block's wrapper becomes the embed, or a link
     * to it when the provider is not allowed (never a bare URL).
     */
    public String embedBlocks(String content) {
        if (content == null || !content.contains("wp:")) {
            return content;
        }
        return replace(EMBED_BLOCK, content, block -> {
            String body = replace(EMBED_WRAPPER, block.group(3), w -> {
                String url = w.group(2).replace("&amp;", "&");
                String embed = embed(url);
                return w.group(1) + (embed != null ? embed : link(url)) + w.group(3);
            });
            return block.group(1) + body + block.group(4);
        });
    }

    /** A plain link to a URL, escaped. */
    public static String link(String url) {
        String u = escape(url);
        return "<a href=\"" + u + "\">" + u + "</a>";
    }

    /** Escapes text for an HTML attribute value or element text. */
    public static String escape(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    // ---------------------------------------------------------------------- providers

    private String youtube(String host, String path, String query) {
        if (!allowed(YOUTUBE_PLAYER)) {
            return null;
        }
        String id = null;
        String list = param(query, "list");
        if (host.equals("youtu.be")) {
            String candidate = path.length() > 1 ? path.substring(1).replaceAll("/$", "") : "";
            id = YOUTUBE_ID.matcher(candidate).matches() ? candidate : null;
        } else if (path.equals("/watch") || path.equals("/watch/")) {
            String v = param(query, "v");
            id = v != null && YOUTUBE_ID.matcher(v).matches() ? v : null;
        } else {
            Matcher m = YOUTUBE_PATH.matcher(path);
            id = m.matches() ? m.group(1) : null;
        }
        String src;
        if (id != null) {
            src = "https://" + YOUTUBE_PLAYER + "/embed/" + id;
            long start = seconds(param(query, "t") != null ? param(query, "t") : param(query, "start"));
            if (start > 0) {
                src += "?start=" + start;
            }
        } else if (path.equals("/playlist") && list != null && list.matches("[A-Za-z0-9_-]{10,64}")) {
            src = "https://" + YOUTUBE_PLAYER + "/embed/videoseries?list=" + list;
        } else {
            return null;
        }
        return iframe(src, 560, 315, "YouTube video player",
                "accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share", true);
    }

    private String vimeo(String path) {
        Matcher m = VIMEO_PATH.matcher(path);
        if (!allowed(VIMEO_PLAYER) || !m.matches()) {
            return null;
        }
        String src = "https://" + VIMEO_PLAYER + "/video/" + m.group(1) + (m.group(2) == null ? "" : "?h=" + m.group(2));
        return iframe(src, 640, 360, "Vimeo video player", "autoplay; fullscreen; picture-in-picture", true);
    }

    private String tweet(String path) {
        Matcher m = TWEET_PATH.matcher(path);
        if (!allowed(TWITTER_WIDGETS) || !m.matches()) {
            return null;
        }
        String url = "https://twitter.com/" + m.group(1) + "/status/" + m.group(2);
        return "<blockquote class=\"twitter-tweet\"><p><a href=\"" + url + "\">" + url + "</a></p></blockquote>";
    }

    private String instagram(String path) {
        Matcher m = INSTAGRAM_PATH.matcher(path);
        if (!allowed(INSTAGRAM_PLAYER) || !m.matches()) {
            return null;
        }
        return iframe("https://" + INSTAGRAM_PLAYER + "/" + m.group(1) + "/" + m.group(2) + "/embed/", 400, 480,
                "Instagram post", null, false);
    }

    private String soundcloud(URI uri, String path) {
        if (!allowed(SOUNDCLOUD_PLAYER) || !SOUNDCLOUD_PATH.matcher(path).matches() || path.equals("/")) {
            return null;
        }
        String track = "https://soundcloud.com" + path;
        return iframe("https://" + SOUNDCLOUD_PLAYER + "/player/?url=" + URLEncoder.encode(track, StandardCharsets.UTF_8),
                560, 166, "SoundCloud player", "autoplay", false);
    }

    private String spotify(String path) {
        Matcher m = SPOTIFY_PATH.matcher(path);
        if (!allowed(SPOTIFY_PLAYER) || !m.matches()) {
            return null;
        }
        int height = m.group(1).equals("track") || m.group(1).equals("episode") ? 152 : 352;
        return iframe("https://" + SPOTIFY_PLAYER + "/embed/" + m.group(1) + "/" + m.group(2), 560, height, "Spotify player",
                "autoplay; clipboard-write; encrypted-media; fullscreen; picture-in-picture", false);
    }

    private static String iframe(String src, int width, int height, String title, String allow, boolean fullscreen) {
        return "<iframe src=\"" + escape(src) + "\" width=\"" + width + "\" height=\"" + height + "\" title=\"" + title + "\""
                + (allow == null ? "" : " allow=\"" + allow + "\"") + (fullscreen ? " allowfullscreen" : "") + "></iframe>";
    }

    private boolean allowed(String playerHost) {
        return html.isAllowedIframeHost(playerHost);
    }

    private static URI parse(String url) {
        if (url == null || url.length() > 2000) {
            return null;
        }
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")) || uri.getHost() == null) {
                return null;
            }
            return uri;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String param(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return pair.substring(eq + 1);
            }
        }
        return null;
    }

    /** A YouTube start time ("90", "90s", "1m30s", "1h2m3s") in seconds; 0 when absent or unreadable. */
    private static long seconds(String t) {
        if (t == null || t.isEmpty()) {
            return 0;
        }
        Matcher m = YOUTUBE_TIME.matcher(t);
        if (!m.matches()) {
            return 0;
        }
        long total = 0;
        try {
            total += m.group(1) == null ? 0 : Long.parseLong(m.group(1)) * 3600;
            total += m.group(2) == null ? 0 : Long.parseLong(m.group(2)) * 60;
            total += m.group(3) == null ? 0 : Long.parseLong(m.group(3));
        } catch (NumberFormatException e) {
            return 0;
        }
        return total;
    }

    static String replace(Pattern pattern, String text, java.util.function.Function<Matcher, String> replacement) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 256);
        do {
            m.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(m)));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }
}
