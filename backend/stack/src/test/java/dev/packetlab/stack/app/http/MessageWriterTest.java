package dev.packetlab.stack.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Writing messages as RFC 9112 frames them. */
class MessageWriterTest {

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    @Test
    void aRequestIsItsLineItsFieldsAnEmptyLineAndItsBody() {
        HttpRequest r = new HttpRequest("POST", "/echo", "HTTP/1.1",
                new HttpHeaders().add("Host", "a").add("Content-Length", "2"), "hi".getBytes(StandardCharsets.US_ASCII));

        assertThat(text(MessageWriter.bytes(r))).isEqualTo("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\n\r\nhi");
    }

    @Test
    void aChunkedResponseIsWrittenInChunksOfTheGivenSizeWithHexadecimalSizes() {
        HttpResponse r = new HttpResponse("HTTP/1.1", 200, "OK", new HttpHeaders().add("Transfer-Encoding", "chunked"),
                "0123456789abcdefghijklmnopqrstuvwxyz".getBytes(StandardCharsets.US_ASCII));

        assertThat(text(MessageWriter.bytes(r, false, 20))).isEqualTo("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "14\r\n0123456789abcdefghij\r\n10\r\nklmnopqrstuvwxyz\r\n0\r\n\r\n");
    }

    @Test
    void whatTheWriterChunksTheParserJoins() {
        byte[] body = Body.filler(5000).all();
        HttpResponse r = new HttpResponse("HTTP/1.1", 200, "OK", new HttpHeaders().add("Transfer-Encoding", "chunked"), body);
        ResponseParser parser = new ResponseParser();
        parser.expect("GET");

        parser.feed(MessageWriter.bytes(r, false, 1024));

        assertThat(parser.poll().body()).isEqualTo(body);
    }

    @Test
    void theAnswerToHeadIsTheHeadAlone() {
        HttpResponse r = new HttpResponse("HTTP/1.1", 200, "OK", new HttpHeaders().add("Content-Length", "3"),
                "abc".getBytes(StandardCharsets.US_ASCII));

        assertThat(text(MessageWriter.bytes(r, true, 0))).isEqualTo("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\n");
    }
}
