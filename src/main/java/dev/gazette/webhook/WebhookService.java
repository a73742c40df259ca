package dev.gazette.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gazette.author.Caller;
import dev.gazette.author.Role;
import dev.gazette.common.Times;
import dev.gazette.common.persistence.Columns;
import dev.gazette.common.persistence.KeyType;
import dev.gazette.common.persistence.KeysetQuery;
import dev.gazette.common.persistence.SortOrder;
import dev.gazette.common.text.Hashes;
import dev.gazette.common.web.ApiException;
import dev.gazette.common.web.Cursor;
import dev.gazette.common.web.FieldError;
import dev.gazette.common.web.HttpCaching;
import dev.gazette.common.web.ListPage;
import dev.gazette.common.web.MergePatch;
import dev.gazette.common.web.PageInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Managing webhook endpoints and reading their delivery logs (admins only). */
@ApplicationScoped
public class WebhookService {

    static final String DELIVERY_SORT = "deliveries";
    private static final SortOrder OLDEST_FIRST = new SortOrder("webhooks", List.of("w.id"), List.of(KeyType.LONG), false);
    private static final String DELIVERY_COLUMNS = "d.delivery_id, d.endpoint_id, d.event_id, d.event, d.status, d.attempts, "
            + "d.created_at, d.last_attempt_at, d.next_attempt_at, d.last_status, d.last_error, d.last_duration_ms, d.delivered_at, "
            + "d.redelivery_of, d.seq";

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    MergePatch mergePatch;

    @Inject
    Webhooks outbox;

    @Transactional
    public WebhookView.Created create(WebhookView.Input input) {
        caller.require(Role.ADMIN);
        WebhookEndpoint endpoint = new WebhookEndpoint();
        endpoint.createdAt = Times.now();
        apply(endpoint, input);
        if (endpoint.secret == null) {
            endpoint.secret = "whsec_" + Hashes.randomSecret(24);
        }
        endpoint.persist();
        return WebhookView.Created.of(endpoint);
    }

    @Transactional
    public ListPage<WebhookView> list(String cursor, int limit) {
        caller.require(Role.ADMIN);
        Cursor c = cursor == null ? null : Cursor.decode(cursor, OLDEST_FIRST.name(), 1);
        KeysetQuery.Page page = new KeysetQuery("webhook_endpoint w").page(em, OLDEST_FIRST, c, limit);
        List<WebhookEndpoint> loaded = page.ids().isEmpty() ? List.of()
                : page.inOrder(WebhookEndpoint.<WebhookEndpoint>list("id in ?1", page.ids()), e -> e.id);
        return new ListPage<>(loaded.stream().map(WebhookView::of).toList(), page.info());
    }

    @Transactional
    public WebhookView get(long id) {
        caller.require(Role.ADMIN);
        return WebhookView.of(find(id));
    }

    /** Merge-patches the endpoint; a new secret (rotation) is not echoed: the admin just chose it. */
    @Transactional
    public WebhookView patch(long id, JsonNode patch, String ifMatch) {
        caller.require(Role.ADMIN);
        WebhookEndpoint endpoint = find(id);
        HttpCaching.checkIfMatch(ifMatch, endpoint.version, "webhook");
        boolean wasEnabled = endpoint.enabled;
        WebhookView.Input current = new WebhookView.Input(endpoint.url,
                endpoint.eventSet().stream().map(WebhookEvent::wireName).toList(), endpoint.description, null, endpoint.enabled);
        WebhookView.Input changed = mergePatch.apply(current, patch, WebhookView.Input.class);
        apply(endpoint, changed); // keeps the secret unless the patch sets one
        em.flush();
        if (endpoint.enabled && !wasEnabled) {
            // a fresh start: waiting deliveries go out on the next round
            em.createNativeQuery("update webhook_endpoint set consecutive_failures = 0 where id = :id").setParameter("id", id).executeUpdate();
            em.createNativeQuery("update webhook_delivery set next_attempt_at = :now where endpoint_id = :id and status = 'PENDING'")
                    .setParameter("now", Times.now()).setParameter("id", id).executeUpdate();
            em.refresh(endpoint);
        }
        return WebhookView.of(endpoint);
    }

    @Transactional
    public void delete(long id) {
        caller.require(Role.ADMIN);
        em.createNativeQuery("delete from webhook_delivery where endpoint_id = :id").setParameter("id", id).executeUpdate();
        find(id).delete();
    }

    /** Queues a ping event for the endpoint (also when it is disabled or not subscribed to anything in particular). */
    @Transactional
    public DeliveryView ping(long id) {
        caller.require(Role.ADMIN);
        WebhookEndpoint endpoint = find(id);
        var payload = new Webhooks.Payload(java.util.UUID.randomUUID().toString(), WebhookEvent.PING, Times.now(),
                new Webhooks.PingData(endpoint.id));
        return delivery(endpoint.id, outbox.enqueue(endpoint.id, payload, null), false);
    }

    /** The endpoint's deliveries, newest first, optionally of one status. */
    @Transactional
    public ListPage<DeliveryView> deliveries(long id, String status, String cursor, int limit) {
        caller.require(Role.ADMIN);
        find(id);
        String statusFilter = status == null ? "" : " and d.status = :status";
        Long before = cursor == null ? null : ((Number) Cursor.decode(cursor, DELIVERY_SORT, 1).key().get(0)).longValue();
        Query query = em.createNativeQuery("select " + DELIVERY_COLUMNS + " from webhook_delivery d where d.endpoint_id = :id"
                + statusFilter + (before == null ? "" : " and d.seq < :before") + " order by d.seq desc limit " + (limit + 1));
        Query count = em.createNativeQuery("select count(*) from webhook_delivery d where d.endpoint_id = :id" + statusFilter);
        for (Query q : List.of(query, count)) {
            q.setParameter("id", id);
            if (status != null) {
                q.setParameter("status", status);
            }
        }
        if (before != null) {
            query.setParameter("before", before);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        boolean more = rows.size() > limit;
        List<Object[]> shown = more ? rows.subList(0, limit) : rows;
        List<DeliveryView> items = shown.stream().map(r -> view(r, null)).toList();
        String next = more ? Cursor.after(DELIVERY_SORT, List.of(((Number) shown.get(limit - 1)[14]).longValue())).encode() : null;
        return new ListPage<>(items, new PageInfo(limit, next, null, ((Number) count.getSingleResult()).longValue()));
    }

    @Transactional
    public DeliveryView delivery(long id, String deliveryId) {
        caller.require(Role.ADMIN);
        find(id);
        return delivery(id, deliveryId, true);
    }

    /** Sends a delivery's payload again, as a new delivery (new id, same event id), whatever became of the first. */
    @Transactional
    public DeliveryView redeliver(long id, String deliveryId) {
        caller.require(Role.ADMIN);
        find(id);
        DeliveryView original = delivery(id, deliveryId, true);
        String copy = outbox.enqueue(id, original.eventId(), original.event(), original.payload(), original.id());
        return delivery(id, copy, false);
    }

    private DeliveryView delivery(long endpointId, String deliveryId, boolean withPayload) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + DELIVERY_COLUMNS + ", d.payload from webhook_delivery d"
                        + " where d.endpoint_id = :id and d.delivery_id = :delivery")
                .setParameter("id", endpointId).setParameter("delivery", deliveryId).getResultList();
        if (rows.isEmpty()) {
            throw ApiException.notFound("Delivery", deliveryId);
        }
        Object[] r = rows.get(0);
        return view(r, withPayload ? Columns.text(r[15]) : null);
    }

    private static DeliveryView view(Object[] r, String payload) {
        return new DeliveryView((String) r[0], ((Number) r[1]).longValue(), (String) r[2], (String) r[3],
                ((String) r[4]).toLowerCase(Locale.ROOT), // stored upper case, answered lower case like every enum value
                ((Number) r[5]).intValue(), KeyType.toInstant(r[6]), KeyType.toInstant(r[7]), KeyType.toInstant(r[8]), Columns.integer(r[9]), (String) r[10],
                Columns.integer(r[11]), KeyType.toInstant(r[12]), (String) r[13], payload);
    }




    private WebhookEndpoint find(long id) {
        return WebhookEndpoint.<WebhookEndpoint>findByIdOptional(id).orElseThrow(() -> ApiException.notFound("Webhook", id));
    }

    private void apply(WebhookEndpoint endpoint, WebhookView.Input in) {
        List<FieldError> errors = new ArrayList<>();
        String url = in.url().trim();
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                errors.add(new FieldError("url", "must be an absolute http or https URL"));
            }
        } catch (URISyntaxException e) {
            errors.add(new FieldError("url", "is not a URL: " + e.getReason()));
        }
        Set<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);
        for (String name : in.events()) {
            WebhookEvent.byName(name == null ? "" : name.trim()).filter(e -> e != WebhookEvent.PING).ifPresentOrElse(events::add,
                    () -> errors.add(new FieldError("events", "unknown event '" + name + "'; known: post.published, post.updated, "
                            + "post.unpublished, post.deleted, page.published, page.updated, page.unpublished, page.deleted, comment.created, "
                            + "comment.approved")));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        endpoint.url = url;
        endpoint.eventSet(events);
        endpoint.description = in.description() == null || in.description().isBlank() ? null : in.description().trim();
        if (in.secret() != null) {
            endpoint.secret = in.secret();
        }
        boolean enable = in.enabled() == null || in.enabled();
        if (enable) {
            endpoint.disabledReason = null;
        } else if (endpoint.enabled || endpoint.disabledReason == null) {
            endpoint.disabledReason = "disabled by an admin";
        }
        endpoint.enabled = enable;
        endpoint.updatedAt = Times.now();
    }
}
