package dev.gazette.feed;

import dev.gazette.comment.CommentService;
import dev.gazette.comment.CommentStatus;
import dev.gazette.comment.CommentView;
import dev.gazette.common.GazetteConfig;
import dev.gazette.common.web.AnswerKeys;
import dev.gazette.common.web.ContentKeys;
import dev.gazette.common.web.ListPage;
import dev.gazette.post.Post;
import dev.gazette.post.PostQuery;
import dev.gazette.post.PostRepository;
import dev.gazette.post.PostService;
import dev.gazette.post.PostView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jsoup.Jsoup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** Feeds of published posts (all, or by category with its sub-categories, tag or author) and of approved comments. */
@ApplicationScoped
public class FeedService {

    @Inject
    PostService posts;

    @Inject
    PostRepository postRepository;

    @Inject
    CommentService comments;

    @Inject
    dev.gazette.common.persistence.SqlReads sql;

    @Inject
    FeedWriter writer;

    @Inject
    GazetteConfig config;

    @Inject
    AnswerKeys answer;

    /**
     * What a feed item of a password-protected post says instead of its excerpt, and carries instead of its
     * content (nothing), whoever reads the feed: WordPress's words for it.
     */
    static final String PROTECTED = "There is no excerpt because this is a protected post.";

    public record Feed(byte[] body, String mediaType, Instant updated) {
    }

    @Transactional
    public Feed posts(FeedFormat format, String category, String tag, String author, Integer limit, String feedUrl) {
        GazetteConfig.Site site = config.site();
        int size = limit == null ? config.feeds().items() : limit;
        ListPage<PostView> page = posts.list(new PostQuery(category, tag, author, null, null, null, null, null,
                PostQuery.Sort.NEWEST, PostQuery.StatusFilter.PUBLISHED, Set.of("author", "categories", "tags"),
                config.feeds().fullContent(), null, size));
        Map<Long, String> guids = importedGuids(page.items().stream().map(PostView::id).toList());
        List<FeedDocument.Item> items = page.items().stream().map(p -> new FeedDocument.Item(
                guids.getOrDefault(p.id(), "urn:gazette:post:" + p.id()), postUrl(p.slug(), p.id()), p.title(), p.isProtected() ? PROTECTED : p.excerpt(),
                config.feeds().fullContent() && !p.isProtected() ? p.content() : null, p.publishedAt(), p.modifiedAt(),
                p.author() == null ? null : p.author().displayName(),
                Stream.concat(p.categories().stream().map(c -> new FeedDocument.Term("category", c.slug(), c.name())),
                        p.tags().stream().map(t -> new FeedDocument.Term("tag", t.slug(), t.name()))).toList(),
                p.source() == null ? null : new FeedDocument.Source(p.source().outlet(), p.source().url(), p.source().author()),
                p.featuredImageUrl()))
                .toList();
        String title = site.title() + label(category, "category") + label(tag, "tag") + label(author, "author");
        return render(new FeedDocument(title, site.description(), site.url(), feedUrl, updated(items), items), format);
    }

    /**
     * The guids WordPress gave the imported ones among these posts: their feed ids stay what readers of the
     * WordPress site's feed already know them by, so a moved site's posts do not come back as new.
     */
    private Map<Long, String> importedGuids(List<Long> postIds) {
        Map<Long, String> guids = new HashMap<>();
        if (!postIds.isEmpty()) {
            sql.list("select p.id, p.wp_guid from post p where p.id in (:ids) and p.wp_guid is not null", Map.of("ids", postIds),
                    r -> guids.put(r.getLong(1), r.string(2)));
        }
        return guids;
    }

    @Transactional
    public Feed comments(FeedFormat format, String post, Integer limit, String feedUrl) {
        GazetteConfig.Site site = config.site();
        int size = limit == null ? config.feeds().items() : limit;
        ListPage<CommentView> page = comments.flat(post, CommentStatus.APPROVED, null, CommentService.Sort.NEWEST, null, size);
        Map<Long, Post> postsById = new HashMap<>();
        List<Long> postIds = page.items().stream().map(CommentView::postId).distinct().toList();
        if (!postIds.isEmpty()) {
            postRepository.list("id in ?1", postIds).forEach(p -> postsById.put(p.id, p));
            answer.shows(postIds.stream().map(ContentKeys::post).toList()); // items carry their post's title
        }
        List<FeedDocument.Item> items = new ArrayList<>();
        for (CommentView c : page.items()) {
            Post p = postsById.get(c.postId());
            String text = Jsoup.parse(c.contentHtml()).text();
            items.add(new FeedDocument.Item("urn:gazette:comment:" + c.id(), postUrl(p.slug, p.id) + "#comment-" + c.id(),
                    "Comment by " + c.author().name() + " on " + p.title,
                    text.length() > 300 ? text.substring(0, 300) + "…" : text, c.contentHtml(),
                    c.createdAt(), c.updatedAt(), c.author().name(), List.of(), null, null));
        }
        String title = site.title() + ": comments" + (post == null ? "" : " on " + (postIds.isEmpty() ? post
                : postsById.get(postIds.get(0)).title));
        return render(new FeedDocument(title, "Recent comments", site.url(), feedUrl, updated(items), items), format);
    }

    private Feed render(FeedDocument doc, FeedFormat format) {
        return new Feed(writer.write(doc, format), format.mediaType, doc.updated());
    }

    private String postUrl(String slug, long id) {
        return config.site().postUrl().replace("{slug}", slug).replace("{id}", Long.toString(id));
    }

    private static String label(String value, String kind) {
        return value == null ? "" : " (" + kind + " " + value + ")";
    }

    /** The newest change among the items; a fixed instant for an empty feed, so its ETag stays stable. */
    private static Instant updated(List<FeedDocument.Item> items) {
        return items.stream().map(FeedDocument.Item::updated).max(Instant::compareTo).orElse(Instant.EPOCH);
    }
}
