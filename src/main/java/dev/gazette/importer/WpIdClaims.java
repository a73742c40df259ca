package dev.gazette.importer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The ids imported content answers to on the WordPress-compatible API ({@code /wp-json/wp/v2}): its
 * WordPress id, kept in the {@code wp_id} column of its table. Content created in Gazette answers to its own
 * id there, so two rules keep the two apart:
 * <ul>
 * <li>before an import writes anything, the tables' id sequences are moved above the highest WordPress id of
 * the file ({@link #reserve}): what Gazette creates afterwards, and what the import itself creates, gets ids no
 * imported object answers to;</li>
 * <li>an imported object takes its WordPress id only when no other row of its table answers to it
 * ({@link #claim}): content that was here before (created in Gazette before the first import, or imported from
 * another site) keeps its id, and the newcomer answers to its Gazette id, which the import report says.</li>
 * </ul>
 * A unique index on each {@code wp_id} column backs the second rule. Posts, pages and media share WordPress'
 * id space, but each keeps its own table and route here, so a clash is looked for within the table.
 */
@ApplicationScoped
public class WpIdClaims {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(WpIdClaims.class);

    /** Tables whose rows can answer to a WordPress id. */
    static final List<String> TABLES = List.of("post", "page", "comment", "media", "category", "tag", "author");

    @Inject
    EntityManager em;

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    /** An imported object that could not take its WordPress id: the row that answers to it. */
    record Clash(long gazetteId, long wpId, long holder) {
    }

    /**
     * Moves the table's id sequence so that the next id it gives is above {@code maxWpId}; never moves it back.
     * Runs in the caller's transaction (on H2 the change is DDL, committed at once).
     */
    void reserve(String table, long maxWpId) {
        if (!TABLES.contains(table) || maxWpId <= 0) {
            return;
        }
        if (dbKind.toLowerCase(Locale.ROOT).startsWith("postgres")) {
            // nextval, not last_value: it is the same statement for a sequence that gave no value yet (one id is spent)
            long next = ((Number) em.createNativeQuery("select nextval(pg_get_serial_sequence('" + table + "', 'id'))")
                    .getSingleResult()).longValue();
            if (next <= maxWpId) {
                em.createNativeQuery("select setval(pg_get_serial_sequence('" + table + "', 'id'), " + maxWpId + ")").getSingleResult();
            }
        } else {
            // H2: the identity's next value, then the column restarted above the WordPress ids (DDL: committed at once)
            Number next = (Number) em.createNativeQuery("select max(identity_base) from information_schema.columns where"
                            + " lower(table_schema) = lower(current_schema) and lower(table_name) = :table and lower(column_name) = 'id'")
                    .setParameter("table", table).getSingleResult();
            if (next == null) {
                LOG.warnf("no identity column found for %s.id: its ids were not moved above the imported WordPress ids", table);
            } else if (next.longValue() <= maxWpId) {
                em.createNativeQuery("alter table " + table + " alter column id restart with " + (maxWpId + 1)).executeUpdate();
            }
        }
    }

    /**
     * Gives these rows of {@code table} (Gazette id to WordPress id) their WordPress ids on the compatible API,
     * each unless another row answers to it already; returns those that could not, with the row that answers.
     * A row that already has its id is left alone (a second import of the same site). One query per 500 rows,
     * and one JDBC batch of updates for those that take their id.
     */
    List<Clash> claim(String table, Map<Long, Long> wpIds) {
        if (!TABLES.contains(table)) {
            throw new IllegalArgumentException(table);
        }
        List<Clash> clashes = new ArrayList<>();
        List<Map.Entry<Long, Long>> entries = new ArrayList<>(wpIds.entrySet());
        for (int from = 0; from < entries.size(); from += 500) {
            List<Map.Entry<Long, Long>> chunk = entries.subList(from, Math.min(entries.size(), from + 500));
            List<Long> wanted = chunk.stream().map(Map.Entry::getValue).distinct().toList();
            Map<Long, Long> answering = new HashMap<>(); // WordPress-API id -> row
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select id, coalesce(wp_id, id) from " + table
                    + " where wp_id in (:ids) or (wp_id is null and id in (:ids))").setParameter("ids", wanted).getResultList();
            for (Object[] r : rows) {
                answering.put(((Number) r[1]).longValue(), ((Number) r[0]).longValue());
            }
            List<long[]> taking = new ArrayList<>();
            for (Map.Entry<Long, Long> e : chunk) {
                long id = e.getKey();
                long wpId = e.getValue();
                Long holder = answering.get(wpId);
                if (holder == null) {
                    taking.add(new long[]{wpId, id});
                    answering.put(wpId, id);
                } else if (holder != id) {
                    clashes.add(new Clash(id, wpId, holder));
                }
            }
            if (!taking.isEmpty()) {
                em.flush();
                em.unwrap(Session.class).doWork(connection -> {
                    try (PreparedStatement update = connection.prepareStatement("update " + table + " set wp_id = ? where id = ?")) {
                        for (long[] t : taking) {
                            update.setLong(1, t[0]);
                            update.setLong(2, t[1]);
                            update.addBatch();
                        }
                        update.executeBatch();
                    }
                });
            }
        }
        return clashes;
    }
}
