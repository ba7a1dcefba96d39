package dev.packetlab.server.persistence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Owner tokens are stored only as their SHA-256 hash, so a copy of the database gives nobody the right to change a
 * lab. A plain hash is enough (no salt, no slow KDF): a token is 256 random bits, not a password a dictionary could
 * find. Comparison takes the same time wherever the hashes differ, so response times tell nothing about a token.
 */
final class OwnerTokenHash {
    private static final HexFormat HEX = HexFormat.of();

    private OwnerTokenHash() {}

    /** The hash to store for {@code token}: 64 hex digits. */
    static String of(String token) {
        return HEX.formatHex(sha256(token));
    }

    /** True if {@code token} hashes to {@code storedHash}; a null token matches nothing. */
    static boolean matches(String token, String storedHash) {
        if (token == null) return false;
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
