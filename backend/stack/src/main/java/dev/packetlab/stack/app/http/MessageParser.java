package dev.packetlab.stack.app.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;

/**
 * Reads HTTP/1.1 messages (RFC 9112) from a byte stream that arrives in pieces of any size, as TCP delivers it: a
 * request line split between two segments, a chunk size split in the middle, three pipelined requests in one
 * segment. {@link #feed} takes what arrived; complete messages queue up for {@link #poll}, in order. The first
 * violation of the syntax stops the parser for good, with the status a server answers it with ({@link #error}):
 * after it the framing of the stream is lost, so the connection must close (RFC 9112 6.3).
 *
 * <p>What it accepts, per RFC 9112: empty lines before a start line (2.2), LF alone as a line end (2.2), header fields
 * with optional white space around the value (5.1), message bodies framed by Content-Length, by the chunked transfer
 * coding with extensions and trailer fields (7.1), or (responses only) by the end of the connection (6.3).
 */
public abstract sealed class MessageParser<M> permits RequestParser, ResponseParser {
    /** The longest start line or field line (nginx's large_client_header_buffers, Apache's LimitRequestLine). */
    public static final int MAX_LINE = 8_192;
    /** The most field lines one message may have (Apache's LimitRequestFields). */
    public static final int MAX_FIELDS = 100;
    /** The largest body a message may have here: a simulation holds bodies in memory. */
    public static final long MAX_BODY = 64L << 20;

    /** Why a stream cannot be read further: the status a server answers with, and a reason for people. */
    public record ParseError(int status, String reason) {}

    private enum State { START_LINE, FIELDS, BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_DATA_END, TRAILERS, UNTIL_CLOSE, FAILED }

    private byte[] buf = new byte[1024];
    private int start;
    private int end;
    private State state = State.START_LINE;
    private final ArrayDeque<M> complete = new ArrayDeque<>();
    private ParseError error;

    /** The message being read: its start line's words and its fields. */
    protected String[] startLine;
    protected HttpHeaders headers;
    private int fieldCount;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private long remaining;
    private long bodyExpected = -1;

    /** Takes bytes as they arrived and reads as far as they go. Bytes after an error are ignored. */
    public final void feed(byte[] data) {
        feed(data, 0, data.length);
    }

    public final void feed(byte[] data, int offset, int length) {
        if (state == State.FAILED || length == 0) return;
        if (end + length > buf.length) {
            if (end - start + length <= buf.length) {
                System.arraycopy(buf, start, buf, 0, end - start);
            } else {
                byte[] bigger = new byte[Math.max(buf.length * 2, end - start + length)];
                System.arraycopy(buf, start, bigger, 0, end - start);
                buf = bigger;
            }
            end -= start;
            start = 0;
        }
        System.arraycopy(data, offset, buf, end, length);
        end += length;
        parse();
    }

    /** The next complete message, in the order they arrived, or null. */
    public final M poll() {
        return complete.poll();
    }

    /** The violation that stopped the parser, or null while all is well. */
    public final ParseError error() {
        return error;
    }

    /** Whether a message has begun (some of its bytes arrived) and is not complete. */
    public final boolean inMessage() {
        return state != State.START_LINE && state != State.FAILED || state == State.START_LINE && hasContent();
    }

    /** The head (start line and fields) of the message being read, once it is complete; null before. */
    public final HttpHeaders currentHeaders() {
        return state == State.START_LINE || state == State.FIELDS ? null : headers;
    }

    /** The body bytes of the message being read received so far. */
    public final long bodyReceived() {
        return body.size();
    }

    /** The body length the message being read announced with Content-Length, or -1. */
    public final long bodyExpected() {
        return bodyExpected;
    }

    /** Bytes not yet consumed (the start of a message still incomplete). */
    public final int buffered() {
        return end - start;
    }

    private boolean hasContent() {
        for (int i = start; i < end; i++) if (buf[i] != '\r' && buf[i] != '\n') return true;
        return false;
    }

    /** Reads as much as the buffered bytes allow. */
    private void parse() {
        while (state != State.FAILED) {
            boolean progressed = switch (state) {
                case START_LINE -> startLine();
                case FIELDS -> fieldLine(false);
                case BODY -> bodyBytes();
                case CHUNK_SIZE -> chunkSize();
                case CHUNK_DATA -> chunkData();
                case CHUNK_DATA_END -> chunkDataEnd();
                case TRAILERS -> fieldLine(true);
                case UNTIL_CLOSE -> untilClose();
                case FAILED -> false;
            };
            if (!progressed) return;
        }
    }

    /**
     * The next line, without its CRLF or LF, as ISO-8859-1 (RFC 9112 2.2: octets, not characters); null when no whole
     * line has arrived. A line longer than {@link #MAX_LINE} or holding a bare CR fails the parser.
     */
    private String line(int limitStatus) {
        for (int i = start; i < end; i++) {
            if (buf[i] != '\n') continue;
            int lineEnd = i > start && buf[i - 1] == '\r' ? i - 1 : i;
            if (lineEnd - start > MAX_LINE) {
                fail(limitStatus, "line longer than " + MAX_LINE + " bytes");
                return null;
            }
            for (int j = start; j < lineEnd; j++) {
                if (buf[j] == '\r') {
                    fail(400, "bare CR in a line");
                    return null;
                }
            }
            String s = new String(buf, start, lineEnd - start, StandardCharsets.ISO_8859_1);
            start = i + 1;
            return s;
        }
        if (end - start > MAX_LINE + 1) fail(limitStatus, "line longer than " + MAX_LINE + " bytes");
        return null;
    }

    private boolean startLine() {
        // RFC 9112 2.2: empty lines before a request line are ignored (robustness after a body sent with extra CRLF)
        while (start < end && (buf[start] == '\n' || buf[start] == '\r' && start + 1 < end && buf[start + 1] == '\n')) {
            start += buf[start] == '\r' ? 2 : 1;
        }
        String line = line(startLineTooLongStatus());
        if (line == null) return false;
        String problem = readStartLine(line);
        if (problem != null) return false;
        headers = new HttpHeaders();
        fieldCount = 0;
        body.reset();
        bodyExpected = -1;
        state = State.FIELDS;
        return true;
    }

    private boolean fieldLine(boolean trailer) {
        String line = line(431);
        if (line == null) return false;
        if (line.isEmpty()) {
            if (trailer) finish();
            else endOfHead();
            return true;
        }
        if (++fieldCount > MAX_FIELDS) {
            fail(431, "more than " + MAX_FIELDS + " header fields");
            return false;
        }
        char first = line.charAt(0);
        if (first == ' ' || first == '\t') {
            // obs-fold (RFC 9112 5.2): a server rejects it; a user agent joins the line to the one before
            if (!unfoldsObsoleteLineFolding() || trailer || headers.isEmpty()) {
                fail(400, "obsolete line folding");
                return false;
            }
            List<HttpHeaders.Field> fields = headers.fields();
            HttpHeaders.Field last = fields.get(fields.size() - 1);
            HttpHeaders unfolded = new HttpHeaders();
            for (int i = 0; i < fields.size() - 1; i++) unfolded.add(fields.get(i).name(), fields.get(i).value());
            unfolded.add(last.name(), (last.value() + " " + line.strip()).strip());
            headers = unfolded;
            return true;
        }
        int colon = line.indexOf(':');
        if (colon <= 0) {
            fail(400, "a header field without a name and colon: \"" + shorten(line) + "\"");
            return false;
        }
        String name = line.substring(0, colon);
        if (!isToken(name)) {
            // RFC 9112 5.1: no white space between the name and the colon
            fail(400, "invalid header field name \"" + shorten(name) + "\"");
            return false;
        }
        String value = line.substring(colon + 1).strip();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0 || c == 0x7f || c < 0x20 && c != '\t') {
                fail(400, "a control character in the value of " + name);
                return false;
            }
        }
        if (!trailer) headers.add(name, value);
        return true;
    }

    /** The head is complete: decide how the body is framed (RFC 9112 6.3). */
    private void endOfHead() {
        String problem = checkHead();
        if (problem != null) return;
        Framing f = framing();
        if (f == null) return;
        switch (f.kind()) {
            case NONE -> finish();
            case LENGTH -> {
                remaining = f.length();
                bodyExpected = f.length();
                if (remaining == 0) finish();
                else state = State.BODY;
            }
            case CHUNKED -> state = State.CHUNK_SIZE;
            case UNTIL_CLOSE -> state = State.UNTIL_CLOSE;
        }
    }

    private boolean bodyBytes() {
        if (start == end) return false;
        int n = (int) Math.min(remaining, end - start);
        body.write(buf, start, n);
        start += n;
        remaining -= n;
        if (remaining == 0) finish();
        return true;
    }

    /** {@code chunk-size [ chunk-ext ] CRLF} (RFC 9112 7.1, 7.1.1). */
    private boolean chunkSize() {
        String line = line(400);
        if (line == null) return false;
        int semicolon = line.indexOf(';');
        String hex = (semicolon < 0 ? line : line.substring(0, semicolon)).stripTrailing();
        if (hex.isEmpty() || hex.length() > 15 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            fail(400, "invalid chunk size \"" + shorten(line) + "\"");
            return false;
        }
        long size = Long.parseLong(hex, 16);
        if (body.size() + size > MAX_BODY) {
            fail(413, "a body larger than " + MAX_BODY + " bytes");
            return false;
        }
        if (size == 0) {
            state = State.TRAILERS;
        } else {
            remaining = size;
            state = State.CHUNK_DATA;
        }
        return true;
    }

    private boolean chunkData() {
        if (start == end) return false;
        int n = (int) Math.min(remaining, end - start);
        body.write(buf, start, n);
        start += n;
        remaining -= n;
        if (remaining == 0) state = State.CHUNK_DATA_END;
        return true;
    }

    /** The CRLF after a chunk's data. */
    private boolean chunkDataEnd() {
        String line = line(400);
        if (line == null) return false;
        if (!line.isEmpty()) {
            fail(400, "chunk data longer than its size");
            return false;
        }
        state = State.CHUNK_SIZE;
        return true;
    }

    private boolean untilClose() {
        if (start == end) return false;
        body.write(buf, start, end - start);
        start = end;
        return true;
    }

    /**
     * The stream ended (the peer closed): a body framed by the close is complete. Returns false when a message was cut
     * short, which is an incomplete message (RFC 9112 8); a close between messages is normal.
     */
    public final boolean endOfStream() {
        if (state == State.UNTIL_CLOSE) {
            finish();
            return true;
        }
        if (state == State.FAILED) return true;
        return !inMessage();
    }

    private void finish() {
        M message = build(headers, body.toByteArray());
        if (message != null) complete.add(message); // an interim 1xx response is read and dropped
        body.reset();
        bodyExpected = -1;
        state = State.START_LINE;
    }

    /** Stops the parser: nothing more is read. */
    protected final void fail(int status, String reason) {
        if (state == State.FAILED) return;
        state = State.FAILED;
        error = new ParseError(status, reason);
    }

    // ---- what requests and responses do differently ------------------------------------------------------

    /** The status for a start line longer than the limit. */
    abstract int startLineTooLongStatus();

    /** Reads the start line into {@link #startLine}; returns null, or a problem after calling {@link #fail}. */
    abstract String readStartLine(String line);

    /** Whether obs-fold is joined (a user agent) or rejected (a server). */
    abstract boolean unfoldsObsoleteLineFolding();

    /** Checks the complete head; returns null, or a problem after calling {@link #fail}. */
    abstract String checkHead();

    enum FramingKind { NONE, LENGTH, CHUNKED, UNTIL_CLOSE }

    record Framing(FramingKind kind, long length) {
        static final Framing NONE = new Framing(FramingKind.NONE, 0);
        static final Framing CHUNKED = new Framing(FramingKind.CHUNKED, 0);
        static final Framing UNTIL_CLOSE = new Framing(FramingKind.UNTIL_CLOSE, 0);
    }

    /** How the body of the message whose head was just read is framed, or null after calling {@link #fail}. */
    abstract Framing framing();

    /** The message from its head and body, or null for one that is dropped. */
    abstract M build(HttpHeaders headers, byte[] body);

    // ---- shared rules -----------------------------------------------------------------------------------

    /**
     * The framing that Transfer-Encoding and Content-Length give (RFC 9112 6.1, 6.3), or null after failing; {@code
     * withoutEither} when neither is present. A request whose transfer coding does not end in chunked cannot be
     * framed (400); a response's is read until the close.
     */
    final Framing lengthFraming(boolean request, Framing withoutEither) {
        List<String> codings = headers.tokens("Transfer-Encoding");
        boolean hasLength = headers.has("Content-Length");
        if (!codings.isEmpty() || headers.has("Transfer-Encoding")) {
            if (request && startLine[2].equals("HTTP/1.0")) {
                fail(400, "Transfer-Encoding in an HTTP/1.0 request");
                return null;
            }
            if (hasLength && request) {
                // RFC 9112 6.3 (3): both together may be a request smuggling attempt; a server may reject it
                fail(400, "both Transfer-Encoding and Content-Length");
                return null;
            }
            int chunked = 0;
            for (String c : codings) if (c.equals("chunked")) chunked++;
            boolean last = !codings.isEmpty() && codings.get(codings.size() - 1).equals("chunked");
            if (chunked > 1 || chunked == 1 && !last) {
                fail(400, "chunked applied more than once or not last");
                return null;
            }
            if (request) {
                for (String c : codings) {
                    if (!c.equals("chunked")) {
                        fail(501, "unsupported transfer coding \"" + c + "\"");
                        return null;
                    }
                }
                if (!last) {
                    fail(400, "a transfer coding that is not chunked");
                    return null;
                }
            }
            return last ? Framing.CHUNKED : Framing.UNTIL_CLOSE;
        }
        if (hasLength) {
            long length = -1;
            for (String v : headers.all("Content-Length")) {
                for (String part : v.split(",", -1)) {
                    String s = part.strip();
                    if (s.isEmpty() || s.length() > 18 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
                        fail(400, "invalid Content-Length \"" + shorten(v) + "\"");
                        return null;
                    }
                    long n = Long.parseLong(s);
                    if (length >= 0 && n != length) {
                        fail(400, "Content-Length values that differ");
                        return null;
                    }
                    length = n;
                }
            }
            if (length > MAX_BODY) {
                fail(413, "a body larger than " + MAX_BODY + " bytes");
                return null;
            }
            return new Framing(FramingKind.LENGTH, length);
        }
        return withoutEither;
    }

    /** Whether {@code s} is an RFC 9110 5.6.2 token. */
    static boolean isToken(String s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) return false;
        }
        return true;
    }

    /** Whether {@code s} is {@code HTTP/DIGIT.DIGIT} (RFC 9112 2.3). */
    static boolean isVersion(String s) {
        return s.length() == 8 && s.startsWith("HTTP/") && Character.isDigit(s.charAt(5)) && s.charAt(6) == '.'
                && Character.isDigit(s.charAt(7));
    }

    static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
