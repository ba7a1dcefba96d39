package dev.packetlab.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.stack.testing.Tshark;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** labs/url-to-page.yaml run headless: a URL typed on pc1 becomes a DNS query, a TCP connection and an HTTP exchange. */
class UrlToPageLabTest {
    private static final String LAB = "../../labs/url-to-page.yaml";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int execute(String stdin, String... args) {
        return PacketLabCli.execute(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() { return out.toString(StandardCharsets.UTF_8); }

    @Test
    void curlVerboseOnPc1PrintsTheExchangeAndThePage() {
        int code = execute("pc1: curl -v http://www.example.lab/\n", "run", LAB, "--script", "-");

        assertThat(code).isZero();
        assertThat(stdout()).isEqualTo("""
                pc1: $ curl -v http://www.example.lab/
                pc1: *   Trying 10.0.2.80:80...
                pc1: * Connected to www.example.lab (10.0.2.80) port 80
                pc1: > GET / HTTP/1.1
                pc1: > Host: www.example.lab
                pc1: > User-Agent: curl/8.5.0
                pc1: > Accept: */*
                pc1: >\s
                www: 10.0.1.10 - - [01/Jan/1970:00:00:00 +0000] "GET / HTTP/1.1" 200 247 "-" "curl/8.5.0"
                pc1: < HTTP/1.1 200 OK
                pc1: < Server: packetlab-httpd/1.0
                pc1: < Date: Thu, 01 Jan 1970 00:00:00 GMT
                pc1: < Content-Type: text/html
                pc1: < Content-Length: 247
                pc1: < Last-Modified: Thu, 01 Jan 1970 00:00:00 GMT
                pc1: < ETag: "0-f7"
                pc1: < Connection: keep-alive
                pc1: <\s
                pc1: <html>
                pc1: <head><title>Example Lab</title><link rel="stylesheet" href="/style.css"></head>
                pc1: <body>
                pc1: <h1>Hello from www.example.lab</h1>
                pc1: <img src="/logo.png" alt="logo"> <img src="/photo.png" alt="photo">
                pc1: <script src="/app.js"></script>
                pc1: </body>
                pc1: </html>
                pc1: * Connection #0 to host www.example.lab left intact
                """);
    }

    /**
     * What each frame at pc1 is, in a few words: ARP, the DNS query and answer with their UDP port, and TCP segments by
     * direction ({@code ->} pc1 to www, {@code <-} back) with their flags, or the HTTP request method or response status.
     */
    private static List<String> frames(Path pcap) {
        return Tshark.read(pcap, "-T", "fields", "-E", "separator=|", "-e", "arp.opcode", "-e", "dns.flags.response",
                "-e", "udp.srcport", "-e", "udp.dstport", "-e", "tcp.dstport", "-e", "tcp.flags.syn", "-e", "tcp.flags.ack",
                "-e", "tcp.flags.fin", "-e", "http.request.method", "-e", "http.response.code").stream().map(line -> {
                    String[] f = line.split("\\|", -1);
                    if (!f[0].isEmpty()) return f[0].equals("1") ? "ARP request" : "ARP reply";
                    if (!f[1].isEmpty()) return f[1].equals("0") ? "DNS query to UDP " + f[3] : "DNS answer from UDP " + f[2];
                    String way = f[4].equals("80") ? "-> " : "<- ";
                    if (!f[8].isEmpty()) return way + "HTTP " + f[8];
                    if (!f[9].isEmpty()) return way + "HTTP " + f[9];
                    String flags = (f[5].equals("1") ? "SYN " : "") + (f[7].equals("1") ? "FIN " : "") + (f[6].equals("1") ? "ACK" : "");
                    return way + flags.strip();
                }).toList();
    }

    @Test
    void theCaptureShowsArpDnsTheHandshakeTheHttpExchangeAndTheFinsInOrder() {
        Path pcap = dir.resolve("url-to-page.pcap");
        int code = execute("pc1: curl -s http://www.example.lab/\nwait 1s\n", "run", LAB, "--script", "-",
                "--pcap", pcap.toString(), "--pcap-node", "pc1");

        assertThat(code).isZero();
        assertThat(frames(pcap)).containsExactly("ARP request", "ARP reply", "DNS query to UDP 53", "DNS answer from UDP 53",
                "-> SYN", "<- SYN ACK", "-> ACK", "-> HTTP GET", "<- HTTP 200", "-> FIN ACK", "<- FIN ACK", "-> ACK");
    }

    @Test
    void tsharkDecodesTheDnsAndHttpOfTheLabWithNothingMalformed() {
        Path pcap = dir.resolve("url-to-page.pcap");
        execute("pc1: curl -s http://www.example.lab/\npc1: browse http://www.example.lab/\nwait 1s\n", "run", LAB,
                "--script", "-", "--pcap", pcap.toString(), "--pcap-node", "pc1");

        assertThat(Tshark.read(pcap, "-Y", "_ws.malformed || _ws.expert.severity >= warning || tcp.checksum.status == \"Bad\""
                + " || udp.checksum.status == \"Bad\"")).isEmpty();
        assertThat(Tshark.read(pcap, "-Y", "dns.flags.response == 1", "-T", "fields", "-e", "dns.qry.name", "-e", "dns.a"))
                .containsExactly("www.example.lab\t10.0.2.80");
        assertThat(Tshark.read(pcap, "-Y", "http.request", "-T", "fields", "-e", "http.request.uri"))
                .containsExactly("/", "/", "/style.css", "/logo.png", "/photo.png", "/app.js");
    }
}
