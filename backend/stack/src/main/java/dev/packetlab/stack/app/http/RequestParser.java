package dev.packetlab.stack.app.http;

/**
 * Reads the requests a client sends on one connection (RFC 9112 3), pipelined ones included, as a server must. A
 * violation gives the status to answer with: 400 for bad syntax, a missing or repeated Host in HTTP/1.1 (3.2) or a body
 * whose length cannot be known; 414 for a request line beyond the limit; 431 for too many or too long fields; 413 for
 * a body beyond {@link #MAX_BODY}; 501 for a transfer coding other than chunked; 505 for an HTTP major version other
 * than 1.
 */
public final class RequestParser extends MessageParser<HttpRequest> {

    @Override
    int startLineTooLongStatus() { return 414; }

    /** {@code method SP request-target SP HTTP-version} (RFC 9112 3), single spaces as the grammar says. */
    @Override
    String readStartLine(String line) {
        String[] words = line.split(" ", -1);
        if (words.length != 3) {
            fail(400, "a request line that is not METHOD TARGET VERSION: \"" + shorten(line) + "\"");
            return "";
        }
        if (!isToken(words[0])) {
            fail(400, "invalid method \"" + shorten(words[0]) + "\"");
            return "";
        }
        String target = words[1];
        if (target.isEmpty() || !target.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            fail(400, "invalid request target \"" + shorten(target) + "\"");
            return "";
        }
        if (!isVersion(words[2])) {
            fail(400, "invalid HTTP version \"" + shorten(words[2]) + "\"");
            return "";
        }
        if (words[2].charAt(5) != '1') {
            fail(505, "HTTP major version " + words[2].charAt(5) + " is not supported");
            return "";
        }
        // RFC 9110 6.2: a later 1.x minor version is answered as the highest this server speaks, 1.1
        if (words[2].charAt(7) > '1') words[2] = "HTTP/1.1";
        startLine = words;
        return null;
    }

    @Override
    boolean unfoldsObsoleteLineFolding() { return false; }

    /** RFC 9112 3.2: an HTTP/1.1 request needs exactly one Host field. */
    @Override
    String checkHead() {
        int hosts = headers.all("Host").size();
        if (hosts == 0 && startLine[2].equals("HTTP/1.1")) {
            fail(400, "an HTTP/1.1 request without Host");
            return "";
        }
        if (hosts > 1) {
            fail(400, "more than one Host field");
            return "";
        }
        return null;
    }

    /** Without Transfer-Encoding or Content-Length a request has no body (RFC 9112 6.3 (6)). */
    @Override
    Framing framing() {
        return lengthFraming(true, Framing.NONE);
    }

    @Override
    HttpRequest build(HttpHeaders headers, byte[] body) {
        return new HttpRequest(startLine[0], startLine[1], startLine[2], headers, body);
    }
}
