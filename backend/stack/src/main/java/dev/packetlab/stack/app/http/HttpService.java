package dev.packetlab.stack.app.http;

import dev.packetlab.stack.app.Service;
import dev.packetlab.stack.net.Host;
import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.trace.TraceEvent;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The {@code http} lab service: a web server started with the lab (docs/lab-format.md and docs/http.md describe its
 * parameters).
 *
 * <pre>
 * services:
 *   - http:
 *       port: 80                      # default 80
 *       keepalive: 5s                 # idle persistent connections close after this; 0s: after every response
 *       builtins: true                # /echo, /bytes/N, /chunked/N, /delay/MS, /redirect?to=URL, /status/CODE
 *       log: false                    # true: the access log appears on the node's terminal
 *       pages:
 *         "/": "&lt;html&gt;…&lt;/html&gt;"         # a text body; the type comes from the path (here text/html)
 *         "/logo.png": {size: 2048, type: image/png}
 *         "/big.txt": {size: 100000, chunked: true, chunk: 4096}
 *         "/about": {body: "…", type: text/html}
 *         "/old": {redirect: /, status: 301}
 * </pre>
 */
public final class HttpService implements Service {
    private static final Set<String> KEYS = Set.of("port", "keepalive", "builtins", "log", "pages");
    private static final Set<String> PAGE_KEYS = Set.of("body", "size", "type", "chunked", "chunk", "redirect", "status");
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    @Override
    public String name() { return "http"; }

    @Override
    public Running start(Host host, Map<String, Object> parameters) {
        for (String key : parameters.keySet()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException(key + ": unknown parameter (known: builtins, keepalive, log, pages, port)");
            }
        }
        int port = (int) wholeNumber(parameters.get("port"), "port", 80, 1, 65_535);
        long keepAlive = duration(parameters.get("keepalive"), "keepalive", HttpServer.Settings.DEFAULT_KEEP_ALIVE);
        boolean builtins = bool(parameters.get("builtins"), "builtins", true);
        boolean log = bool(parameters.get("log"), "log", false);
        Map<String, Site.Page> pages = pages(parameters.get("pages"));
        Consumer<String> accessLog = !log ? null : line -> host.network().trace().emit(
                new TraceEvent.TerminalOutput(host.network().simulation().now(), host.name(), line + "\n"));
        HttpServer server = new HttpServer(host, new Site(pages, builtins),
                new HttpServer.Settings(port, keepAlive, HttpServer.Settings.DEFAULT_LINGER), accessLog);
        String problem = server.start();
        if (problem != null) throw new IllegalArgumentException("port: " + port + ": " + problem);
        return server::stop;
    }

    private static Map<String, Site.Page> pages(Object value) {
        Map<String, Site.Page> pages = new LinkedHashMap<>();
        if (value == null) return pages;
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("pages: expected a map of path to page, e.g. {\"/\": \"<h1>Hello</h1>\"}");
        }
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String path = String.valueOf(e.getKey());
            String at = "pages[\"" + path + "\"]";
            if (!path.startsWith("/") || !path.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
                throw new IllegalArgumentException(at + ": a path starts with / and has no spaces, e.g. /index.html");
            }
            pages.put(path, page(path, at, e.getValue()));
        }
        return pages;
    }

    private static Site.Page page(String path, String at, Object value) {
        if (value instanceof String text) {
            return new Site.Page(Body.of(text), typeOf(path), false, Site.DEFAULT_CHUNK, 200, null);
        }
        if (!(value instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(at + ": expected the page's text, or a map such as {size: 2048, type: image/png}");
        }
        for (Object key : m.keySet()) {
            if (!PAGE_KEYS.contains(String.valueOf(key))) {
                throw new IllegalArgumentException(at + "." + key
                        + ": unknown key (known: body, chunk, chunked, redirect, size, status, type)");
            }
        }
        int given = (m.containsKey("body") ? 1 : 0) + (m.containsKey("size") ? 1 : 0) + (m.containsKey("redirect") ? 1 : 0);
        if (given != 1) {
            throw new IllegalArgumentException(at + ": give exactly one of body (the text), size (filler bytes) or redirect (a URL)");
        }
        if (m.containsKey("redirect")) {
            if (!(m.get("redirect") instanceof String to) || to.isBlank()) {
                throw new IllegalArgumentException(at + ".redirect: expected a URL or path, e.g. /new or http://www.example.lab/");
            }
            int status = (int) wholeNumber(m.get("status"), at + ".status", 301, 301, 308);
            if (!REDIRECTS.contains(status)) {
                throw new IllegalArgumentException(at + ".status: " + status + " is not a redirect (301, 302, 303, 307 or 308)");
            }
            return Site.Page.redirect(status, to);
        }
        if (m.containsKey("status")) throw new IllegalArgumentException(at + ".status: only a redirect takes a status");
        String type = m.get("type") == null ? typeOf(path) : text(m.get("type"), at + ".type");
        boolean chunked = bool(m.get("chunked"), at + ".chunked", false);
        int chunk = (int) wholeNumber(m.get("chunk"), at + ".chunk", Site.DEFAULT_CHUNK, 1, 65_536);
        Body body = m.containsKey("body") ? Body.of(text(m.get("body"), at + ".body"))
                : madeUp(type, wholeNumber(m.get("size"), at + ".size", 0, 0, Site.MAX_GENERATED), at);
        return new Site.Page(body, type, chunked, chunk, 200, null);
    }

    /**
     * A body of {@code size} bytes made up for {@code type}: filler text for text and octet streams, a real PNG for
     * image/png. Other types are refused: Wireshark hands a body to the dissector of its media type, which would find
     * filler in a GIF or JSON malformed, and every capture PacketLab exports must open clean.
     */
    private static Body madeUp(String type, long size, String at) {
        String t = type.toLowerCase(Locale.ROOT);
        if (t.equals("image/png")) {
            if (size < Body.Png.MIN_SIZE) {
                throw new IllegalArgumentException(at + ".size: a PNG image needs at least " + Body.Png.MIN_SIZE + " bytes");
            }
            return Body.png(size);
        }
        if (t.startsWith("text/") || t.equals("application/octet-stream")) return Body.filler(size);
        throw new IllegalArgumentException(at + ".size: bytes can be made up for text/*, application/octet-stream and"
                + " image/png (a real image), not " + type + "; give body: instead");
    }

    /** The media type a path's extension suggests, as a server's mime.types maps it; a directory is HTML. */
    static String typeOf(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        if (dot < 0) return "text/html";
        return switch (name.substring(dot + 1)) {
            case "html", "htm" -> "text/html";
            case "css" -> "text/css";
            case "js" -> "text/javascript";
            case "txt" -> "text/plain";
            case "json" -> "application/json";
            case "png" -> "image/png";
            case "jpg", "jpeg" -> "image/jpeg";
            case "gif" -> "image/gif";
            case "svg" -> "image/svg+xml";
            case "ico" -> "image/x-icon";
            default -> "application/octet-stream";
        };
    }

    private static long wholeNumber(Object v, String at, long fallback, long min, long max) {
        if (v == null) return fallback;
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            throw new IllegalArgumentException(at + ": expected a whole number from " + min + " to " + max + ", got "
                    + describe(v));
        }
        long x = n.longValue();
        if (x < min || x > max) throw new IllegalArgumentException(at + ": " + x + " is outside " + min + ".." + max);
        return x;
    }

    private static boolean bool(Object v, String at, boolean fallback) {
        if (v == null) return fallback;
        if (!(v instanceof Boolean b)) throw new IllegalArgumentException(at + ": expected true or false, got " + describe(v));
        return b;
    }

    private static String text(Object v, String at) {
        if (!(v instanceof String s)) throw new IllegalArgumentException(at + ": expected text, got " + describe(v));
        return s;
    }

    /** A duration with its unit ({@code 5s}, {@code 500ms}, {@code 0s}), at most an hour. */
    private static long duration(Object v, String at, long fallback) {
        if (v == null) return fallback;
        String s = v instanceof String t ? t.strip() : null;
        if (s == null || s.isEmpty() || !Character.isLetter(s.charAt(s.length() - 1))) {
            throw new IllegalArgumentException(at + ": expected a duration with its unit, such as 5s or 500ms, got "
                    + describe(v));
        }
        long d;
        try {
            d = SimTime.parseDuration(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(at + ": " + e.getMessage());
        }
        if (d > SimTime.seconds(3600)) throw new IllegalArgumentException(at + ": " + s + " is longer than 3600s");
        return d;
    }

    private static String describe(Object v) {
        return v instanceof String s ? "the text \"" + s + "\"" : String.valueOf(v);
    }
}
