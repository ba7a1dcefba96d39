package dev.packetlab.stack.app.http;

/**
 * One response (RFC 9112 4): the status line, the header fields and the body, the body already freed of any
 * transfer coding. A response to HEAD has an empty body whatever its Content-Length says.
 */
public record HttpResponse(String version, int status, String reason, HttpHeaders headers, byte[] body) {
    public HttpResponse {
        if (body == null) body = new byte[0];
    }

    /** The status line as sent, without CRLF: {@code HTTP/1.1 200 OK}. */
    public String statusLine() {
        return version + " " + status + (reason.isEmpty() ? " " : " " + reason);
    }

    /**
     * Whether the server keeps the connection open after this response (RFC 9112 9.3): an HTTP/1.1 response keeps it
     * unless it says {@code Connection: close}, an HTTP/1.0 one only with {@code Connection: keep-alive}.
     */
    public boolean keepAlive() {
        if (headers.hasToken("Connection", "close")) return false;
        return version.equals("HTTP/1.1") || headers.hasToken("Connection", "keep-alive");
    }

    /** The reason phrase RFC 9110 15 gives {@code status}, or "" for one it does not name. */
    public static String reasonPhrase(int status) {
        return switch (status) {
            case 100 -> "Continue";
            case 200 -> "OK";
            case 201 -> "Created";
            case 204 -> "No Content";
            case 206 -> "Partial Content";
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 303 -> "See Other";
            case 304 -> "Not Modified";
            case 307 -> "Temporary Redirect";
            case 308 -> "Permanent Redirect";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 408 -> "Request Timeout";
            case 411 -> "Length Required";
            case 413 -> "Content Too Large";
            case 414 -> "URI Too Long";
            case 418 -> "I'm a teapot";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            case 505 -> "HTTP Version Not Supported";
            default -> "";
        };
    }
}
