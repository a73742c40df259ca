package dev.gazette.common.web;

/**
 * The characters Gazette refuses in text it receives: C0 controls (U+0000 to U+001F, of which
 * only tab, line feed and carriage return are allowed, and only in JSON body fields), DEL, C1
 * controls (U+0080 to U+009F), unpaired surrogates and the non-characters U+FFFE/U+FFFF. None
 * of them is ever meant as text, some cannot be stored at all (PostgreSQL refuses U+0000), and
 * {@code trim()} silently turns a title made of them into an empty one. Refusing them where
 * requests enter (JSON strings, query and path parameters) keeps them out of every field.
 */
public final class ControlCharacters {

    /** What a refused value is told, naming the first offending character. */
    public static final String MESSAGE = "must not contain control characters or invalid Unicode";

    private ControlCharacters() {
    }

    /**
     * The first refused character, as {@code U+XXXX}, or null when the text is acceptable.
     *
     * @param lineBreaks whether tab, line feed and carriage return are allowed (body text)
     */
    public static String firstRefused(CharSequence text, boolean lineBreaks) {
        if (text == null) {
            return null;
        }
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7F) {
                continue; // printable ASCII, the common case
            }
            boolean refused;
            if (c < 0x20) {
                refused = !(lineBreaks && (c == '\t' || c == '\n' || c == '\r'));
            } else if (c <= 0x9F) {
                refused = true; // DEL and C1 controls
            } else if (Character.isHighSurrogate(c)) {
                refused = i + 1 >= n || !Character.isLowSurrogate(text.charAt(i + 1));
                if (!refused) {
                    i++;
                    continue;
                }
            } else {
                refused = Character.isLowSurrogate(c) || c == 0xFFFE || c == 0xFFFF;
            }
            if (refused) {
                return String.format("U+%04X", (int) c);
            }
        }
        return null;
    }

    /** The message for a value holding a refused character. */
    public static String message(String refused) {
        return MESSAGE + " (found " + refused + ")";
    }
}
