package dev.packetlab.stack.app.http;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * An {@code http} URL (RFC 3986, RFC 9110 4.2.1): host, port and the path with its query, which is the request-target a
 * client sends. The fragment ({@code #top}) never leaves the client and is dropped. As curl does, a URL typed without a
 * scheme is taken as {@code http://}.
 */
public record Url(String scheme, String host, int port, String target) {

    /** Why a URL could not be used: its curl exit code and message. */
    public static final class BadUrl extends IllegalArgumentException {
        private final int curlCode;

        BadUrl(int curlCode, String message) {
            super(message);
            this.curlCode = curlCode;
        }

        /** 1 for an unsupported scheme, 3 for a malformed URL. */
        public int curlCode() { return curlCode; }
    }

    /**
     * Parses {@code text}.
     *
     * @throws BadUrl for another scheme than http ({@code Protocol "https" not supported}, code 1) or a malformed URL
     *                (code 3)
     */
    public static Url parse(String text) {
        String s = text.strip();
        String scheme = "http";
        int sep = s.indexOf("://");
        if (sep >= 0) {
            scheme = s.substring(0, sep).toLowerCase(Locale.ROOT);
            if (scheme.isEmpty() || !scheme.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.')) {
                throw new BadUrl(3, "URL using bad/illegal format or missing URL");
            }
            s = s.substring(sep + 3);
        }
        if (!scheme.equals("http")) throw new BadUrl(1, "Protocol \"" + scheme + "\" not supported");
        int hash = s.indexOf('#');
        if (hash >= 0) s = s.substring(0, hash);
        int pathStart = firstOf(s, "/?");
        String authority = pathStart < 0 ? s : s.substring(0, pathStart);
        String target = pathStart < 0 ? "/" : s.substring(pathStart);
        if (target.startsWith("?")) target = "/" + target;
        int at = authority.lastIndexOf('@');
        if (at >= 0) authority = authority.substring(at + 1); // user information is not used
        String host = authority;
        int port = 80;
        int colon = authority.lastIndexOf(':');
        if (colon >= 0) {
            host = authority.substring(0, colon);
            String p = authority.substring(colon + 1);
            if (!p.isEmpty()) {
                if (p.length() > 5 || !p.chars().allMatch(Character::isDigit) || Integer.parseInt(p) > 65_535
                        || Integer.parseInt(p) == 0) {
                    throw new BadUrl(3, "URL using bad/illegal format or missing URL");
                }
                port = Integer.parseInt(p);
            }
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.isEmpty() || !host.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_')
                || !target.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new BadUrl(3, "URL using bad/illegal format or missing URL");
        }
        return new Url(scheme, host, port, target);
    }

    private static int firstOf(String s, String chars) {
        for (int i = 0; i < s.length(); i++) if (chars.indexOf(s.charAt(i)) >= 0) return i;
        return -1;
    }

    /** What the Host field says (RFC 9110 7.2): the host, and the port unless it is 80. */
    public String hostHeader() {
        return port == 80 ? host : host + ":" + port;
    }

    /** The path without the query. */
    public String path() {
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q);
    }

    /**
     * The URL a reference found on this page names (RFC 3986 5.2): an absolute URL, a network-path ({@code //host/x}),
     * an absolute path ({@code /x}), a query ({@code ?q}) or a relative path ({@code img/a.png}, {@code ../b}), with
     * dot segments removed.
     *
     * @throws BadUrl as {@link #parse}
     */
    public Url resolve(String reference) {
        String r = reference.strip();
        int hash = r.indexOf('#');
        if (hash >= 0) r = r.substring(0, hash);
        if (r.contains("://")) return parse(r);
        if (r.startsWith("//")) return parse(scheme + ":" + r);
        if (r.isEmpty()) return this;
        if (r.startsWith("?")) return new Url(scheme, host, port, path() + r);
        String query = "";
        int q = r.indexOf('?');
        if (q >= 0) {
            query = r.substring(q);
            r = r.substring(0, q);
        }
        String merged = r.startsWith("/") ? r : path().substring(0, path().lastIndexOf('/') + 1) + r;
        return parse(scheme + "://" + hostHeader() + removeDotSegments(merged) + query);
    }

    /** RFC 3986 5.2.4, on whole segments. */
    static String removeDotSegments(String path) {
        Deque<String> out = new ArrayDeque<>();
        String[] segments = path.split("/", -1);
        for (int i = 1; i < segments.length; i++) {
            String s = segments[i];
            boolean last = i == segments.length - 1;
            if (s.equals(".")) {
                if (last) out.addLast("");
            } else if (s.equals("..")) {
                if (!out.isEmpty()) out.removeLast();
                if (last) out.addLast("");
            } else {
                out.addLast(s);
            }
        }
        return "/" + String.join("/", out);
    }

    @Override
    public String toString() {
        return scheme + "://" + hostHeader() + target;
    }
}
