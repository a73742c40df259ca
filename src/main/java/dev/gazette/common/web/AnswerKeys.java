package dev.gazette.common.web;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.Collection;

/**
 * Where read models say what the answer being computed shows ({@link ContentKeys}), so the
 * {@link ResponseCache} can keep it until exactly one of those things changes. Said where the rows
 * are read, not per endpoint: a feed built from the post list shows what the post list shows.
 * Outside a cacheable request (a token's request, a scheduled job, an import) it does nothing.
 */
@Singleton
public class AnswerKeys {

    @Inject
    CurrentVertxRequest current;

    /** The answer of the current request shows these. */
    public void shows(String... keys) {
        ResponseCache.Pending pending = pending();
        if (pending != null) {
            for (String key : keys) {
                pending.keys.add(key);
            }
        }
    }

    /** The answer of the current request shows these. */
    public void shows(Collection<String> keys) {
        ResponseCache.Pending pending = pending();
        if (pending != null) {
            pending.keys.addAll(keys);
        }
    }

    private ResponseCache.Pending pending() {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        RoutingContext routing = current.getCurrent();
        return routing == null ? null : routing.get(ResponseCache.PENDING);
    }
}
