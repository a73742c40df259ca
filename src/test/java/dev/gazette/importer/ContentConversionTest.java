package dev.gazette.importer;

import dev.gazette.common.text.HtmlContent;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an imported post's content becomes (converted as WordPress renders it, then sanitized): each
 * shortcode kind, embeds from URLs and blocks, iframes allowed and refused, block markup left alone.
 */
@QuarkusTest
class ContentConversionTest {

    private static final long POST = 100;

    /** Attachments of a made-up export: 10 and 11 are images attached to post 100, 12 audio, 13 video. */
    private static final Shortcodes.Attachments ATTACHMENTS = new Shortcodes.Attachments() {
        final Map<Long, String> urls = Map.of(10L, "https://media.example.test/a.jpg", 11L, "https://media.example.test/b.png",
                12L, "https://media.example.test/song.mp3", 13L, "https://media.example.test/clip.mp4",
                14L, "https://media.example.test/c.jpg");

        @Override
        public String url(long id) {
            return urls.get(id);
        }

        @Override
        public List<Long> attachedTo(long postId) {
            return postId == POST ? List.of(10L, 11L, 12L, 13L) : List.of();
        }
    };

    @Inject
    WpContent wpContent;

    @Inject
    HtmlContent html;

    private WpContent.Converted convert(String content) {
        return wpContent.convert(content, POST, ATTACHMENTS);
    }

    /** Converted and sanitized, as stored. */
    private Document stored(String content) {
        WpContent.Converted converted = convert(content);
        return Jsoup.parseBodyFragment(converted.classic() ? html.paragraphedHtml(converted.html())
                : html.articleHtml(converted.html(), HtmlContent.ContentFormat.HTML));
    }

    @Test
    void captionBecomesAFigureWithItsCaption() {
        Document doc = stored("Intro text\n\n[caption id=\"attachment_10\" align=\"aligncenter\" width=\"300\"]"
                + "<img src=\"https://media.example.test/a.jpg\" alt=\"Harbour\" width=\"300\" height=\"200\" /> The harbour at dawn[/caption]\n\nAfter");
        Element figure = doc.selectFirst("figure.wp-caption.aligncenter");
        assertTrue(figure != null, doc.body().html());
        assertEquals("body", figure.parent().tagName(), "a caption standing alone is not wrapped in <p>");
        assertEquals("https://media.example.test/a.jpg", figure.selectFirst("img").attr("src"));
        assertEquals("The harbour at dawn", figure.selectFirst("figcaption.wp-caption-text").text());
        assertEquals(List.of("Intro text", "After"), doc.select("body > p").eachText());

        // the older form with the caption as an attribute; no width means no figure (as WordPress)
        assertEquals("Old form", stored("[caption width=\"200\" caption=\"Old form\"]<img src=\"https://media.example.test/a.jpg\" />[/caption]")
                .selectFirst("figcaption").text());
        assertNull(stored("[caption]<img src=\"https://media.example.test/a.jpg\" /> No width[/caption]").selectFirst("figure"));
    }

    @Test
    void galleryShowsTheAttachmentImagesInWordPressMarkupWithItsColumns() {
        Document doc = stored("[gallery ids=\"11,10,14\" columns=\"2\"]");
        Element gallery = doc.selectFirst("div.gallery");
        assertTrue(gallery != null, doc.body().html());
        assertTrue(gallery.hasClass("gallery-columns-2"));
        assertTrue(gallery.hasClass("galleryid-" + POST));
        assertEquals(List.of("https://media.example.test/b.png", "https://media.example.test/a.jpg", "https://media.example.test/c.jpg"),
                gallery.select("figure.gallery-item div.gallery-icon a img").eachAttr("src"), "in the order of ids");
        assertEquals(gallery.select("img").eachAttr("src"), gallery.select("a").eachAttr("href"));

        // no ids: the images attached to the post (not its audio or video), 3 columns by default, link="none"
        Element attached = stored("[gallery link=\"none\"]").selectFirst("div.gallery");
        assertTrue(attached.hasClass("gallery-columns-3"));
        assertEquals(List.of("https://media.example.test/a.jpg", "https://media.example.test/b.png"), attached.select("img").eachAttr("src"));
        assertTrue(attached.select("a").isEmpty());

        // ids the export does not hold are left out and counted
        WpContent.Converted missing = convert("[gallery ids=\"10,999\"]");
        assertEquals(1, missing.missingAttachments());
        assertEquals(1, Jsoup.parseBodyFragment(missing.html()).select("img").size());
    }

    /**
     * The theme unit test data's first gallery items (post-format-gallery, attachments 611 and 616) as WordPress 7.1
     * rendered them: <figure class='gallery-item'><div class='gallery-icon '><a href='(attachment page)'><img
     * src="…/canola2.jpg" class="attachment-thumbnail size-thumbnail" alt="canola" aria-describedby="gallery-1-611"
     * /></a></div><figcaption class='wp-caption-text gallery-caption' id='gallery-1-611'>Lorem ipsum …</figcaption>
     * </figure>, the second without a figcaption. Stored: the same but for what the sanitizer removes (id, aria-*),
     * the link to the file (no attachment pages) and lazy loading.
     */
    @Test
    void galleryItemsCarryTheirAttachmentsAltTextAndCaptionAsWordPressRendersThem() {
        Shortcodes.Attachments theme = new Shortcodes.Attachments() {
            @Override
            public String url(long id) {
                return id == 611 ? "https://media.example.test/canola2.jpg" : id == 616 ? "https://media.example.test/dsc.jpg" : null;
            }

            @Override
            public List<Long> attachedTo(long postId) {
                return postId == 555 ? List.of(611L, 616L) : List.of();
            }

            @Override
            public Shortcodes.Image image(long id, String size) {
                return id == 611 ? new Shortcodes.Image(url(id), url(id), null, null, "canola", "Lorem ipsum dolor sit amet.")
                        : id == 616 ? new Shortcodes.Image("https://media.example.test/dsc-150x150.jpg", url(id), 150, 150, "dsc", null) : null;
            }
        };
        WpContent.Converted converted = wpContent.convert("[gallery]", 555, theme);
        assertEquals("<div class=\"gallery galleryid-555 gallery-columns-3 gallery-size-thumbnail\">"
                + "<figure class=\"gallery-item\"><div class=\"gallery-icon\"><a href=\"https://media.example.test/canola2.jpg\" rel=\"noopener\">"
                + "<img src=\"https://media.example.test/canola2.jpg\" class=\"attachment-thumbnail size-thumbnail\" alt=\"canola\" loading=\"lazy\" />"
                + "</a></div><figcaption class=\"wp-caption-text gallery-caption\">Lorem ipsum dolor sit amet.</figcaption></figure>"
                + "<figure class=\"gallery-item\"><div class=\"gallery-icon landscape\"><a href=\"https://media.example.test/dsc.jpg\" rel=\"noopener\">"
                + "<img src=\"https://media.example.test/dsc-150x150.jpg\" width=\"150\" height=\"150\" class=\"attachment-thumbnail size-thumbnail\""
                + " alt=\"dsc\" loading=\"lazy\" /></a></div></figure></div>",
                html.paragraphedHtml(converted.html()));
    }

    /** Markup of the theme data's "Markup: HTML Tags and Formatting" post that WordPress shows and sanitizing once removed. */
    @Test
    void listNumberingAddressKeyboardAndVariablesSurviveSanitizingAsInWordPress() {
        String source = "<ol start=\"8\"><li>List item one -start at 8</li></ol><ol reversed=\"reversed\"><li>List item one -reversed attribute</li></ol>"
                + "<address>1 Infinite Loop<br />Cupertino, CA 95014</address><p><kbd>keyboard text</kbd> <var>variables</var> "
                + "<acronym title=\"Three-letter acronym\">TLA</acronym> <del cite=\"https://example.test/why\">gone</del></p>";
        assertEquals(source.replace("<br />", "<br />"), html.articleHtml(source, HtmlContent.ContentFormat.HTML));
    }

    @Test
    void audioVideoAndPlaylistBecomeMediaElements() {
        Element audio = stored("[audio mp3=\"https://media.example.test/song.mp3\"]").selectFirst("audio");
        assertTrue(audio.hasAttr("controls"));
        assertEquals("audio/mpeg", audio.selectFirst("source").attr("type"));
        assertEquals("https://media.example.test/song.mp3", audio.selectFirst("source").attr("src"));
        // WordPress's positional form, and the post's own audio when none is named
        assertEquals("https://media.example.test/other.ogg",
                stored("[audio https://media.example.test/other.ogg]").selectFirst("audio source").attr("src"));
        assertEquals("https://media.example.test/song.mp3", stored("[audio]").selectFirst("audio source").attr("src"));

        Element video = stored("[video width=\"800\" height=\"450\" mp4=\"https://media.example.test/clip.mp4\" "
                + "poster=\"https://media.example.test/a.jpg\"][/video]").selectFirst("div.wp-video video");
        assertTrue(video.hasAttr("controls"));
        assertEquals("800", video.attr("width"));
        assertEquals("https://media.example.test/a.jpg", video.attr("poster"));
        assertEquals("video/mp4", video.selectFirst("source").attr("type"));

        Elements tracks = stored("[playlist ids=\"12,10\"]").select("div.wp-playlist ol.wp-playlist-tracks li.wp-playlist-item");
        assertEquals(1, tracks.size(), "only the audio files of the list");
        assertEquals("https://media.example.test/song.mp3", tracks.first().selectFirst("audio source").attr("src"));
        assertEquals("https://media.example.test/clip.mp4",
                stored("[playlist type=\"video\"]").selectFirst("li video source").attr("src"));
    }

    @Test
    void providerUrlsOnTheirOwnLineAndEmbedShortcodesBecomeEmbeds() {
        Document doc = stored("Watch this:\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ&t=1m5s\n\n"
                + "https://vimeo.com/76979871\n\nhttps://x.com/WordPress/status/1057136472321613824\n\n"
                + "https://www.instagram.com/p/BpmueLLgEn_/?utm_source=ig_share_sheet\n\n"
                + "https://soundcloud.com/artist/a-track\n\nhttps://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC\n\n"
                + "[embed]https://youtu.be/ex8fMxXJDJw[/embed]\n\n"
                + "https://example.com/not-a-provider\n\nA link inline https://www.youtube.com/watch?v=dQw4w9WgXcQ stays a link.");
        List<String> srcs = doc.select("iframe").eachAttr("src");
        assertEquals(List.of("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=65", "https://player.vimeo.com/video/76979871",
                "https://www.instagram.com/p/BpmueLLgEn_/embed/",
                "https://w.soundcloud.com/player/?url=https%3A%2F%2Fsoundcloud.com%2Fartist%2Fa-track",
                "https://open.spotify.com/embed/track/4uLU6hMCjMI75M1A2tKUQC", "https://www.youtube-nocookie.com/embed/ex8fMxXJDJw"), srcs);
        for (Element iframe : doc.select("iframe")) {
            assertEquals("lazy", iframe.attr("loading"));
            assertEquals("allow-scripts allow-same-origin allow-popups allow-presentation", iframe.attr("sandbox"));
        }
        Element tweet = doc.selectFirst("blockquote.twitter-tweet a");
        assertEquals("https://twitter.com/WordPress/status/1057136472321613824", tweet.attr("href"));
        assertTrue(doc.select("p").eachText().contains("https://example.com/not-a-provider"), "not a provider: left as text, as WordPress");
        assertTrue(doc.text().contains("A link inline https://www.youtube.com/watch?v=dQw4w9WgXcQ stays a link."));
    }

    @Test
    void embedBlocksGetTheirEmbedOrALinkNeverABareUrl() {
        String blocks = """
                <!-- wp:paragraph -->
                <p>Embeds:</p>
                <!-- /wp:paragraph -->

                <!-- wp:embed {"url":"https://www.youtube.com/watch?v=ex8fMxXJDJw","type":"video","providerNameSlug":"youtube"} -->
                <figure class="wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube"><div class="wp-block-embed__wrapper">
                https://www.youtube.com/watch?v=ex8fMxXJDJw
                </div><figcaption>A video</figcaption></figure>
                <!-- /wp:embed -->

                <!-- wp:core-embed/facebook {"url":"https://www.facebook.com/6427302910/posts/10156380423617911/"} -->
                <figure class="wp-block-embed-facebook wp-block-embed"><div class="wp-block-embed__wrapper">
                https://www.facebook.com/6427302910/posts/10156380423617911/
                </div></figure>
                <!-- /wp:core-embed/facebook -->
                """;
        Document doc = stored(blocks);
        Elements figures = doc.select("figure.wp-block-embed");
        assertEquals("https://www.youtube-nocookie.com/embed/ex8fMxXJDJw", figures.get(0).selectFirst("div.wp-block-embed__wrapper > iframe").attr("src"));
        assertEquals("A video", figures.get(0).selectFirst("figcaption").text());
        assertEquals("https://www.facebook.com/6427302910/posts/10156380423617911/",
                figures.get(1).selectFirst("div.wp-block-embed__wrapper > a").attr("href"), "not allowed: a link");
        assertEquals(1, doc.select("p").size(), "block markup gets no paragraphs of its own");
    }

    @Test
    void blockMarkupIsLeftAsItIs() {
        String blocks = "<!-- wp:paragraph -->\n<p>One line\nwith a break typed in the code editor</p>\n<!-- /wp:paragraph -->\n\n"
                + "<!-- wp:list -->\n<ul><li>a</li>\n<li>b</li></ul>\n<!-- /wp:list -->\n\n<!-- wp:more -->\n<!--more-->\n<!-- /wp:more -->";
        WpContent.Converted converted = convert(blocks);
        assertEquals(blocks, converted.html());
        Document doc = stored(blocks);
        assertEquals(1, doc.select("p").size());
        assertTrue(doc.select("br").isEmpty());
    }

    @Test
    void shortcodesInPreAndCodeAreUntouchedAndUnknownOnesAreReportedByName() {
        WpContent.Converted converted = convert("Use <code>[gallery ids=\"10\"]</code> like this:\n\n<pre>[audio src=\"x.mp3\"]\n[fake_in_pre]</pre>\n\n"
                + "[contact-form-7 id=\"5\" title=\"Contact\"] and [toc] and [note]boxed[/note] and [[gallery]] "
                + "but not [simple boat] nor [1] nor [Editor's note].");
        Document doc = Jsoup.parseBodyFragment(html.articleHtml(converted.html(), HtmlContent.ContentFormat.HTML));
        assertEquals("[gallery ids=\"10\"]", doc.selectFirst("code").text());
        assertEquals("[audio src=\"x.mp3\"]\n[fake_in_pre]", doc.selectFirst("pre").wholeText());
        assertTrue(doc.select("div.gallery, audio").isEmpty());
        assertEquals(Set.of("contact-form-7", "toc", "note"), converted.unknownShortcodes());
        assertTrue(doc.text().contains("[contact-form-7 id=\"5\" title=\"Contact\"] and [toc] and [note]boxed[/note] and [gallery] but not [simple boat]"),
                doc.text());
    }

    @Test
    void sanitizingKeepsIframesOnlyFromAllowedHttpsHostsSandboxedAndLazy() {
        String input = "<iframe src=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ\" width=\"560\" height=\"315\" "
                + "sandbox=\"allow-top-navigation allow-forms\" loading=\"eager\" onload=\"alert(1)\" allowfullscreen></iframe>"
                + "<iframe src=\"http://www.youtube.com/embed/dQw4w9WgXcQ\"></iframe>"
                + "<iframe src=\"https://evil.example/embed\"></iframe>"
                + "<iframe src=\"javascript:alert(1)\"></iframe>"
                + "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>"
                + "<iframe src=\"https://player.vimeo.com.evil.example/video/1\"></iframe>";
        Document doc = Jsoup.parseBodyFragment(html.articleHtml(input, HtmlContent.ContentFormat.HTML));
        Elements iframes = doc.select("iframe");
        assertEquals(1, iframes.size(), doc.body().html());
        Element kept = iframes.first();
        assertEquals("allow-scripts allow-same-origin allow-popups allow-presentation", kept.attr("sandbox"));
        assertEquals("lazy", kept.attr("loading"));
        assertFalse(kept.hasAttr("onload"));
        assertEquals("560", kept.attr("width"));
        assertEquals(List.of("not https: www.youtube.com", "evil.example", "an invalid src", "no src", "player.vimeo.com.evil.example"),
                html.refusedIframes(input));
    }
}
