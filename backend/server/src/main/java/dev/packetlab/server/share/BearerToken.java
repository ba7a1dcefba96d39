package dev.packetlab.server.share;

/**
 * The owner token of a request, sent as {@code Authorization: Bearer TOKEN} (RFC 6750 2.1) so that it never appears
 * in a URL, where logs, browser history and share links could pick it up.
 */
final class BearerToken {
    private static final String SCHEME = "Bearer ";

    private BearerToken() {}

    /** The token in an {@code Authorization} header, or null if there is none or it is not a bearer token. */
    static String from(String authorization) {
        if (authorization == null || authorization.length() <= SCHEME.length()
                || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return null;
        }
        return authorization.substring(SCHEME.length()).strip();
    }
}
