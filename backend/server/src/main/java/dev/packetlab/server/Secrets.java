package dev.packetlab.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The server's unguessable ids and tokens, and the hashes it keeps of tokens, for everything that has them: live
 * instances, saved labs, share links, classes and students.
 *
 * <p>An id carries 128 random bits (22 base64url characters): knowing one is the secret of reading what it names. A
 * token carries 256 (43 characters) and is the right to change something; the server keeps only its SHA-256, so a copy
 * of the database or of memory lets nobody act for anyone. A plain hash is enough (no salt, no slow KDF): a token is
 * random, not a password a dictionary could find. Comparison takes the same time wherever two hashes differ. The
 * randomness is the operating system's {@link SecureRandom}: the server may read the host's randomness; only the
 * simulation must not.
 */
public final class Secrets {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final HexFormat HEX = HexFormat.of();
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{22}");

    private Secrets() {}

    /** A new id: 128 random bits, 22 base64url characters. */
    public static String newId() {
        return random(16);
    }

    /** A new token: 256 random bits, 43 base64url characters. */
    public static String newToken() {
        return random(32);
    }

    /** Whether {@code text} has the form of an id made here, so a typo never reaches the database. */
    public static boolean isWellFormedId(String text) {
        return text != null && ID.matcher(text).matches();
    }

    /** The hash kept for {@code token}: SHA-256, 64 lower-case hex digits. */
    public static String hash(String token) {
        return HEX.formatHex(sha256(token));
    }

    /**
     * True if {@code token} hashes to {@code storedHash}, in a time that does not depend on where they differ; a null
     * or empty token, or a null hash, matches nothing.
     */
    public static boolean matches(String token, String storedHash) {
        if (token == null || token.isEmpty() || storedHash == null) return false;
        return MessageDigest.isEqual(sha256(token), HEX.parseHex(storedHash));
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return BASE64URL.encodeToString(b);
    }
}
