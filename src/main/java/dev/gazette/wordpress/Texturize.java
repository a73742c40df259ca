package dev.gazette.wordpress;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WordPress' {@code wptexturize} for the text WordPress runs it on in {@code view} (titles, excerpts):
 * straight quotes to curly ones, {@code --} and {@code ---} to dashes, {@code ...} to an ellipsis,
 * {@code (tm)} to ™, {@code 2x4} to 2×4 and a lone {@code &} to {@code &#038;}, written as the numeric
 * entities WordPress writes. Text inside tags is left alone, as are the contents of {@code code},
 * {@code pre}, {@code kbd}, {@code script} and {@code style}. A subset of WordPress' rules (no
 * translated quote styles, no shortcodes): the ones titles and excerpts meet.
 */
final class Texturize {

    private static final Pattern TAGS = Pattern.compile("<[^>]*>");
    private static final Pattern SKIPPED = Pattern.compile("^<(/?)(code|pre|kbd|script|style|tt)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern AMPERSAND = Pattern.compile("&(?!#\\d+;|#x[0-9a-fA-F]+;|[a-zA-Z][a-zA-Z0-9]*;)");
    private static final Pattern YEAR = Pattern.compile("(^|[\\s(\\[{\"\\-])'(\\d\\d)(?=s\\b|\\W|$)");
    private static final Pattern OPENING_SINGLE = Pattern.compile("(^|[\\s(\\[{\"\\-]|&#822[01];)'(?=\\S)");
    private static final Pattern OPENING_DOUBLE = Pattern.compile("(^|[\\s(\\[{\\-]|&#821[67];)\"(?=\\S)");
    private static final Pattern PRIME = Pattern.compile("(?<=\\d)'");
    private static final Pattern DOUBLE_PRIME = Pattern.compile("(?<=\\d)\"");
    private static final Pattern TIMES = Pattern.compile("\\b(\\d[\\d.,]*)x(\\d[\\d.,]*)\\b");
    /** An apostrophe: after a non-space, before neither the end, punctuation, a quote, a bracket, a dash nor a space. */
    private static final Pattern APOSTROPHE = Pattern.compile("(?<!\\s)'(?!$|[.,:;!?\"'(){}\\[\\]\\-]|&[lg]t;|>|\\s)");
    /** A closing single quote: before the end, punctuation, a closing bracket, a dash or a space. */
    private static final Pattern CLOSING_SINGLE = Pattern.compile("'(?=$|[.,:;!?)}\\-\\]]|&gt;|>|\\s)");

    private Texturize() {
    }

    static String apply(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(html.length() + 16);
        Matcher tags = TAGS.matcher(html);
        int at = 0;
        int skipping = 0;
        while (tags.find()) {
            out.append(skipping > 0 ? html.substring(at, tags.start()) : text(html.substring(at, tags.start())));
            String tag = tags.group();
            Matcher skipped = SKIPPED.matcher(tag);
            if (skipped.find()) {
                skipping = Math.max(0, skipping + (skipped.group(1).isEmpty() ? 1 : -1));
            }
            out.append(tag);
            at = tags.end();
        }
        out.append(skipping > 0 ? html.substring(at) : text(html.substring(at)));
        return out.toString();
    }

    /**
     * A quote after a digit is a prime ({@code 6'2"}), unless it closes a quote opened before it
     * ({@code "Catch 22"}), as WordPress decides.
     */
    private static String primes(String t, Pattern after, String opening, String prime, String closing) {
        Matcher m = after.matcher(t);
        StringBuilder out = new StringBuilder(t.length());
        int at = 0;
        while (m.find()) {
            out.append(t, at, m.start());
            String before = out.toString();
            boolean closes = count(before, opening) > count(before, closing);
            out.append(closes ? closing : prime);
            at = m.end();
        }
        return out.append(t.substring(at)).toString();
    }

    private static int count(String text, String entity) {
        int n = 0;
        for (int i = text.indexOf(entity); i >= 0; i = text.indexOf(entity, i + entity.length())) {
            n++;
        }
        return n;
    }

    /** The rules, on text between tags. */
    private static String text(String t) {
        if (t.isEmpty()) {
            return t;
        }
        t = AMPERSAND.matcher(t).replaceAll("&#038;");
        t = t.replace("---", "&#8212;").replace(" -- ", " &#8212; ").replace("--", "&#8211;").replace(" - ", " &#8211; ")
                .replace("...", "&#8230;").replace("``", "&#8220;").replace("''", "&#8221;").replace("(tm)", "&#8482;");
        t = YEAR.matcher(t).replaceAll("$1&#8217;$2");
        t = OPENING_SINGLE.matcher(t).replaceAll("$1&#8216;");
        t = OPENING_DOUBLE.matcher(t).replaceAll("$1&#8220;");
        t = primes(t, PRIME, "&#8216;", "&#8242;", "&#8217;");
        t = primes(t, DOUBLE_PRIME, "&#8220;", "&#8243;", "&#8221;");
        // what is left of single quotes is curled only where WordPress curls it (a quote it cannot place stays straight)
        t = APOSTROPHE.matcher(t).replaceAll("&#8217;");
        t = CLOSING_SINGLE.matcher(t).replaceAll("&#8217;");
        t = t.replace("\"", "&#8221;");
        return TIMES.matcher(t).replaceAll("$1&#215;$2");
    }
}
