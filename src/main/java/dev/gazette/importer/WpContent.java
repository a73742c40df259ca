package dev.gazette.importer;

import dev.gazette.common.text.Autop;
import dev.gazette.common.text.Embeds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Set;

/**
 * A WordPress post's content as WordPress shows it, before sanitizing: the steps of WordPress's
 * content filter that change what a reader sees. Embed blocks get their embed; URLs alone on a line
 * become embeds; classic-editor content (no {@code <!-- wp:} block markup) gets WordPress's
 * automatic paragraphs, block-editor content is already HTML and is left as it is; then the
 * shortcodes are rendered. The {@code <!--more-->} and {@code <!--nextpage-->} markers (WordPress's
 * teaser and page breaks, which Gazette does not split on) leave no empty paragraph behind.
 */
@ApplicationScoped
public class WpContent {

    /**
     * The HTML (to be sanitized, with {@code HtmlContent.paragraphedHtml} when {@code classic}), the names of
     * shortcodes left as text, and how many gallery or playlist ids were not in the export.
     */
    record Converted(String html, boolean classic, Set<String> unknownShortcodes, int missingAttachments) {
    }

    /**
     * The version of this conversion (and of the gallery, caption and embed HTML it makes), part of every
     * imported post's and page's re-import digest: raise it whenever the conversion changes, so that
     * importing the same export again converts unchanged items again instead of skipping them.
     */
    static final String VERSION = "conversion-3"; // 3: local-date offsets and post formats kept

    @Inject
    Embeds embeds;

    /** Whether content is block-editor markup rather than classic-editor text. */
    static boolean isBlockMarkup(String content) {
        return content != null && content.contains("<!-- wp:");
    }

    Converted convert(String content, long postId, Shortcodes.Attachments attachments) {
        String text = content == null ? "" : content;
        boolean blocks = isBlockMarkup(text);
        if (blocks) {
            text = embeds.embedBlocks(text);
        }
        text = Shortcodes.outsideProtected(text, embeds::autoembed);
        if (!blocks) {
            text = Shortcodes.unwrapParagraphs(Autop.paragraphs(text));
        }
        Shortcodes shortcodes = new Shortcodes(embeds, attachments, postId);
        text = shortcodes.render(text);
        text = Autop.withoutBreakMarkers(text);
        return new Converted(text, !blocks, shortcodes.report().unknown, shortcodes.report().missingAttachments);
    }
}
