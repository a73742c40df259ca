package dev.gazette.common.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Classic-editor paragraphs on the tricky cases, each expected value being what WordPress's own
 * wpautop() returns for the input (WordPress 6.9, run on these inputs), malformed output included:
 * the import must show what WordPress showed.
 */
class AutopTest {

    private static void same(String wordpress, String input) {
        assertEquals(wordpress, Autop.paragraphs(input), input);
    }

    @Test
    void blankLinesMakeParagraphsAndSingleNewlinesBreaks() {
        same("<p>First line<br />\nsecond line</p>\n<p>New paragraph</p>\n", "First line\nsecond line\n\nNew paragraph");
        same("<p><span>inline<br />\nspan</span> and <em>em</em></p>\n<p>after many blank lines</p>\n",
                "<span>inline\nspan</span> and <em>em</em>\n\n\n\nafter many blank lines");
        same("<p>Windows<br />\nline</p>\n<p>paragraph</p>\n", "Windows\r\nline\r\n\r\nparagraph");
        same("<p>one</p>\n<p>two<br />three</p>\n", "one<br><br>two<br/>three");
        same("", "   \n\n  ");
        same("", null);
    }

    @Test
    void blockLevelElementsAreNotWrapped() {
        same("<h2>Title</h2>\n<p>Text after the heading</p>\n<ul>\n<li>one</li>\n<li>two<br />\nwrapped</li>\n</ul>\n<p>After the list</p>\n",
                "<h2>Title</h2>\nText after the heading\n<ul>\n<li>one</li>\n<li>two\nwrapped</li>\n</ul>\nAfter the list");
        same("<table>\n<tr>\n<td>a<br />\nb</td>\n</tr>\n</table>\n", "<table>\n<tr><td>a\nb</td></tr>\n</table>");
        same("<p>already</p>\n<p>wrapped<br />\nwith a break</p>\n", "<p>already</p>\n\n<p>wrapped\nwith a break</p>");
        same("<p>Text</p>\n<hr>\n<p>More text</p>\n", "Text<hr>More text");
        same("<figure><img src=\"a.jpg\" /><figcaption>\nA caption<br />\n</figcaption></figure>\n<p>text</p>\n",
                "<figure><img src=\"a.jpg\" />\n<figcaption>\nA caption\n</figcaption></figure>\ntext");
    }

    @Test
    void blockquotesGetTheirParagraphsInside() {
        same("<blockquote><p>Quote one</p>\n<p>Quote two</p></blockquote>\n", "<blockquote>Quote one\n\nQuote two</blockquote>");
    }

    @Test
    void preformattedTextIsUntouched() {
        same("<p>Before</p>\n<pre>line 1\n\nline 3\n  indented</pre>\n<p>After</p>\n", "Before\n<pre>line 1\n\nline 3\n  indented</pre>\nAfter");
    }

    @Test
    void lineBreaksInsideTagsAndCommentsStay() {
        same("<p><a href=\"/x\"\n   title=\"t\">link</a><br />\nnext line</p>\n", "<a href=\"/x\"\n   title=\"t\">link</a>\nnext line");
        same("<p>Text with <!-- a comment\nover two lines --> inside</p>\n<p>next</p>\n",
                "Text with <!-- a comment\nover two lines --> inside\n\nnext");
        same("<p><select><option>a</option><option>b</option></select></p>\n", "<select>\n<option>a</option>\n<option>b</option>\n</select>");
    }

    @Test
    void theMoreTagGetsItsOwnParagraphWhichTheBreakMarkerCleanupRemoves() {
        same("<p>Teaser</p>\n<p><!--more--></p>\n<p>The rest</p>\n", "Teaser\n\n<!--more-->\n\nThe rest");
        assertEquals("<p>Teaser</p>\n<p>The rest</p>\n", Autop.withoutBreakMarkers(Autop.paragraphs("Teaser\n\n<!--more-->\n\nThe rest")));
        assertEquals("<p>a</p>\n<p>b</p>\n", Autop.withoutBreakMarkers(Autop.paragraphs("a\n\n<!--nextpage-->\n\nb")));
    }

    @Test
    void wordPressQuirksAreReproducedToo() {
        // a <div> with text and a blank line: WordPress closes a paragraph it never opened
        same("<div>inside</p>\n<p>second</p></div>\n", "<div>inside\n\nsecond</div>");
        // a script's blank line still splits it (only its single newlines are kept)
        same("<p><script>\nvar a = 1;</p>\n<p>var b = 2;\n</script><br />\nafter</p>\n", "<script>\nvar a = 1;\n\nvar b = 2;\n</script>\nafter");
        // a lone "<" reads as a tag that never ends: no paragraphs after it
        same("<p>a < b\n\nc\n</p>\n", "a < b\n\nc");
        // shortcodes are text to autop; the import unwraps known ones standing alone afterwards
        same("<p>[caption id=\"attachment_1\" width=\"150\"]<img src=\"a.jpg\" /> Caption[/caption]</p>\n<p>Text</p>\n",
                "[caption id=\"attachment_1\" width=\"150\"]<img src=\"a.jpg\" /> Caption[/caption]\n\nText");
    }
}
