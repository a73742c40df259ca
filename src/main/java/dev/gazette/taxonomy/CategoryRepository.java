package dev.gazette.taxonomy;

import dev.gazette.common.web.ApiException;
import dev.gazette.common.web.IdOrSlug;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class CategoryRepository implements PanacheRepository<Category> {

    public Optional<Category> find(IdOrSlug key) {
        return key.isId() ? findByIdOptional(key.id()) : find("slug", key.slug()).firstResultOptional();
    }

    public Category get(IdOrSlug key) {
        return find(key).orElseThrow(() -> ApiException.notFound("Category", key));
    }

    public boolean slugTaken(String slug, Long exceptId) {
        return count("slug = ?1 and id <> ?2", slug, exceptId == null ? -1L : exceptId) > 0;
    }

    /**
     * The category other than {@code exceptId} with this name (case-insensitive, as WordPress compares
     * term names) directly under {@code parent} (null: among the roots), if any.
     */
    public Optional<Category> sibling(String name, Category parent, Long exceptId) {
        long except = exceptId == null ? -1L : exceptId;
        return parent == null
                ? find("parent is null and lower(name) = lower(?1) and id <> ?2", name, except).firstResultOptional()
                : find("parent = ?1 and lower(name) = lower(?2) and id <> ?3", parent, name, except).firstResultOptional();
    }

    /** Locks every category row until the transaction ends: tree moves run one at a time. */
    public void lockTree() {
        getEntityManager().createQuery("select c from Category c", Category.class)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    /** Id and parent id of every category: the tree's shape, in one small query. */
    public List<long[]> edges() {
        List<Object[]> rows = getEntityManager()
                .createQuery("select c.id, c.parent.id from Category c", Object[].class).getResultList();
        return rows.stream().map(r -> new long[]{(Long) r[0], r[1] == null ? 0L : (Long) r[1]}).toList();
    }

    /** The category and all categories below it, at any depth. */
    public List<Long> subtreeIds(long rootId) {
        Map<Long, List<Long>> children = new HashMap<>();
        for (long[] edge : edges()) {
            children.computeIfAbsent(edge[1], k -> new ArrayList<>()).add(edge[0]);
        }
        List<Long> result = new ArrayList<>();
        Deque<Long> todo = new ArrayDeque<>(List.of(rootId));
        while (!todo.isEmpty()) {
            long id = todo.poll();
            result.add(id);
            todo.addAll(children.getOrDefault(id, List.of()));
        }
        return result;
    }
}
