package dev.packetlab.stack.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.stack.testing.Tshark;
import dev.packetlab.stack.trace.Capture;
import dev.packetlab.stack.trace.PcapWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CONFORMANCE 29 for DNS: what pc1 sees while dig walks the delegation chain, while a truncated answer is fetched
 * again over TCP, and while host and a missing name are looked up, reads in tshark as DNS, with nothing malformed.
 */
class DnsTsharkTest {
    @TempDir
    Path dir;

    private Path capture() throws IOException {
        DnsFixture f = new DnsFixture();
        Path file = dir.resolve("dns.pcap");
        try (PcapWriter w = new PcapWriter(new BufferedOutputStream(Files.newOutputStream(file)), PcapWriter.Resolution.NANOSECONDS)) {
            Capture.node(f.t.net.trace(), w, "pc1");
            f.t.run(f.pc1, "dig +trace www.example.lab");
            f.t.run(f.pc1, "dig big.example.lab");
            f.t.run(f.pc1, "host web.example.lab");
            f.t.run(f.pc1, "dig nowhere.example.lab MX");
        }
        f.t.close();
        return file;
    }

    @Test
    void noPacketIsMalformedAndNoChecksumIsBad() throws IOException {
        List<String> problems = Tshark.read(capture(), "-Y",
                "_ws.malformed || _ws.expert.severity >= warning || udp.checksum.status == \"Bad\" || tcp.checksum.status == \"Bad\"");
        assertThat(problems).isEmpty();
    }

    @Test
    void tsharkDecodesTheWalkFromTheRootQuestionByQuestion() throws IOException {
        List<String> queries = Tshark.read(capture(), "-Y", "dns.flags.response == 0 && udp", "-T", "fields",
                "-e", "ip.dst", "-e", "dns.qry.name", "-e", "dns.qry.type", "-e", "dns.flags.recdesired");
        assertThat(queries.subList(0, 4)).containsExactly(
                "10.0.0.53\t<Root>\t2\t1", // the root's NS, asked of the resolver
                "10.0.0.2\twww.example.lab\t1\t0",
                "10.0.0.3\twww.example.lab\t1\t0",
                "10.0.0.4\twww.example.lab\t1\t0");
    }

    @Test
    void tsharkSeesTheReferralsAnswerAndNxdomainWeSent() throws IOException {
        List<String> answers = Tshark.read(capture(), "-Y", "dns.flags.response == 1 && udp", "-T", "fields",
                "-e", "ip.src", "-e", "dns.flags.authoritative", "-e", "dns.flags.rcode", "-e", "dns.ns", "-e", "dns.a");
        assertThat(answers).contains(
                "10.0.0.2\t0\t0\tns.lab\t10.0.0.3",
                "10.0.0.3\t0\t0\tns.example.lab\t10.0.0.4",
                "10.0.0.4\t1\t0\t\t10.0.1.80",
                "10.0.0.53\t0\t3\t\t");
    }

    @Test
    void theTruncatedAnswerAndItsRetryOverTcpAreBothDecoded() throws IOException {
        List<String> truncated = Tshark.read(capture(), "-Y", "dns.flags.truncated == 1", "-T", "fields",
                "-e", "udp.srcport", "-e", "dns.count.answers");
        assertThat(truncated).containsExactly("53\t29");
        List<String> overTcp = Tshark.read(capture(), "-Y", "dns && tcp && dns.flags.response == 1", "-T", "fields",
                "-e", "tcp.srcport", "-e", "dns.count.answers", "-e", "dns.qry.name");
        assertThat(overTcp).containsExactly("53\t40\tbig.example.lab");
    }
}
