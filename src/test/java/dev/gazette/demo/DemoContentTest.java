package dev.gazette.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo publication file is consistent: every reference resolves, and it shows what Gazette does. */
class DemoContentTest {

    @Test
    void demoPublicationIsConsistent() throws Exception {
        DemoContent.Publication demo;
        try (InputStream in = getClass().getResourceAsStream("/demo/publication.json")) {
            assertNotNull(in);
            demo = new ObjectMapper().readValue(in, DemoContent.Publication.class);
        }
        assertEquals(3, demo.authors().size());
        Set<String> authors = new HashSet<>();
        demo.authors().forEach(a -> authors.add(a.key()));
        Set<String> categories = new HashSet<>();
        for (DemoContent.DemoCategory c : demo.categories()) {
            assertTrue(c.parent() == null || categories.contains(c.parent()), "parent listed before child: " + c.key());
            categories.add(c.key());
        }
        assertTrue(demo.categories().stream().anyMatch(c -> c.parent() != null
                && demo.categories().stream().anyMatch(p -> p.key().equals(c.parent()) && p.parent() != null)), "a 3-level tree");
        Set<String> tags = new HashSet<>(demo.tags());
        for (DemoContent.DemoPost p : demo.posts()) {
            assertTrue(authors.contains(p.author()), p.title());
            assertTrue(categories.containsAll(p.categories()), p.title());
            assertTrue(tags.containsAll(p.tags()), p.title());
        }
        assertTrue(demo.posts().size() >= 12);
        assertEquals(1, demo.posts().stream().filter(p -> p.source() != null).count(), "one re-published article");
        Set<String> comments = new HashSet<>();
        for (DemoContent.DemoComment c : demo.comments()) {
            assertTrue(c.post() >= 0 && c.post() < demo.posts().size() && !demo.posts().get(c.post()).draft(), c.key());
            assertTrue(c.parent() == null || comments.contains(c.parent()), "parent listed before reply: " + c.key());
            assertTrue(c.author() == null ? c.email() != null && c.name() != null : authors.contains(c.author()), c.key());
            comments.add(c.key());
        }
        assertTrue(demo.comments().stream().anyMatch(c -> c.parent() != null
                && demo.comments().stream().anyMatch(p -> p.key().equals(c.parent()) && p.parent() != null)), "a 3-level thread");
    }
}
