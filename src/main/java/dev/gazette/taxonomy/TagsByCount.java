package dev.gazette.taxonomy;

import dev.gazette.common.web.ApiException;
import dev.gazette.common.web.Cursor;
import dev.gazette.common.web.PageInfo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Tags in {@code sort=count} order: most published posts first, ties broken by the higher id, with
 * their counts. Built in memory from the remembered counts ({@link PostCounts}), so listing tags by
 * count reads no filing at all: the grouped count over every {@code post_tag} row that ordered this
 * list in SQL grew with the site (170 ms at 600,000 filings). Pages are cut by the same keyset as
 * SQL lists, {@code (count, id) < (:count, :id)}, found by binary search: a deep page costs what
 * page 1 costs, and a cursor stays exact while counts move (an item whose count changed between two
 * pages is shown where its new count puts it, as a SQL keyset list would).
 */
final class TagsByCount {

    static final String SORT = "count";

    private final long[] ids;
    private final long[] counts;
    private final Map<Long, Long> postCounts;

    private TagsByCount(long[] ids, long[] counts, Map<Long, Long> postCounts) {
        this.ids = ids;
        this.counts = counts;
        this.postCounts = postCounts;
    }

    /** These tags, in list order; a tag missing from {@code postCounts} has no published post. */
    static TagsByCount of(Collection<Long> tagIds, Map<Long, Long> postCounts) {
        Long[] sorted = tagIds.stream().distinct().toArray(Long[]::new);
        Comparator<Long> byCount = Comparator.comparingLong(id -> postCounts.getOrDefault(id, 0L));
        Arrays.sort(sorted, byCount.thenComparingLong(id -> id).reversed());
        long[] ids = new long[sorted.length];
        long[] counts = new long[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            ids[i] = sorted[i];
            counts[i] = postCounts.getOrDefault(sorted[i], 0L);
        }
        return new TagsByCount(ids, counts, postCounts);
    }

    int size() {
        return ids.length;
    }

    /** The count this order was built with (0 for a tag it does not hold). */
    long count(long tagId) {
        return postCounts.getOrDefault(tagId, 0L);
    }

    /** One page: the ids in list order and the cursors around it, as {@code KeysetQuery} pages. */
    Page page(String cursorToken, int limit) {
        Cursor cursor = cursorToken == null ? null : Cursor.decode(cursorToken, SORT, 2);
        int from;
        int to;
        boolean more;
        if (cursor == null) {
            from = 0;
            to = Math.min(size(), limit);
            more = size() > limit;
        } else if (!cursor.backward()) {
            from = firstBelow(keyOf(cursor, 0), keyOf(cursor, 1), false);
            to = Math.min(size(), from + limit);
            more = size() - from > limit;
        } else {
            to = firstBelow(keyOf(cursor, 0), keyOf(cursor, 1), true); // [0, to): everything ranked above the key
            from = Math.max(0, to - limit);
            more = to > limit;
        }
        List<Long> pageIds = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            pageIds.add(ids[i]);
        }
        String next = null;
        String prev = null;
        if (!pageIds.isEmpty()) {
            boolean backward = cursor != null && cursor.backward();
            boolean hasNext = backward || more;
            boolean hasPrev = backward ? more : cursor != null;
            next = hasNext ? Cursor.after(SORT, List.of(counts[to - 1], ids[to - 1])).encode() : null;
            prev = hasPrev ? Cursor.before(SORT, List.of(counts[from], ids[from])).encode() : null;
        }
        return new Page(pageIds, new PageInfo(limit, next, prev, size()));
    }

    /**
     * The first position whose (count, id) is below the key (or equal to it, when {@code orEqual}):
     * a binary search in the descending order.
     */
    private int firstBelow(long count, long id, boolean orEqual) {
        int lo = 0;
        int hi = ids.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            boolean below = counts[mid] < count || (counts[mid] == count && (ids[mid] < id || (orEqual && ids[mid] == id)));
            if (below) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private static long keyOf(Cursor cursor, int index) {
        if (cursor.key().get(index) instanceof Number n) {
            return n.longValue();
        }
        throw ApiException.badRequest("cursor",
                "is not a valid cursor for this list and sort; use the page.next or page.prev value of a previous response");
    }

    record Page(List<Long> ids, PageInfo info) {
    }
}
