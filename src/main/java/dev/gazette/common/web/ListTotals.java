package dev.gazette.common.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.gazette.common.persistence.KeysetQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Totals of public lists ({@code page.total}), counted once per {@link ContentVersion}: the count
 * is the one part of a keyset page whose cost grows with the list (a {@code count(*)} over every
 * match), so a client walking 2,000 pages of the same list pays it once, not 2,000 times. Any
 * recorded change moves the version and the next page counts again; lists that depend on the
 * caller (drafts with a token) are always counted.
 */
@ApplicationScoped
public class ListTotals {

    private final Cache<String, long[]> totals = Caffeine.newBuilder().maximumSize(10_000).build();

    @Inject
    ContentVersion versions;

    /**
     * The total of a public query. {@code clockParameters} name parameters that only carry the
     * current time (the publication cut-off): a post passing it is recorded as a change by the
     * scheduler, so the total follows within its interval.
     */
    public long of(KeysetQuery query, EntityManager em, String... clockParameters) {
        long version = versions.current();
        String key = query.countSignature(clockParameters);
        long[] known = totals.getIfPresent(key);
        if (known != null && known[0] == version) {
            return known[1];
        }
        long total = query.count(em);
        totals.put(key, new long[] {version, total});
        return total;
    }
}
