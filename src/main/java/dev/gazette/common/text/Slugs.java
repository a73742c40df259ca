package dev.gazette.common.text;

import dev.gazette.common.web.ApiException;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** URL slugs: lower-case ASCII words joined by hyphens, folded from any Unicode title. */
public final class Slugs {

    public static final int MAX_LENGTH = 200;
    public static final String PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";

    private static final Pattern VALID = Pattern.compile(PATTERN);
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");
    /** Letters that do not decompose into an ASCII base letter plus marks. */
    private static final Map<String, String> SPECIAL = Map.ofEntries(
            Map.entry("ß", "ss"), Map.entry("æ", "ae"), Map.entry("Æ", "ae"), Map.entry("ø", "o"), Map.entry("Ø", "o"),
            Map.entry("œ", "oe"), Map.entry("Œ", "oe"), Map.entry("ł", "l"), Map.entry("Ł", "l"), Map.entry("đ", "d"),
            Map.entry("Đ", "d"), Map.entry("ð", "d"), Map.entry("Ð", "d"), Map.entry("þ", "th"), Map.entry("Þ", "th"),
            Map.entry("ı", "i"), Map.entry("&", " and "));

    private Slugs() {
    }

    /** The slug for a title; {@code fallback} when nothing of the title survives folding (e.g. only CJK). */
    public static String of(String title, String fallback) {
        String s = title == null ? "" : title;
        for (var e : SPECIAL.entrySet()) {
            s = s.replace(e.getKey(), e.getValue());
        }
        s = Normalizer.normalize(s, Normalizer.Form.NFKD);
        s = MARKS.matcher(s).replaceAll("").toLowerCase(Locale.ROOT);
        s = NON_ALNUM.matcher(s).replaceAll("-");
        s = trimHyphens(s);
        if (s.length() > MAX_LENGTH - 12) {
            s = trimHyphens(s.substring(0, MAX_LENGTH - 12));
        }
        if (s.isEmpty()) {
            return fallback;
        }
        // an all-digit slug would be read as an id
        return s.chars().allMatch(Character::isDigit) ? fallback + "-" + s : s;
    }

    /**
     * The slug a resource ends up with: the one requested, else the one it has (stable on
     * edit), else one generated from its title and made unique.
     *
     * @param takenByOthers whether another resource of the kind already uses a slug
     * @throws ApiException 422 for a malformed slug, 409 when another resource has it
     */
    public static String resolve(String requested, String current, String title, String kind,
                                 Predicate<String> takenByOthers) {
        String slug = requested != null ? requested
                : current != null ? current
                : unique(of(title, kind), takenByOthers);
        if (!isValid(slug)) {
            throw ApiException.invalid("slug", "must be lower-case letters, digits and single hyphens, not only digits");
        }
        if (takenByOthers.test(slug)) {
            throw ApiException.conflict("A " + kind + " with slug '" + slug + "' already exists.");
        }
        return slug;
    }

    /** {@code base}, or {@code base-2}, {@code base-3}, ... whichever is not taken yet. */
    public static String unique(String base, Predicate<String> taken) {
        String slug = base;
        for (int n = 2; taken.test(slug); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }

    public static boolean isValid(String slug) {
        return slug != null && slug.length() <= MAX_LENGTH && VALID.matcher(slug).matches()
                && !slug.chars().allMatch(Character::isDigit);
    }

    private static String trimHyphens(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '-') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '-') {
            end--;
        }
        return s.substring(start, end);
    }
}
