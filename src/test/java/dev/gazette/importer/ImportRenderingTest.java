package dev.gazette.importer;

import dev.gazette.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Imported content reads as WordPress showed it: classic posts get their paragraphs, shortcodes and
 * embeds are rendered, block posts are left as they are, and the job says what it left as text or
 * removed, and which custom fields it did not carry.
 */
@QuarkusTest
class ImportRenderingTest {

    private static final String RUN = Fixtures.unique("r").substring(2);

    private static Document content(String slug) {
        return Jsoup.parseBodyFragment(given().get("/api/v1/posts/" + slug).then().statusCode(200).extract().path("content"));
    }

    private static String item(long id, String slug, String type, long parent, String content, String meta) {
        return "<item><title>" + slug + "</title><dc:creator>render" + RUN + "</dc:creator>"
                + "<content:encoded><![CDATA[" + content + "]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded>"
                + "<wp:post_id>" + id + "</wp:post_id><wp:post_date>2021-03-04 10:00:00</wp:post_date>"
                + "<wp:post_date_gmt>2021-03-04 09:00:00</wp:post_date_gmt><wp:post_name>" + slug + "</wp:post_name>"
                + "<wp:status>" + (type.equals("attachment") ? "inherit" : "publish") + "</wp:status><wp:post_parent>" + parent
                + "</wp:post_parent><wp:post_type>" + type + "</wp:post_type>"
                + (type.equals("attachment") ? "<wp:attachment_url>https://media.example.test/" + RUN + "/" + slug + "</wp:attachment_url>" : "")
                + meta + "</item>\n";
    }

    private static String meta(String key, String value) {
        return "<wp:postmeta><wp:meta_key>" + key + "</wp:meta_key><wp:meta_value><![CDATA[" + value + "]]></wp:meta_value></wp:postmeta>";
    }

    @Test
    void classicAndBlockPostsShortcodesEmbedsAndWhatWasLeftAreReported() {
        String classic = "classic-" + RUN;
        String blocks = "blocks-" + RUN;
        String forms = "forms-" + RUN;
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<rss version=\"2.0\" xmlns:excerpt=\"http://wordpress.org/export/1.2/excerpt/\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\""
                + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:wp=\"http://wordpress.org/export/1.2/\"><channel>"
                + "<title>Render</title><link>https://render" + RUN + ".example.test</link><wp:wxr_version>1.2</wp:wxr_version>"
                + "<wp:base_blog_url>https://render" + RUN + ".example.test</wp:base_blog_url>"
                + "<wp:author><wp:author_login>render" + RUN + "</wp:author_login><wp:author_display_name>Render</wp:author_display_name></wp:author>\n"
                + item(1, classic, "post", 0, "First paragraph\nwith a line break.\n\n"
                        + "[caption id=\"attachment_5\" align=\"alignright\" width=\"300\"]<img src=\"https://media.example.test/a.jpg\" width=\"300\" /> The caption[/caption]\n\n"
                        + "[gallery columns=\"2\"]\n\n"
                        + "https://www.youtube.com/watch?v=SQEQr7c0-dw\n\n"
                        + "<iframe src=\"https://tracker.example.test/frame\"></iframe>\n\n"
                        + "[contact-form-7 id=\"9\"] and [toc]\n\n<pre>[gallery ids=\"5\"]\n\nkept</pre>",
                        meta("_yoast_wpseo_title", "SEO title") + meta("_yoast_wpseo_metadesc", "SEO description")
                                + meta("_edit_last", "1") + meta("_thumbnail_id", "5"))
                + item(2, blocks, "post", 0, "<!-- wp:paragraph -->\n<p>Block paragraph\nwith a newline.</p>\n<!-- /wp:paragraph -->\n\n"
                        + "<!-- wp:embed {\"url\":\"https://vimeo.com/76979871\"} -->\n<figure class=\"wp-block-embed\"><div class=\"wp-block-embed__wrapper\">\n"
                        + "https://vimeo.com/76979871\n</div></figure>\n<!-- /wp:embed -->\n\n"
                        + "<!-- wp:html -->\n<iframe src=\"https://tracker.example.test/other\"></iframe>\n<!-- /wp:html -->",
                        meta("_yoast_wpseo_focuskw", "kw") + meta("_aioseo_title", "t"))
                + item(3, forms, "post", 0, "[contact-form-7 id=\"10\"]\n\n[audio]\n\n[gallery ids=\"6,404\"]", "")
                // attachments after the posts that show them
                + item(5, "a.jpg", "attachment", 1, "", "")
                + item(6, "b.png", "attachment", 1, "", "")
                + item(7, "song.mp3", "attachment", 3, "", "")
                + "</channel></rss>";
        JsonPath job = ImportTest.importFile(xml.getBytes(StandardCharsets.UTF_8));
        assertEquals("succeeded", job.getString("status"), job.prettify());
        assertEquals(3, job.getInt("counts.posts.created"));

        Document c = content(classic);
        assertEquals("First paragraph with a line break.", c.select("body > p").first().text());
        assertEquals(1, c.select("body > p").first().select("br").size());
        assertEquals("The caption", c.selectFirst("figure.wp-caption.alignright figcaption").text());
        Element gallery = c.selectFirst("div.gallery.gallery-columns-2");
        assertEquals(List.of("https://media.example.test/" + RUN + "/a.jpg", "https://media.example.test/" + RUN + "/b.png"),
                gallery.select("img").eachAttr("src"), "attachments listed after the post are known");
        assertEquals("https://www.youtube-nocookie.com/embed/SQEQr7c0-dw", c.selectFirst("iframe").attr("src"));
        assertEquals(1, c.select("iframe").size(), "the tracker's iframe is removed");
        assertTrue(c.text().contains("[contact-form-7 id=\"9\"] and [toc]"));
        assertEquals("[gallery ids=\"5\"]\n\nkept", c.selectFirst("pre").wholeText());

        Document b = content(blocks);
        assertEquals(1, b.select("p").size());
        assertTrue(b.select("br").isEmpty(), "block markup gets no automatic line breaks");
        assertEquals("https://player.vimeo.com/video/76979871", b.selectFirst("figure.wp-block-embed iframe").attr("src"));
        assertEquals(1, b.select("iframe").size());

        Document f = content(forms);
        assertEquals("https://media.example.test/" + RUN + "/song.mp3", f.selectFirst("audio source").attr("src"));
        assertEquals(1, f.select("div.gallery img").size());

        List<String> warnings = job.getList("warnings", String.class);
        assertTrue(warnings.contains("shortcode [contact-form-7] left as text in 2 posts"), warnings.toString());
        assertTrue(warnings.contains("shortcode [toc] left as text in 1 post"), warnings.toString());
        assertTrue(warnings.contains("iframe from tracker.example.test removed (host not allowed) in 2 posts"), warnings.toString());
        assertTrue(warnings.contains("gallery and playlist shortcodes: 1 attachment id not in the export, left out"), warnings.toString());
        assertEquals(Map.of("_yoast_wpseo_* (Yoast SEO)", 2, "_aioseo_* (All in One SEO)", 1, "_edit_last", 1),
                job.getMap("counts.postmeta.skippedReasons"));
        assertEquals(4, job.getInt("counts.postmeta.skipped"));

        // a second import of the same file changes nothing and reports the same fields as not carried
        JsonPath again = ImportTest.importFile(xml.getBytes(StandardCharsets.UTF_8));
        assertEquals(3, again.getInt("counts.posts.skippedReasons.unchanged"));
        assertEquals(4, again.getInt("counts.postmeta.skipped"));
    }

    @Test
    void theThemeUnitTestDataReadsAsWordPressShowsIt() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(ImportTest.themeFilePresent(), "../shared/fixtures/wordpress is not beside the checkout");
        String suffix = RUN + "t";
        String xml = Files.readString(ImportTest.themeFile())
                .replace("https://wpthemetestdata.wordpress.com", "https://theme" + suffix + ".example.test");
        for (String tag : List.of("wp:category_nicename", "wp:category_parent", "wp:tag_slug", "wp:post_name", "wp:author_login",
                "wp:term_slug", "wp:term_parent")) {
            xml = xml.replaceAll("<" + tag + ">(?:<!\\[CDATA\\[)?([^<\\]]+)(?:\\]\\]>)?</" + tag + ">", "<" + tag + ">$1-" + suffix + "</" + tag + ">");
        }
        xml = xml.replaceAll("nicename=\"([^\"]+)\"", "nicename=\"$1-" + suffix + "\"");
        JsonPath job = ImportTest.importFile(xml.getBytes(StandardCharsets.UTF_8));
        assertEquals("succeeded", job.getString("status"), job.prettify());

        // classic posts: paragraphs, and the <!--more--> marker leaves no empty paragraph
        Document more = content("template-more-tag-" + suffix);
        assertEquals(3, more.select("body > p").size(), more.body().html());
        assertFalse(more.body().html().contains("<p></p>"));
        Document standard = content("post-format-standard-" + suffix);
        assertEquals(7, standard.select("body > p").size(), "8 paragraphs and the more marker's, removed");
        assertTrue(standard.text().contains("beaching their coracles [simple boat]."), "a bracket in prose stays as written");

        // [caption] became figures with their captions
        Document alignment = content("markup-image-alignment-" + suffix);
        assertEquals(5, alignment.select("figure.wp-caption").size());
        assertEquals("Feels good to be right all the time.", alignment.select("figure.wp-caption.alignright figcaption").last().text());
        assertTrue(content("post-format-image-caption-" + suffix).selectFirst("figure.wp-caption > a > img, figure.wp-caption > img") != null);

        // [gallery] with 1 to 9 columns of the images attached to the post; the tiled gallery by its ids
        Document galleries = content("post-format-gallery-" + suffix);
        List<String> columns = galleries.select("div.gallery").stream()
                .map(g -> g.classNames().stream().filter(n -> n.startsWith("gallery-columns-")).findFirst().orElse("")).toList();
        assertEquals(List.of("gallery-columns-3", "gallery-columns-1", "gallery-columns-2", "gallery-columns-3", "gallery-columns-4",
                "gallery-columns-5", "gallery-columns-6", "gallery-columns-7", "gallery-columns-8", "gallery-columns-9"), columns);
        assertTrue(galleries.selectFirst("div.gallery").select("img").size() > 20);
        // as WordPress 7.1 renders the same export (compared with a real one): each image has its attachment's alt
        // text, and a figcaption when the attachment has a caption
        org.jsoup.select.Elements items = galleries.selectFirst("div.gallery").select("figure.gallery-item");
        assertEquals("canola", items.get(0).selectFirst("div.gallery-icon > a > img.attachment-thumbnail.size-thumbnail").attr("alt"));
        assertTrue(items.get(0).selectFirst("figcaption.wp-caption-text.gallery-caption").text()
                .startsWith("Lorem ipsum dolor sit amet, consectetuer adipiscing elit."), items.get(0).html());
        assertEquals(null, items.get(1).selectFirst("figcaption"), "no caption, no figcaption");
        assertEquals("Bell on Wharf", items.get(3).selectFirst("img").attr("alt"));
        assertEquals("Bell on wharf in San Francisco", items.get(3).selectFirst("figcaption").text());
        assertEquals(6, content("post-format-gallery-tiled-" + suffix).select("div.gallery img").size());

        // [audio], URL embeds (YouTube, tweet), embed blocks
        assertTrue(content("post-format-audio-" + suffix).selectFirst("audio source[type=audio/mpeg]") != null);
        assertEquals("https://www.youtube-nocookie.com/embed/SQEQr7c0-dw",
                content("post-format-video-youtube-" + suffix).selectFirst("iframe").attr("src"));
        assertTrue(content("media-twitter-embeds-" + suffix).selectFirst("blockquote.twitter-tweet a[href]") != null);
        Document embeds = content("blocks-embeds-" + suffix);
        assertEquals(List.of("https://www.youtube-nocookie.com/embed/ex8fMxXJDJw", "https://www.instagram.com/p/BpmueLLgEn_/embed/"),
                embeds.select("iframe").eachAttr("src"));
        assertEquals(1, embeds.select("blockquote.twitter-tweet").size());
        assertTrue(embeds.select("div.wp-block-embed__wrapper > a").eachAttr("href").stream().anyMatch(h -> h.contains("facebook.com")));

        // what sanitizing removed before the comparison with WordPress: list numbering, <address>, <kbd>, <var>,
        // and long class lists (the embed block's figure)
        Document tags = content("markup-html-tags-and-formatting-" + suffix);
        assertEquals("8", tags.selectFirst("ol[start]").attr("start"));
        assertTrue(tags.selectFirst("ol[reversed]") != null, tags.select("ol").outerHtml());
        assertTrue(tags.selectFirst("address").text().startsWith("1 Infinite Loop"));
        assertEquals("keyboard text", tags.selectFirst("kbd").text());
        assertEquals("variables", tags.selectFirst("var").text());
        assertEquals("0", content("block-category-common-" + suffix).selectFirst("ol[start]").attr("start"));
        assertTrue(embeds.selectFirst("figure.wp-block-embed.is-provider-youtube.wp-embed-aspect-16-9.wp-has-aspect-ratio iframe") != null,
                embeds.select("figure").outerHtml());

        // block posts get no extra paragraphs
        String source = xml.substring(xml.indexOf("<title>Keyboard navigation</title>"));
        source = source.substring(source.indexOf("<content:encoded>"), source.indexOf("</content:encoded>"));
        Document keyboard = content("keyboard-navigation-" + suffix);
        assertEquals(source.split("<p[ >]", -1).length - 1, keyboard.select("p").size());

        // nothing left as text in the posts; the custom fields not carried, by kind
        List<String> warnings = job.getList("warnings", String.class);
        assertFalse(warnings.stream().anyMatch(w -> w.startsWith("shortcode [")), warnings.toString());
        Map<String, Integer> metadata = job.getMap("counts.postmeta.skippedReasons");
        assertEquals(Map.of("_oembed_* (WordPress oEmbed cache, not needed: embeds are made from the URLs)", 3, "enclosure", 2),
                metadata.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }
}
