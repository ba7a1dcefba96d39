package dev.packetlab.stack.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading requests from a byte stream as TCP delivers it (RFC 9112 2-7). */
class RequestParserTest {
    private final RequestParser parser = new RequestParser();

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private List<HttpRequest> all() {
        List<HttpRequest> out = new ArrayList<>();
        HttpRequest r;
        while ((r = parser.poll()) != null) out.add(r);
        return out;
    }

    @Test
    void aGetRequestGivesItsMethodTargetVersionAndFieldsInOrder() {
        parser.feed(bytes("GET /index.html?x=1 HTTP/1.1\r\nHost: www.example.lab\r\nUser-Agent: curl/8.5.0\r\n"
                + "Accept: */*\r\n\r\n"));

        HttpRequest r = parser.poll();
        assertThat(r.requestLine()).isEqualTo("GET /index.html?x=1 HTTP/1.1");
        assertThat(r.path()).isEqualTo("/index.html");
        assertThat(r.query()).isEqualTo("x=1");
        assertThat(r.headers().fields()).extracting(HttpHeaders.Field::name)
                .containsExactly("Host", "User-Agent", "Accept");
        assertThat(r.headers().get("user-agent")).isEqualTo("curl/8.5.0");
        assertThat(r.body()).isEmpty();
        assertThat(parser.poll()).isNull();
    }

    @Test
    void aRequestFedOneByteAtATimeIsReadTheSame() {
        byte[] all = bytes("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello");
        for (int i = 0; i < all.length; i++) {
            assertThat(parser.poll()).isNull();
            parser.feed(all, i, 1);
        }

        HttpRequest r = parser.poll();
        assertThat(r.method()).isEqualTo("POST");
        assertThat(new String(r.body(), StandardCharsets.US_ASCII)).isEqualTo("hello");
    }

    @Test
    void aChunkedBodyIsJoinedAndTrailerFieldsAndExtensionsAreRead() {
        parser.feed(bytes("POST /up HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;name=value\r\nhello\r\n7\r\n, world\r\n0\r\nExpires: never\r\n\r\n"));

        HttpRequest r = parser.poll();
        assertThat(new String(r.body(), StandardCharsets.US_ASCII)).isEqualTo("hello, world");
        assertThat(parser.error()).isNull();
    }

    @Test
    void aChunkedBodySplitInsideItsChunkSizeAndItsCrlfArrivesWhole() {
        parser.feed(bytes("POST /up HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n1"));
        parser.feed(bytes("0\r"));
        parser.feed(bytes("\n0123456789abcdef"));
        assertThat(parser.poll()).isNull();
        parser.feed(bytes("\r\n0\r\n\r"));
        assertThat(parser.poll()).isNull();
        parser.feed(bytes("\n"));

        assertThat(new String(parser.poll().body(), StandardCharsets.US_ASCII)).isEqualTo("0123456789abcdef");
    }

    @Test
    void pipelinedRequestsInOneSegmentComeOutInOrder() {
        parser.feed(bytes("GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\n\r\nHEAD /c HTTP/1.1\r\nHost: x\r\n\r\n"));

        assertThat(all()).extracting(HttpRequest::requestLine)
                .containsExactly("GET /a HTTP/1.1", "GET /b HTTP/1.1", "HEAD /c HTTP/1.1");
    }

    @Test
    void aPipelinedRequestSplitAcrossSegmentsFollowsTheOneBeforeIt() {
        parser.feed(bytes("GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HT"));
        assertThat(all()).extracting(HttpRequest::target).containsExactly("/a");
        assertThat(parser.inMessage()).isTrue();

        parser.feed(bytes("TP/1.1\r\nHost: x\r\n\r\n"));
        assertThat(all()).extracting(HttpRequest::target).containsExactly("/b");
        assertThat(parser.inMessage()).isFalse();
    }

    @Test
    void emptyLinesBeforeARequestLineAndBareLineFeedsAreAccepted() {
        parser.feed(bytes("\r\n\nGET / HTTP/1.1\nHost: x\n\n"));

        assertThat(parser.poll().requestLine()).isEqualTo("GET / HTTP/1.1");
    }

    @Test
    void anHttp11RequestWithoutHostIs400() {
        parser.feed(bytes("GET / HTTP/1.1\r\nAccept: */*\r\n\r\n"));

        assertThat(parser.poll()).isNull();
        assertThat(parser.error()).isEqualTo(new MessageParser.ParseError(400, "an HTTP/1.1 request without Host"));
    }

    @Test
    void anHttp10RequestNeedsNoHost() {
        parser.feed(bytes("GET / HTTP/1.0\r\n\r\n"));

        HttpRequest r = parser.poll();
        assertThat(r.version()).isEqualTo("HTTP/1.0");
        assertThat(r.keepAlive()).isFalse();
    }

    @Test
    void twoHostFieldsAre400() {
        parser.feed(bytes("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"));

        assertThat(parser.error().status()).isEqualTo(400);
        assertThat(parser.error().reason()).isEqualTo("more than one Host field");
    }

    @Test
    void aRequestLineThatIsNotThreeWordsIs400() {
        parser.feed(bytes("GET /index.html\r\n\r\n"));

        assertThat(parser.error()).isEqualTo(new MessageParser.ParseError(400,
                "a request line that is not METHOD TARGET VERSION: \"GET /index.html\""));
    }

    @Test
    void whiteSpaceBeforeTheColonOfAFieldIs400() {
        parser.feed(bytes("GET / HTTP/1.1\r\nHost : a\r\n\r\n"));

        assertThat(parser.error()).isEqualTo(new MessageParser.ParseError(400, "invalid header field name \"Host \""));
    }

    @Test
    void obsoleteLineFoldingInARequestIs400() {
        parser.feed(bytes("GET / HTTP/1.1\r\nHost: a\r\nX-Long: one\r\n two\r\n\r\n"));

        assertThat(parser.error()).isEqualTo(new MessageParser.ParseError(400, "obsolete line folding"));
    }

    @Test
    void aBadContentLengthIs400() {
        parser.feed(bytes("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 12abc\r\n\r\n"));

        assertThat(parser.error()).isEqualTo(new MessageParser.ParseError(400, "invalid Content-Length \"12abc\""));
    }

    @Test
    void contentLengthTogetherWithTransferEncodingIs400() {
        parser.feed(bytes("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n"));

        assertThat(parser.error()).isEqualTo(new MessageParser.ParseError(400, "both Transfer-Encoding and Content-Length"));
    }

    @Test
    void aTransferCodingOtherThanChunkedIs501() {
        parser.feed(bytes("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked\r\n\r\n"));

        assertThat(parser.error()).isEqualTo(new MessageParser.ParseError(501, "unsupported transfer coding \"gzip\""));
    }

    @Test
    void anInvalidChunkSizeIs400() {
        parser.feed(bytes("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"));

        assertThat(parser.error()).isEqualTo(new MessageParser.ParseError(400, "invalid chunk size \"zz\""));
    }

    @Test
    void chunkDataLongerThanItsSizeIs400() {
        parser.feed(bytes("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n0\r\n\r\n"));

        assertThat(parser.error()).isEqualTo(new MessageParser.ParseError(400, "chunk data longer than its size"));
    }

    @Test
    void http2IsNotSupported() {
        parser.feed(bytes("GET / HTTP/2.0\r\nHost: a\r\n\r\n"));

        assertThat(parser.error()).isEqualTo(new MessageParser.ParseError(505, "HTTP major version 2 is not supported"));
    }

    @Test
    void aRequestLineLongerThan8KiBIs414() {
        parser.feed(bytes("GET /" + "a".repeat(MessageParser.MAX_LINE) + " HTTP/1.1\r\n"));

        assertThat(parser.error().status()).isEqualTo(414);
    }

    @Test
    void requestsBeforeAMalformedOneAreStillDeliveredAndNothingAfterIt() {
        parser.feed(bytes("GET /a HTTP/1.1\r\nHost: x\r\n\r\nBAD REQUEST\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\n\r\n"));

        assertThat(all()).extracting(HttpRequest::target).containsExactly("/a");
        assertThat(parser.error().status()).isEqualTo(400);
    }

    @Test
    void aBareCarriageReturnInAFieldIs400() {
        parser.feed(bytes("GET / HTTP/1.1\r\nHost: a\rb\r\n\r\n"));

        assertThat(parser.error()).isEqualTo(new MessageParser.ParseError(400, "bare CR in a line"));
    }

    @Test
    void connectionCloseAndHttp10KeepAliveDecidePersistence() {
        parser.feed(bytes("GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n"
                + "GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n"));

        assertThat(all()).extracting(HttpRequest::keepAlive).containsExactly(false, true, true);
    }
}
