package dev.gazette.common.text;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WordPress's automatic paragraphs for text written in the classic editor, where the author types
 * blank lines and line breaks instead of {@code <p>} and {@code <br>} tags: a blank line ends a
 * paragraph, a single line break becomes {@code <br />}, block-level elements (headings, lists,
 * tables, figures, blockquotes, ...) are not wrapped, {@code <pre>} blocks are left exactly as
 * written and line breaks inside tags, comments, {@code <script>}/{@code <style>} stay line breaks.
 *
 * <p>WordPress applies these rules when it renders a classic post (its {@code wpautop} filter);
 * an export holds the text as typed, so an import must apply them to show what WordPress showed.
 * The rules here reproduce WordPress's observable output step by step (see AutopTest for the
 * tricky cases, each compared with what WordPress renders); they work on text, as WordPress does,
 * so malformed HTML comes out as WordPress would make it.
 */
public final class Autop {

    /** The elements WordPress never puts inside a paragraph. */
    private static final String BLOCK = "(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map"
            + "|area|blockquote|address|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|footer|nav|figure"
            + "|figcaption|details|menu|summary)";

    private static final Pattern DOUBLE_BR = Pattern.compile("<br\\s*/?>\\s*<br\\s*/?>");
    private static final Pattern BLOCK_OPEN = Pattern.compile("(<" + BLOCK + "[\\s/>])");
    private static final Pattern BLOCK_CLOSE = Pattern.compile("(</" + BLOCK + ">)");
    private static final Pattern HR = Pattern.compile("(<hr\\s*?/?>)");
    private static final Pattern OPTION_BEFORE = Pattern.compile("\\s*<option");
    private static final Pattern OPTION_AFTER = Pattern.compile("</option>\\s*");
    private static final Pattern OBJECT_OPEN = Pattern.compile("(<object[^>]*>)\\s*");
    private static final Pattern OBJECT_CLOSE = Pattern.compile("\\s*</object>");
    private static final Pattern PARAM_EMBED = Pattern.compile("\\s*(</?(?:param|embed)[^>]*>)\\s*");
    private static final Pattern MEDIA_OPEN = Pattern.compile("([<\\[](?:audio|video)[^>\\]]*[>\\]])\\s*");
    private static final Pattern MEDIA_CLOSE = Pattern.compile("\\s*([<\\[]/(?:audio|video)[>\\]])");
    private static final Pattern SOURCE_TRACK = Pattern.compile("\\s*(<(?:source|track)[^>]*>)\\s*");
    private static final Pattern FIGCAPTION_OPEN = Pattern.compile("\\s*(<figcaption[^>]*>)");
    private static final Pattern FIGCAPTION_CLOSE = Pattern.compile("</figcaption>\\s*");
    private static final Pattern MANY_NEWLINES = Pattern.compile("\n\n+");
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\n\\s*\n");
    private static final Pattern EMPTY_P = Pattern.compile("<p>\\s*</p>");
    private static final Pattern UNCLOSED_IN_CONTAINER = Pattern.compile("<p>([^<]+)</(div|address|form)>");
    private static final Pattern P_AROUND_BLOCK_TAG = Pattern.compile("<p>\\s*(</?" + BLOCK + "[^>]*>)\\s*</p>");
    private static final Pattern P_AROUND_LI = Pattern.compile("<p>(<li.+?)</p>");
    private static final Pattern P_BEFORE_BLOCKQUOTE = Pattern.compile("<p><blockquote([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern P_BEFORE_BLOCK_TAG = Pattern.compile("<p>\\s*(</?" + BLOCK + "[^>]*>)");
    private static final Pattern P_AFTER_BLOCK_TAG = Pattern.compile("(</?" + BLOCK + "[^>]*>)\\s*</p>");
    private static final Pattern RAW_TEXT = Pattern.compile("<(script|style|svg|math).*?</\\1>", Pattern.DOTALL);
    private static final Pattern BARE_NEWLINE = Pattern.compile("(?<!<br />)\\s*\n");
    private static final Pattern BR_AFTER_BLOCK_TAG = Pattern.compile("(</?" + BLOCK + "[^>]*>)\\s*<br />");
    private static final Pattern BR_BEFORE_BLOCK_TAG = Pattern.compile("<br />(\\s*</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)");
    private static final Pattern TRAILING_NEWLINE = Pattern.compile("\n</p>$");

    /** A paragraph holding only WordPress's teaser or page-break marker. */
    private static final Pattern BREAK_MARKER_PARAGRAPH = Pattern.compile("<p>\\s*<!--(?:more|nextpage)(?:\\s[^>]*)?-->\\s*</p>\\n?");

    private static final String NEWLINE_IN_TAG = " <!-- wpnl --> ";
    private static final String KEPT_NEWLINE = "<WPPreserveNewline />";

    private Autop() {
    }

    /** The text with paragraphs and line breaks made explicit, as WordPress renders a classic post. */
    public static String paragraphs(String source) {
        if (source == null || source.trim().isEmpty()) {
            return "";
        }
        String text = source + "\n";
        Map<String, String> pres = new LinkedHashMap<>();
        if (text.contains("<pre")) {
            text = setAsidePre(text, pres);
        }
        text = DOUBLE_BR.matcher(text).replaceAll("\n\n");
        text = BLOCK_OPEN.matcher(text).replaceAll("\n\n$1");
        text = BLOCK_CLOSE.matcher(text).replaceAll("$1\n\n");
        text = HR.matcher(text).replaceAll("$1\n\n");
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        text = newlinesInTags(text, NEWLINE_IN_TAG);
        if (text.contains("<option")) {
            text = OPTION_BEFORE.matcher(text).replaceAll("<option");
            text = OPTION_AFTER.matcher(text).replaceAll("</option>");
        }
        if (text.contains("</object>")) {
            text = OBJECT_OPEN.matcher(text).replaceAll("$1");
            text = OBJECT_CLOSE.matcher(text).replaceAll("</object>");
            text = PARAM_EMBED.matcher(text).replaceAll("$1");
        }
        if (text.contains("<source") || text.contains("<track")) {
            text = MEDIA_OPEN.matcher(text).replaceAll("$1");
            text = MEDIA_CLOSE.matcher(text).replaceAll("$1");
            text = SOURCE_TRACK.matcher(text).replaceAll("$1");
        }
        if (text.contains("<figcaption")) {
            text = FIGCAPTION_OPEN.matcher(text).replaceAll("$1");
            text = FIGCAPTION_CLOSE.matcher(text).replaceAll("</figcaption>");
        }
        text = MANY_NEWLINES.matcher(text).replaceAll("\n\n");

        StringBuilder wrapped = new StringBuilder(text.length() + 64);
        for (String paragraph : PARAGRAPH_BREAK.split(text)) {
            if (!paragraph.isEmpty()) {
                wrapped.append("<p>").append(trimNewlines(paragraph)).append("</p>\n");
            }
        }
        text = wrapped.toString();

        text = EMPTY_P.matcher(text).replaceAll("");
        text = UNCLOSED_IN_CONTAINER.matcher(text).replaceAll("<p>$1</p></$2>");
        text = P_AROUND_BLOCK_TAG.matcher(text).replaceAll("$1");
        text = P_AROUND_LI.matcher(text).replaceAll("$1");
        text = P_BEFORE_BLOCKQUOTE.matcher(text).replaceAll("<blockquote$1><p>");
        text = text.replace("</blockquote></p>", "</p></blockquote>");
        text = P_BEFORE_BLOCK_TAG.matcher(text).replaceAll("$1");
        text = P_AFTER_BLOCK_TAG.matcher(text).replaceAll("$1");

        text = keepNewlinesIn(text);
        text = text.replace("<br>", "<br />").replace("<br/>", "<br />");
        text = BARE_NEWLINE.matcher(text).replaceAll("<br />\n");
        text = text.replace(KEPT_NEWLINE, "\n");

        text = BR_AFTER_BLOCK_TAG.matcher(text).replaceAll("$1");
        text = BR_BEFORE_BLOCK_TAG.matcher(text).replaceAll("$1");
        text = TRAILING_NEWLINE.matcher(text).replaceAll("</p>");

        for (Map.Entry<String, String> pre : pres.entrySet()) {
            text = text.replace(pre.getKey(), pre.getValue());
        }
        if (text.contains("<!-- wpnl -->")) {
            text = text.replace(NEWLINE_IN_TAG, "\n").replace("<!-- wpnl -->", "\n");
        }
        return text;
    }

    /**
     * Removes the paragraphs that hold only a {@code <!--more-->} or {@code <!--nextpage-->} marker
     * (WordPress's teaser and page breaks, which Gazette does not split on): sanitizing drops the
     * comment and would leave an empty paragraph.
     */
    public static String withoutBreakMarkers(String html) {
        return html.contains("<!--") ? BREAK_MARKER_PARAGRAPH.matcher(html).replaceAll("") : html;
    }

    /**
     * Replaces each {@code <pre>...</pre>} with a placeholder element (restored at the end), so the
     * rules never touch preformatted text. A {@code </pre>} without an opening tag is left in place.
     */
    private static String setAsidePre(String text, Map<String, String> pres) {
        String[] parts = text.split("</pre>", -1);
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < parts.length - 1; i++) {
            String part = parts[i];
            int start = part.indexOf("<pre");
            if (start < 0) {
                out.append(part);
                continue;
            }
            String placeholder = "<pre wp-pre-tag-" + pres.size() + "></pre>";
            pres.put(placeholder, part.substring(start) + "</pre>");
            out.append(part, 0, start).append(placeholder);
        }
        return out.append(parts[parts.length - 1]).toString();
    }

    /**
     * Replaces line breaks inside tags, comments and CDATA sections (not in the text between them).
     * A {@code <} that never closes runs to the end of the text, as in WordPress.
     */
    static String newlinesInTags(String text, String replacement) {
        if (text.indexOf('<') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 32);
        int i = 0;
        int n = text.length();
        while (i < n) {
            int open = text.indexOf('<', i);
            if (open < 0) {
                out.append(text, i, n);
                break;
            }
            out.append(text, i, open);
            int end;
            if (text.startsWith("<!--", open)) {
                int close = text.indexOf("-->", open + 4);
                end = close < 0 ? n : close + 3;
            } else if (text.startsWith("<![CDATA[", open)) {
                int close = text.indexOf("]]>", open + 9);
                end = close < 0 ? n : close + 3;
            } else {
                int close = text.indexOf('>', open + 1);
                end = close < 0 ? n : close + 1;
            }
            out.append(text.substring(open, end).replace("\n", replacement));
            i = end;
        }
        return out.toString();
    }

    private static String keepNewlinesIn(String text) {
        Matcher m = RAW_TEXT.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 32);
        do {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group().replace("\n", KEPT_NEWLINE)));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }

    private static String trimNewlines(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '\n') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '\n') {
            end--;
        }
        return s.substring(start, end);
    }
}
