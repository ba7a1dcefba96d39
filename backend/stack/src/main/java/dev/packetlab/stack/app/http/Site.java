package dev.packetlab.stack.app.http;

import dev.packetlab.stack.sim.SimTime;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a web server serves: pages declared in the lab (or on the command line), and, unless turned off, a few
 * built-in handlers for teaching, in the spirit of httpbin:
 *
 * <ul>
 *   <li>{@code /echo}: any method; the body is the request as the server read it (request line, fields, body);
 *   <li>{@code /bytes/N}: N bytes of filler text with Content-Length;
 *   <li>{@code /chunked/N}: the same N bytes in the chunked transfer coding, 1024 bytes a chunk;
 *   <li>{@code /delay/MS}: a short answer after MS simulated milliseconds (requests pipelined behind it wait);
 *   <li>{@code /redirect?to=URL}: 302 Found to URL;
 *   <li>{@code /status/CODE}: a response with that status (200–599), e.g. 500.
 * </ul>
 *
 * <p>A declared page with the same path wins over a handler. Pages are answered with Last-Modified and an nginx-style
 * ETag, so conditional requests (If-None-Match, If-Modified-Since) get 304 (RFC 9110 13.1). Every page was last
 * modified when the lab started (simulated time 0).
 */
public final class Site {
    /** The largest body {@code /bytes/N} and {@code /chunked/N} make. */
    public static final long MAX_GENERATED = MessageParser.MAX_BODY;
    /** The longest {@code /delay/MS}, ten minutes. */
    public static final long MAX_DELAY_MS = 600_000;
    /** What the chunked handlers and pages put in one chunk unless told otherwise. */
    public static final int DEFAULT_CHUNK = 1024;
    /** The page a server without declared pages answers {@code /} with, Apache's classic. */
    public static final String DEFAULT_INDEX = "<html><body><h1>It works!</h1></body></html>\n";

    /** The methods RFC 9110 9 (and PATCH, RFC 5789) defines; any other gets 501 Not Implemented (RFC 9110 9.1). */
    private static final Set<String> KNOWN_METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH");

    /**
     * A page: its body and media type, whether it is sent chunked (and in chunks of how many bytes), or, for a
     * redirect, its status (301, 302, 303, 307, 308) and Location.
     */
    public record Page(Body body, String type, boolean chunked, int chunkSize, int status, String location) {
        public static Page of(String html) {
            return new Page(Body.of(html), "text/html", false, DEFAULT_CHUNK, 200, null);
        }

        public static Page redirect(int status, String location) {
            return new Page(Body.of(new byte[0]), "text/html", false, DEFAULT_CHUNK, status, location);
        }
    }

    /**
     * What to answer a request with, before the server adds Date, Server, framing and Connection: the status, the
     * fields about the content (Content-Type, Last-Modified, ETag, Location, Allow), the body, how to frame it, and how
     * long to wait before answering.
     */
    public record Reply(int status, HttpHeaders headers, Body body, boolean chunked, int chunkSize, long delay) {}

    private final Map<String, Page> pages;
    private final boolean builtins;

    /** {@code pages} by path; with no page for {@code /}, a lab with no pages at all serves {@link #DEFAULT_INDEX}. */
    public Site(Map<String, Page> pages, boolean builtins) {
        Map<String, Page> p = new LinkedHashMap<>(pages);
        if (p.isEmpty()) p.put("/", Page.of(DEFAULT_INDEX));
        this.pages = Collections.unmodifiableMap(p);
        this.builtins = builtins;
    }

    public Map<String, Page> pages() { return pages; }

    public boolean builtins() { return builtins; }

    /** The answer to {@code request}. */
    public Reply respond(HttpRequest request) {
        String method = request.method();
        if (!KNOWN_METHODS.contains(method)) return error(501);
        String path = path(request.target());
        if (path == null) return error(400);
        Page page = pages.get(path);
        if (page != null) return page(request, page);
        if (builtins) {
            Reply r = builtin(request, path);
            if (r != null) return r;
        }
        return error(404);
    }

    /** The path of an origin-form ({@code /a?b}) or absolute-form ({@code http://host/a?b}) target, or null. */
    static String path(String target) {
        String t = target;
        if (t.regionMatches(true, 0, "http://", 0, 7)) {
            int slash = t.indexOf('/', 7);
            t = slash < 0 ? "/" : t.substring(slash);
        }
        if (!t.startsWith("/")) return null;
        int q = t.indexOf('?');
        int hash = t.indexOf('#');
        int cut = q < 0 ? hash : hash < 0 ? q : Math.min(q, hash);
        return cut < 0 ? t : t.substring(0, cut);
    }

    private static boolean readsOnly(String method) {
        return method.equals("GET") || method.equals("HEAD");
    }

    private Reply page(HttpRequest request, Page page) {
        if (!readsOnly(request.method())) return notAllowed();
        if (page.location() != null) return redirect(page.status(), page.location());
        HttpHeaders h = new HttpHeaders().add("Content-Type", page.type());
        String lastModified = HttpDate.format(0);
        String etag = "\"" + Long.toHexString(0) + "-" + Long.toHexString(page.body().length()) + "\"";
        if (notModified(request, etag, 0)) {
            return new Reply(304, new HttpHeaders().add("Last-Modified", lastModified).add("ETag", etag),
                    Body.of(new byte[0]), false, 0, 0);
        }
        h.add("Last-Modified", lastModified).add("ETag", etag);
        return new Reply(page.status(), h, page.body(), page.chunked(), page.chunkSize(), 0);
    }

    /**
     * RFC 9110 13.2.2: If-None-Match decides when present (a weak comparison of entity tags, or {@code *}); otherwise
     * If-Modified-Since, when it is a valid date, asks for the page only if it changed after that date.
     */
    static boolean notModified(HttpRequest request, String etag, long lastModified) {
        List<String> tags = request.headers().all("If-None-Match");
        if (!tags.isEmpty()) {
            for (String v : tags) {
                for (String t : v.split(",")) {
                    String tag = t.strip();
                    if (tag.equals("*") || weak(tag).equals(weak(etag))) return true;
                }
            }
            return false;
        }
        String since = request.headers().get("If-Modified-Since");
        if (since == null) return false;
        long date = HttpDate.parse(since);
        return date >= 0 && lastModified <= date;
    }

    private static String weak(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    private Reply builtin(HttpRequest request, String path) {
        if (path.equals("/echo")) {
            byte[] head = (request.requestLine() + "\r\n" + request.headers() + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
            return new Reply(200, new HttpHeaders().add("Content-Type", "text/plain"),
                    Body.of(MessageWriter.join(head, request.body())), false, 0, 0);
        }
        String[] handlers = {"/bytes/", "/chunked/", "/delay/", "/status/"};
        String handler = null;
        for (String h : handlers) if (path.startsWith(h)) handler = h;
        if (handler == null && !path.equals("/redirect")) return null;
        if (!readsOnly(request.method())) return notAllowed();
        if (path.equals("/redirect")) {
            String to = queryParameter(request.query(), "to");
            if (to == null || to.isEmpty()) return error(400);
            return redirect(302, to);
        }
        long n = number(path.substring(handler.length()));
        switch (handler) {
            case "/bytes/", "/chunked/" -> {
                if (n < 0 || n > MAX_GENERATED) return error(n < 0 ? 404 : 400);
                return new Reply(200, new HttpHeaders().add("Content-Type", "text/plain"), Body.filler(n),
                        handler.equals("/chunked/"), DEFAULT_CHUNK, 0);
            }
            case "/delay/" -> {
                if (n < 0 || n > MAX_DELAY_MS) return error(n < 0 ? 404 : 400);
                return new Reply(200, new HttpHeaders().add("Content-Type", "text/plain"),
                        Body.of("waited " + n + " ms\n"), false, 0, n * SimTime.MILLISECOND);
            }
            default -> {
                if (n < 200 || n > 599) return error(n < 0 ? 404 : 400);
                Reply r = error((int) n);
                return new Reply(r.status(), r.headers(), r.body(), false, 0, 0);
            }
        }
    }

    /** A decimal number of at most 9 digits, or -1. */
    private static long number(String s) {
        if (s.isEmpty() || s.length() > 9 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) return -1;
        return Long.parseLong(s);
    }

    /** The value of {@code name} in a query ({@code a=1&to=%2Fx}), percent-decoded, or null. */
    static String queryParameter(String query, String name) {
        if (query == null) return null;
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (key.equals(name)) {
                try {
                    return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static Reply notAllowed() {
        Reply r = error(405);
        r.headers().add("Allow", "GET, HEAD");
        return r;
    }

    private static Reply redirect(int status, String location) {
        Reply r = error(status);
        r.headers().add("Location", location);
        return r;
    }

    /**
     * A response with a small HTML body naming its status, as nginx writes one ({@code <h1>404 Not Found</h1>}); 204
     * and 304 have no body (RFC 9110 15.3.5, 15.4.5).
     */
    public static Reply error(int status) {
        if (status == 204 || status == 304) return new Reply(status, new HttpHeaders(), Body.of(new byte[0]), false, 0, 0);
        String title = status + " " + HttpResponse.reasonPhrase(status);
        String html = "<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>" + title
                + "</h1></center>\r\n</body>\r\n</html>\r\n";
        return new Reply(status, new HttpHeaders().add("Content-Type", "text/html"), Body.of(html), false, 0, 0);
    }
}
