package dev.gazette.wordpress;

import dev.gazette.common.text.Autop;
import dev.gazette.common.text.Hashes;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** How WordPress renders fields for {@code context=view}: dates, titles, excerpts, avatars. */
final class WpRender {

    /** WordPress' {@code excerpt_length} and {@code excerpt_more}. */
    static final int EXCERPT_WORDS = 55;
    static final String EXCERPT_MORE = " [&hellip;]";
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT);
    private static final List<Integer> AVATAR_SIZES = List.of(24, 48, 96);

    private WpRender() {
    }

    /** A time as WordPress writes it ({@code 2026-11-20T10:00:00}, no zone) in this zone. */
    static String date(Instant at, ZoneId zone) {
        return at == null ? null : DATE.format(at.atZone(zone));
    }

    /**
     * The zone an item's {@code date} and {@code modified} are shown in: the offset its WordPress export gave it
     * ({@code wpUtcOffset} minutes: post_date against post_date_gmt), else the site's.
     */
    static ZoneId zone(Integer wpUtcOffset, ZoneId site) {
        return wpUtcOffset == null ? site : ZoneOffset.ofTotalSeconds(wpUtcOffset * 60);
    }

    static String dateGmt(Instant at) {
        return date(at, ZoneOffset.UTC);
    }

    /** Inline elements a WordPress title may carry (WordPress keeps them: {@code Title <em>With</em> Markup}). */
    private static final Pattern INLINE_TAG = Pattern.compile(
            "</?(b|strong|i|em|sup|sub|code|small|mark|abbr|q|cite|s|del|ins|span)(\\s[^>]*)?>", Pattern.CASE_INSENSITIVE);
    private static final Safelist INLINE = new Safelist().addTags("b", "strong", "i", "em", "sup", "sub", "code", "small", "mark",
            "abbr", "q", "cite", "s", "del", "ins", "span");
    private static final Document.OutputSettings COMPACT = new Document.OutputSettings().prettyPrint(false);

    /**
     * A title as {@code the_title} renders it, texturized. Titles are text in Gazette, but a WordPress title is
     * HTML and may hold inline markup (the export's {@code <em>} and {@code <sup>} come through imports as text):
     * such elements are kept, without attributes, as WordPress shows them; anything else is escaped.
     */
    static String title(String plain) {
        String title = plain == null ? "" : plain;
        if (!INLINE_TAG.matcher(title).find()) {
            return Texturize.apply(title.replace("<", "&lt;")).trim(); // a lone '>' is text in HTML, as WordPress leaves it
        }
        // jsoup writes a lone & as &amp;: back to & so the texturizer writes WordPress' &#038;
        return Texturize.apply(Jsoup.clean(title, "", INLINE, COMPACT).replace("&amp;", "&")).trim();
    }

    /**
     * An excerpt as {@code the_excerpt} renders it. A written excerpt is texturized and put in a paragraph;
     * one Gazette generated from the content (what WordPress does when the excerpt is empty) is WordPress'
     * own: the first 55 words of the content's text and {@code  [&hellip;]} when there were more.
     */
    static String excerpt(String stored, String contentText, String generatedByGazette) {
        String text = stored == null ? "" : stored;
        if (text.isBlank() || text.equals(generatedByGazette)) {
            String[] words = contentText == null || contentText.isBlank() ? new String[0] : SPACES.split(contentText.trim());
            text = words.length <= EXCERPT_WORDS ? String.join(" ", words)
                    : String.join(" ", List.of(words).subList(0, EXCERPT_WORDS)) + EXCERPT_MORE;
        }
        if (text.isBlank()) {
            return "";
        }
        return Autop.paragraphs(Texturize.apply(text.replace("<", "&lt;").replace(">", "&gt;")));
    }

    /**
     * What WordPress' generated excerpt is made of (wp_trim_excerpt): the content's text without its shortcodes
     * ({@code [caption]}, {@code [gallery]}, imported as figures and galleries) and without the blocks
     * excerpt_remove_blocks drops (only paragraphs, headings, lists, quotes, pullquotes, tables, verse,
     * preformatted text, media-text, classic content, and columns and groups of them are kept); a no-break space
     * stays {@code &nbsp;}, inside its word, as WordPress leaves the entity.
     */
    static String excerptText(String contentHtml) {
        if (contentHtml == null || contentHtml.isBlank()) {
            return "";
        }
        org.jsoup.nodes.Element body = Jsoup.parseBodyFragment(contentHtml).body();
        body.select(NOT_IN_EXCERPTS).remove();
        StringBuilder text = new StringBuilder();
        org.jsoup.select.NodeTraversor.traverse((node, depth) -> {
            if (node instanceof org.jsoup.nodes.TextNode t) {
                text.append(t.getWholeText());
            } else if (node instanceof org.jsoup.nodes.Element e && (e.isBlock() || e.nameIs("br") || e.nameIs("cite"))) {
                text.append(' ');
            }
        }, body);
        return text.toString().replace("\u00a0", "&nbsp;");
    }

    /** Elements of content a generated excerpt leaves out (see {@link #excerptText}). */
    private static final String NOT_IN_EXCERPTS = "figure, .gallery, .wp-block-gallery, .wp-block-image, .wp-block-buttons, "
            + ".wp-block-button, .wp-block-cover, .wp-block-embed, .wp-block-audio, .wp-block-video, .wp-block-file, .wp-block-code, "
            + ".wp-block-separator, .wp-block-spacer, .wp-block-latest-posts, .wp-block-archives, .wp-block-calendar, "
            + ".wp-block-categories, .wp-block-search, .wp-block-social-links, iframe, audio, video, script, style, blockquote.twitter-tweet";

    /** Avatar URLs by size: the author's own picture, or Gravatar's for the hash (its default picture without one). */
    static Map<String, String> avatars(String avatarUrl, String hash) {
        Map<String, String> urls = new LinkedHashMap<>();
        for (int size : AVATAR_SIZES) {
            urls.put(Integer.toString(size), avatarUrl != null && !avatarUrl.isBlank() ? avatarUrl
                    : "https://secure.gravatar.com/avatar/" + (hash == null ? "" : hash) + "?s=" + size + "&d=mm&r=g");
        }
        return urls;
    }

    /** Gravatar's SHA-256 of an email, as comments store it; never the email itself. */
    static String emailHash(String email) {
        return email == null || email.isBlank() ? null : Hashes.sha256Hex(email.trim().toLowerCase(Locale.ROOT));
    }
}
