package dev.packetlab.stack.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.stack.net.Host;
import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.socket.Errno;
import dev.packetlab.stack.socket.ReceiveHandler;
import dev.packetlab.stack.socket.SocketAddress;
import dev.packetlab.stack.socket.SocketTable;
import dev.packetlab.stack.testing.Segments;
import dev.packetlab.stack.testing.TestNetwork;
import dev.packetlab.stack.wire.Ipv4Address;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The server as a client on the wire meets it: exact responses to requests written byte for byte through the socket
 * API, persistence, pipelining, closing (CONFORMANCE 28).
 */
class HttpServerTest {
    private final TestNetwork t = new TestNetwork();
    private final Host pc1 = t.host("pc1", "10.0.0.1/24", null);
    private final Host www = t.host("www", "10.0.0.80/24", null);
    private final List<String> log = new ArrayList<>();
    private final HttpServer server;

    HttpServerTest() {
        t.connect(pc1, t.switchNamed("sw1"));
        t.connect(www, t.net.node("sw1"));
        server = new HttpServer(www, new Site(Map.of(
                "/", Site.Page.of("<h1>Hello</h1>\n"),
                "/big.txt", new Site.Page(Body.filler(40), "text/plain", true, 16, 200, null),
                "/old", Site.Page.redirect(301, "/")), true),
                HttpServer.Settings.port(80), log::add);
        assertThat(server.start()).isNull();
    }

    @AfterEach
    void checksums() {
        t.close();
    }

    private void advance(long millis) {
        t.sim.runUntil(t.sim.now() + SimTime.millis(millis));
    }

    /** A client written directly against the socket API: what it sends is exactly what the test wrote. */
    private final class RawClient implements ReceiveHandler {
        final SocketTable table = SocketTable.of(pc1);
        final int fd = table.socket(SocketTable.Type.STREAM).value();
        final StringBuilder received = new StringBuilder();
        long endOfStreamAt = -1;

        RawClient() {
            table.connect(fd, new SocketAddress(Ipv4Address.parse("10.0.0.80"), 80), r -> { });
            advance(10);
            table.receive(fd, 65_536, 0, this);
        }

        RawClient send(String text) {
            table.write(fd, text.getBytes(StandardCharsets.ISO_8859_1), r -> { });
            return this;
        }

        @Override
        public void received(byte[] data, SocketAddress from) {
            if (data.length == 0) {
                endOfStreamAt = t.sim.now();
                return;
            }
            received.append(new String(data, StandardCharsets.ISO_8859_1));
            table.receive(fd, 65_536, 0, this);
        }

        @Override
        public void failed(Errno error) {
            received.append("[").append(error).append("]");
        }

        String text() {
            return received.toString();
        }
    }

    @Test
    void aGetOfAPageIsAnsweredWithItsLengthTypeValidatorsAndKeepAlive() {
        RawClient c = new RawClient().send("GET / HTTP/1.1\r\nHost: www\r\n\r\n");
        advance(10);

        assertThat(c.text()).isEqualTo("""
                HTTP/1.1 200 OK\r
                Server: packetlab-httpd/1.0\r
                Date: Thu, 01 Jan 1970 00:00:00 GMT\r
                Content-Type: text/html\r
                Content-Length: 15\r
                Last-Modified: Thu, 01 Jan 1970 00:00:00 GMT\r
                ETag: "0-f"\r
                Connection: keep-alive\r
                \r
                <h1>Hello</h1>
                """);
        assertThat(c.endOfStreamAt).isEqualTo(-1);
    }

    @Test
    void anUnknownPathIs404() {
        RawClient c = new RawClient().send("GET /nothing HTTP/1.1\r\nHost: www\r\n\r\n");
        advance(10);

        assertThat(c.text()).startsWith("HTTP/1.1 404 Not Found\r\n")
                .endsWith("\r\n\r\n<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n"
                        + "<center><h1>404 Not Found</h1></center>\r\n</body>\r\n</html>\r\n");
    }

    @Test
    void aPostToAStaticPageIs405WithTheMethodsItAllows() {
        RawClient c = new RawClient().send("POST / HTTP/1.1\r\nHost: www\r\nContent-Length: 3\r\n\r\nabc");
        advance(10);

        assertThat(c.text()).startsWith("HTTP/1.1 405 Method Not Allowed\r\n").contains("\r\nAllow: GET, HEAD\r\n");
    }

    @Test
    void anUnknownMethodIs501() {
        RawClient c = new RawClient().send("BREW / HTTP/1.1\r\nHost: www\r\n\r\n");
        advance(10);

        assertThat(c.text()).startsWith("HTTP/1.1 501 Not Implemented\r\n");
    }

    @Test
    void aMalformedRequestIs400ThenTheServerClosesThatConnectionOnly() {
        RawClient good = new RawClient();
        RawClient bad = new RawClient().send("GET / HTTP/1.1\r\nHost : www\r\n\r\n");
        advance(10);

        assertThat(bad.text()).startsWith("HTTP/1.1 400 Bad Request\r\n").contains("\r\nConnection: close\r\n");
        assertThat(bad.endOfStreamAt).isPositive();
        good.send("GET / HTTP/1.1\r\nHost: www\r\n\r\n");
        advance(10);
        assertThat(good.text()).startsWith("HTTP/1.1 200 OK\r\n");
        assertThat(log.get(0)).isEqualTo("10.0.0.1 - - [01/Jan/1970:00:00:00 +0000] \"-\" 400 122 \"-\" \"-\"");
    }

    @Test
    void requestsBeforeAMalformedOneAreAnsweredFirst() {
        RawClient c = new RawClient().send("GET /old HTTP/1.1\r\nHost: www\r\n\r\nNONSENSE\r\n\r\n");
        advance(10);

        assertThat(c.text()).startsWith("HTTP/1.1 301 Moved Permanently\r\n");
        assertThat(c.text().indexOf("HTTP/1.1 400 Bad Request\r\n")).isPositive();
    }

    @Test
    void connectionCloseIsAnsweredWithCloseAndTheServerSendsTheFirstFin() {
        RawClient c = new RawClient().send("GET / HTTP/1.1\r\nHost: www\r\nConnection: close\r\n\r\n");
        advance(10);

        assertThat(c.text()).contains("\r\nConnection: close\r\n");
        assertThat(c.endOfStreamAt).isPositive();
        List<Segments.Sent> fromServer = Segments.sentBy(t, "www");
        assertThat(fromServer).extracting(Segments.Sent::flags).containsExactly("S.", "P.", "F.");
        assertThat(Segments.sentBy(t, "pc1").stream().filter(s -> s.flags().contains("F"))).isEmpty();
    }

    @Test
    void anIdlePersistentConnectionIsClosedAfterFiveSecondsOfSilence() {
        RawClient c = new RawClient().send("GET / HTTP/1.1\r\nHost: www\r\n\r\n");
        advance(10);
        long answered = Segments.sentBy(t, "www").get(1).time(); // the response, with the ACK of the request

        advance(6000);

        Segments.Sent fin = Segments.sentBy(t, "www").stream().filter(s -> s.flags().contains("F")).findFirst().orElseThrow();
        assertThat(fin.time() - answered).isEqualTo(SimTime.seconds(5));
        assertThat(c.endOfStreamAt).isPositive();
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderEvenWhenTheFirstTakesLonger() {
        RawClient c = new RawClient().send("GET /delay/100 HTTP/1.1\r\nHost: www\r\n\r\nGET /status/500 HTTP/1.1\r\n"
                + "Host: www\r\n\r\nHEAD / HTTP/1.1\r\nHost: www\r\n\r\n");
        advance(50);
        assertThat(c.text()).isEmpty();

        advance(100);

        String text = c.text();
        int first = text.indexOf("HTTP/1.1 200 OK\r\n");
        int second = text.indexOf("HTTP/1.1 500 Internal Server Error\r\n");
        int third = text.indexOf("HTTP/1.1 200 OK\r\n", first + 1);
        assertThat(first).isZero();
        assertThat(second).isGreaterThan(first);
        assertThat(third).isGreaterThan(second);
        assertThat(text.substring(third)).endsWith("Connection: keep-alive\r\n\r\n");
    }

    @Test
    void headGetsTheFieldsOfGetAndNoBody() {
        RawClient c = new RawClient().send("HEAD / HTTP/1.1\r\nHost: www\r\n\r\n");
        advance(10);

        assertThat(c.text()).contains("Content-Length: 15\r\n").endsWith("Connection: keep-alive\r\n\r\n");
    }

    @Test
    void theSameEtagInIfNoneMatchGets304WithoutABody() {
        RawClient c = new RawClient().send("GET / HTTP/1.1\r\nHost: www\r\nIf-None-Match: \"0-f\"\r\n\r\n");
        advance(10);

        assertThat(c.text()).isEqualTo("""
                HTTP/1.1 304 Not Modified\r
                Server: packetlab-httpd/1.0\r
                Date: Thu, 01 Jan 1970 00:00:00 GMT\r
                Last-Modified: Thu, 01 Jan 1970 00:00:00 GMT\r
                ETag: "0-f"\r
                Connection: keep-alive\r
                \r
                """);
    }

    @Test
    void ifModifiedSinceTheLabStartedGets304() {
        RawClient c = new RawClient().send("GET / HTTP/1.1\r\nHost: www\r\n"
                + "If-Modified-Since: Thu, 01 Jan 1970 00:00:00 GMT\r\n\r\n");
        advance(10);

        assertThat(c.text()).startsWith("HTTP/1.1 304 Not Modified\r\n");
    }

    @Test
    void aPageMarkedChunkedIsSentInChunksOfItsSize() {
        RawClient c = new RawClient().send("GET /big.txt HTTP/1.1\r\nHost: www\r\n\r\n");
        advance(10);

        String text = c.text();
        assertThat(text).contains("\r\nTransfer-Encoding: chunked\r\n").doesNotContain("Content-Length");
        assertThat(text.substring(text.indexOf("\r\n\r\n") + 4)).isEqualTo(
                "10\r\nabcdefghijklmnop\r\n10\r\nqrstuvwxyz012345\r\n8\r\n6789ABCD\r\n0\r\n\r\n");
    }

    @Test
    void anHttp10ClientGetsTheLengthInsteadOfChunksAndTheConnectionCloses() {
        RawClient c = new RawClient().send("GET /big.txt HTTP/1.0\r\n\r\n");
        advance(10);

        assertThat(c.text()).contains("\r\nContent-Length: 40\r\n", "\r\nConnection: close\r\n");
        assertThat(c.endOfStreamAt).isPositive();
    }

    @Test
    void echoAnswersWithTheRequestAsTheServerReadIt() {
        RawClient c = new RawClient().send("POST /echo HTTP/1.1\r\nHost: www\r\nContent-Length: 2\r\n\r\nhi");
        advance(10);

        assertThat(c.text()).endsWith("\r\n\r\nPOST /echo HTTP/1.1\r\nHost: www\r\nContent-Length: 2\r\n\r\nhi");
    }

    @Test
    void bytesNSendsNBytesOfFiller() {
        RawClient c = new RawClient().send("GET /bytes/3000 HTTP/1.1\r\nHost: www\r\n\r\n");
        advance(10);

        String text = c.text();
        assertThat(text).contains("\r\nContent-Length: 3000\r\n");
        assertThat(text.length() - text.indexOf("\r\n\r\n") - 4).isEqualTo(3000);
    }

    @Test
    void redirectSendsFoundWithTheDecodedLocation() {
        RawClient c = new RawClient().send("GET /redirect?to=http%3A%2F%2Fwww%2Fa HTTP/1.1\r\nHost: www\r\n\r\n");
        advance(10);

        assertThat(c.text()).startsWith("HTTP/1.1 302 Found\r\n").contains("\r\nLocation: http://www/a\r\n");
    }

    @Test
    void theAccessLogHasOneCombinedFormatLinePerRequest() {
        new RawClient().send("GET / HTTP/1.1\r\nHost: www\r\nUser-Agent: test\r\nReferer: http://x/\r\n\r\n");
        advance(10);

        assertThat(log).containsExactly(
                "10.0.0.1 - - [01/Jan/1970:00:00:00 +0000] \"GET / HTTP/1.1\" 200 15 \"http://x/\" \"test\"");
    }

    @Test
    void stoppingTheServerClosesItsListenerSoNewConnectionsAreRefused() {
        server.stop();
        SocketTable table = SocketTable.of(pc1);
        int fd = table.socket(SocketTable.Type.STREAM).value();
        Errno[] result = {null};
        table.connect(fd, new SocketAddress(Ipv4Address.parse("10.0.0.80"), 80), r -> result[0] = r.error());
        advance(10);

        assertThat(result[0]).isEqualTo(Errno.ECONNREFUSED);
    }
}
