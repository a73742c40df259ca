package dev.gazette.post;

import dev.gazette.common.web.HttpCaching;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Passwords of protected posts, stored as {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} (the JDK's
 * PBKDF2 with HMAC-SHA256, a random 16-byte salt, base64). Unlike API tokens ({@code Tokens}: 256 random
 * bits, so one SHA-256 is enough) these are chosen by people and often short ("enter"), so the hash must
 * be salted and slow: a leaked table costs a guesser {@value #ITERATIONS} HMACs per guess and post. The
 * iteration count is part of the stored value, so it can be raised later without breaking stored hashes.
 * Comparison is constant-time ({@link MessageDigest#isEqual}).
 */
public final class PostPassword {

    /** The header a reader sends a protected post's password in (never the query string, which is logged). */
    public static final String HEADER = HttpCaching.PASSWORD_HEADER;
    /** Longest password accepted (WordPress stores up to 255 characters). */
    public static final int MAX_LENGTH = 255;

    private static final String SCHEME = "pbkdf2-sha256";
    static final int ITERATIONS = 100_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PostPassword() {
    }

    /** The stored form of a password; null for null or an empty password (no protection). */
    public static String hash(String password) {
        if (password == null || password.isEmpty()) {
            return null;
        }
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + ITERATIONS + "$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(pbkdf2(password, salt, ITERATIONS));
    }

    /** Whether {@code password} is the one {@code stored} was made from (false for anything unreadable). */
    public static boolean matches(String stored, String password) {
        if (stored == null || password == null) {
            return false;
        }
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            Base64.Decoder b64 = Base64.getDecoder();
            byte[] expected = b64.decode(parts[3]);
            return MessageDigest.isEqual(expected, pbkdf2(password, b64.decode(parts[2]), iterations));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] pbkdf2(String password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } finally {
            spec.clearPassword();
        }
    }
}
