package dev.gazette.comment.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The discovery documents of the sign-in providers ({@code {issuer}/.well-known/openid-configuration}), read once
 * per provider and kept: the token checks need its {@code jwks_uri}, front-ends its authorization and token
 * endpoints ({@code GET /api/v1/sign-in}), and the reader site's Content-Security-Policy the token endpoint's
 * origin (it may differ from the issuer's). A document that could not be read is asked for again next time.
 */
@ApplicationScoped
public class ProviderDiscovery {

    private static final Logger LOG = Logger.getLogger(ProviderDiscovery.class);

    /** What Gazette and its front-ends use from a discovery document. */
    public record Endpoints(String jwksUri, String authorizationEndpoint, String tokenEndpoint) {
    }

    @Inject
    IdentityConfig config;

    @Inject
    ObjectMapper mapper;

    private final Map<String, Endpoints> known = new ConcurrentHashMap<>();

    /** The provider's endpoints, read now if they were not yet (blocking); empty when the document cannot be read (logged). */
    public Optional<Endpoints> read(String issuer) {
        Endpoints endpoints = known.get(issuer);
        if (endpoints != null) {
            return Optional.of(endpoints);
        }
        String url = (issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer) + "/.well-known/openid-configuration";
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(config.fetchTimeout())
                    .followRedirects(HttpClient.Redirect.NORMAL).build();
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(config.fetchTimeout())
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IOException("HTTP " + answer.statusCode());
            }
            JsonNode doc = mapper.readTree(answer.body());
            if (!issuer.equals(doc.path("issuer").asText())) {
                throw new IOException("the document names the issuer '" + doc.path("issuer").asText() + "'");
            }
            String jwksUri = doc.path("jwks_uri").asText("");
            if (jwksUri.isBlank()) {
                throw new IOException("the document has no jwks_uri");
            }
            endpoints = new Endpoints(jwksUri, text(doc, "authorization_endpoint"), text(doc, "token_endpoint"));
            known.put(issuer, endpoints);
            return Optional.of(endpoints);
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Discovery document of sign-in provider %s could not be read (%s): %s", issuer, url, e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The endpoints if the document was already read; never fetches (safe on the I/O thread). */
    public Optional<Endpoints> known(String issuer) {
        return Optional.ofNullable(known.get(issuer));
    }

    private static String text(JsonNode doc, String field) {
        String value = doc.path(field).asText("");
        return value.isBlank() ? null : value;
    }
}
