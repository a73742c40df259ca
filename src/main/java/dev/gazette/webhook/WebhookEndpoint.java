package dev.gazette.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/** A receiver of webhook deliveries. */
@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpoint extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String url;

    public String description;

    /** Comma-separated event names. */
    @Column(nullable = false)
    public String events;

    /** The HMAC key. Signing needs it in clear; it is returned only when created or rotated. */
    @Column(nullable = false)
    public String secret;

    @Column(nullable = false)
    public boolean enabled;

    /** Maintained by relative SQL updates from the dispatcher; never written from this entity. */
    @Column(name = "consecutive_failures", nullable = false, insertable = false, updatable = false)
    public int consecutiveFailures;

    @Column(name = "disabled_reason")
    public String disabledReason;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public Set<WebhookEvent> eventSet() {
        return Arrays.stream(events.split(",")).map(WebhookEvent::parse)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public void eventSet(Set<WebhookEvent> wanted) {
        events = wanted.stream().map(WebhookEvent::wireName).collect(Collectors.joining(","));
    }
}
