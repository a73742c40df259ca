package dev.gazette.common.text;

import dev.gazette.common.web.ApiException;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlugsTest {

    @Test
    void foldsUnicodeToAscii() {
        assertEquals("election-a-zurich", Slugs.of("Élection à Zürich", "post"));
        assertEquals("strasse-und-oresund", Slugs.of("Straße und Øresund", "post"));
        assertEquals("lodz-aeroskobing-oeuvre", Slugs.of("Łódź, Ærøskøbing: œuvre!", "post"));
        assertEquals("cafe-creme", Slugs.of("cafe\u0301 cre\u0300me", "post"));
        assertEquals("rock-and-roll", Slugs.of("Rock & Roll", "post"));
        assertEquals("a-b", Slugs.of("  --a   b--  ", "post"));
    }

    @Test
    void fallsBackWhenNothingSurvivesOrOnlyDigits() {
        assertEquals("post", Slugs.of("東京", "post"));
        assertEquals("post", Slugs.of("🙂🙂", "post"));
        assertEquals("post-2026", Slugs.of("2026", "post"));
        assertEquals("tag", Slugs.of(null, "tag"));
    }

    @Test
    void longTitlesAreCutBelowTheLimitWithoutTrailingHyphen() {
        String slug = Slugs.of("word ".repeat(100), "post");
        assertTrue(slug.length() <= Slugs.MAX_LENGTH - 12);
        assertFalse(slug.endsWith("-"));
        assertTrue(Slugs.isValid(slug));
    }

    @Test
    void uniqueAppendsTheFirstFreeNumber() {
        Set<String> taken = Set.of("news", "news-2");
        assertEquals("news-3", Slugs.unique("news", taken::contains));
        assertEquals("other", Slugs.unique("other", taken::contains));
    }

    @Test
    void resolveKeepsTheCurrentSlugAndRefusesBadOrTakenOnes() {
        assertEquals("kept", Slugs.resolve(null, "kept", "New title", "post", s -> false));
        assertEquals("new-title", Slugs.resolve(null, null, "New title", "post", s -> false));
        assertEquals(422, assertThrows(ApiException.class,
                () -> Slugs.resolve("Bad Slug", null, "x", "post", s -> false)).status());
        assertEquals(422, assertThrows(ApiException.class,
                () -> Slugs.resolve("12345", null, "x", "post", s -> false)).status());
        assertEquals(409, assertThrows(ApiException.class,
                () -> Slugs.resolve("taken", null, "x", "post", "taken"::equals)).status());
    }
}
