package dev.gazette.post;

import dev.gazette.author.AuthorView;
import dev.gazette.taxonomy.Category;
import dev.gazette.taxonomy.Tag;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Entity to {@link PostView}, with the relations already loaded by the caller. */
final class PostMapper {

    private PostMapper() {
    }

    static PostView toView(Post p, List<Category> categories, List<Tag> tags, Set<String> include,
                           boolean withContent, Instant now) {
        PostStatus status = p.status == PostStatus.SCHEDULED && p.isPublicAt(now) ? PostStatus.PUBLISHED : p.status;
        PostView.SourceCredit source = p.sourceOutlet == null ? null
                : new PostView.SourceCredit(p.sourceAuthor, p.sourceOutlet, p.sourceUrl, p.sourcePublishedAt);
        return new PostView(p.id, p.slug, p.title, p.excerpt, withContent ? p.content : null, status,
                p.publishedAt, p.modifiedAt, p.createdAt, p.author.id,
                categories.stream().map(c -> c.id).toList(),
                tags.stream().map(t -> t.id).toList(),
                source, p.canonicalUrl, p.commentStatus, p.sticky, p.passwordHash != null, p.featuredImageUrl, p.featuredMediaId, null, p.commentCount, p.likeCount,
                null, p.version,
                include.contains("author") ? AuthorView.of(p.author) : null,
                include.contains("categories") ? categories.stream()
                        .map(c -> new PostView.CategoryRef(c.id, c.slug, c.name, c.parent == null ? null : c.parent.id))
                        .toList() : null,
                include.contains("tags") ? tags.stream().map(t -> new PostView.TagRef(t.id, t.slug, t.name)).toList() : null);
    }

    /**
     * The input document equivalent to a stored post: what a PATCH is merged into. Its password is
     * absent (null: the hash cannot be turned back into one), which keeps the stored hash.
     */
    static PostInput toInput(Post p) {
        return new PostInput(p.slug, p.title, p.content, null, p.excerpt, p.status, p.publishedAt, p.author.id,
                p.categories.stream().map(c -> c.id.toString()).toList(),
                p.tags.stream().map(t -> t.id.toString()).toList(),
                p.sourceOutlet == null ? null
                        : new PostInput.Source(p.sourceAuthor, p.sourceOutlet, p.sourceUrl, p.sourcePublishedAt),
                p.canonicalUrl, p.commentStatus, p.sticky, p.featuredImageUrl, p.featuredMediaId, null);
    }
}
