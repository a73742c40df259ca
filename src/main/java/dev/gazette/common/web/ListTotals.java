package dev.gazette.common.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.gazette.common.persistence.KeysetQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.function.LongSupplier;

/**
 * Totals of public lists ({@code page.total}), counted once until what the list is made of changes
 * (a {@link ContentKeys key} such as {@link ContentKeys#POST_LISTS}): the count is the one part of a
 * keyset page whose cost grows with the list (a {@code count(*)} over every match), so a client
 * walking 2,000 pages of the same list pays it once, not 2,000 times, and likes or comments never
 * make it count again. Lists that depend on the caller (drafts with a token) are always counted.
 */
@ApplicationScoped
public class ListTotals {

    private final Cache<String, long[]> totals = Caffeine.newBuilder().maximumSize(10_000).build();

    @Inject
    ContentVersion versions;

    /**
     * The total of a public query whose rows change with the key {@code madeOf}, counted by {@code count}
     * when it is not known. {@code clockParameters} name parameters that only carry the
     * current time (the publication cut-off): a post passing it is recorded as a change by the
     * scheduler, so the total follows within its interval.
     */
    public long of(KeysetQuery query, LongSupplier count, String madeOf, String... clockParameters) {
        long since = versions.current();
        String key = query.countSignature(clockParameters);
        long[] known = totals.getIfPresent(key);
        if (known != null && versions.unchangedSince(known[0], madeOf)) {
            return known[1];
        }
        long total = count.getAsLong();
        totals.put(key, new long[] {since, total});
        return total;
    }
}
