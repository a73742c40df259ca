package dev.gazette.wordpress;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** WordPress' view rendering of titles, excerpts and dates, without the application. */
class WpRenderTest {

    @Test
    void texturizeCurlsQuotesAndMakesDashesAndEllipses() {
        assertEquals("&#8220;Quoted&#8221; &#8212; it&#8217;s &#8216;fine&#8217;&#8230;",
                Texturize.apply("\"Quoted\" -- it's 'fine'..."));
        assertEquals("1990&#8211;2000 and a &#8211; b, then&#8212;", Texturize.apply("1990--2000 and a - b, then---"));
        assertEquals("Rock &#038; Roll &amp; more", Texturize.apply("Rock & Roll &amp; more"));
        assertEquals("the &#8217;90s, a 2&#215;4 and 6&#8242;2&#8243;", Texturize.apply("the '90s, a 2x4 and 6'2\""));
        assertEquals("Gazette&#8482;", Texturize.apply("Gazette(tm)"));
        assertEquals("<code>\"as 'typed'\"</code> &#8220;curled&#8221;", Texturize.apply("<code>\"as 'typed'\"</code> \"curled\""));
        assertEquals("<a href=\"x\">it&#8217;s</a>", Texturize.apply("<a href=\"x\">it's</a>"), "attributes are left alone");
    }

    @Test
    void titlesAreEscapedThenTexturized() {
        assertEquals("1 &lt; 2 &#038; &#8220;3&#8221;", WpRender.title("1 < 2 & \"3\""));
    }

    @Test
    void generatedExcerptsLeaveOutWhatWordPressLeavesOut() {
        String blocks = "<p>Buttons are links.&nbsp;</p><div class=\"wp-block-buttons\"><div class=\"wp-block-button\"><a>Left aligned</a>"
                + "</div></div><figure class=\"wp-block-gallery\"><figcaption>A caption</figcaption></figure><h2>Heading</h2>"
                + "<ul><li>one</li><li>two</li></ul><div class=\"wp-block-cover\"><p>On the cover</p></div><p>Last &amp; least</p>";
        assertEquals("Buttons are links.&nbsp; Heading one two Last & least", WpRender.excerptText(blocks).trim().replaceAll(" +", " "));
        assertEquals("<p>Buttons are links.&nbsp; Heading one two Last &#038; least</p>\n",
                WpRender.excerpt("", WpRender.excerptText(blocks), "generated"));
        assertEquals("Before after", WpRender.excerptText("<p>Before <figure><img src=\"x.jpg\"><figcaption>Cap</figcaption></figure>after</p>")
                .trim().replaceAll(" +", " "));
    }

    @Test
    void inlineMarkupInATitleIsKeptAsWordPressKeepsItAndNothingElse() {
        assertEquals("Markup: Title <em>With</em> <b>Mark<sup>up</sup></b>", WpRender.title("Markup: Title <em>With</em> <b>Mark<sup>up</sup></b>"));
        assertEquals("<em>A</em> &#038; B", WpRender.title("<em onclick=\"x()\">A</em> & B"));
        assertEquals("<b>bold</b>", WpRender.title("<b>bold</b> <script>alert(1)</script>"));
    }

    @Test
    void excerptsAreWordPressOwnWhenGeneratedAndParagraphsWhenWritten() {
        String text = "one ".repeat(60).trim();
        assertEquals("<p>" + "one ".repeat(55).trim() + " [&hellip;]</p>\n", WpRender.excerpt("", text, ""));
        String generatedByGazette = "one ".repeat(55).trim() + "…";
        assertEquals("<p>" + "one ".repeat(55).trim() + " [&hellip;]</p>\n", WpRender.excerpt(generatedByGazette, text, generatedByGazette));
        assertEquals("<p>Short and sweet</p>\n", WpRender.excerpt("", "Short and sweet", ""), "nothing cut, no [&hellip;]");
        assertEquals("<p>The editor&#8217;s lead</p>\n", WpRender.excerpt("The editor's lead", text, "other"));
        assertEquals("", WpRender.excerpt("", "", ""));
    }

    @Test
    void datesAreSiteLocalAndGmtWithoutAZone() {
        Instant summer = Instant.parse("2026-07-01T09:00:00Z");
        assertEquals("2026-07-01T11:00:00", WpRender.date(summer, ZoneId.of("Europe/Oslo")));
        assertEquals("2026-07-01T05:00:00", WpRender.date(summer, ZoneId.of("America/New_York")));
        assertEquals("2026-07-01T09:00:00", WpRender.dateGmt(summer));
        assertEquals("2026-12-01T10:00:00", WpRender.date(Instant.parse("2026-12-01T09:00:00Z"), ZoneId.of("Europe/Oslo")));
    }
}
