package dev.packetlab.stack.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Reading responses as a client must frame them (RFC 9112 6.3). */
class ResponseParserTest {
    private final ResponseParser parser = new ResponseParser();

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    @Test
    void aContentLengthBodyEndsAfterThatManyBytes() {
        parser.expect("GET");
        parser.feed(bytes("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhelloHTTP"));

        HttpResponse r = parser.poll();
        assertThat(r.statusLine()).isEqualTo("HTTP/1.1 200 OK");
        assertThat(text(r.body())).isEqualTo("hello");
        assertThat(parser.buffered()).isEqualTo(4);
    }

    @Test
    void theResponseToHeadHasNoBodyWhateverItsContentLengthSays() {
        parser.expect("HEAD");
        parser.expect("GET");
        parser.feed(bytes("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello"));

        assertThat(parser.poll().body()).isEmpty();
        assertThat(text(parser.poll().body())).isEqualTo("hello");
    }

    @Test
    void notModifiedAndNoContentHaveNoBody() {
        parser.expect("GET");
        parser.expect("GET");
        parser.feed(bytes("HTTP/1.1 304 Not Modified\r\nContent-Length: 9\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n"));

        assertThat(parser.poll().status()).isEqualTo(304);
        assertThat(parser.poll().status()).isEqualTo(204);
    }

    @Test
    void aChunkedBodySplitAcrossSegmentsIsJoined() {
        parser.expect("GET");
        parser.feed(bytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nWi"));
        assertThat(parser.currentHead().status()).isEqualTo(200);
        assertThat(parser.bodyReceived()).isEqualTo(2);
        parser.feed(bytes("ki\r\n5\r\npedia\r\n0\r\n\r\n"));

        assertThat(text(parser.poll().body())).isEqualTo("Wikipedia");
    }

    @Test
    void aBodyWithoutLengthLastsUntilTheServerCloses() {
        parser.expect("GET");
        parser.feed(bytes("HTTP/1.0 200 OK\r\n\r\nall of "));
        parser.feed(bytes("this"));
        assertThat(parser.poll()).isNull();

        assertThat(parser.endOfStream()).isTrue();
        assertThat(text(parser.poll().body())).isEqualTo("all of this");
    }

    @Test
    void aCloseInTheMiddleOfALengthBodyIsAnIncompleteMessage() {
        parser.expect("GET");
        parser.feed(bytes("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc"));

        assertThat(parser.endOfStream()).isFalse();
        assertThat(parser.bodyExpected()).isEqualTo(10);
        assertThat(parser.bodyReceived()).isEqualTo(3);
    }

    @Test
    void anInterimContinueIsDroppedBeforeTheFinalResponse() {
        parser.expect("POST");
        parser.feed(bytes("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n"));

        assertThat(parser.poll().status()).isEqualTo(201);
        assertThat(parser.poll()).isNull();
    }

    @Test
    void foldedFieldLinesAreJoinedWithASpace() {
        parser.expect("GET");
        parser.feed(bytes("HTTP/1.1 200 OK\r\nX-Note: one\r\n\ttwo\r\nContent-Length: 0\r\n\r\n"));

        assertThat(parser.poll().headers().get("X-Note")).isEqualTo("one two");
    }

    @Test
    void aStatusLineThatIsNotHttpIsAnError() {
        parser.expect("GET");
        parser.feed(bytes("SSH-2.0-OpenSSH_9.6\r\n"));

        assertThat(parser.error()).isEqualTo(new MessageParser.ParseError(400, "invalid status line \"SSH-2.0-OpenSSH_9.6\""));
    }
}
