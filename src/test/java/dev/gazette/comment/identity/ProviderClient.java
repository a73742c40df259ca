package dev.gazette.comment.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Assumptions;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.util.Base64;
import java.util.Map;
import java.util.function.Consumer;

/** Talks to the test OpenID provider ({@link OidcProvider}): real ID tokens, key rotation, and forged tokens. */
public final class ProviderClient {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProviderClient() {
    }

    /** Skips the calling test where Node is absent (the provider could not run). */
    public static void assumeProvider() {
        String skip = ConfigProvider.getConfig().getOptionalValue("test-oidc.skip", String.class).orElse(null);
        Assumptions.assumeTrue(skip == null, skip);
    }

    public static String issuer() {
        return ConfigProvider.getConfig().getValue("test-oidc.issuer", String.class);
    }

    /** An ID token through the provider's authorization code + PKCE flow, for this person, for Gazette's client. */
    public static String idToken(String sub, String name, String email, String picture) {
        return idToken(sub, name, email, picture, OidcProvider.CLIENT);
    }

    static String idToken(String sub, String name, String email, String picture, String client) {
        StringBuilder q = new StringBuilder("sub=").append(enc(sub)).append("&client=").append(enc(client));
        if (name != null) {
            q.append("&name=").append(enc(name));
        }
        if (email != null) {
            q.append("&email=").append(enc(email));
        }
        if (picture != null) {
            q.append("&picture=").append(enc(picture));
        }
        return call("GET", "/test/id-token?" + q).path("id_token").asText();
    }

    /** The provider replaces its signing key; its JWKS then publishes only the new one. */
    static String rotate() {
        return call("POST", "/test/rotate").path("kid").asText();
    }

    /** A copy of a real token with changed claims, signed with the provider's own current key (so only the claims are wrong). */
    static String resignedByProvider(String token, Consumer<JwtClaims> change) {
        try {
            JsonWebKey key = JsonWebKey.Factory.newJwk(call("GET", "/test/signing-key").toString());
            return sign(claims(token, change), ((RsaJsonWebKey) key).getRsaPrivateKey(), key.getKeyId(), AlgorithmIdentifiers.RSA_USING_SHA256);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy of a real token signed with a key the provider never published. */
    static String resignedWithOtherKey(String token) {
        try {
            RsaJsonWebKey other = RsaJwkGenerator.generateJwk(2048);
            return sign(claims(token, c -> { }), other.getRsaPrivateKey(), "forged-key", AlgorithmIdentifiers.RSA_USING_SHA256);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A real token whose payload was changed (another name) while its signature was kept. */
    static String tampered(String token) {
        String[] parts = token.split("\\.");
        try {
            JwtClaims claims = JwtClaims.parse(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            claims.setStringClaim("name", "Mallory");
            String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(claims.toJson().getBytes(StandardCharsets.UTF_8));
            return parts[0] + "." + payload + "." + parts[2];
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The token's claims, unsigned ({@code alg: none}). */
    static String unsigned(String token) {
        String[] parts = token.split("\\.");
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + parts[1] + ".";
    }

    private static JwtClaims claims(String token, Consumer<JwtClaims> change) throws Exception {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        JwtClaims claims = JwtClaims.parse(payload);
        change.accept(claims);
        return claims;
    }

    private static String sign(JwtClaims claims, Key key, String kid, String alg) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setKeyIdHeaderValue(kid);
        jws.setAlgorithmHeaderValue(alg);
        return jws.getCompactSerialization();
    }

    private static JsonNode call(String method, String path) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(issuer() + path))
                    .method(method, HttpRequest.BodyPublishers.noBody()).build();
            HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(path + ": " + answer.statusCode() + " " + answer.body());
            }
            return JSON.readTree(answer.body());
        } catch (Exception e) {
            throw new IllegalStateException("test OpenID provider: " + e.getMessage(), e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static Map<String, Object> content(String text) {
        return Map.of("content", text);
    }
}
