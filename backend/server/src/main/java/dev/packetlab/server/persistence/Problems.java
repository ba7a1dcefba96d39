package dev.packetlab.server.persistence;

/** Helpers shared by this package's exceptions for putting what a user sent into an error message. */
final class Problems {
    private static final int MAX_ECHO = 40;

    private Problems() {}

    /** {@code text} in quotes, cut to a readable length, so a huge or hostile value is not echoed back whole. */
    static String quoted(String text) {
        if (text == null) return "(none)";
        String shown = text.length() > MAX_ECHO ? text.substring(0, MAX_ECHO) + "…" : text;
        return "\"" + shown + "\"";
    }
}
