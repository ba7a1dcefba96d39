package dev.packetlab.stack.app.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes messages as HTTP/1.1 puts them on the wire (RFC 9112): the start line, each field line, an empty line, and
 * the body, with CRLF line ends. A body is written as it is, or in the chunked transfer coding (7.1) when the message
 * says {@code Transfer-Encoding: chunked}.
 */
public final class MessageWriter {
    /** The last chunk and the empty trailer section that end a chunked body. */
    static final byte[] LAST_CHUNK = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private MessageWriter() {}

    /** The head of a request: request line, fields, empty line. */
    public static byte[] head(HttpRequest r) {
        return (r.requestLine() + "\r\n" + r.headers() + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The head of a response: status line, fields, empty line. */
    public static byte[] head(HttpResponse r) {
        return (r.statusLine() + "\r\n" + r.headers() + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A whole request: its head and its body, chunked when its fields say so. */
    public static byte[] bytes(HttpRequest r) {
        return join(head(r), r.headers().hasToken("Transfer-Encoding", "chunked") ? chunked(r.body(), 0) : r.body());
    }

    /**
     * A whole response: its head and, unless it answers HEAD, its body, chunked when its fields say so (in chunks of
     * at most {@code chunkSize} bytes; 0 for a single chunk).
     */
    public static byte[] bytes(HttpResponse r, boolean answersHead, int chunkSize) {
        if (answersHead) return head(r);
        return join(head(r), r.headers().hasToken("Transfer-Encoding", "chunked") ? chunked(r.body(), chunkSize) : r.body());
    }

    /** {@code body} as chunks of at most {@code chunkSize} bytes (0: one chunk), the last chunk included. */
    public static byte[] chunked(byte[] body, int chunkSize) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 32);
        int size = chunkSize <= 0 ? Math.max(body.length, 1) : chunkSize;
        for (int off = 0; off < body.length; off += size) {
            out.writeBytes(chunk(body, off, Math.min(size, body.length - off)));
        }
        out.writeBytes(LAST_CHUNK);
        return out.toByteArray();
    }

    /** One chunk: its size in hexadecimal, CRLF, the data, CRLF (RFC 9112 7.1). */
    public static byte[] chunk(byte[] data, int offset, int length) {
        byte[] size = (Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[size.length + length + 2];
        System.arraycopy(size, 0, out, 0, size.length);
        System.arraycopy(data, offset, out, size.length, length);
        out[out.length - 2] = '\r';
        out[out.length - 1] = '\n';
        return out;
    }

    static byte[] join(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
