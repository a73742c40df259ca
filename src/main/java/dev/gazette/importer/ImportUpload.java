package dev.gazette.importer;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gazette.author.Principal;
import dev.gazette.author.Role;
import dev.gazette.author.TokenService;
import dev.gazette.author.Tokens;
import dev.gazette.common.GazetteConfig;
import dev.gazette.common.web.ApiException;
import dev.gazette.common.web.RouteProblems;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.streams.ReadStream;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * {@code POST /api/v1/imports}: streams the uploaded WXR file (raw XML body or the first file of
 * a multipart form) to disk, never into memory, and queues an import job. It is a Vert.x route
 * rather than a JAX-RS method so that the upload has its own size limit
 * ({@code gazette.imports.max-size}, 1 GiB) while every other request keeps the small one; it
 * is documented in {@code META-INF/openapi.yaml}. The token is checked before the body is read.
 */
@ApplicationScoped
public class ImportUpload {

    private static final Logger LOG = Logger.getLogger(ImportUpload.class);
    static final String PATH = "/api/v1/imports";
    private static final Set<String> XML_TYPES = Set.of("application/xml", "text/xml", "application/rss+xml");

    @Inject
    TokenService tokens;

    @Inject
    ImportService imports;

    @Inject
    GazetteConfig config;

    @Inject
    ObjectMapper json;

    private final ExecutorService blocking = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "gazette-import-upload");
        t.setDaemon(true);
        return t;
    });

    void install(@Observes Router router) {
        // ordered before the HTTP layer's global body limit, which would cut uploads at 16 MB
        router.post(PATH).order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::upload);
    }

    void upload(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        request.pause();
        long max = config.imports().maxSize().asLongValue();
        String contentType = request.getHeader("Content-Type");
        String mediaType = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        boolean multipart = mediaType.equals("multipart/form-data");
        String length = request.getHeader("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > max) {
                    problem(ctx, tooLarge(max), true);
                    return;
                }
            } catch (NumberFormatException e) {
                problem(ctx, ApiException.badRequest("Content-Length", "must be a number"), true);
                return;
            }
        }
        String authorization = request.getHeader("Authorization");
        Context context = Vertx.currentContext();
        onWorker(context, ctx, () -> admin(authorization), admin -> {
            if (!multipart && !XML_TYPES.contains(mediaType)) {
                problem(ctx, new ApiException(415, "unsupported-media-type", "Unsupported media type",
                        "Send the WXR file as the raw body (Content-Type: application/xml) or as a multipart/form-data upload.", null),
                        true);
                return;
            }
            if ("100-continue".equalsIgnoreCase(request.getHeader("Expect"))) {
                ctx.response().writeContinue();
            }
            receive(ctx, context, multipart, max, admin);
        });
    }

    private void receive(RoutingContext ctx, Context context, boolean multipart, long max, Principal admin) {
        HttpServerRequest request = ctx.request();
        Path directory = Path.of(config.imports().directory());
        Path file = directory.resolve("upload-" + UUID.randomUUID() + ".xml");
        onWorker(context, ctx, () -> {
            try {
                Files.createDirectories(directory);
            } catch (IOException e) {
                throw new IllegalStateException("cannot create " + directory, e);
            }
            return file;
        }, created -> ctx.vertx().fileSystem().open(file.toString(), new OpenOptions().setWrite(true).setCreateNew(true))
                .onFailure(e -> fail(ctx, file, e))
                .onSuccess(out -> {
                    Sink sink = new Sink(ctx, context, out, file, max, admin);
                    if (multipart) {
                        request.setExpectMultipart(true);
                        request.uploadHandler(upload -> {
                            if (sink.started) {
                                upload.handler(buffer -> { }); // only the first file is imported
                                return;
                            }
                            sink.started = true;
                            sink.fileName = upload.filename();
                            sink.drain(upload);
                        });
                    } else {
                        sink.started = true;
                        sink.drain(request);
                    }
                    request.endHandler(v -> sink.finish());
                    request.exceptionHandler(e -> sink.abort(e));
                    request.resume();
                }));
    }

    /** Writes a body stream to the file, with back-pressure and the size limit. */
    private final class Sink {
        final RoutingContext ctx;
        final Context context;
        final AsyncFile out;
        final Path file;
        final long max;
        final Principal admin;
        boolean started;
        boolean failed;
        String fileName;
        long received;

        Sink(RoutingContext ctx, Context context, AsyncFile out, Path file, long max, Principal admin) {
            this.ctx = ctx;
            this.context = context;
            this.out = out;
            this.file = file;
            this.max = max;
            this.admin = admin;
        }

        void drain(ReadStream<Buffer> stream) {
            stream.handler(buffer -> {
                if (failed) {
                    return;
                }
                received += buffer.length();
                if (received > max) {
                    failed = true;
                    discard();
                    problem(ctx, tooLarge(max), true);
                    return;
                }
                out.write(buffer);
                if (out.writeQueueFull()) {
                    stream.pause();
                    out.drainHandler(v -> stream.resume());
                }
            });
        }

        void finish() {
            if (failed) {
                return;
            }
            out.close().onComplete(closed -> {
                if (closed.failed()) {
                    fail(ctx, file, closed.cause());
                } else if (!started || received == 0) {
                    delete();
                    problem(ctx, ApiException.badRequest("body", "the upload is empty: send the WXR file"), false);
                } else {
                    onWorker(context, ctx, () -> imports.accept(file, fileName, received, admin.authorId()), job -> {
                        String body = write(job);
                        ctx.response().setStatusCode(202)
                                .putHeader("Content-Type", "application/json")
                                .putHeader("Location", location(ctx, job.id()))
                                .putHeader("Cache-Control", "no-store")
                                .end(body);
                    });
                }
            });
        }

        void abort(Throwable e) {
            if (!failed) {
                failed = true;
                LOG.debugf(e, "upload aborted");
                discard();
            }
        }

        private void discard() {
            out.close().onComplete(ignored -> delete());
        }

        private void delete() {
            blocking.submit(() -> {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    LOG.warnf("could not delete %s", file);
                }
            });
        }
    }

    /** The same checks as {@link dev.gazette.author.Caller#require}, for a request outside JAX-RS. */
    private Principal admin(String authorization) {
        Principal principal = Tokens.bearer(authorization)
                .map(secret -> tokens.authenticate(secret)
                        .orElseThrow(() -> ApiException.unauthorized("The token is unknown or has been revoked.")))
                .orElseThrow(() -> ApiException.unauthorized("This operation needs an API token: send 'Authorization: Bearer <token>'."));
        if (principal.role() != Role.ADMIN) {
            throw ApiException.forbidden("Your role (" + principal.role().json() + ") may not do this.");
        }
        return principal;
    }

    /** Runs blocking work off the event loop, then continues on the request's context (or answers its error). */
    /** The job's absolute URL (as every Location Gazette sends), from the scheme and host this request came to. */
    static String location(RoutingContext ctx, long jobId) {
        String path = PATH + "/" + jobId;
        String requested = ctx.request().absoluteURI();
        return requested == null ? path : java.net.URI.create(requested).resolve(path).toString();
    }

    private <T> void onWorker(Context context, RoutingContext ctx, Supplier<T> work, java.util.function.Consumer<T> then) {
        CompletableFuture.supplyAsync(work, blocking).whenComplete((value, error) -> context.runOnContext(v -> {
            if (error == null) {
                then.accept(value);
            } else {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                if (cause instanceof ApiException api) {
                    problem(ctx, api, true);
                } else {
                    LOG.error("import upload failed", cause);
                    problem(ctx, new ApiException(500, "internal", "Internal error", "The upload could not be stored.", null), true);
                }
            }
        }));
    }

    private void fail(RoutingContext ctx, Path file, Throwable e) {
        LOG.error("import upload failed", e);
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // nothing more to do
        }
        problem(ctx, new ApiException(500, "internal", "Internal error", "The upload could not be stored.", null), true);
    }

    private static ApiException tooLarge(long max) {
        return ApiException.payloadTooLarge("The upload is larger than the import limit of " + max
                + " bytes (gazette.imports.max-size).");
    }

    private void problem(RoutingContext ctx, ApiException e, boolean close) {
        RouteProblems.send(ctx, json, e, PATH, close);
    }

    private String write(Object value) {
        return RouteProblems.json(json, value);
    }
}
