package dev.gazette.page;

import dev.gazette.author.Author;
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
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/** A page: content outside the post stream, in a tree (About, About > Team). The write model. */
@Entity
@Table(name = "page")
public class Page extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String slug;

    /** The slugs from the top page down to this one, joined by '/'; maintained by {@link PageService}. */
    @Column(nullable = false)
    public String path;

    @Column(nullable = false)
    public String title;

    /** Sanitized HTML. */
    @Column(nullable = false)
    public String content;

    @Column(nullable = false)
    public String excerpt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PageStatus status;

    @Column(name = "parent_id")
    public Long parentId;

    @Column(name = "menu_order", nullable = false)
    public int menuOrder;

    /** The password's salted, slow hash ({@code PostPassword}) when the page is protected, else null. */
    @Column(name = "password_hash")
    public String passwordHash;

    /** For a page imported from WordPress: its local date's offset from UTC in the export, in minutes (see Post). */
    @Column(name = "wp_utc_offset")
    public Integer wpUtcOffset;

    /** Its {@code <guid>} in a WordPress export; null for pages made in Gazette. */
    @Column(name = "wp_guid")
    public String wpGuid;

    /** The WordPress template (e.g. "page-templates/full-width.php"), kept as metadata for front-ends. */
    public String template;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "author_id")
    public Author author;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "modified_at", nullable = false)
    public Instant modifiedAt;

    @Version
    public long version;

    public boolean isPublic() {
        return status == PageStatus.PUBLISHED;
    }

    /** The path of a page with this slug under a parent of this path (null: a top page). */
    public static String pathOf(String parentPath, String slug) {
        return parentPath == null ? slug : parentPath + "/" + slug;
    }
}
