package dev.gazette.media;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gazette.author.Principal;
import dev.gazette.author.TokenService;
import dev.gazette.author.Tokens;
import dev.gazette.common.web.ApiException;
import dev.gazette.common.web.RouteProblems;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@code POST /api/v1/media}: an image as the raw body (any Content-Type) or as the first file of a
 * multipart form (with optional {@code title}, {@code altText} and {@code caption} fields), as the
 * import upload takes its file. A Vert.x route, so that uploads have their own size limit
 * ({@code gazette.media.max-size}) while other requests keep the small one; documented in
 * {@code META-INF/openapi.yaml}. The token is checked before the body is read; the body is held in
 * memory (it is at most the limit) and the type is read from its bytes, never from a name or header.
 */
@ApplicationScoped
public class MediaUpload {

    private static final Logger LOG = Logger.getLogger(MediaUpload.class);
    static final String PATH = "/api/v1/media";

    @Inject
    TokenService tokens;

    @Inject
    MediaService media;

    @Inject
    MediaConfig config;

    @Inject
    ObjectMapper json;

    private final ExecutorService blocking = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "gazette-media-upload");
        t.setDaemon(true);
        return t;
    });

    void install(@Observes Router router) {
        // ordered before the HTTP layer's global body limit, as the import upload
        router.post(PATH).order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::upload);
    }

    void upload(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        request.pause();
        long max = config.maxSize().asLongValue();
        String contentType = request.getHeader("Content-Type");
        boolean multipart = contentType != null
                && contentType.split(";")[0].trim().toLowerCase(Locale.ROOT).equals("multipart/form-data");
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
        onWorker(context, ctx, () -> writer(authorization), who -> {
            if ("100-continue".equalsIgnoreCase(request.getHeader("Expect"))) {
                ctx.response().writeContinue();
            }
            receive(ctx, context, multipart, max, who);
        });
    }

    private void receive(RoutingContext ctx, Context context, boolean multipart, long max, Principal who) {
        HttpServerRequest request = ctx.request();
        Body body = new Body(max);
        if (multipart) {
            request.setExpectMultipart(true);
            request.uploadHandler(upload -> {
                if (body.started) {
                    upload.handler(buffer -> { }); // only the first file is stored
                    return;
                }
                body.started = true;
                body.fileName = upload.filename();
                upload.handler(buffer -> body.add(ctx, buffer));
            });
        } else {
            body.started = true;
            request.handler(buffer -> body.add(ctx, buffer));
        }
        request.exceptionHandler(e -> {
            body.failed = true;
            LOG.debugf(e, "media upload aborted");
        });
        request.endHandler(v -> {
            if (body.failed) {
                return;
            }
            if (!body.started || body.data.length() == 0) {
                problem(ctx, ApiException.badRequest("body", "the upload is empty: send the image"), false);
                return;
            }
            String title = multipart ? request.getFormAttribute("title") : null;
            String altText = multipart ? request.getFormAttribute("altText") : null;
            String caption = multipart ? request.getFormAttribute("caption") : null;
            byte[] bytes = body.data.getBytes();
            MediaService.Upload upload = new MediaService.Upload(bytes, body.fileName, title, altText, caption, null);
            onWorker(context, ctx, () -> media.create(upload, who.authorId()), view -> ctx.response().setStatusCode(201)
                    .putHeader("Content-Type", "application/json")
                    .putHeader("Location", location(ctx, view.id()))
                    .putHeader("Cache-Control", "no-store")
                    .end(write(view)));
        });
        request.resume();
    }

    /** The body received so far, refused past the limit. */
    private final class Body {
        final long max;
        final Buffer data = Buffer.buffer();
        boolean started;
        boolean failed;
        String fileName;

        Body(long max) {
            this.max = max;
        }

        void add(RoutingContext ctx, Buffer buffer) {
            if (failed) {
                return;
            }
            if (data.length() + (long) buffer.length() > max) {
                failed = true;
                problem(ctx, tooLarge(max), true);
                return;
            }
            data.appendBuffer(buffer);
        }
    }

    /** The same checks as {@link dev.gazette.author.Caller#require} with the roles that write posts. */
    private Principal writer(String authorization) {
        Principal principal = Tokens.bearer(authorization)
                .map(secret -> tokens.authenticate(secret)
                        .orElseThrow(() -> ApiException.unauthorized("The token is unknown or has been revoked.")))
                .orElseThrow(() -> ApiException.unauthorized("This operation needs an API token: send 'Authorization: Bearer <token>'."));
        if (Arrays.stream(MediaService.WRITERS).noneMatch(r -> r == principal.role())) {
            throw ApiException.forbidden("Your role (" + principal.role().json() + ") may not do this.");
        }
        return principal;
    }

    /** The item's absolute URL (as every Location Gazette sends), from the scheme and host this request came to. */
    static String location(RoutingContext ctx, long id) {
        String path = PATH + "/" + id;
        String requested = ctx.request().absoluteURI();
        return requested == null ? path : java.net.URI.create(requested).resolve(path).toString();
    }

    /** Runs blocking work off the event loop, then continues on the request's context (or answers its error). */
    private <T> void onWorker(Context context, RoutingContext ctx, Supplier<T> work, Consumer<T> then) {
        CompletableFuture.supplyAsync(work, blocking).whenComplete((value, error) -> context.runOnContext(v -> {
            if (error == null) {
                then.accept(value);
            } else {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                if (cause instanceof ApiException api) {
                    problem(ctx, api, !ctx.request().isEnded());
                } else {
                    LOG.error("media upload failed", cause);
                    problem(ctx, new ApiException(500, "internal", "Internal error", "The image could not be stored.", null),
                            !ctx.request().isEnded());
                }
            }
        }));
    }

    private static ApiException tooLarge(long max) {
        return ApiException.payloadTooLarge("The image is larger than the upload limit of " + max
                + " bytes (gazette.media.max-size).");
    }

    private void problem(RoutingContext ctx, ApiException e, boolean close) {
        RouteProblems.send(ctx, json, e, PATH, close);
    }

    private String write(Object value) {
        return RouteProblems.json(json, value);
    }
}
