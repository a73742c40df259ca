package dev.gazette.importer;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How an item's {@code dc:creator} names one of the export's authors, as WordPress' importer reads it. */
class WxrCreatorTest {

    private static final Set<String> LOGINS = Set.of("themereviewteam", "jane.doe@example.com", "Ann Lee");

    @Test
    void strayCharactersAroundAKnownLoginAreWhatWordPressStrips() {
        assertEquals("themereviewteam", WxrImporter.login(">themereviewteam", LOGINS::contains));
        assertEquals("themereviewteam", WxrImporter.login("themereviewteam>", LOGINS::contains));
        assertEquals("themereviewteam", WxrImporter.login("<b>themereviewteam</b>", LOGINS::contains));
        assertEquals("Ann Lee", WxrImporter.login("Ann&nbsp; Lee", LOGINS::contains));
    }

    @Test
    void knownAndUnknownLoginsAreKeptAsTheyAre() {
        assertEquals("jane.doe@example.com", WxrImporter.login("jane.doe@example.com", LOGINS::contains));
        assertEquals("josé", WxrImporter.login("josé", LOGINS::contains)); // a new author, named as written
        assertEquals(null, WxrImporter.login(null, LOGINS::contains));
    }
}
