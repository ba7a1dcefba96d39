package dev.packetlab.stack.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.stack.app.http.HttpServer;
import dev.packetlab.stack.app.http.Site;
import dev.packetlab.stack.net.Host;
import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.testing.Segments;
import dev.packetlab.stack.testing.TestNetwork;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** curl: what it prints, what it sends, and its errors, as curl 8.5 (CONFORMANCE 28). */
class CurlTest {
    private final TestNetwork t = new TestNetwork();
    private final Host pc1 = t.host("pc1", "10.0.0.1/24", null);
    private final Host www = t.host("www", "10.0.0.80/24", null);

    CurlTest() {
        t.connect(pc1, t.switchNamed("sw1"));
        t.connect(www, t.net.node("sw1"));
        HostsFile.installAll(t.net);
        new HttpServer(www, new Site(Map.of("/", Site.Page.of("<h1>Hello</h1>\n"),
                "/old", Site.Page.redirect(301, "/")), true), HttpServer.Settings.port(80), null).start();
    }

    @AfterEach
    void checksums() {
        t.close();
    }

    @Test
    void withoutOptionsCurlPrintsTheBody() {
        assertThat(t.run(pc1, "curl http://www/")).isEqualTo("<h1>Hello</h1>\n");
        assertThat(t.lastExitCode).isZero();
    }

    @Test
    void verboseShowsTheConnectionTheRequestAndTheResponseAsCurlDoes() {
        assertThat(t.run(pc1, "curl -v http://www/")).isEqualTo("""
                *   Trying 10.0.0.80:80...
                * Connected to www (10.0.0.80) port 80
                > GET / HTTP/1.1
                > Host: www
                > User-Agent: curl/8.5.0
                > Accept: */*
                >\s
                < HTTP/1.1 200 OK
                < Server: packetlab-httpd/1.0
                < Date: Thu, 01 Jan 1970 00:00:00 GMT
                < Content-Type: text/html
                < Content-Length: 15
                < Last-Modified: Thu, 01 Jan 1970 00:00:00 GMT
                < ETag: "0-f"
                < Connection: keep-alive
                <\s
                <h1>Hello</h1>
                * Connection #0 to host www left intact
                """);
    }

    @Test
    void twoUrlsReuseOneConnectionSoTheClientSendsOneSyn() {
        String out = t.run(pc1, "curl -v http://www/ http://www/bytes/10");

        assertThat(out).containsOnlyOnce("*   Trying 10.0.0.80:80...")
                .contains("* Connection #0 to host www left intact\n* Re-using existing connection with host www\n"
                        + "> GET /bytes/10 HTTP/1.1\n");
        assertThat(Segments.sentBy(t, "pc1").stream().filter(s -> s.flags().contains("S"))).hasSize(1);
    }

    @Test
    void http10AsksForOneRequestPerConnectionAndTheServerCloses() {
        String out = t.run(pc1, "curl -v -0 http://www/ http://www/");

        assertThat(out).contains("> GET / HTTP/1.0\n", "< Connection: close\n", "* Closing connection\n")
                .doesNotContain("Re-using");
        assertThat(Segments.sentBy(t, "pc1").stream().filter(s -> s.flags().contains("S"))).hasSize(2);
    }

    @Test
    void headPrintsOnlyTheResponseHead() {
        assertThat(t.run(pc1, "curl -I http://www/")).isEqualTo("""
                HTTP/1.1 200 OK
                Server: packetlab-httpd/1.0
                Date: Thu, 01 Jan 1970 00:00:00 GMT
                Content-Type: text/html
                Content-Length: 15
                Last-Modified: Thu, 01 Jan 1970 00:00:00 GMT
                ETag: "0-f"
                Connection: keep-alive

                """);
    }

    @Test
    void outputToAFileDiscardsTheBodyAndShowsCurlsProgressMeter() {
        assertThat(t.run(pc1, "curl -o big.bin http://www/bytes/200000")).isEqualTo("""
                  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current
                                                 Dload  Upload   Total   Spent    Left  Speed
                100  195k  100  195k    0     0  5300k      0 --:--:-- --:--:-- --:--:-- 5300k
                """);
    }

    @Test
    void dataIsPostedAsAFormAndHeaderOptionsReplaceAddAndRemoveFields() {
        String out = t.run(pc1, "curl -d a=1 -d b=2 -H 'Accept: text/plain' -H 'X-Lab: yes' -H 'User-Agent:' http://www/echo");

        assertThat(out).isEqualTo("POST /echo HTTP/1.1\r\nHost: www\r\nAccept: text/plain\r\nContent-Length: 7\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nX-Lab: yes\r\n\r\na=1&b=2");
    }

    @Test
    void requestSetsTheMethodAndAStaticPageRefusesIt() {
        assertThat(t.run(pc1, "curl -i -X DELETE http://www/")).startsWith("HTTP/1.1 405 Method Not Allowed\n")
                .contains("\nAllow: GET, HEAD\n");
        assertThat(t.lastExitCode).isZero();
    }

    @Test
    void locationFollowsARedirectOverTheSameConnection() {
        String out = t.run(pc1, "curl -v -L http://www/old");

        assertThat(out).contains("< HTTP/1.1 301 Moved Permanently\n", "< Location: /\n",
                "* Issue another request to this URL: 'http://www/'\n* Re-using existing connection with host www\n")
                .endsWith("<h1>Hello</h1>\n* Connection #0 to host www left intact\n");
    }

    @Test
    void withoutLocationARedirectIsPrintedAsItIs() {
        assertThat(t.run(pc1, "curl http://www/old")).contains("<center><h1>301 Moved Permanently</h1></center>");
    }

    @Test
    void failTurnsAnHttpErrorIntoExit22WithoutTheBody() {
        assertThat(t.run(pc1, "curl -f http://www/missing"))
                .isEqualTo("curl: (22) The requested URL returned error: 404\n");
        assertThat(t.lastExitCode).isEqualTo(22);
    }

    @Test
    void anUnknownHostIsError6() {
        assertThat(t.run(pc1, "curl http://nowhere/")).isEqualTo("curl: (6) Could not resolve host: nowhere\n");
        assertThat(t.lastExitCode).isEqualTo(6);
    }

    /** ARP request and reply, then SYN and RST, each crossing two 1 ms cables: 8 ms. */
    @Test
    void aPortNobodyListensOnIsError7AfterTheTimeItTook() {
        assertThat(t.run(pc1, "curl -v http://www:8080/")).isEqualTo("""
                *   Trying 10.0.0.80:8080...
                * connect to 10.0.0.80 port 8080 failed: Connection refused
                * Failed to connect to www port 8080 after 8 ms: Couldn't connect to server
                * Closing connection
                curl: (7) Failed to connect to www port 8080 after 8 ms: Couldn't connect to server
                """);
        assertThat(t.lastExitCode).isEqualTo(7);
    }

    @Test
    void maxTimeWhileConnectingIsError28() {
        assertThat(t.run(pc1, "curl -m 1 http://10.0.0.9/"))
                .isEqualTo("curl: (28) Connection timed out after 1000 milliseconds\n");
        assertThat(t.lastExitCode).isEqualTo(28);
    }

    @Test
    void maxTimeWhileWaitingForTheResponseSaysWhatArrived() {
        assertThat(t.run(pc1, "curl -m 0.5 http://www/delay/2000"))
                .isEqualTo("curl: (28) Operation timed out after 500 milliseconds with 0 bytes received\n");
    }

    @Test
    void httpsIsAnUnsupportedProtocol() {
        assertThat(t.run(pc1, "curl https://www/")).isEqualTo("curl: (1) Protocol \"https\" not supported\n");
        assertThat(t.lastExitCode).isEqualTo(1);
    }

    @Test
    void silentHidesErrorsUnlessShowErrorIsGiven() {
        assertThat(t.run(pc1, "curl -s http://nowhere/")).isEmpty();
        assertThat(t.run(pc1, "curl -sS http://nowhere/")).isEqualTo("curl: (6) Could not resolve host: nowhere\n");
    }

    @Test
    void withoutAUrlCurlSaysSoAndExits2() {
        assertThat(t.run(pc1, "curl -v")).isEqualTo("""
                curl: no URL specified!
                curl: try 'curl --help' or 'curl --manual' for more information
                """);
        assertThat(t.lastExitCode).isEqualTo(2);
    }

    @Test
    void anUnknownOptionIsNamed() {
        assertThat(t.run(pc1, "curl --frobnicate http://www/")).isEqualTo("""
                curl: option --frobnicate: is unknown
                curl: try 'curl --help' or 'curl --manual' for more information
                """);
    }

    @Test
    void curlClosesItsConnectionWhenItExitsSoTheClientSendsTheFirstFin() {
        t.run(pc1, "curl http://www/");
        t.sim.runUntil(t.sim.now() + SimTime.millis(100));

        // the ACK of the response rides on the FIN, as curl closes as soon as the response is complete
        assertThat(Segments.sentBy(t, "pc1")).extracting(Segments.Sent::flags).containsExactly("S", ".", "P.", "F.", ".");
        assertThat(Segments.sentBy(t, "www")).extracting(Segments.Sent::flags).containsExactly("S.", "P.", "F.");
    }
}
