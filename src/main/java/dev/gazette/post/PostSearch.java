package dev.gazette.post;

import dev.gazette.common.persistence.KeyType;
import dev.gazette.common.persistence.KeysetQuery;
import dev.gazette.common.persistence.SortOrder;
import dev.gazette.common.persistence.SqlLike;
import dev.gazette.common.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Full-text search over title, excerpt and content, with a relevance score to sort by.
 *
 * <p>What matches is decided over the whole text; how well it matches is scored on the title and
 * the excerpt only (the standfirst a writer wrote, or else the first 55 words), and only for the
 * matches whose title and excerpt match the query by themselves. The relevance order is (score,
 * date, id), all descending: posts whose title or lead has the words first, best scored first, then
 * every other match (score 0) newest first. How often or how close together the words occur deep in
 * the body does not set the order.
 *
 * <p>That order costs a page, not the number of matches, at any size of site (a common query
 * matches 13,000 of 200,000 posts): the scored matches are found through their own index and are
 * few, and the rest is read walking the date index, stopping after a page ({@link
 * SortOrder#tiered}). Ranking every match read each one's row, tens of milliseconds per page at
 * 200,000 posts. Search statements are planned for their words ({@link KeysetQuery#planPerValues}):
 * whether to walk the date index or look the matches up depends on how many posts a word is in.
 *
 * <p>PostgreSQL: the generated {@code search_vector} column (title, excerpt and body, V21) with its
 * GIN index finds the matches ({@code websearch_to_tsquery}: quoted phrases, {@code -exclusions},
 * {@code or}); {@code ts_rank} scores them against the small generated {@code rank_vector} (title
 * weighted A, excerpt B; V10, its index V19). As the search vector begins with the rank vector's
 * text, a title/lead match of a query without exclusions is a match: the scored part is then read
 * from the rank vector's index alone ({@link KeysetQuery#whereImpliedByTier}), without intersecting
 * it with the body matches (at 200,000 posts, 12,800 of them for the benchmark's query). H2 has no
 * text search, so the fallback matches each word or quoted phrase as a substring of title, excerpt
 * or text (all must match, {@code -word} must not) and scores a title hit 3, an excerpt hit 1, in
 * one statement.
 *
 * <p>A password-protected post is found and scored by its title only, on both databases (its vectors
 * hold only the title, V20.1): words of its content or excerpt, which the public may not read, must not
 * make it match, nor keep it out of a search that excludes them.
 */
@ApplicationScoped
public class PostSearch {

    private static final Pattern TOKENS = Pattern.compile("(-?)\"([^\"]+)\"|(-?)(\\S+)");
    private static final int MAX_TERMS = 8;

    private final boolean postgres;

    public PostSearch(@ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.postgres = dbKind.toLowerCase(Locale.ROOT).startsWith("postgres");
    }

    /**
     * Adds the match condition to the query and returns the relevance sort for it, ties newest first
     * by {@code date} (the list's date expression: a public list's publication time, else the
     * creation time of drafts too).
     */
    public SortOrder apply(KeysetQuery query, String q, String date) {
        String text = q.trim();
        if (text.length() > 200) {
            throw ApiException.badRequest("q", "must be at most 200 characters");
        }
        if (postgres) {
            String wanted = wanted(text);
            String match = "p.search_vector @@ websearch_to_tsquery('english', :q)";
            if (!excludes(text)) {
                // no exclusions: a title/lead match is a match (search_vector holds title, excerpt and body, V21)
                query.whereImpliedByTier(match, "q", text);
            } else {
                query.where(match, "q", text);
            }
            query.parameter("wanted", wanted);
            query.planPerValues();
            return SortOrder.tiered("relevance", "p.rank_vector @@ websearch_to_tsquery('english', :wanted)",
                    "cast(ts_rank(p.rank_vector, websearch_to_tsquery('english', :wanted)) as double precision)",
                    List.of(date, "p.id"), List.of(KeyType.INSTANT, KeyType.LONG));
        }
        List<String> score = new ArrayList<>();
        Matcher m = TOKENS.matcher(text.toLowerCase(Locale.ROOT));
        int n = 0;
        while (m.find() && n < MAX_TERMS) {
            boolean exclude = !(m.group(1) == null ? m.group(3) : m.group(1)).isEmpty();
            String term = m.group(2) != null ? m.group(2) : m.group(4);
            if (term.isBlank() || (!exclude && term.equalsIgnoreCase("or"))) {
                continue;
            }
            String name = "t" + n++;
            String like = SqlLike.contains(term);
            String title = "lower(p.title) like :" + name + " escape '\\'";
            // a protected post's content and excerpt are not searched (as its search vectors on PostgreSQL, V20.1)
            String body = "(p.password_hash is null and lower(p.content_text) like :" + name + " escape '\\')";
            String excerpt = "(p.password_hash is null and lower(p.excerpt) like :" + name + " escape '\\')";
            query.where((exclude ? "not " : "") + "(" + title + " or " + excerpt + " or " + body + ")", name, like);
            if (!exclude) {
                score.add("case when " + title + " then 3 else 0 end + case when " + excerpt + " then 1 else 0 end");
            }
        }
        if (score.isEmpty()) {
            throw ApiException.badRequest("q", "must contain at least one word to search for");
        }
        return new SortOrder("relevance", List.of("cast(" + String.join(" + ", score) + " as double precision)", date, "p.id"),
                List.of(KeyType.DOUBLE, KeyType.INSTANT, KeyType.LONG), true);
    }

    /** Whether the query has {@code -exclusions} (then a title/lead match does not imply a match). */
    static boolean excludes(String text) {
        Matcher m = TOKENS.matcher(text);
        while (m.find()) {
            if (!(m.group(1) == null ? m.group(3) : m.group(1)).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The query without its {@code -exclusions}, to rank by: {@code ts_rank} counts an excluded
     * word as one more word to find, so {@code budget -tax} would score a title with "budget" as if it
     * missed half the query. (Only what it leaves out is excluded; the match keeps every condition.)
     */
    static String wanted(String text) {
        StringBuilder wanted = new StringBuilder();
        Matcher m = TOKENS.matcher(text);
        while (m.find()) {
            boolean exclude = !(m.group(1) == null ? m.group(3) : m.group(1)).isEmpty();
            if (!exclude) {
                wanted.append(m.group(2) != null ? '"' + m.group(2) + '"' : m.group(4)).append(' ');
            }
        }
        return wanted.isEmpty() ? text : wanted.toString().trim();
    }
}
