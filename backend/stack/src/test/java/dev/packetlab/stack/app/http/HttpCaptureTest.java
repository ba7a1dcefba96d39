package dev.packetlab.stack.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.stack.app.HostsFile;
import dev.packetlab.stack.net.Host;
import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.testing.TestNetwork;
import dev.packetlab.stack.testing.Tshark;
import dev.packetlab.stack.trace.Capture;
import dev.packetlab.stack.trace.PcapWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CONFORMANCE 28 and 29: Wireshark reads our HTTP exchanges as HTTP, chunked bodies included, with nothing malformed. */
class HttpCaptureTest {
    @TempDir
    Path dir;

    /** curl fetches a page, a chunked body and an image over one kept-alive connection; the capture is pc1's cable. */
    private Path capture() throws IOException {
        TestNetwork t = new TestNetwork();
        Host pc1 = t.host("pc1", "10.0.0.1/24", null);
        Host www = t.host("www", "10.0.0.80/24", null);
        t.connect(pc1, t.switchNamed("sw1"));
        t.connect(www, t.net.node("sw1"));
        HostsFile.installAll(t.net);
        new HttpServer(www, new Site(Map.of("/", Site.Page.of("<h1>Hello</h1>\n"),
                "/logo.png", new Site.Page(Body.png(2048), "image/png", false, 1024, 200, null)), true),
                HttpServer.Settings.port(80), null).start();
        Path file = dir.resolve("http.pcap");
        try (PcapWriter w = new PcapWriter(new BufferedOutputStream(Files.newOutputStream(file)),
                PcapWriter.Resolution.MICROSECONDS)) {
            Capture.node(t.net.trace(), w, "pc1");
            t.run(pc1, "curl -s http://www/ http://www/chunked/3000 http://www/logo.png -o /dev/null");
            t.sim.runUntil(t.sim.now() + SimTime.seconds(1));
        }
        t.close();
        return file;
    }

    @Test
    void aMadeUpPngIsAnImageTsharkRecognises() throws IOException {
        Path file = capture();

        assertThat(Tshark.read(file, "-Y", "png", "-T", "fields", "-e", "png.ihdr.width", "-e", "png.ihdr.height"))
                .containsExactly("1\t1");
    }

    @Test
    void tsharkDecodesEachRequestAndResponseAsHttpWithNothingMalformed() throws IOException {
        Path file = capture();

        List<String> problems = Tshark.read(file, "-Y",
                "_ws.malformed || _ws.expert.severity >= warning || tcp.checksum.status == \"Bad\"");
        assertThat(problems).isEmpty();
        List<String> http = Tshark.read(file, "-Y", "http", "-T", "fields",
                "-e", "http.request.method", "-e", "http.request.uri", "-e", "http.response.code",
                "-e", "http.content_length_header", "-e", "http.transfer_encoding");
        assertThat(http).containsExactly("GET\t/\t\t\t", "\t\t200\t15\t", "GET\t/chunked/3000\t\t\t",
                "\t\t200\t\tchunked", "GET\t/logo.png\t\t\t", "\t\t200\t2048\t");
    }
}
