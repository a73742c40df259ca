package dev.gazette.post;

import dev.gazette.author.Author;
import dev.gazette.taxonomy.Category;
import dev.gazette.taxonomy.Tag;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

@Entity
public class Post extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String slug;

    @Column(nullable = false)
    public String title;

    /** Sanitized HTML. */
    @Column(nullable = false)
    public String content;

    /** Visible text of {@link #content}, for search and generated excerpts. */
    @Column(name = "content_text", nullable = false)
    public String contentText;

    @Column(nullable = false)
    public String excerpt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PostStatus status;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "modified_at", nullable = false)
    public Instant modifiedAt;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "author_id")
    public Author author;

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "post_category", joinColumns = @JoinColumn(name = "post_id"),
            inverseJoinColumns = @JoinColumn(name = "category_id"))
    public Set<Category> categories = new LinkedHashSet<>();

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "post_tag", joinColumns = @JoinColumn(name = "post_id"),
            inverseJoinColumns = @JoinColumn(name = "tag_id"))
    public Set<Tag> tags = new LinkedHashSet<>();

    @Column(name = "source_author")
    public String sourceAuthor;

    @Column(name = "source_outlet")
    public String sourceOutlet;

    @Column(name = "source_url")
    public String sourceUrl;

    @Column(name = "source_published_at")
    public Instant sourcePublishedAt;

    @Column(name = "canonical_url")
    public String canonicalUrl;

    /** Pinned to the top of the front page (WordPress "sticky"). */
    @Column(nullable = false)
    public boolean sticky;

    @Column(name = "featured_image_url")
    public String featuredImageUrl;

    /** The featured image as a media item of the library ({@code dev.gazette.media}). */
    @Column(name = "featured_media_id")
    public Long featuredMediaId;

    /**
     * {@link PostPassword#hash} of the password readers need for the content and excerpt; null when the
     * post is not protected. Never leaves the service layer.
     */
    @Column(name = "password_hash")
    public String passwordHash;

    /**
     * For a post imported from WordPress: its local date's offset from UTC in the export, in minutes, so the
     * WordPress-compatible API shows {@code date} as WordPress did; null for posts made in Gazette.
     */
    @Column(name = "wp_utc_offset")
    public Integer wpUtcOffset;

    /** Its WordPress post format (gallery, image, quote, ...), from an import; null for a standard post. */
    @Column(name = "format")
    public String format;

    /** Its {@code <guid>} in a WordPress export (WordPress' guid, feed readers' id for it); null for posts made in Gazette. */
    @Column(name = "wp_guid")
    public String wpGuid;

    @Enumerated(EnumType.STRING)
    @Column(name = "comment_status", nullable = false)
    public CommentStatus commentStatus;

    /** Maintained by relative SQL updates (comments, likes); never written back from the entity. */
    @Column(name = "comment_count", nullable = false, updatable = false)
    public int commentCount;

    @Column(name = "like_count", nullable = false, updatable = false)
    public int likeCount;

    @Version
    public long version;

    /** Whether the public may read it now (a scheduled post is public once its time has come). */
    public boolean isPublicAt(Instant now) {
        return (status == PostStatus.PUBLISHED || status == PostStatus.SCHEDULED)
                && publishedAt != null && !publishedAt.isAfter(now);
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "DiscussionStatus",
            description = "Whether new comments are accepted on a post")
    public enum CommentStatus {
        OPEN, CLOSED;

        @com.fasterxml.jackson.annotation.JsonValue
        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
