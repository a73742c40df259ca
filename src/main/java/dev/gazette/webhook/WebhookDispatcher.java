package dev.gazette.webhook;

import dev.gazette.common.persistence.DatabaseAvailability;
import dev.gazette.common.GazetteConfig;
import dev.gazette.common.Times;
import dev.gazette.common.persistence.Columns;
import dev.gazette.common.text.Hashes;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends due deliveries from the outbox. All state lives in the database: an attempt first
 * claims its row by moving {@code next_attempt_at} to the end of a lease (compare-and-set on the
 * attempt count), so a crash mid-attempt only means the row comes due again when the lease ends,
 * and two dispatchers never send the same attempt.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    static final String SIGNATURE_HEADER = "X-Gazette-Signature";
    static final String DELIVERY_HEADER = "X-Gazette-Delivery";
    static final String EVENT_HEADER = "X-Gazette-Event";

    @Inject
    EntityManager em;

    @Inject
    GazetteConfig config;

    @Inject
    DatabaseAvailability database;

    private volatile HttpClient client;

    record Attempt(long seq, String deliveryId, String event, String payload, int attempt, long endpointId, String url, String secret) {
    }

    record Outcome(Attempt attempt, Integer status, String error, long millis) {
        boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    @Scheduled(every = "${gazette.webhooks.poll-interval}", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = DispatchOff.class)
    void dispatch() {
        List<Attempt> due;
        try {
            due = QuarkusTransaction.requiringNew().call(this::claimDue);
        } catch (RuntimeException e) {
            if (database.failed(e)) {
                return; // logged once by DatabaseAvailability; due deliveries wait in the database
            }
            throw e;
        }
        if (due.isEmpty()) {
            return;
        }
        List<CompletableFuture<Outcome>> sending = due.stream().map(this::send).toList();
        for (CompletableFuture<Outcome> outcome : sending) {
            Outcome o = outcome.join();
            try {
                QuarkusTransaction.requiringNew().run(() -> record(o));
            } catch (RuntimeException e) {
                // the lease runs out and the attempt is made again: receivers dedupe by delivery id
                LOG.warnf(e, "could not record the outcome of webhook delivery %s", o.attempt().deliveryId());
            }
        }
    }

    /** Drops finished deliveries older than the log retention; waiting ones stay however old. */
    @Scheduled(every = "1h", delayed = "1m", skipExecutionIf = DatabaseAvailability.Down.class)
    @jakarta.transaction.Transactional
    void pruneLog() {
        em.createNativeQuery("delete from webhook_delivery where status <> 'PENDING' and created_at < :before")
                .setParameter("before", Times.now().minus(config.webhooks().logRetention())).executeUpdate();
    }

    /** Claims up to a batch of due deliveries of enabled endpoints. */
    List<Attempt> claimDue() {
        Instant now = Times.now();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select d.seq, d.delivery_id, d.event, d.payload, d.attempts, e.id, e.url, e.secret"
                        + " from webhook_delivery d join webhook_endpoint e on e.id = d.endpoint_id"
                        + " where d.status = 'PENDING' and d.next_attempt_at <= :now and e.enabled = true"
                        + " order by d.next_attempt_at, d.seq")
                .setParameter("now", now).setMaxResults(config.webhooks().batchSize()).getResultList();
        Instant leaseEnd = now.plus(config.webhooks().timeout()).plusSeconds(5);
        List<Attempt> claimed = new ArrayList<>();
        for (Object[] r : rows) {
            long seq = ((Number) r[0]).longValue();
            int attempts = ((Number) r[4]).intValue();
            int updated = em.createNativeQuery("update webhook_delivery set attempts = attempts + 1, next_attempt_at = :lease,"
                            + " last_attempt_at = :now where seq = :seq and status = 'PENDING' and attempts = :attempts")
                    .setParameter("lease", leaseEnd).setParameter("now", now).setParameter("seq", seq)
                    .setParameter("attempts", attempts).executeUpdate();
            if (updated == 1) {
                claimed.add(new Attempt(seq, (String) r[1], (String) r[2], Columns.text(r[3]), attempts + 1, ((Number) r[5]).longValue(),
                        (String) r[6], (String) r[7]));
            }
        }
        return claimed;
    }

    /** POSTs the payload, signed; never throws (a failure is an outcome). */
    CompletableFuture<Outcome> send(Attempt a) {
        long started = System.nanoTime();
        try {
            long timestamp = Times.now().getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(URI.create(a.url()))
                    .timeout(config.webhooks().timeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Gazette-Webhooks/1")
                    .header(EVENT_HEADER, a.event())
                    .header(DELIVERY_HEADER, a.deliveryId())
                    .header(SIGNATURE_HEADER, signature(a.secret(), timestamp, a.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(a.payload(), StandardCharsets.UTF_8))
                    .build();
            return client().sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .handle((response, failure) -> {
                        long millis = (System.nanoTime() - started) / 1_000_000;
                        if (failure != null) {
                            Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                            return new Outcome(a, null, describe(cause), millis);
                        }
                        return new Outcome(a, response.statusCode(),
                                response.statusCode() / 100 == 2 ? null : "receiver answered " + response.statusCode(), millis);
                    });
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(new Outcome(a, null, describe(e), 0));
        }
    }

    /** {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" keyed with the endpoint's secret>}. */
    static String signature(String secret, long timestamp, String body) {
        return "t=" + timestamp + ",v1=" + Hashes.hmacSha256Hex(secret, timestamp + "." + body);
    }

    void record(Outcome o) {
        Attempt a = o.attempt();
        Instant now = Times.now();
        if (o.delivered()) {
            em.createNativeQuery("update webhook_delivery set status = 'DELIVERED', delivered_at = :now, next_attempt_at = null,"
                            + " last_status = :status, last_error = null, last_duration_ms = :ms where seq = :seq and attempts = :attempt")
                    .setParameter("now", now).setParameter("status", o.status()).setParameter("ms", (int) o.millis())
                    .setParameter("seq", a.seq()).setParameter("attempt", a.attempt()).executeUpdate();
            em.createNativeQuery("update webhook_endpoint set consecutive_failures = 0 where id = :id and consecutive_failures <> 0")
                    .setParameter("id", a.endpointId()).executeUpdate();
            return;
        }
        GazetteConfig.Webhooks settings = config.webhooks();
        boolean givingUp = a.attempt() >= settings.maxAttempts();
        var update = em.createNativeQuery("update webhook_delivery set status = :state, next_attempt_at = :next, last_status = :status,"
                        + " last_error = :error, last_duration_ms = :ms where seq = :seq and attempts = :attempt")
                .setParameter("state", givingUp ? "FAILED" : "PENDING")
                .setParameter("next", givingUp ? null : now.plus(backoff(a.attempt())))
                .setParameter("error", o.error().length() > 1000 ? o.error().substring(0, 1000) : o.error())
                .setParameter("ms", (int) o.millis()).setParameter("seq", a.seq()).setParameter("attempt", a.attempt());
        if (o.status() == null) {
            update.setParameter("status", null);
        } else {
            update.setParameter("status", o.status());
        }
        update.executeUpdate();
        em.createNativeQuery("update webhook_endpoint set consecutive_failures = consecutive_failures + 1 where id = :id")
                .setParameter("id", a.endpointId()).executeUpdate();
        int disabled = em.createNativeQuery("update webhook_endpoint set enabled = false, disabled_reason = :reason, version = version + 1,"
                        + " updated_at = :now where id = :id and enabled = true and consecutive_failures >= :limit")
                .setParameter("reason", "disabled after " + settings.disableAfter() + " failed attempts in a row; last: " + o.error())
                .setParameter("now", now).setParameter("id", a.endpointId()).setParameter("limit", settings.disableAfter()).executeUpdate();
        if (disabled == 1) {
            LOG.warnf("webhook endpoint %d disabled after %d failed attempts in a row (%s)", a.endpointId(), settings.disableAfter(), o.error());
        }
    }

    /** Doubling waits from gazette.webhooks.backoff up to max-backoff, with up to 20% jitter so retries spread out. */
    Duration backoff(int failedAttempts) {
        GazetteConfig.Webhooks settings = config.webhooks();
        long base = settings.backoff().toMillis();
        long wait = base << Math.min(failedAttempts - 1, 30);
        if (wait <= 0 || wait > settings.maxBackoff().toMillis()) {
            wait = settings.maxBackoff().toMillis();
        }
        return Duration.ofMillis(wait + ThreadLocalRandom.current().nextLong(wait / 5 + 1));
    }

    private HttpClient client() {
        if (client == null) {
            synchronized (this) {
                if (client == null) {
                    client = HttpClient.newBuilder().connectTimeout(config.webhooks().timeout())
                            .followRedirects(HttpClient.Redirect.NEVER).build();
                }
            }
        }
        return client;
    }


    private static String describe(Throwable t) {
        String message = t.getMessage();
        String kind = t.getClass().getSimpleName();
        return message == null || message.isBlank() ? kind : kind + ": " + message;
    }


    /** Skips rounds when gazette.webhooks.dispatch is false. */
    @ApplicationScoped
    public static class DispatchOff implements Scheduled.SkipPredicate {
        @Inject
        GazetteConfig config;

        @Inject
        DatabaseAvailability database;

        @Override
        public boolean test(io.quarkus.scheduler.ScheduledExecution execution) {
            return !config.webhooks().dispatch() || database.isDown();
        }
    }
}
