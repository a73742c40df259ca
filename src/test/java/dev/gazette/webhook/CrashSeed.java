package dev.gazette.webhook;

import dev.gazette.common.Times;
import dev.gazette.importer.ImportJob;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * What an application that stopped abruptly leaves in its database, written before anything else
 * runs at start (only under {@link WebhookOutboxTest.AfterACrash}, which sets
 * {@code gazette-test.crash-seed.*}): a webhook endpoint with a delivery that failed twice and one
 * whose attempt was under way (its lease still running), an import that was running and one still
 * queued with its upload on disk. The dispatcher and the import worker must pick them up as they
 * would after a real restart: they keep no state outside the database.
 */
@ApplicationScoped
public class CrashSeed {

    void seed(@Observes @Priority(1) StartupEvent start, EntityManager em) {
        var config = ConfigProvider.getConfig();
        String receiver = config.getOptionalValue("gazette-test.crash-seed.receiver", String.class).orElse(null);
        if (receiver == null) {
            return;
        }
        String failedTwice = config.getValue("gazette-test.crash-seed.failed-twice", String.class);
        String inFlight = config.getValue("gazette-test.crash-seed.in-flight", String.class);
        String importSite = config.getValue("gazette-test.crash-seed.import-site", String.class);
        Instant now = Times.now();
        QuarkusTransaction.requiringNew().run(() -> {
            WebhookEndpoint endpoint = new WebhookEndpoint();
            endpoint.url = receiver;
            endpoint.description = "left by the previous run";
            endpoint.events = "post.published";
            endpoint.secret = "whsec_seeded_before_the_restart_0123456789";
            endpoint.enabled = true;
            endpoint.createdAt = now.minus(Duration.ofMinutes(5));
            endpoint.updatedAt = endpoint.createdAt;
            endpoint.persist();
            em.flush();
            insertDelivery(em, endpoint.id, failedTwice, 2, now.minusSeconds(1), 503, now);
            insertDelivery(em, endpoint.id, inFlight, 1, now.plusSeconds(2), null, now); // lease of an attempt cut short

            ImportJob running = job(config.getValue("gazette-test.crash-seed.running-import", String.class), now);
            running.status = ImportJob.Status.RUNNING;
            running.phase = "importing";
            running.startedAt = now.minusSeconds(30);
            running.filePath = Path.of(System.getProperty("java.io.tmpdir"), "gone-with-the-crash.xml").toString();
            running.persist();

            ImportJob queued = job(config.getValue("gazette-test.crash-seed.queued-import", String.class), now);
            queued.filePath = upload(importSite).toString();
            queued.persist();
        });
    }

    private static ImportJob job(String fileName, Instant now) {
        ImportJob job = new ImportJob();
        job.status = ImportJob.Status.QUEUED;
        job.fileName = fileName;
        job.sizeBytes = 1000;
        job.createdAt = now.minusSeconds(60);
        return job;
    }

    /** The edge-case export as a site of its own, waiting on disk as an upload does. */
    private static Path upload(String site) {
        try (InputStream in = CrashSeed.class.getResourceAsStream("/wxr/edge-cases.xml")) {
            String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("https://edge.example.test", site);
            Path file = Files.createTempFile("gazette-queued-", ".xml");
            Files.writeString(file, xml);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void insertDelivery(EntityManager em, long endpointId, String deliveryId, int attempts, Instant due,
                                       Integer lastStatus, Instant now) {
        String payload = "{\"id\":\"" + deliveryId + "\",\"event\":\"post.published\",\"occurredAt\":\"" + now.minusSeconds(60)
                + "\",\"data\":{\"slug\":\"published-before-the-restart\"}}";
        em.createNativeQuery("insert into webhook_delivery (delivery_id, endpoint_id, event_id, event, payload, status, attempts,"
                        + " next_attempt_at, created_at, last_attempt_at, last_status)"
                        + " values (:delivery, :endpoint, :event, 'post.published', :payload, 'PENDING', :attempts, :due, :created, :last, "
                        + (lastStatus == null ? "null" : lastStatus.toString()) + ")")
                .setParameter("delivery", deliveryId).setParameter("endpoint", endpointId)
                .setParameter("event", java.util.UUID.randomUUID().toString()).setParameter("payload", payload)
                .setParameter("attempts", attempts).setParameter("due", due).setParameter("created", now.minusSeconds(60))
                .setParameter("last", now.minusSeconds(5))
                .executeUpdate();
    }
}
