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
import dev.gazette.post.PostStatus;
import dev.gazette.sync.ChangeLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class TagService {

    /** Tags listed by name, or by published post count (most used first) for tag clouds. */
    public enum Sort {
        NAME(SortOrder.of("name", false, "t.name", KeyType.STRING, "t.id")),
        COUNT(SortOrder.of("count", true, "coalesce(c.post_count, 0)", KeyType.LONG, "t.id"));

        final SortOrder order;

        Sort(SortOrder order) {
            this.order = order;
        }
    }

    private static final String COUNTED = "tag t left join (select x.tag_id, count(*) as post_count from post_tag x"
            + " join post p on p.id = x.post_id where " + PostStatus.PUBLIC_SQL + " group by x.tag_id) c on c.tag_id = t.id";

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
     * @param prefix autocomplete: tags whose name or slug starts with it, case-insensitively
     */
    @Transactional
    public ListPage<TagView> list(Sort sort, String prefix, String cursor, int limit) {
        answer.shows(ContentKeys.TAGS);
        Cursor c = cursor == null ? null : Cursor.decode(cursor, sort.order.name(), 2);
        KeysetQuery query = sort == Sort.COUNT
                ? new KeysetQuery(COUNTED).parameter("now", Times.now())
                : new KeysetQuery("tag t");
        if (prefix != null && !prefix.isBlank()) {
            String like = SqlLike.startsWith(prefix);
            query.where("(lower(t.name) like :prefix escape '\\' or t.slug like :prefix escape '\\')", "prefix", like);
        }
        KeysetQuery.Page page = query.page(tags.getEntityManager(), sort.order, c, limit);
        List<Tag> loaded = page.inOrder(tags.list("id in ?1", page.ids()), t -> t.id);
        Map<Long, Long> counts = postCounts.tags();
        return new ListPage<>(loaded.stream()
                .map(t -> TagView.of(t, counts.getOrDefault(t.id, 0L))).toList(), page.info());
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
