package dev.gazette.common;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;

/**
 * Settings that must not keep their development defaults in production, checked at start.
 *
 * <p>The commenter-IP hash secret has no usable default there: with a secret everybody knows,
 * a stored hash is reversed by hashing every IPv4 address (2^32 tries). Generating one and
 * storing it would make every restore of a backup carry its own secret and would hide a missing
 * setting on a second instance; so production refuses to start until
 * {@code GAZETTE_COMMENTS_IP_HASH_SECRET} is set, and the message says how. A site URL left at
 * {@code http://localhost...} only makes feeds, webhooks and spam checks point at the wrong
 * place, so it is a warning.
 */
@ApplicationScoped
public class ProductionChecks {

    private static final Logger LOG = Logger.getLogger(ProductionChecks.class);

    /** The secret development and tests use; never accepted in production. */
    public static final String DEVELOPMENT_IP_HASH_SECRET = "gazette-ip-hash";

    @Inject
    GazetteConfig config;

    void onStart(@Observes StartupEvent start) {
        check(LaunchMode.current() == LaunchMode.NORMAL, config.comments().ipHashSecret(), config.site().url(),
                config.site().postUrl()).forEach(LOG::warn);
    }

    /**
     * The warnings to log; in production ({@code production}) a missing secret stops the start.
     *
     * @throws IllegalStateException when production would run with the development secret
     */
    public static List<String> check(boolean production, String secret, String siteUrl, String postUrl) {
        List<String> warnings = new ArrayList<>();
        if (!production) {
            return warnings;
        }
        if (secret.isBlank() || secret.equals(DEVELOPMENT_IP_HASH_SECRET) || secret.length() < 16) {
            throw new IllegalStateException("gazette.comments.ip-hash-secret is not set (or shorter than 16 characters): "
                    + "commenter IP hashes made with a known secret can be reversed. Set GAZETTE_COMMENTS_IP_HASH_SECRET "
                    + "to a long random value (e.g. `openssl rand -hex 32`) and keep it: changing it breaks flood control "
                    + "against earlier comments.");
        }
        for (String url : List.of(siteUrl, postUrl)) {
            if (url.startsWith("http://localhost") || url.startsWith("http://127.0.0.1")) {
                warnings.add("gazette.site.url / gazette.site.post-url still point at " + url
                        + ": feeds, webhooks and spam checks will link there. Set GAZETTE_SITE_URL and GAZETTE_SITE_POST_URL.");
                break;
            }
        }
        return warnings;
    }
}
