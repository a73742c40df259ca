package dev.gazette.common.text;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.enterprise.context.ApplicationScoped;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Article bodies: Markdown rendering (commonmark-java), HTML sanitizing (OWASP Java HTML
 * Sanitizer) and plain-text extraction for search and excerpts (jsoup).
 *
 * <p>The policy keeps what articles use (formatting, headings, lists, links, images,
 * figures, blockquotes, tables, code) and drops scripts, styles, event handlers, forms,
 * iframes and any URL that is not http, https or mailto.
 */
@ApplicationScoped
public class HtmlContent {

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private static final PolicyFactory ARTICLE_POLICY = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.TABLES)
            .and(new HtmlPolicyBuilder()
                    .allowStandardUrlProtocols()
                    .allowElements("a")
                    .allowAttributes("href", "title", "hreflang").onElements("a")
                    .allowAttributes("target").matching(false, "_blank").onElements("a")
                    .requireRelsOnLinks("noopener")
                    .allowElements("img")
                    .allowAttributes("src", "alt", "title", "width", "height", "loading").onElements("img")
                    .allowElements("figure", "figcaption", "blockquote", "pre", "code", "hr", "br",
                            "dl", "dt", "dd", "sup", "sub", "mark", "small", "abbr", "cite", "q", "time",
                            "picture", "caption")
                    .allowAttributes("cite").onElements("blockquote", "q")
                    .allowAttributes("datetime").onElements("time")
                    .allowAttributes("title").onElements("abbr")
                    .allowAttributes("class").matching(Pattern.compile("[a-zA-Z0-9 _-]{1,100}")).globally()
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

    private final Parser markdownParser = Parser.builder().extensions(List.of(AutolinkExtension.create())).build();
    private final HtmlRenderer markdownRenderer = HtmlRenderer.builder()
            .extensions(List.of(AutolinkExtension.create())).build();

    /** Sanitized HTML for an article body given as HTML or Markdown. */
    public String articleHtml(String source, ContentFormat format) {
        String html = format == ContentFormat.MARKDOWN
                ? markdownRenderer.render(markdownParser.parse(source == null ? "" : source))
                : source;
        return ARTICLE_POLICY.sanitize(html == null ? "" : html).trim();
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

    public enum ContentFormat {
        HTML, MARKDOWN;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
