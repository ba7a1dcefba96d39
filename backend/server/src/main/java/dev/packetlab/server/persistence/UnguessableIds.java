package dev.packetlab.server.persistence;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Ids and tokens that nobody can guess, from the operating system's {@link SecureRandom}: a share link's id is the
 * whole secret of the link, so it carries 128 random bits (22 base64url characters); an owner token carries 256
 * (43 characters). The server may read the host's randomness; only the simulation must not.
 */
final class UnguessableIds {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{22}");

    private UnguessableIds() {}

    /** A new id for a saved lab or a share link: 128 random bits. */
    static String newId() {
        return random(16);
    }

    /** A new owner token: 256 random bits. */
    static String newOwnerToken() {
        return random(32);
    }

    /** True if {@code text} has the form of an id this class makes, so a typo never reaches the database. */
    static boolean isWellFormedId(String text) {
        return text != null && ID.matcher(text).matches();
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return BASE64URL.encodeToString(b);
    }
}
