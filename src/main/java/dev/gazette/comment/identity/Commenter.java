package dev.gazette.comment.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import java.time.Instant;

/** A reader who signed in with an OpenID Connect provider: one row per identity (issuer + subject). */
@Entity
public class Commenter extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String issuer;

    @Column(nullable = false)
    public String subject;

    /** The provider's configured display name. */
    @Column(nullable = false)
    public String provider;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Column(name = "picture_url")
    public String pictureUrl;

    /** Private: moderation and data requests only. */
    public String email;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_seen_at", nullable = false)
    public Instant lastSeenAt;

    @Column(name = "blocked_at")
    public Instant blockedAt;

    @Column(name = "block_reason")
    public String blockReason;
}
