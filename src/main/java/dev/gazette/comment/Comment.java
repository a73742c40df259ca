package dev.gazette.comment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A comment on a post. Threading is kept three ways: {@code parentId} (the reply), {@code rootId}
 * (its thread, to read a thread in one query) and {@code path} (all ancestor ids, to update
 * their counters in one statement and to select a subtree by prefix).
 */
@Entity
public class Comment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "post_id", nullable = false)
    public long postId;

    @Column(name = "parent_id")
    public Long parentId;

    @Column(name = "root_id", nullable = false)
    public long rootId;

    @Column(nullable = false)
    public int depth;

    /** Ancestor ids, root first: {@code "/"} for a root, {@code "/1/5/"} for a reply to 5 under 1. */
    @Column(nullable = false)
    public String path;

    @Column(name = "author_id")
    public Long authorId;

    @Column(name = "author_name", nullable = false)
    public String authorName;

    /** Private: moderators only. */
    @Column(name = "author_email")
    public String authorEmail;

    @Column(name = "author_url")
    public String authorUrl;

    /** The signed-in commenter (OpenID Connect) who wrote it; null for anonymous and staff comments. */
    @Column(name = "commenter_id")
    public Long commenterId;

    /** The signed-in commenter's picture, from their provider. */
    @Column(name = "author_picture")
    public String authorPicture;

    /** The provider a signed-in commenter signed in with ("Google"). */
    @Column(name = "author_provider")
    public String authorProvider;

    @Column(name = "avatar_hash")
    public String avatarHash;

    /** Keyed hash of the commenter's IP: equal IPs can be matched, the IP cannot be read back. */
    @Column(name = "ip_hash")
    public String ipHash;

    @Column(name = "user_agent")
    public String userAgent;

    /** Sanitized HTML. */
    @Column(nullable = false)
    public String content;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CommentStatus status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /* The counters are maintained by relative SQL updates; they are never written back from the entity. */

    @Column(name = "like_count", nullable = false, updatable = false)
    public int likeCount;

    /** Approved direct replies. */
    @Column(name = "reply_count", nullable = false, updatable = false)
    public int replyCount;

    /** Approved comments anywhere below this one. */
    @Column(name = "descendant_count", nullable = false, updatable = false)
    public int descendantCount;

    @Column(name = "edit_key_hash")
    public String editKeyHash;

    /** Why the spam checks held or filed it (moderators only). */
    @Column(name = "moderation_note")
    public String moderationNote;

    @Version
    public long version;

    /** The ids of this comment's ancestors, root first. */
    public List<Long> ancestorIds() {
        return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).map(Long::valueOf).toList();
    }

    /** The path prefix of everything below this comment. */
    public String subtreePath() {
        return path + id + "/";
    }
}
