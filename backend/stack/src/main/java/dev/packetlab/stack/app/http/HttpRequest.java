package dev.packetlab.stack.app.http;

/**
 * One request (RFC 9112 3): the request line, the header fields and the body, the body already freed of any
 * transfer coding. {@code target} is the request-target as written, normally the origin form {@code /path?query}.
 */
public record HttpRequest(String method, String target, String version, HttpHeaders headers, byte[] body) {
    public HttpRequest {
        if (body == null) body = new byte[0];
    }

    /**
     * Whether the connection stays open after this exchange (RFC 9112 9.3): HTTP/1.1 keeps it unless the request
     * says {@code Connection: close}; HTTP/1.0 closes it unless the request asks {@code Connection: keep-alive}.
     */
    public boolean keepAlive() {
        if (headers.hasToken("Connection", "close")) return false;
        return version.equals("HTTP/1.1") || headers.hasToken("Connection", "keep-alive");
    }

    /** The path of the target, without its query. */
    public String path() {
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q);
    }

    /** The query of the target (after {@code ?}), or null. */
    public String query() {
        int q = target.indexOf('?');
        return q < 0 ? null : target.substring(q + 1);
    }

    /** The request line as sent, without CRLF: {@code GET / HTTP/1.1}. */
    public String requestLine() {
        return method + " " + target + " " + version;
    }
}
