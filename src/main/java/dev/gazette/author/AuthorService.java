package dev.gazette.author;

import dev.gazette.common.Times;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gazette.common.persistence.KeyType;
import dev.gazette.common.persistence.KeysetQuery;
import dev.gazette.common.persistence.SortOrder;
import dev.gazette.common.text.Slugs;
import dev.gazette.common.web.ApiException;
import dev.gazette.common.web.Cursor;
import dev.gazette.common.web.IdOrSlug;
import dev.gazette.common.web.AnswerKeys;
import dev.gazette.common.web.ContentKeys;
import dev.gazette.common.web.ListPage;
import dev.gazette.common.web.MergePatch;
import dev.gazette.sync.ChangeLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class AuthorService {

    static final SortOrder BY_NAME = SortOrder.of("name", false, "a.display_name", KeyType.STRING, "a.id");
    /** The author {@code a} has a public post. */
    static final String PUBLISHED_SOMETHING = "exists (select 1 from post p where p.author_id = a.id and "
            + dev.gazette.post.PostStatus.PUBLIC_SQL + ")";

    @Inject
    AuthorRepository authors;

    @Inject
    Caller caller;

    @Inject
    MergePatch mergePatch;

    @Inject
    ChangeLog changes;

    @Inject
    AnswerKeys answer;

    /**
     * Authors by name. Editors and admins see every account with its role; everyone else only the people
     * with published content (a public post), without roles: the administrator account and staff who
     * never published stay private.
     */
    @Transactional
    public ListPage<AuthorView> list(String cursor, int limit) {
        answer.shows(ContentKeys.AUTHORS);
        Cursor c = cursor == null ? null : Cursor.decode(cursor, BY_NAME.name(), 2);
        KeysetQuery query = new KeysetQuery("author a");
        boolean staff = caller.seesStaff();
        if (!staff) {
            // who has public posts changes when a post appears, leaves or changes author: what moves the per-term counts
            answer.shows(ContentKeys.TERM_COUNTS);
            query.where(PUBLISHED_SOMETHING, "now", Times.now());
        }
        KeysetQuery.Page page = query.page(authors.getEntityManager(), BY_NAME, c, limit);
        List<Author> loaded = page.inOrder(authors.list("id in ?1", page.ids()), a -> a.id);
        return new ListPage<>(loaded.stream().map(a -> shown(AuthorView.of(a), staff)).toList(), page.info());
    }

    /** One author; to all but editors and admins only someone with published content (else 404), without role. */
    @Transactional
    public AuthorView get(IdOrSlug key) {
        Author author = authors.get(key);
        answer.shows(ContentKeys.author(author.id));
        boolean staff = caller.seesStaff();
        if (!staff) {
            answer.shows(ContentKeys.TERM_COUNTS);
            boolean published = ((Number) authors.getEntityManager().createNativeQuery(
                            "select count(*) from author a where a.id = :id and " + PUBLISHED_SOMETHING)
                    .setParameter("id", author.id).setParameter("now", Times.now()).getSingleResult()).longValue() > 0;
            if (!published) {
                throw ApiException.notFound("Author", key);
            }
        }
        return shown(AuthorView.of(author), staff);
    }

    /** The view for this caller: the role only for editors and admins. */
    private static AuthorView shown(AuthorView view, boolean staff) {
        return staff ? view : view.withoutRole();
    }

    @Transactional
    public AuthorView me() {
        Principal me = caller.require();
        return AuthorView.of(authors.findById(me.authorId()));
    }

    @Transactional
    public AuthorView create(AuthorView.Input input) {
        caller.require(Role.ADMIN);
        Author author = new Author();
        author.createdAt = Times.now();
        apply(author, input);
        authors.persist(author);
        changes.record(ChangeLog.Type.AUTHOR, author.id, author.slug, ChangeLog.Action.CREATED);
        return AuthorView.of(author);
    }

    @Transactional
    public AuthorView replace(IdOrSlug key, AuthorView.Input input) {
        caller.require(Role.ADMIN);
        Author author = authors.get(key);
        apply(author, input);
        changes.record(ChangeLog.Type.AUTHOR, author.id, author.slug, ChangeLog.Action.UPDATED);
        return AuthorView.of(author);
    }

    @Transactional
    public AuthorView patch(IdOrSlug key, JsonNode patch) {
        caller.require(Role.ADMIN);
        Author author = authors.get(key);
        apply(author, mergePatch.apply(AuthorView.Input.of(author), patch, AuthorView.Input.class));
        changes.record(ChangeLog.Type.AUTHOR, author.id, author.slug, ChangeLog.Action.UPDATED);
        return AuthorView.of(author);
    }

    @Transactional
    public void delete(IdOrSlug key) {
        caller.require(Role.ADMIN);
        Author author = authors.get(key);
        long posts = authors.getEntityManager()
                .createQuery("select count(p) from Post p where p.author = :a", Long.class)
                .setParameter("a", author).getSingleResult();
        if (posts > 0) {
            throw ApiException.conflict("Author '" + author.slug + "' has " + posts
                    + " posts; reassign or delete them first.");
        }
        if (author.id == caller.require().authorId()) {
            throw ApiException.conflict("You cannot delete the author your own token belongs to.");
        }
        long id = author.id;
        String slug = author.slug;
        authors.delete(author);
        changes.record(ChangeLog.Type.AUTHOR, id, slug, ChangeLog.Action.DELETED);
    }

    private void apply(Author author, AuthorView.Input input) {
        String slug = Slugs.resolve(input.slug(), author.slug, input.displayName(), "author",
                candidate -> authors.slugTaken(candidate, author.id));
        author.slug = slug;
        author.displayName = input.displayName().trim();
        author.email = input.email() == null || input.email().isBlank() ? null : input.email().trim().toLowerCase();
        author.bio = input.bio();
        author.avatarUrl = input.avatarUrl();
        author.role = input.role();
        author.updatedAt = Times.now();
    }
}
