package dev.gazette.importer;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The re-import digest of posts and pages holds the conversion's version: the same item converted by another
 * version of the conversion is not "unchanged", so importing an export again after a conversion change
 * converts its items again. Also the WXR version check (newer than 1.2: a warning, not a failure).
 */
class ConversionDigestTest {

    private static Wxr.Item item(String type, String password) {
        return new Wxr.Item(12, type, "Title", "https://old.example.test/title/", "jo", "Line one\nline two", "", "publish",
                "title", "2021-03-04 10:00:00", "2021-03-04 09:00:00", "2021-03-05 10:00:00", "2021-03-05 09:00:00", "open",
                false, null, List.of(), Map.of(), List.of(), 7, 0, 0, password, "https://old.example.test/?p=12");
    }

    @Test
    void postAndPageDigestsChangeWithTheConversionVersionAndNothingElse() {
        Wxr.Item post = item("post", "");
        assertEquals(WxrImporter.postDigest(WpContent.VERSION, post, null), WxrImporter.postDigest(WpContent.VERSION, item("post", ""), null));
        assertNotEquals(WxrImporter.postDigest(WpContent.VERSION, post, null), WxrImporter.postDigest("conversion-1", post, null));

        Wxr.Item page = item("page", "");
        assertEquals(WxrPages.pageDigest(WpContent.VERSION, page, null), WxrPages.pageDigest(WpContent.VERSION, item("page", ""), null));
        assertNotEquals(WxrPages.pageDigest(WpContent.VERSION, page, null), WxrPages.pageDigest("conversion-1", page, null));
        // a protected page's digest says so (never with its password: the same for any password)
        assertNotEquals(WxrPages.pageDigest(WpContent.VERSION, page, null), WxrPages.pageDigest(WpContent.VERSION, item("page", "a"), null));
        assertEquals(WxrPages.pageDigest(WpContent.VERSION, item("page", "a"), null), WxrPages.pageDigest(WpContent.VERSION, item("page", "b"), null));
    }

    @Test
    void wxrVersionsAboveOnePointTwoAreNewerThanKnown() {
        assertFalse(WxrImporter.newerThanKnown("1.0"));
        assertFalse(WxrImporter.newerThanKnown("1.2"));
        assertTrue(WxrImporter.newerThanKnown("1.3"));
        assertTrue(WxrImporter.newerThanKnown("1.10"));
        assertTrue(WxrImporter.newerThanKnown("2.0"));
        assertFalse(WxrImporter.newerThanKnown("0.9"));
    }
}
