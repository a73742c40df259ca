package dev.gazette.common.text;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.gazette.common.GazetteConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Article bodies: Markdown rendering (commonmark-java), HTML sanitizing (OWASP Java HTML
 * Sanitizer) and plain-text extraction for search and excerpts (jsoup).
 *
 * <p>The policy keeps what articles use (formatting, headings, lists, links, images,
 * figures, blockquotes, tables, code, audio and video players) and drops scripts, styles,
 * event handlers, forms and any URL that is not http, https or mailto. Iframes are kept only
 * when their {@code src} is an https URL on a host of {@code gazette.content.iframe-hosts}
 * (the embed players), and always leave sandboxed and lazy-loaded; any other iframe is removed.
 */
@ApplicationScoped
public class HtmlContent {

    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** What an embedded player may do: run its own scripts on its own origin and open links in a new window. */
    static final String IFRAME_SANDBOX = "allow-scripts allow-same-origin allow-popups allow-presentation";

    private static final PolicyFactory ARTICLE_BASE = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.TABLES)
            .and(new HtmlPolicyBuilder()
                    .allowStandardUrlProtocols()
                    .allowElements("a")
                    .allowAttributes("href", "title", "hreflang").onElements("a")
                    .allowAttributes("download").matching(Pattern.compile("[^/\\\\]{0,200}")).onElements("a")
                    .allowAttributes("target").matching(false, "_blank").onElements("a")
                    .requireRelsOnLinks("noopener")
                    .allowElements("img")
                    .allowAttributes("src", "alt", "title", "width", "height", "loading").onElements("img")
                    .allowElements("figure", "figcaption", "blockquote", "pre", "code", "hr", "br",
                            "dl", "dt", "dd", "sup", "sub", "mark", "small", "abbr", "cite", "q", "time",
                            "picture", "caption", "address", "acronym", "ins", "del", "kbd", "var", "samp", "dfn", "ol")
                    // lists as WordPress's editors write them: <ol start="8">, <ol reversed>
                    .allowAttributes("start").matching(Pattern.compile("-?[0-9]{1,9}")).onElements("ol")
                    .allowAttributes("reversed").onElements("ol")
                    .allowAttributes("title").onElements("acronym")
                    .allowAttributes("cite").onElements("ins", "del")
                    .allowAttributes("datetime").onElements("ins", "del")
                    .allowAttributes("cite").onElements("blockquote", "q")
                    .allowAttributes("datetime").onElements("time")
                    .allowAttributes("title").onElements("abbr")
                    .allowAttributes("class").matching(Pattern.compile("[a-zA-Z0-9 _-]{1,400}")).globally()
                    // players for [audio], [video] and [playlist]; sources are URLs like any other
                    .allowElements("audio", "video", "source", "track")
                    .allowAttributes("src").onElements("audio", "video", "source", "track")
                    .allowAttributes("poster").onElements("video")
                    .allowAttributes("width", "height").onElements("video")
                    .allowAttributes("controls", "loop", "muted", "playsinline").onElements("audio", "video")
                    .allowAttributes("preload").matching(false, "none", "metadata", "auto").onElements("audio", "video")
                    .allowAttributes("type").matching(Pattern.compile("(audio|video)/[a-z0-9.+-]{1,40}")).onElements("source")
                    .allowAttributes("kind", "srclang", "label").onElements("track")
                    .toFactory());

    /** Comments: a small subset; every link is marked as user content that earns no ranking. */
    private static final PolicyFactory COMMENT_POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "em", "strong", "code", "blockquote", "a")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href").onElements("a")
            .requireRelsOnLinks("nofollow", "ugc", "noopener")
            .toFactory();

    private static final Pattern BLANK_LINES = Pattern.compile("\\n\\s*\\n");
    private static final Pattern BLOCK_START = Pattern.compile("^\\s*<(p|blockquote)[\\s>]", Pattern.CASE_INSENSITIVE);

    private static final Pattern EMPTY_PARAGRAPH = Pattern.compile("<p>\\s*</p>\\n?");
    private static final Pattern IFRAME_TAG = Pattern.compile("<iframe", Pattern.CASE_INSENSITIVE);
    private static final Pattern IFRAME_SIZE = Pattern.compile("[0-9]{1,4}%?");
    private static final Pattern IFRAME_ALLOW = Pattern.compile("[a-z; -]{1,200}");

    @Inject
    GazetteConfig config;

    private Set<String> iframeHosts = Set.of();
    private PolicyFactory articlePolicy = ARTICLE_BASE;

    private final Parser markdownParser = Parser.builder().extensions(List.of(AutolinkExtension.create())).build();
    private final HtmlRenderer markdownRenderer = HtmlRenderer.builder()
            .extensions(List.of(AutolinkExtension.create())).build();

    @PostConstruct
    void configure() {
        iframeHosts = config.content().iframeHosts().stream().map(h -> h.trim().toLowerCase(Locale.ROOT))
                .filter(h -> !h.isEmpty()).collect(Collectors.toUnmodifiableSet());
        articlePolicy = ARTICLE_BASE.and(new HtmlPolicyBuilder()
                .allowUrlProtocols("https")
                .allowElements((name, attrs) -> {
                    // src already passed the host check below; without one the iframe goes
                    if (!attrs.contains("src")) {
                        return null;
                    }
                    forceAttribute(attrs, "sandbox", IFRAME_SANDBOX);
                    forceAttribute(attrs, "loading", "lazy");
                    forceAttribute(attrs, "referrerpolicy", "strict-origin-when-cross-origin");
                    return name;
                }, "iframe")
                .allowAttributes("src").matching((element, attribute, value) -> isAllowedIframe(value) ? value : null)
                .onElements("iframe")
                .allowAttributes("width", "height").matching(IFRAME_SIZE).onElements("iframe")
                .allowAttributes("allow").matching(IFRAME_ALLOW).onElements("iframe")
                .allowAttributes("title", "allowfullscreen").onElements("iframe")
                .toFactory());
    }

    private static void forceAttribute(List<String> attrs, String name, String value) {
        for (int i = 0; i < attrs.size(); i += 2) {
            if (attrs.get(i).equals(name)) {
                attrs.set(i + 1, value);
                return;
            }
        }
        attrs.add(name);
        attrs.add(value);
    }

    /** Sanitized HTML for an article body given as HTML, Markdown or classic-editor text. */
    public String articleHtml(String source, ContentFormat format) {
        String html = switch (format == null ? ContentFormat.HTML : format) {
            case MARKDOWN -> markdownRenderer.render(markdownParser.parse(source == null ? "" : source));
            case CLASSIC -> Autop.paragraphs(source);
            case HTML -> source;
        };
        return format == ContentFormat.CLASSIC ? paragraphedHtml(html) : articlePolicy.sanitize(html == null ? "" : html).trim();
    }

    /**
     * Sanitized HTML for text that automatic paragraphs were applied to: paragraphs left empty (a
     * {@code <!--more-->} marker, a removed script or iframe alone in its paragraph) are dropped.
     */
    public String paragraphedHtml(String html) {
        String clean = articlePolicy.sanitize(Autop.withoutBreakMarkers(html == null ? "" : html));
        return EMPTY_PARAGRAPH.matcher(clean).replaceAll("").trim();
    }

    /** Whether an iframe with this {@code src} survives sanitizing: https, on an allowed host. */
    public boolean isAllowedIframe(String src) {
        URI uri = uri(src);
        return uri != null && "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null
                && iframeHosts.contains(uri.getHost().toLowerCase(Locale.ROOT));
    }

    /** Whether an embed player on this host is allowed ({@code gazette.content.iframe-hosts}). */
    public boolean isAllowedIframeHost(String host) {
        return iframeHosts.contains(host);
    }

    /**
     * The hosts of the iframes in unsanitized HTML that sanitizing removes, one entry per iframe
     * ("no src" when it has none, "not https: host" for plain http), in document order.
     */
    public List<String> refusedIframes(String html) {
        List<String> refused = new ArrayList<>();
        if (html == null || !IFRAME_TAG.matcher(html).find()) {
            return refused;
        }
        for (Element iframe : Jsoup.parseBodyFragment(html).select("iframe")) {
            String src = iframe.attr("src").trim();
            if (isAllowedIframe(src)) {
                continue;
            }
            URI uri = uri(src);
            if (uri == null || uri.getHost() == null) {
                refused.add(src.isEmpty() ? "no src" : "an invalid src");
            } else if (!"https".equalsIgnoreCase(uri.getScheme())) {
                refused.add("not https: " + uri.getHost().toLowerCase(Locale.ROOT));
            } else {
                refused.add(uri.getHost().toLowerCase(Locale.ROOT));
            }
        }
        return refused;
    }

    private static URI uri(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new URI(value.trim());
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /**
     * Sanitized HTML for a comment written as plain text with optional simple tags: blank lines
     * separate paragraphs, single line breaks are kept.
     */
    public String commentHtml(String source) {
        String text = source == null ? "" : source.replace("\r\n", "\n").replace('\r', '\n').trim();
        StringBuilder html = new StringBuilder();
        for (String block : BLANK_LINES.split(text)) {
            String b = block.trim();
            if (b.isEmpty()) {
                continue;
            }
            html.append(BLOCK_START.matcher(b).find() ? b : "<p>" + b.replace("\n", "<br>") + "</p>");
        }
        return COMMENT_POLICY.sanitize(html.toString()).trim();
    }

    /** Visible text of an HTML fragment, whitespace collapsed. */
    public String plainText(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        return SPACES.matcher(Jsoup.parse(html).text()).replaceAll(" ").trim();
    }

    /** The first {@code words} words of a text, with an ellipsis when it was cut. */
    public String excerpt(String plainText, int words) {
        String[] parts = SPACES.split(plainText.trim());
        if (plainText.isBlank()) {
            return "";
        }
        if (parts.length <= words) {
            return plainText.trim();
        }
        return String.join(" ", List.of(parts).subList(0, words)) + "…";
    }

    /**
     * How an article body is written: {@code html}, {@code markdown} (CommonMark), or {@code classic}:
     * text as typed in WordPress's classic editor, where blank lines separate paragraphs and single
     * line breaks are kept ({@code <p>} and {@code <br>} added by WordPress's rules; block-level tags
     * and {@code <pre>} are left as written).
     */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ContentFormat",
            description = "html (default); markdown (CommonMark); classic: text as written in WordPress's classic editor, "
                    + "where blank lines make paragraphs and single line breaks become <br> (WordPress's automatic "
                    + "paragraphs; block-level elements and <pre> are left as written)",
            enumeration = {"html", "markdown", "classic"})
    public enum ContentFormat {
        HTML, MARKDOWN, CLASSIC;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
