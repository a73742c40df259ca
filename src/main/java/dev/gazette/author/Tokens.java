package dev.gazette.author;

import dev.gazette.common.text.Hashes;

/**
 * Token secrets: 256 random bits, stored as their SHA-256 digest. A slow password hash is not
 * needed because the secret is random, not chosen by a person.
 */
final class Tokens {

    private Tokens() {
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
