package dev.gazette.post;

import dev.gazette.common.web.IdOrSlug;
import dev.gazette.taxonomy.Category;
import dev.gazette.taxonomy.Tag;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class PostRepository implements PanacheRepository<Post> {

    public Optional<Post> find(IdOrSlug key) {
        return key.isId() ? findByIdOptional(key.id()) : find("slug", key.slug()).firstResultOptional();
    }

    public boolean slugTaken(String slug, Long exceptId) {
        return count("slug = ?1 and id <> ?2", slug, exceptId == null ? -1L : exceptId) > 0;
    }

    /** The posts with these ids (any order), their authors fetched in the same query. */
    public List<Post> withAuthors(Collection<Long> ids) {
        return ids.isEmpty() ? List.of()
                : list("select p from Post p join fetch p.author where p.id in ?1", ids);
    }

    /** Categories of each post, one query for all of them. */
    public Map<Long, List<Category>> categoriesOf(Collection<Long> postIds) {
        return group(postIds, "select p.id, c from Post p join p.categories c where p.id in ?1 order by c.name, c.id");
    }

    /** Tags of each post, one query for all of them. */
    public Map<Long, List<Tag>> tagsOf(Collection<Long> postIds) {
        return group(postIds, "select p.id, t from Post p join p.tags t where p.id in ?1 order by t.name, t.id");
    }

    @SuppressWarnings("unchecked")
    private <T> Map<Long, List<T>> group(Collection<Long> postIds, String hql) {
        Map<Long, List<T>> result = new HashMap<>();
        if (postIds.isEmpty()) {
            return result;
        }
        List<Object[]> rows = getEntityManager().createQuery(hql, Object[].class)
                .setParameter(1, postIds).getResultList();
        for (Object[] row : rows) {
            result.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add((T) row[1]);
        }
        return result;
    }
}
