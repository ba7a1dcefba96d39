package dev.packetlab.server.classroom;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * The short code students type to join a class: six characters from an alphabet without the ones people confuse
 * when a teacher writes them on a board (0/O, 1/I/L), nearly 900 million codes. It only lets someone join as a new
 * student, never act as the teacher, so it need not be as long as a token; the teacher locks the class once everyone
 * is in. Typed codes are read leniently: lower case, spaces and dashes are fine.
 */
final class JoinCode {
    static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    static final int LENGTH = 6;
    private static final SecureRandom RANDOM = new SecureRandom();

    private JoinCode() {}

    static String next() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        return code.toString();
    }

    /** The code as stored, from what a student typed ({@code "k7p 2qx"} → {@code "K7P2QX"}), or null if it is none. */
    static String normalize(String typed) {
        if (typed == null) return null;
        String code = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (code.length() != LENGTH) return null;
        for (int i = 0; i < code.length(); i++) if (ALPHABET.indexOf(code.charAt(i)) < 0) return null;
        return code;
    }
}
