package dev.gazette.author;

import dev.gazette.common.text.Hashes;
import dev.gazette.common.web.ApiException;

/**
 * Token secrets: 256 random bits, stored as their SHA-256 digest. A slow password hash is not
 * needed because the secret is random, not chosen by a person.
 */
public final class Tokens {

    private Tokens() {
    }

    /**
     * The secret of an {@code Authorization: Bearer <token>} header; empty without a header.
     *
     * @throws ApiException 401 for a header of another form
     */
    public static java.util.Optional<String> bearer(String header) {
        if (header == null || header.isBlank()) {
            return java.util.Optional.empty();
        }
        String[] parts = header.trim().split("\\s+", 2);
        if (parts.length != 2 || !parts[0].equalsIgnoreCase("Bearer") || parts[1].isBlank()) {
            throw ApiException.unauthorized("The Authorization header must be 'Bearer <token>'.");
        }
        return java.util.Optional.of(parts[1].trim());
    }

    static String newSecret() {
        return "gz_" + Hashes.randomSecret(32);
    }

    static String hash(String secret) {
        return Hashes.sha256Hex(secret);
    }

    static String prefix(String secret) {
        return secret.substring(0, Math.min(10, secret.length()));
    }
}
