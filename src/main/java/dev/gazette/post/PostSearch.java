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
 * Full-text search over title and content, with a relevance score to sort by.
 *
 * <p>PostgreSQL: the generated {@code search_vector} column (title weighted above body) with its
 * GIN index, {@code websearch_to_tsquery} (quoted phrases, {@code -exclusions}, {@code or}) and
 * {@code ts_rank}. H2 has no text search, so the fallback matches each word or quoted phrase as a
 * substring of title or text (all must match, {@code -word} must not) and scores a title hit 3,
 * a body hit 1.
 */
@ApplicationScoped
public class PostSearch {

    private static final Pattern TOKENS = Pattern.compile("(-?)\"([^\"]+)\"|(-?)(\\S+)");
    private static final int MAX_TERMS = 8;

    private final boolean postgres;

    public PostSearch(@ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.postgres = dbKind.toLowerCase(Locale.ROOT).startsWith("postgres");
    }

    /** Adds the match condition to the query and returns the relevance sort for it. */
    public SortOrder apply(KeysetQuery query, String q) {
        String text = q.trim();
        if (text.length() > 200) {
            throw ApiException.badRequest("q", "must be at most 200 characters");
        }
        if (postgres) {
            query.where("p.search_vector @@ websearch_to_tsquery('english', :q)", "q", text);
            return SortOrder.of("relevance", true,
                    "cast(ts_rank(p.search_vector, websearch_to_tsquery('english', :q)) as double precision)",
                    KeyType.DOUBLE, "p.id");
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
            String body = "lower(p.content_text) like :" + name + " escape '\\'";
            query.where((exclude ? "not " : "") + "(" + title + " or " + body + ")", name, like);
            if (!exclude) {
                score.add("case when " + title + " then 3 else 0 end + case when " + body + " then 1 else 0 end");
            }
        }
        if (score.isEmpty()) {
            throw ApiException.badRequest("q", "must contain at least one word to search for");
        }
        return SortOrder.of("relevance", true, "cast(" + String.join(" + ", score) + " as double precision)",
                KeyType.DOUBLE, "p.id");
    }
}
