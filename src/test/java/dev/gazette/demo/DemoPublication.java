package dev.gazette.demo;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;
import java.util.UUID;

/**
 * Gazette as {@code ./mvnw quarkus:dev} starts it: the demo publication loaded into an empty
 * database. The database is a fresh one of the kind under test (a new in-memory H2 database, or a
 * new schema of the PostgreSQL test database), so the demo's ids and counts are those a new user
 * sees, whatever other tests left behind.
 */
public class DemoPublication implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        String name = "demo_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String url = System.getProperty("test-db.url", "");
        if (url.startsWith("jdbc:postgresql:")) {
            return Map.of("gazette.demo.enabled", "true", "gazette.media.directory", media(name),
                    "quarkus.datasource.jdbc.url", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + name,
                    "quarkus.flyway.schemas", name,
                    "quarkus.flyway.default-schema", name);
        }
        return Map.of("gazette.demo.enabled", "true", "gazette.media.directory", media(name),
                "quarkus.datasource.jdbc.url", "jdbc:h2:mem:" + name
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
    }

    /** The demo's media files, apart from other tests' (its ids start at 1 again). */
    private static String media(String name) {
        return java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "gazette-media-" + name).toString();
    }
}
