package dev.gazette.taxonomy;

import dev.gazette.common.Times;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gazette.author.Caller;
import dev.gazette.author.Role;
import dev.gazette.common.persistence.KeyType;
import dev.gazette.common.persistence.KeysetQuery;
import dev.gazette.common.persistence.SortOrder;
import dev.gazette.common.persistence.SqlLike;
import dev.gazette.common.text.Slugs;
import dev.gazette.common.web.ApiException;
import dev.gazette.common.web.Cursor;
import dev.gazette.common.web.HttpCaching;
import dev.gazette.common.web.IdOrSlug;
import dev.gazette.common.web.AnswerKeys;
import dev.gazette.common.web.ContentKeys;
import dev.gazette.common.web.ListPage;
import dev.gazette.common.web.MergePatch;
import dev.gazette.sync.ChangeLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Map;
import java.util.Objects;

@ApplicationScoped
public class TagService {

    /** Tags listed by name, or by published post count (most used first) for tag clouds. */
    public enum Sort {
        NAME, COUNT
    }

    private static final SortOrder BY_NAME = SortOrder.of("name", false, "t.name", KeyType.STRING, "t.id");
    /** Autocomplete: name or slug starts with {@code :prefix} (a LIKE pattern). */
    private static final String PREFIX_MATCH = "(lower(t.name) like :prefix escape '\\' or t.slug like :prefix escape '\\')";

    @Inject
    TagRepository tags;

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

    /**
     * By name: a keyset query over the tag table. By count: a page of {@link TagsByCount}, the
     * remembered order of every tag (or, for an autocomplete prefix, of the tags it matches, sorted
     * by the remembered counts), so neither order counts filings per request.
     *
     * @param prefix autocomplete: tags whose name or slug starts with it, case-insensitively
     */
    @Transactional
    public ListPage<TagView> list(Sort sort, String prefix, String cursor, int limit) {
        answer.shows(ContentKeys.TAGS);
        boolean filtered = prefix != null && !prefix.isBlank();
        String like = filtered ? SqlLike.startsWith(prefix) : null;
        if (sort == Sort.COUNT) {
            TagsByCount order = filtered ? TagsByCount.of(idsStartingWith(like), postCounts.tags()) : postCounts.tagsByCount();
            TagsByCount.Page page = order.page(cursor, limit);
            return new ListPage<>(loaded(page.ids()).stream().map(t -> TagView.of(t, order.count(t.id))).toList(), page.info());
        }
        KeysetQuery query = new KeysetQuery("tag t");
        if (filtered) {
            query.where(PREFIX_MATCH, "prefix", like);
        }
        Cursor c = cursor == null ? null : Cursor.decode(cursor, BY_NAME.name(), 2);
        KeysetQuery.Page page = query.page(tags.getEntityManager(), BY_NAME, c, limit);
        Map<Long, Long> counts = postCounts.tags();
        return new ListPage<>(loaded(page.ids()).stream()
                .map(t -> TagView.of(t, counts.getOrDefault(t.id, 0L))).toList(), page.info());
    }

    private List<Long> idsStartingWith(String like) {
        @SuppressWarnings("unchecked")
        List<Number> ids = tags.getEntityManager().createNativeQuery("select t.id from tag t where " + PREFIX_MATCH)
                .setParameter("prefix", like).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /** The tags of these ids, in this order (one deleted meanwhile, by another instance, is left out). */
    private List<Tag> loaded(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return new KeysetQuery.Page(ids, null).inOrder(tags.list("id in ?1", ids), t -> t.id).stream()
                .filter(Objects::nonNull).toList();
    }

    @Transactional
    public TagView get(IdOrSlug key) {
        answer.shows(ContentKeys.TAGS);
        return view(tags.get(key));
    }

    @Transactional
    public TagView create(TagView.Input input) {
        caller.require(Role.ADMIN, Role.EDITOR);
        Tag tag = new Tag();
        tag.createdAt = Times.now();
        apply(tag, input);
        tags.persist(tag);
        changes.record(ChangeLog.Type.TAG, tag.id, tag.slug, ChangeLog.Action.CREATED);
        return TagView.of(tag, 0);
    }

    @Transactional
    public TagView replace(IdOrSlug key, TagView.Input input, String ifMatch) {
        caller.require(Role.ADMIN, Role.EDITOR);
        Tag tag = tags.get(key);
        HttpCaching.checkIfMatch(ifMatch, tag.version, "tag");
        apply(tag, input);
        tags.flush();
        return updated(tag);
    }

    @Transactional
    public TagView patch(IdOrSlug key, JsonNode patch, String ifMatch) {
        caller.require(Role.ADMIN, Role.EDITOR);
        Tag tag = tags.get(key);
        HttpCaching.checkIfMatch(ifMatch, tag.version, "tag");
        apply(tag, mergePatch.apply(TagView.Input.of(tag), patch, TagView.Input.class));
        tags.flush();
        return updated(tag);
    }

    @Transactional
    public void delete(IdOrSlug key) {
        caller.require(Role.ADMIN, Role.EDITOR);
        Tag tag = tags.get(key);
        List<Object[]> tagged = changes.publicPostsOf("post_tag", "tag_id", tag.id);
        tags.delete(tag);
        changes.postsUpdated(tagged);
        changes.record(ChangeLog.Type.TAG, tag.id, tag.slug, ChangeLog.Action.DELETED);
    }

    private TagView updated(Tag tag) {
        changes.record(ChangeLog.Type.TAG, tag.id, tag.slug, ChangeLog.Action.UPDATED);
        return view(tag);
    }

    private TagView view(Tag tag) {
        return TagView.of(tag, postCounts.tags().getOrDefault(tag.id, 0L));
    }

    private void apply(Tag tag, TagView.Input input) {
        String slug = Slugs.resolve(input.slug(), tag.slug, input.name(), "tag",
                candidate -> tags.slugTaken(candidate, tag.id));
        tag.slug = slug;
        tag.name = input.name().trim();
        tag.description = input.description();
        tag.updatedAt = Times.now();
    }
}
