package dev.gazette.sync;

import dev.gazette.common.persistence.DatabaseAvailability;
import dev.gazette.common.GazetteConfig;
import dev.gazette.common.Times;
import dev.gazette.common.persistence.KeyType;
import dev.gazette.common.web.ApiException;
import dev.gazette.common.web.AnswerKeys;
import dev.gazette.common.web.ContentKeys;
import dev.gazette.common.web.ListPage;
import dev.gazette.common.web.PageInfo;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reading the change feed, and dropping changes older than the retention. */
@ApplicationScoped
public class ChangeService {

    /** Where a client starts the change feed again. */
    static final String RESTART = "/api/v1/changes";

    @Inject
    EntityManager em;

    @Inject
    GazetteConfig config;

    @Inject
    AnswerKeys answer;

    /**
     * Changes after a cursor (or from the oldest kept one), in commit order. {@code page.next} is
     * the position to poll from next, also when nothing new came.
     *
     * @throws ApiException 410 when the cursor points before what retention kept; 409 when it points past
     *         the newest change (a cursor this feed never issued: the client must resync)
     */
    @Transactional
    public ListPage<ChangeView> after(String cursor, Set<ChangeLog.Type> types, int limit) {
        answer.shows(ContentKeys.CHANGES);
        Object[] counter = (Object[]) em.createNativeQuery("select pruned_through, last_seq from change_counter where id = 1")
                .getSingleResult();
        long pruned = ((Number) counter[0]).longValue();
        long newest = ((Number) counter[1]).longValue();
        long after = cursor == null ? pruned : decode(cursor);
        if (after > newest) {
            throw ApiException.conflict("The cursor " + encode(after) + " is ahead of the newest change (" + encode(newest)
                    + "): this change feed never issued it (the database was restored from a backup or replaced, or the"
                    + " cursor comes from another site), so changes may have been missed. Resync: fetch the current content"
                    + " again, then follow the change feed from the start, GET " + RESTART + " (without 'after').");
        }
        if (after < pruned) {
            throw ApiException.gone("Changes up to " + encode(pruned) + " were removed after "
                    + config.changes().retention().toDays() + " days: fetch the current content again, then follow the change feed "
                    + "from the cursor of a fresh request without 'after'.");
        }
        String typeFilter = types.isEmpty() ? "" : " and type in (:types)";
        Query query = em.createNativeQuery("select seq, type, entity_id, slug, action, at from change_log where seq > :after"
                        + typeFilter + " order by seq limit " + limit)
                .setParameter("after", after);
        Query count = em.createNativeQuery("select count(*) from change_log where seq > :after" + typeFilter)
                .setParameter("after", after);
        if (!types.isEmpty()) {
            List<String> names = types.stream().map(Enum::name).toList();
            query.setParameter("types", names);
            count.setParameter("types", names);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<ChangeView> items = rows.stream().map(r -> new ChangeView(encode(((Number) r[0]).longValue()),
                ChangeLog.Type.valueOf((String) r[1]), ((Number) r[2]).longValue(), (String) r[3],
                ChangeLog.Action.valueOf((String) r[4]), KeyType.toInstant(r[5]))).toList();
        String next = items.isEmpty() ? encode(after) : items.get(items.size() - 1).cursor();
        return new ListPage<>(items, new PageInfo(limit, next, null, ((Number) count.getSingleResult()).longValue()));
    }

    /** Drops changes older than the retention and remembers how far it went. */
    @Scheduled(every = "1h", delayed = "1m", skipExecutionIf = DatabaseAvailability.Down.class)
    @Transactional
    void prune() {
        Number through = (Number) em.createNativeQuery("select max(seq) from change_log where at < :before")
                .setParameter("before", Times.now().minus(config.changes().retention())).getSingleResult();
        if (through != null) {
            em.createNativeQuery("delete from change_log where seq <= :through").setParameter("through", through.longValue()).executeUpdate();
            em.createNativeQuery("update change_counter set pruned_through = :through where id = 1 and pruned_through < :through")
                    .setParameter("through", through.longValue()).executeUpdate();
        }
    }

    static String encode(long seq) {
        return "c-" + seq;
    }

    static long decode(String cursor) {
        String c = cursor.trim().toLowerCase(Locale.ROOT);
        if (c.startsWith("c-")) {
            try {
                long seq = Long.parseLong(c.substring(2));
                if (seq >= 0) {
                    return seq;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
        }
        throw ApiException.badRequest("after", "is not a change cursor; use the cursor of a change or page.next");
    }
}
