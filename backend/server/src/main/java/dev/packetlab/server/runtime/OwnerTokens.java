package dev.packetlab.server.runtime;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Owner tokens of live instances: 256 random bits from the operating system's {@link SecureRandom}, written as 43
 * base64url characters, given once to whoever created the instance. The server keeps only a token's SHA-256 (hex, as
 * saved labs and classes keep theirs), so nothing it holds lets anyone change an instance; a plain hash is enough
 * since a token is random, not a password. Comparison takes the same time wherever two hashes differ.
 */
public final class OwnerTokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private OwnerTokens() {}

    /** A new token: 256 random bits, 43 base64url characters. */
    public static String newToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** The hash kept for {@code token}: SHA-256, 64 hex digits. */
    public static String hash(String token) {
        return HEX.formatHex(sha256(token));
    }

    /** True if {@code token} hashes to {@code storedHash}; a null or empty token, or a null hash, matches nothing. */
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
}
