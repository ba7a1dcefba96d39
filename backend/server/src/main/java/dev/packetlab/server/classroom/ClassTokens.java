package dev.packetlab.server.classroom;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Ids and tokens of classes and students, from the operating system's {@link SecureRandom}. An id (a class's, a
 * student's) carries 128 random bits; a token carries 256 and is the whole of a role: the teacher's is in the
 * teacher link, a student's stays in their browser. The database keeps only a token's SHA-256 hash, so a copy of it
 * lets nobody act as anyone; a plain hash is enough since a token is random, not a password.
 */
final class ClassTokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final HexFormat HEX = HexFormat.of();
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{22}");

    private ClassTokens() {}

    /** A new class or student id: 128 random bits, 22 base64url characters. */
    static String newId() {
        return random(16);
    }

    /** A new teacher or student token: 256 random bits, 43 base64url characters. */
    static String newToken() {
        return random(32);
    }

    /** Whether {@code text} has the form of an id made here, so a typo never reaches the database. */
    static boolean isWellFormedId(String text) {
        return text != null && ID.matcher(text).matches();
    }

    /** The hash to store for {@code token}: 64 hex digits. */
    static String hash(String token) {
        return HEX.formatHex(sha256(token));
    }

    /** True if {@code token} hashes to {@code storedHash}, in a time that does not depend on where they differ. */
    static boolean matches(String token, String storedHash) {
        if (token == null || token.isEmpty()) return false;
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
