package dev.gazette.common.web;

import io.quarkus.runtime.annotations.StaticInitSafe;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.Set;

/**
 * Moves the request-URI syntax check from Quarkus' HTTP entry point to {@link HttpLayerProblems}.
 * <p>
 * Quarkus checks every request URI with {@code java.net.URI} before the router sees it, and
 * answers a malformed one ({@code /posts/%%}, {@code ?cursor=%%%garbage}) with a bare 400: no
 * body, no content type, no hook. The only switch is the JVM system property
 * {@code vertx.disableURIValidation}, read once when that entry point is created. A static-init
 * configuration source is loaded before it in every launch mode (jar, dev, tests), so this empty
 * source is the one place that can set it for the application. {@link HttpLayerProblems} then runs
 * the same {@code java.net.URI} check as the first route and answers with a problem.
 * A value given on the command line ({@code -Dvertx.disableURIValidation=false}) is kept.
 */
@StaticInitSafe // loaded with the static-init configuration, before the HTTP entry point exists
public class UriCheckSwitch implements ConfigSource {

    static final String PROPERTY = "vertx.disableURIValidation";

    static {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, "true");
        }
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of();
    }

    @Override
    public String getValue(String propertyName) {
        return null;
    }

    @Override
    public String getName() {
        return "gazette-uri-check-switch";
    }

    @Override
    public int getOrdinal() {
        return 0;
    }
}
