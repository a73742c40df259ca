package dev.gazette.common;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What production refuses or warns about at start (the start itself calls the same check with its configuration). */
class ProductionChecksTest {

    private static final String SECRET = "4f1c0b7e9a2d63c85e17f0a4b2d9c6e1";

    @Test
    void productionRefusesTheBuiltInOrAShortIpHashSecret() {
        for (String secret : List.of(ProductionChecks.DEVELOPMENT_IP_HASH_SECRET, "", "short")) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> ProductionChecks.check(true, secret, "https://news.example", "https://news.example/{slug}"));
            assertTrue(e.getMessage().contains("GAZETTE_COMMENTS_IP_HASH_SECRET"), e.getMessage());
        }
    }

    @Test
    void productionWarnsWhenTheSiteUrlIsStillLocalhost() {
        List<String> warnings = ProductionChecks.check(true, SECRET, "http://localhost:8080", "http://localhost:8080/posts/{slug}");
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("GAZETTE_SITE_URL"), warnings.get(0));
        assertEquals(List.of(), ProductionChecks.check(true, SECRET, "https://news.example", "https://news.example/posts/{slug}"));
    }

    @Test
    void developmentAndTestsKeepTheirDefaults() {
        assertEquals(List.of(), ProductionChecks.check(false, ProductionChecks.DEVELOPMENT_IP_HASH_SECRET,
                "http://localhost:8080", "http://localhost:8080/posts/{slug}"));
    }
}
