package dev.gazette.taxonomy;

import dev.gazette.common.Times;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gazette.author.Caller;
import dev.gazette.author.Role;
import dev.gazette.common.persistence.KeyType;
import dev.gazette.common.persistence.KeysetQuery;
import dev.gazette.common.persistence.SortOrder;
import dev.gazette.common.text.Slugs;
import dev.gazette.common.web.ApiException;
import dev.gazette.common.web.Cursor;
import dev.gazette.common.web.HttpCaching;
import dev.gazette.common.web.IdOrSlug;
import dev.gazette.common.web.AnswerKeys;
import dev.gazette.common.web.ContentKeys;
import dev.gazette.common.web.ListPage;
import dev.gazette.common.web.MergePatch;
import dev.gazette.common.web.PageInfo;
import dev.gazette.sync.ChangeLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class CategoryService {

    static final SortOrder BY_NAME = SortOrder.of("name", false, "c.name", KeyType.STRING, "c.id");

    @Inject
    CategoryRepository categories;

    @Inject
    PostCounts postCounts;

    @Inject
    Caller caller;

    @Inject
    MergePatch mergePatch;

    @Inject
    ChangeLog changes;

    @Inject
    AnswerKeys answer;

    @Transactional
    public ListPage<CategoryView> list(String cursor, int limit) {
        answer.shows(ContentKeys.CATEGORIES);
        Cursor c = cursor == null ? null : Cursor.decode(cursor, BY_NAME.name(), 2);
        KeysetQuery.Page page = new KeysetQuery("category c").page(categories.getEntityManager(), BY_NAME, c, limit);
        List<Category> loaded = page.inOrder(categories.list("id in ?1", page.ids()), x -> x.id);
        Counts counts = counts();
        return new ListPage<>(loaded.stream().map(counts::view).toList(), page.info());
    }

    /** The whole tree: roots with their children nested, each level ordered by name. */
    @Transactional
    public ListPage<CategoryView> tree() {
        answer.shows(ContentKeys.CATEGORIES);
        List<Category> all = categories.listAll();
        Counts counts = counts();
        Map<Long, List<Category>> children = new HashMap<>();
        for (Category c : all) {
            children.computeIfAbsent(c.parent == null ? 0L : c.parent.id, k -> new ArrayList<>()).add(c);
        }
        List<CategoryView> roots = build(0L, children, counts);
        return new ListPage<>(roots, new PageInfo(all.size(), null, null, all.size()));
    }

    private List<CategoryView> build(long parentId, Map<Long, List<Category>> children, Counts counts) {
        return children.getOrDefault(parentId, List.of()).stream()
                .sorted(Comparator.comparing((Category c) -> c.name).thenComparing(c -> c.id))
                .map(c -> counts.view(c).withChildren(build(c.id, children, counts)))
                .toList();
    }

    /** Published post counts of every category: with its sub-categories, and filed directly under it. */
    private record Counts(Map<Long, Long> withSubcategories, Map<Long, Long> direct) {
        CategoryView view(Category c) {
            return CategoryView.of(c, withSubcategories.getOrDefault(c.id, 0L), direct.getOrDefault(c.id, 0L));
        }
    }

    private Counts counts() {
        return new Counts(postCounts.categoriesWithSubcategories(), postCounts.categories());
    }

    @Transactional
    public CategoryView get(IdOrSlug key) {
        answer.shows(ContentKeys.CATEGORIES);
        Category category = categories.get(key);
        return counts().view(category);
    }

    @Transactional
    public CategoryView create(CategoryView.Input input) {
        caller.require(Role.ADMIN, Role.EDITOR);
        Category category = new Category();
        category.createdAt = Times.now();
        apply(category, input);
        categories.persist(category);
        changes.record(ChangeLog.Type.CATEGORY, category.id, category.slug, ChangeLog.Action.CREATED);
        return CategoryView.of(category, 0, 0);
    }

    @Transactional
    public CategoryView replace(IdOrSlug key, CategoryView.Input input, String ifMatch) {
        caller.require(Role.ADMIN, Role.EDITOR);
        Category category = categories.get(key);
        HttpCaching.checkIfMatch(ifMatch, category.version, "category");
        apply(category, input);
        return view(category);
    }

    @Transactional
    public CategoryView patch(IdOrSlug key, JsonNode patch, String ifMatch) {
        caller.require(Role.ADMIN, Role.EDITOR);
        Category category = categories.get(key);
        HttpCaching.checkIfMatch(ifMatch, category.version, "category");
        apply(category, mergePatch.apply(CategoryView.Input.of(category), patch, CategoryView.Input.class));
        return view(category);
    }

    /** Deletes a category; its children move up to its parent, its posts simply lose it. */
    @Transactional
    public void delete(IdOrSlug key) {
        caller.require(Role.ADMIN, Role.EDITOR);
        Category category = categories.get(key);
        // lock it first, so posts being edited finish their links to it before its own rows are touched
        categories.getEntityManager().lock(category, LockModeType.PESSIMISTIC_WRITE);
        Instant now = Times.now();
        // ids and slugs only: loaded children would still point at the deleted parent when the session flushes
        List<Object[]> children = categories.getEntityManager()
                .createQuery("select c.id, c.slug from Category c where c.parent = :p", Object[].class)
                .setParameter("p", category).getResultList();
        List<Object[]> filed = changes.publicPostsOf("post_category", "category_id", category.id);
        long id = category.id;
        String slug = category.slug;
        categories.update("parent = ?1, updatedAt = ?2, version = version + 1 where parent = ?3",
                category.parent, now, category);
        categories.delete(category);
        for (Object[] child : children) {
            changes.record(ChangeLog.Type.CATEGORY, (Long) child[0], (String) child[1], ChangeLog.Action.UPDATED);
        }
        changes.postsUpdated(filed);
        changes.record(ChangeLog.Type.CATEGORY, id, slug, ChangeLog.Action.DELETED);
    }

    /**
     * Moving a category under {@code parent} must not put it below itself. Moves are serialized
     * by locking the category rows, and checked against the tree as committed, so two parallel
     * moves (A under B, B under A) cannot both pass.
     */
    private void refuseCycle(Category category, Category parent) {
        categories.lockTree();
        Map<Long, Long> parentOf = new HashMap<>();
        for (long[] edge : categories.edges()) {
            parentOf.put(edge[0], edge[1]);
        }
        for (long up = parent.id; up != 0; up = parentOf.getOrDefault(up, 0L)) {
            if (up == category.id) {
                throw ApiException.conflict("Category '" + category.slug + "' cannot be placed under '" + parent.slug
                        + "': that category is inside it, which would make a cycle.");
            }
        }
    }

    /**
     * Two categories with the same name under the same parent cannot be told apart in a tree or a
     * menu: refused with 409, as WordPress refuses them ({@code term_exists}). Checked with the
     * category rows locked, so two parallel writes of the same name cannot both pass.
     */
    private void refuseSameName(Category category, String name, Category parent) {
        categories.lockTree();
        categories.sibling(name, parent, category.id).ifPresent(other -> {
            throw ApiException.conflict("A category named '" + other.name + "' already exists "
                    + (parent == null ? "at the top of the tree" : "under '" + parent.slug + "'") + " (id " + other.id
                    + ", slug '" + other.slug + "'); choose another name or another parent.");
        });
    }

    private CategoryView view(Category category) {
        changes.record(ChangeLog.Type.CATEGORY, category.id, category.slug, ChangeLog.Action.UPDATED);
        categories.flush();
        return counts().view(category);
    }

    private void apply(Category category, CategoryView.Input input) {
        String slug = Slugs.resolve(input.slug(), category.slug, input.name(), "category",
                candidate -> categories.slugTaken(candidate, category.id));
        Category parent = null;
        if (input.parentId() != null) {
            parent = categories.findByIdOptional(input.parentId())
                    .orElseThrow(() -> ApiException.invalid("parentId", "no category with id " + input.parentId()));
            Long currentParent = category.parent == null ? null : category.parent.id;
            if (category.id != null && !input.parentId().equals(currentParent)) {
                refuseCycle(category, parent);
            }
        }
        String name = input.name().trim();
        Long currentParentId = category.parent == null ? null : category.parent.id;
        boolean placed = category.id == null || !name.equals(category.name)
                || !java.util.Objects.equals(input.parentId(), currentParentId);
        if (placed) {
            refuseSameName(category, name, parent);
        }
        category.slug = slug;
        category.name = name;
        category.description = input.description();
        category.parent = parent;
        category.updatedAt = Times.now();
    }
}
