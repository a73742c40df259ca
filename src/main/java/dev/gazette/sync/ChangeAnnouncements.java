package dev.gazette.sync;

import dev.gazette.common.web.ContentVersion;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import dev.gazette.common.persistence.DatabaseAvailability;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Instances sharing a PostgreSQL database hear of each other's changes at once, with what they
 * changed. The transaction that records a change also sends a {@code NOTIFY} on {@value #CHANNEL}
 * naming its change numbers and its {@link dev.gazette.common.web.ContentKeys keys}; PostgreSQL
 * delivers it to every listening instance if and when that transaction commits. Each instance
 * listens on a connection of its own (outside the pool) and moves those keys in its
 * {@link ContentVersion}, exactly as a local commit does: a like on one post made through another
 * instance drops that post's answers here, not every answer.
 *
 * <p>The shared change counter is still read every {@code gazette.http.cache.peer-check-interval}:
 * while the listening connection is down (it reconnects by itself, backing off up to 5 s), changes
 * it did not hear of make every earlier answer stale, as before. H2 runs in one process: nothing
 * to announce.
 */
@ApplicationScoped
public class ChangeAnnouncements {

    static final String CHANNEL = "gazette_changes";
    /** PostgreSQL refuses payloads of 8,000 bytes and more; longer announcements name no keys (everything is stale). */
    private static final int MAX_PAYLOAD = 7_900;
    private static final Logger LOG = Logger.getLogger(ChangeAnnouncements.class);

    private final String instance = UUID.randomUUID().toString();
    private volatile boolean running;
    private volatile boolean listening;
    private Thread listener;

    @Inject
    EntityManager em;

    @Inject
    ContentVersion version;

    @Inject
    DatabaseAvailability database;

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    @ConfigProperty(name = "gazette.http.cache.peer-notify", defaultValue = "true")
    boolean enabled;

    private boolean active() {
        return enabled && dbKind.toLowerCase(Locale.ROOT).startsWith("postgres");
    }

    /**
     * Moves the shared change counter by {@code n} in this transaction and returns its new value (the counter row
     * stays locked until the transaction ends, so change numbers become visible in order). On PostgreSQL the same
     * statement announces the numbers and keys to the other instances, when (and only if) the transaction commits:
     * one round trip while the row every writer needs is locked, instead of three.
     */
    long advance(int n, List<String> keys) {
        if (!active()) {
            em.createNativeQuery("update change_counter set last_seq = last_seq + :n where id = 1").setParameter("n", n).executeUpdate();
            return ((Number) em.createNativeQuery("select last_seq from change_counter where id = 1").getSingleResult()).longValue();
        }
        // the payload of payload(): instance, first and last numbers, then the keys (none when they would not fit)
        String named = "\n" + String.join("\n", keys);
        String tail = instance.length() + 2 * 21 + named.length() > MAX_PAYLOAD ? "" : named;
        return ((Number) em.createNativeQuery("""
                        with c as (update change_counter set last_seq = last_seq + :n where id = 1 returning last_seq)
                        select c.last_seq from c cross join lateral
                            (select pg_notify(:channel, :instance || chr(10) || (c.last_seq - :n + 1) || chr(10) || c.last_seq || :keys)) told""")
                .setParameter("n", n).setParameter("channel", CHANNEL).setParameter("instance", instance).setParameter("keys", tail)
                .getSingleResult()).longValue();
    }

    /** What an announcement says, a line each: the instance, the first and last change numbers, then the keys. */
    static String payload(String instance, long firstSeq, long lastSeq, List<String> keys) {
        String head = instance + "\n" + firstSeq + "\n" + lastSeq;
        String payload = head + "\n" + String.join("\n", keys);
        return payload.length() > MAX_PAYLOAD ? head : payload;
    }

    /** An announcement heard: another instance's keys move here (its own were moved at its commit). */
    void receive(String payload) {
        String[] lines = payload.split("\n");
        if (lines.length < 3 || lines[0].equals(instance)) {
            return;
        }
        try {
            version.changedElsewhere(Long.parseLong(lines[1]), Long.parseLong(lines[2]),
                    Arrays.asList(lines).subList(3, lines.length));
        } catch (NumberFormatException e) {
            LOG.warnf("ignored an announcement on %s that Gazette did not write: %s", CHANNEL, payload);
        }
    }

    /** Whether this instance hears the others now (for health and tests). */
    public boolean listening() {
        return listening;
    }

    void start(@Observes StartupEvent started) {
        if (!active()) {
            return;
        }
        running = true;
        listener = new Thread(this::listen, "gazette-change-listener");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent stopping) {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    private void listen() {
        long backoff = 0;
        boolean quiet = false;
        while (running) {
            try (Connection connection = DriverManager.getConnection(url, username.orElse(null), password.orElse(""))) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                if (backoff > 0 && !quiet) {
                    LOG.info("hearing the changes of other instances again");
                }
                backoff = 0;
                listening = true;
                while (running) {
                    PGNotification[] heard = pg.getNotifications(1_000);
                    if (heard != null) {
                        for (PGNotification n : heard) {
                            receive(n.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (!running) {
                    return;
                }
                if (backoff == 0) {
                    // an unreachable database is logged once, by DatabaseAvailability; this listener only follows it
                    quiet = database.failed(e);
                }
                if (backoff == 0 && !quiet) {
                    LOG.warnf("not hearing the changes of other instances (%s); reading the change counter until this"
                            + " reconnects", e.getMessage());
                }
                backoff = Math.min(Math.max(100, backoff * 2), 5_000);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
        listening = false;
    }
}
