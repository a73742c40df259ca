package dev.gazette.importer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gazette.author.Caller;
import dev.gazette.author.Role;
import dev.gazette.common.Times;
import dev.gazette.common.web.ApiException;
import dev.gazette.common.web.Cursor;
import dev.gazette.common.web.ListPage;
import dev.gazette.common.web.PageInfo;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Import jobs: accepted uploads wait in a queue and run one at a time on a background thread
 * (two imports of the same site at once would race for the same WordPress ids).
 */
@ApplicationScoped
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);
    private static final String SORT = "imports";
    private static final Duration PROGRESS_EVERY = Duration.ofMillis(500);

    @Inject
    dev.gazette.post.PostScheduler scheduler;

    @Inject
    WxrImporter importer;

    @Inject
    Caller caller;

    @Inject
    ObjectMapper json;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "gazette-import");
        t.setDaemon(true);
        return t;
    });

    /** Records an uploaded file as a queued job and starts it when the worker is free. */
    public ImportJobView accept(Path file, String fileName, long size, long adminAuthorId) {
        ImportJob job = QuarkusTransaction.requiringNew().call(() -> {
            ImportJob j = new ImportJob();
            j.status = ImportJob.Status.QUEUED;
            j.fileName = fileName == null || fileName.isBlank() ? null : fileName.length() > 500 ? fileName.substring(0, 500) : fileName;
            j.filePath = file.toString();
            j.sizeBytes = size;
            j.createdBy = adminAuthorId;
            j.createdAt = Times.now();
            j.persist();
            return j;
        });
        worker.submit(() -> run(job.id));
        return view(job);
    }

    @Transactional
    public ImportJobView get(long id) {
        caller.require(Role.ADMIN);
        return view(ImportJob.<ImportJob>findByIdOptional(id).orElseThrow(() -> ApiException.notFound("Import", id)));
    }

    @Transactional
    public ListPage<ImportJobView> list(String cursor, int limit) {
        caller.require(Role.ADMIN);
        Long before = cursor == null ? null : ((Number) Cursor.decode(cursor, SORT, 1).key().get(0)).longValue();
        List<ImportJob> jobs = (before == null ? ImportJob.<ImportJob>find("order by id desc")
                : ImportJob.<ImportJob>find("id < ?1 order by id desc", before)).page(0, limit + 1).list();
        boolean more = jobs.size() > limit;
        List<ImportJob> shown = more ? jobs.subList(0, limit) : jobs;
        String next = more ? Cursor.after(SORT, List.of(shown.get(limit - 1).id)).encode() : null;
        return new ListPage<>(shown.stream().map(this::view).toList(), new PageInfo(limit, next, null, ImportJob.count()));
    }

    void run(long jobId) {
        Path file = QuarkusTransaction.requiringNew().call(() -> {
            ImportJob job = ImportJob.findById(jobId);
            job.status = ImportJob.Status.RUNNING;
            job.phase = "validating";
            job.startedAt = Times.now();
            return Path.of(job.filePath);
        });
        Instant[] lastReport = {Instant.EPOCH};
        WxrImporter.Listener listener = new WxrImporter.Listener() {
            @Override
            public void progress(String phase, long bytesRead, int itemsRead, ImportCounts counts, List<String> warnings) {
                Instant now = Instant.now();
                if (Duration.between(lastReport[0], now).compareTo(PROGRESS_EVERY) < 0) {
                    return;
                }
                lastReport[0] = now;
                update(jobId, job -> {
                    job.phase = phase;
                    job.bytesRead = bytesRead;
                    job.itemsRead = itemsRead;
                    job.counts = write(counts);
                    job.warnings = write(warnings);
                });
            }

            @Override
            public void site(Wxr.Site site) {
                update(jobId, job -> {
                    job.siteUrl = truncate(site.key(), 2000);
                    job.wxrVersion = truncate(site.wxrVersion(), 10);
                });
            }
        };
        try {
            WxrImporter.Result result = importer.run(file, listener);
            update(jobId, job -> {
                job.status = ImportJob.Status.SUCCEEDED;
                job.phase = null;
                job.bytesRead = job.sizeBytes;
                job.counts = write(result.counts());
                job.warnings = write(result.warnings());
                job.finishedAt = Times.now();
            });
        } catch (WxrImporter.Rejected e) {
            fail(jobId, e.getMessage());
        } catch (Exception e) {
            LOG.errorf(e, "import %d stopped", jobId);
            fail(jobId, "The import stopped: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + ". What was imported before stays; import the same file again to finish (imports never duplicate).");
        } finally {
            scheduler.rescan(); // imported posts with a future date: their moment ends cached answers too
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warnf("could not delete the upload %s", file);
            }
        }
    }

    private void fail(long jobId, String message) {
        update(jobId, job -> {
            job.status = ImportJob.Status.FAILED;
            job.phase = null;
            job.error = truncate(message, 2000);
            job.finishedAt = Times.now();
        });
    }

    private void update(long jobId, java.util.function.Consumer<ImportJob> change) {
        QuarkusTransaction.requiringNew().run(() -> change.accept(ImportJob.findById(jobId)));
    }

    /** A job interrupted by a stop is failed; queued ones run again. */
    void resume(@Observes StartupEvent event) {
        List<Long> queued = QuarkusTransaction.requiringNew().call(() -> {
            ImportJob.<ImportJob>list("status", ImportJob.Status.RUNNING).forEach(job -> {
                job.status = ImportJob.Status.FAILED;
                job.error = "The application stopped during the import. What was imported before stays; import the same file "
                        + "again to finish (imports never duplicate).";
                job.finishedAt = Times.now();
            });
            return ImportJob.<ImportJob>list("status", ImportJob.Status.QUEUED).stream().map(j -> j.id).toList();
        });
        queued.forEach(id -> worker.submit(() -> run(id)));
    }

    void stop(@Observes ShutdownEvent event) {
        worker.shutdownNow();
    }

    ImportJobView view(ImportJob job) {
        Map<String, ImportCounts.TypeCounts> counts = job.counts == null ? null : read(job.counts, new TypeReference<ImportCounts>() {
        }).types();
        List<String> warnings = job.warnings == null ? List.of() : read(job.warnings, new TypeReference<List<String>>() {
        });
        Instant end = job.finishedAt;
        return new ImportJobView(job.id, job.status.name().toLowerCase(Locale.ROOT), job.fileName,
                new ImportJobView.Progress(job.phase != null ? job.phase : job.status == ImportJob.Status.QUEUED ? "queued" : "finished", job.bytesRead, job.sizeBytes, job.itemsRead), job.siteUrl, job.wxrVersion,
                counts, warnings, job.error, job.createdAt, job.startedAt, job.finishedAt,
                job.startedAt == null || end == null ? null : Duration.between(job.startedAt, end).toMillis());
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String value, TypeReference<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
