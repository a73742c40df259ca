package dev.gazette.sync;

import dev.gazette.Fixtures;
import dev.gazette.common.web.ContentKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.gazette.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Instances on one PostgreSQL database hear each other's changes through {@code LISTEN/NOTIFY}: a
 * committed write is announced with its keys, and an announcement from another instance drops
 * exactly the answers it names, at once, without waiting for the change counter's next reading
 * (which, the counter not having moved here, would never drop them).
 */
@QuarkusTest
class ChangeAnnouncementsTest {

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    @Inject
    ChangeAnnouncements announcements;

    @BeforeEach
    void onPostgres() {
        assumeTrue(dbKind.startsWith("postgres"), "LISTEN/NOTIFY is PostgreSQL's; on H2 Gazette runs in one process");
    }

    private Connection connect() throws Exception {
        return DriverManager.getConnection(url, username.orElse(null), password.orElse(""));
    }

    @Test
    void aCommittedWriteIsAnnouncedWithTheKeysItChanged() throws Exception {
        Fixtures.Actor editor = Fixtures.actor("editor");
        long id = Fixtures.postId(Fixtures.publishedPost(editor.token(), unique("Announced"), Map.of()));
        try (Connection connection = connect()) {
            try (Statement listen = connection.createStatement()) {
                listen.execute("listen " + ChangeAnnouncements.CHANNEL);
            }
            Fixtures.as(editor.token()).body(Map.of("excerpt", "Edited on this instance")).patch("/api/v1/posts/" + id)
                    .then().statusCode(200);
            List<String> heard = new ArrayList<>();
            long until = System.currentTimeMillis() + 5_000;
            while (System.currentTimeMillis() < until && heard.stream().noneMatch(p -> p.contains("\n" + ContentKeys.post(id) + "\n"))) {
                PGNotification[] notifications = connection.unwrap(PGConnection.class).getNotifications(200);
                if (notifications != null) {
                    for (PGNotification n : notifications) {
                        heard.add(n.getParameter() + "\n");
                    }
                }
            }
            String mine = heard.stream().filter(p -> p.contains("\n" + ContentKeys.post(id) + "\n")).findFirst()
                    .orElseThrow(() -> new AssertionError("the edit of post " + id + " was not announced: " + heard));
            String[] lines = mine.split("\n");
            assertTrue(Long.parseLong(lines[1]) > 0 && Long.parseLong(lines[2]) >= Long.parseLong(lines[1]), mine);
            assertTrue(List.of(lines).contains(ContentKeys.POST_LISTS), mine);
        }
        assertTrue(announcements.listening(), "this instance listens to the others");
    }

    @Test
    void anotherInstancesAnnouncementDropsExactlyWhatItNames() throws Exception {
        Fixtures.Actor editor = Fixtures.actor("editor");
        long changed = Fixtures.postId(Fixtures.publishedPost(editor.token(), unique("Changed elsewhere"), Map.of()));
        long untouched = Fixtures.postId(Fixtures.publishedPost(editor.token(), unique("Untouched"), Map.of()));
        String changedPath = "/api/v1/posts/" + changed;
        String untouchedPath = "/api/v1/posts/" + untouched;
        waitForListener();
        cached(changedPath);
        cached(untouchedPath);
        try (Connection connection = connect()) {
            long seq;
            try (Statement read = connection.createStatement(); ResultSet rs = read.executeQuery("select last_seq from change_counter")) {
                rs.next();
                seq = rs.getLong(1);
            }
            try (PreparedStatement notify = connection.prepareStatement("select pg_notify(?, ?)")) {
                notify.setString(1, ChangeAnnouncements.CHANNEL);
                notify.setString(2, ChangeAnnouncements.payload("another-instance", seq, seq,
                        List.of(ContentKeys.post(changed), ContentKeys.postCounts(changed), ContentKeys.POST_LISTS)));
                notify.executeQuery().close();
            }
        }
        long start = System.nanoTime();
        while (!"MISS".equals(given().get(changedPath).header("X-Cache"))) {
            if (System.nanoTime() - start > 3_000_000_000L) {
                fail("the announced change of post " + changed + " never dropped its cached answer");
            }
            Thread.sleep(5);
        }
        assertEquals("HIT", given().get(untouchedPath).header("X-Cache"), "an answer the announcement does not name stays cached");
    }

    private void waitForListener() throws InterruptedException {
        for (int i = 0; i < 100 && !announcements.listening(); i++) {
            Thread.sleep(50);
        }
        assertTrue(announcements.listening(), "this instance listens to the others");
    }

    private static void cached(String path) {
        for (int i = 0; i < 10; i++) {
            Response r = given().get(path);
            assertEquals(200, r.statusCode(), path);
            if ("HIT".equals(r.header("X-Cache"))) {
                return;
            }
        }
        fail(path + " is never served from the cache");
    }
}
