package dev.packetlab.stack.app.http;

import java.util.ArrayDeque;

/**
 * Reads the responses a server sends on one connection, as a client must (RFC 9112 4, 6.3). How a response's body is
 * framed depends on the request it answers: a response to HEAD has none, whatever its Content-Length says, so the
 * client tells the parser the method of each request it sends, in order ({@link #expect}). Interim 1xx responses are
 * read and dropped; 204 and 304 have no body; a body without Content-Length or chunked coding lasts until the server
 * closes ({@link #endOfStream}).
 */
public final class ResponseParser extends MessageParser<HttpResponse> {
    private final ArrayDeque<String> methods = new ArrayDeque<>();
    private int status;

    /** The next request sent on the connection used {@code method}. */
    public void expect(String method) {
        methods.add(method);
    }

    @Override
    int startLineTooLongStatus() { return 400; }

    /** {@code HTTP-version SP status-code SP [ reason-phrase ]} (RFC 9112 4); a missing space before the reason is tolerated. */
    @Override
    String readStartLine(String line) {
        String[] words = line.split(" ", 3);
        if (words.length < 2 || !isVersion(words[0]) || words[1].length() != 3
                || !words[1].chars().allMatch(Character::isDigit)) {
            fail(400, "invalid status line \"" + shorten(line) + "\"");
            return "";
        }
        status = Integer.parseInt(words[1]);
        startLine = new String[] {words[0], words[1], words.length == 3 ? words[2] : ""};
        return null;
    }

    @Override
    boolean unfoldsObsoleteLineFolding() { return true; }

    @Override
    String checkHead() { return null; }

    @Override
    Framing framing() {
        if (status >= 100 && status < 200) return Framing.NONE;
        String method = methods.peek();
        if ("HEAD".equals(method) || status == 204 || status == 304) return Framing.NONE;
        return lengthFraming(false, Framing.UNTIL_CLOSE);
    }

    /** The status line and fields of the response being read, once its head is complete; null before. */
    public HttpResponse currentHead() {
        HttpHeaders h = currentHeaders();
        return h == null ? null : new HttpResponse(startLine[0], status, startLine[2], h, null);
    }

    /** The status code of the response being read (valid once its status line has arrived). */
    public int status() { return status; }

    @Override
    HttpResponse build(HttpHeaders headers, byte[] body) {
        if (status >= 100 && status < 200) return null;
        methods.poll();
        return new HttpResponse(startLine[0], status, startLine[2], headers, body);
    }
}
