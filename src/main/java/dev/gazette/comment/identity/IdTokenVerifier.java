package dev.gazette.comment.identity;

import dev.gazette.common.web.ApiException;
import dev.gazette.common.web.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.jose4j.http.Get;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.jose4j.lang.JoseException;
import org.jose4j.lang.UnresolvableKeyException;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks commenters' OpenID Connect ID tokens (jose4j): the signature against the provider's
 * published keys, the issuer, the audience (the front-end's client id), and the expiry and
 * not-before times with a small clock skew; {@code alg: none} and symmetric algorithms are
 * refused. Each provider's keys are found through its discovery document
 * ({@code {issuer}/.well-known/openid-configuration}, fetched once) and kept; a token signed with
 * a key id they do not hold makes them be fetched again, so a provider can rotate its keys
 * without Gazette being restarted. A refused token is a 401 whose {@code errors[0].message} says
 * why ({@link Reason}).
 */
@ApplicationScoped
public class IdTokenVerifier {

    private static final Logger LOG = Logger.getLogger(IdTokenVerifier.class);

    /** The challenge of a 401 for a missing or refused ID token (the refusal adds error and error_description). */
    public static final String CHALLENGE = "IdToken realm=\"gazette-commenters\"";

    /** The header a front-end sends the ID token in (Authorization stays for staff API tokens). */
    public static final String HEADER = "X-Id-Token";

    /** Asymmetric signatures only: a provider's published key must be what verifies. */
    private static final AlgorithmConstraints ASYMMETRIC = new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
            AlgorithmIdentifiers.RSA_USING_SHA256, AlgorithmIdentifiers.RSA_USING_SHA384, AlgorithmIdentifiers.RSA_USING_SHA512,
            AlgorithmIdentifiers.RSA_PSS_USING_SHA256, AlgorithmIdentifiers.RSA_PSS_USING_SHA384, AlgorithmIdentifiers.RSA_PSS_USING_SHA512,
            AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256, AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384,
            AlgorithmIdentifiers.ECDSA_USING_P521_CURVE_AND_SHA512, AlgorithmIdentifiers.EDDSA);

    /** Why a token was refused: the message of the 401's error entry. */
    public enum Reason {
        MALFORMED("malformed", "The ID token is not a signed JWT."),
        ALG_NONE("alg-none", "The ID token is not signed (alg: none)."),
        ALGORITHM("algorithm-not-allowed", "The ID token's signature algorithm is not accepted (asymmetric signatures only)."),
        WRONG_ISSUER("wrong-issuer", "The ID token's issuer is not a configured sign-in provider."),
        WRONG_AUDIENCE("wrong-audience", "The ID token was issued for another client (audience)."),
        EXPIRED("expired", "The ID token has expired: sign in again."),
        NOT_YET_VALID("not-yet-valid", "The ID token is not valid yet (nbf/iat in the future)."),
        UNKNOWN_KEY("unknown-key", "The ID token is signed with a key its provider does not publish (unknown key id)."),
        BAD_SIGNATURE("bad-signature", "The ID token's signature does not match its content."),
        MISSING_CLAIM("missing-claim", "The ID token lacks a required claim (sub, exp).");

        public final String code;
        final String detail;

        Reason(String code, String detail) {
            this.code = code;
            this.detail = detail;
        }
    }

    /** Who a valid token names. */
    public record Identity(String issuer, String subject, String provider, String name, String picture, String email) {
    }

    @Inject
    IdentityConfig config;

    @Inject
    ProviderDiscovery discovery;

    /** Per issuer: its consumer (keys resolved through the provider's JWKS), built once the discovery document was read. */
    private final Map<String, JwtConsumer> consumers = new ConcurrentHashMap<>();

    public boolean enabled() {
        return !providers().isEmpty();
    }

    public Identity verify(String token) {
        JsonWebSignature jws = parse(token);
        String alg = jws.getAlgorithmHeaderValue();
        if (alg == null || alg.equalsIgnoreCase(AlgorithmIdentifiers.NONE)) {
            throw refused(Reason.ALG_NONE);
        }
        try {
            ASYMMETRIC.checkConstraint(alg);
        } catch (org.jose4j.lang.InvalidAlgorithmException e) {
            throw refused(Reason.ALGORITHM);
        }
        String issuer = unverifiedIssuer(jws);
        List<IdentityConfig.Provider> candidates = providers().stream().filter(p -> p.issuer().equals(issuer)).toList();
        if (candidates.isEmpty()) {
            throw refused(Reason.WRONG_ISSUER);
        }
        JwtClaims claims;
        try {
            claims = consumer(issuer, candidates).processToClaims(token);
        } catch (InvalidJwtException e) {
            throw refused(reason(e, issuer));
        }
        try {
            List<String> audiences = claims.getAudience();
            IdentityConfig.Provider provider = candidates.stream().filter(p -> audiences.contains(p.audience())).findFirst()
                    .orElseThrow(() -> refused(Reason.WRONG_AUDIENCE));
            return new Identity(issuer, claims.getSubject(), provider.name(), name(claims), picture(claims),
                    claims.getClaimValueAsString("email"));
        } catch (MalformedClaimException e) {
            throw refused(Reason.MISSING_CLAIM);
        }
    }

    /**
     * {@code "id <issuer> <subject>"} of a token, read without checking it: a key for rate limits only
     * (a forged one gains nothing, it is refused when the request is handled); empty for no token or no JWT.
     */
    public static Optional<String> unverifiedIdentity(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            String token = header.trim();
            String[] parts = token.substring(token.regionMatches(true, 0, "Bearer ", 0, 7) ? 7 : 0).trim().split("\\.");
            if (parts.length < 2) {
                return Optional.empty();
            }
            JwtClaims claims = JwtClaims.parse(new String(java.util.Base64.getUrlDecoder().decode(parts[1]),
                    java.nio.charset.StandardCharsets.UTF_8));
            return claims.getIssuer() == null || claims.getSubject() == null ? Optional.empty()
                    : Optional.of("id " + claims.getIssuer() + " " + claims.getSubject());
        } catch (org.jose4j.jwt.consumer.InvalidJwtException | MalformedClaimException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private List<IdentityConfig.Provider> providers() {
        return config.providers().orElse(List.of());
    }

    private static JsonWebSignature parse(String token) {
        try {
            if (JsonWebStructure.fromCompactSerialization(token.trim()) instanceof JsonWebSignature jws) {
                return jws;
            }
        } catch (JoseException | RuntimeException e) {
            // below
        }
        throw refused(Reason.MALFORMED);
    }

    private static String unverifiedIssuer(JsonWebSignature jws) {
        try {
            String issuer = JwtClaims.parse(jws.getUnverifiedPayload()).getIssuer();
            if (issuer == null) {
                throw refused(Reason.WRONG_ISSUER);
            }
            return issuer;
        } catch (org.jose4j.jwt.consumer.InvalidJwtException | MalformedClaimException | RuntimeException e) {
            if (e instanceof ApiException api) {
                throw api;
            }
            throw refused(Reason.MALFORMED);
        }
    }

    private Reason reason(InvalidJwtException e, String issuer) {
        Throwable cause = e.getCause();
        if (cause instanceof UnresolvableKeyException) {
            for (Throwable t = cause; t != null; t = t.getCause()) {
                if (t instanceof IOException) { // the keys could not be fetched: not the token's fault
                    LOG.warnf("Keys of sign-in provider %s could not be fetched: %s", issuer, t.getMessage());
                    throw unavailable(issuer);
                }
            }
            return Reason.UNKNOWN_KEY;
        }
        if (e.hasErrorCode(ErrorCodes.SIGNATURE_INVALID) || e.hasErrorCode(ErrorCodes.SIGNATURE_MISSING)) {
            return Reason.BAD_SIGNATURE;
        }
        if (e.hasExpired()) {
            return Reason.EXPIRED;
        }
        if (e.hasErrorCode(ErrorCodes.NOT_YET_VALID) || e.hasErrorCode(ErrorCodes.ISSUED_AT_INVALID_FUTURE)) {
            return Reason.NOT_YET_VALID;
        }
        if (e.hasErrorCode(ErrorCodes.AUDIENCE_INVALID) || e.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
            return Reason.WRONG_AUDIENCE;
        }
        if (e.hasErrorCode(ErrorCodes.ISSUER_INVALID) || e.hasErrorCode(ErrorCodes.ISSUER_MISSING)) {
            return Reason.WRONG_ISSUER;
        }
        if (e.hasErrorCode(ErrorCodes.EXPIRATION_MISSING) || e.hasErrorCode(ErrorCodes.SUBJECT_MISSING)) {
            return Reason.MISSING_CLAIM;
        }
        if (e.hasErrorCode(ErrorCodes.MISCELLANEOUS) && cause instanceof JoseException) {
            return Reason.BAD_SIGNATURE;
        }
        return Reason.MALFORMED;
    }

    private JwtConsumer consumer(String issuer, List<IdentityConfig.Provider> providers) {
        JwtConsumer known = consumers.get(issuer);
        if (known != null) {
            return known;
        }
        // outside computeIfAbsent: a slow provider must not block the map; two first requests may both fetch
        String jwksUri = discoverKeys(issuer);
        HttpsJwks jwks = new HttpsJwks(jwksUri);
        Get get = new Get();
        get.setConnectTimeout((int) config.fetchTimeout().toMillis());
        get.setReadTimeout((int) config.fetchTimeout().toMillis());
        jwks.setSimpleHttpGet(get);
        jwks.setDefaultCacheDuration(config.keysCacheDuration().toSeconds());
        // an unknown key id fetches the keys again, at most once a second
        jwks.setRefreshReprieveThreshold(1000);
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setRequireSubject()
                .setAllowedClockSkewInSeconds((int) config.clockSkew().toSeconds())
                .setExpectedIssuer(issuer)
                .setExpectedAudience(providers.stream().map(IdentityConfig.Provider::audience).toArray(String[]::new))
                .setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(jwks))
                .setJwsAlgorithmConstraints(ASYMMETRIC)
                .build();
        JwtConsumer raced = consumers.putIfAbsent(issuer, consumer);
        return raced == null ? consumer : raced;
    }

    /** The provider's {@code jwks_uri}, from its discovery document, which must name the same issuer. */
    private String discoverKeys(String issuer) {
        return discovery.read(issuer).map(ProviderDiscovery.Endpoints::jwksUri).orElseThrow(() -> unavailable(issuer));
    }

    private static String name(JwtClaims claims) {
        for (String claim : List.of("name", "preferred_username", "nickname", "given_name")) {
            String value = claims.getClaimValueAsString(claim);
            if (value != null && !value.isBlank()) {
                String trimmed = value.trim();
                return trimmed.length() > 200 ? trimmed.substring(0, 200) : trimmed;
            }
        }
        return "Signed-in reader";
    }

    /** The picture claim when it is an http(s) URL of a sensible length; anything else is dropped. */
    private static String picture(JwtClaims claims) {
        return Optional.ofNullable(claims.getClaimValueAsString("picture")).map(String::trim)
                .filter(p -> p.length() <= 2000 && p.matches("^https?://\\S+$")).orElse(null);
    }

    static ApiException refused(Reason reason) {
        return new ApiException(401, "invalid-id-token", "Invalid ID token", reason.detail,
                List.of(new FieldError(HEADER, reason.code)))
                .header("WWW-Authenticate", CHALLENGE + ", error=\"invalid_token\", error_description=\"" + reason.code + "\"");
    }

    /** 401: the operation needs a signed-in commenter. */
    public static ApiException missing() {
        return new ApiException(401, "unauthorized", "Unauthorized",
                "Sign in first: send the ID token of a configured provider as '" + HEADER + ": <id token>'.", null)
                .header("WWW-Authenticate", CHALLENGE);
    }

    private static ApiException unavailable(String issuer) {
        return new ApiException(503, "provider-unavailable", "Sign-in provider unavailable",
                "The sign-in provider " + issuer + " could not be reached to check the ID token; try again shortly.", null)
                .header("Retry-After", "10");
    }
}
