package dev.packetlab.stack.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.stack.net.Host;
import dev.packetlab.stack.testing.TestNetwork;
import dev.packetlab.stack.testing.Tshark;
import dev.packetlab.stack.wire.Ipv4Address;
import dev.packetlab.stack.wire.Ipv4Prefix;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CONFORMANCE 29: our captures open in tshark with no malformed packet and no bad checksum. */
class PcapInteropTest {
    @TempDir
    Path dir;

    /** pc1 — sw1 — r1 — r2 — pc2, one ping and one traceroute, captured everywhere. */
    private Path captureRoutedPingAndTraceroute(PcapWriter.Resolution resolution) throws IOException {
        TestNetwork t = new TestNetwork();
        Host pc1 = t.host("pc1", "192.168.1.10/24", "192.168.1.1");
        Host r1 = t.router("r1", "192.168.1.1/24", "10.0.12.1/30");
        Host r2 = t.router("r2", "10.0.12.2/30", "192.168.2.1/24");
        Host pc2 = t.host("pc2", "192.168.2.20/24", "192.168.2.1");
        t.connect(pc1, t.switchNamed("sw1"));
        t.connect(t.net.node("sw1"), r1);
        t.connect(r1, r2);
        t.connect(r2, pc2);
        r1.addRoute(Ipv4Prefix.parse("192.168.2.0/24"), Ipv4Address.parse("10.0.12.2"));
        r2.addRoute(Ipv4Prefix.parse("192.168.1.0/24"), Ipv4Address.parse("10.0.12.1"));
        Path file = dir.resolve("routed-" + resolution + ".pcap");
        try (PcapWriter w = new PcapWriter(new BufferedOutputStream(Files.newOutputStream(file)), resolution)) {
            Capture.everything(t.net.trace(), w);
            t.run(pc1, "ping -c 3 192.168.2.20");
            t.run(pc1, "traceroute 192.168.2.20");
            t.run(pc1, "ping -c 1 -s 3972 192.168.2.20");
        }
        t.close();
        return file;
    }

    @Test
    void aRoutedCaptureHasNoMalformedPacketAndNoBadChecksum() throws IOException {
        Path file = captureRoutedPingAndTraceroute(PcapWriter.Resolution.NANOSECONDS);
        List<String> problems = Tshark.read(file, "-Y",
                "_ws.malformed || _ws.expert.severity >= warning || ip.checksum.status == \"Bad\" || icmp.checksum.status == \"Bad\"");
        assertThat(problems).isEmpty();
    }

    @Test
    void tsharkSeesArpEchoAndTimeExceeded() throws IOException {
        Path file = captureRoutedPingAndTraceroute(PcapWriter.Resolution.MICROSECONDS);
        List<String> protocols = Tshark.read(file, "-T", "fields", "-e", "_ws.col.Protocol", "-e", "icmp.type");
        // "11,8": time exceeded, quoting our echo request
        assertThat(protocols).contains("ARP\t", "ICMP\t8", "ICMP\t0", "ICMP\t11,8");
        // the 4000-byte echo shows as fragments that tshark itself reassembles
        List<String> reassembled = Tshark.read(file, "-Y", "ip.reassembled.length == 3980", "-T", "fields", "-e", "icmp.seq");
        assertThat(reassembled).isNotEmpty();
    }

    @Test
    void tsharkReadsOurSimulatedTimestamps() throws IOException {
        Path file = captureRoutedPingAndTraceroute(PcapWriter.Resolution.NANOSECONDS);
        List<String> times = Tshark.read(file, "-T", "fields", "-e", "frame.time_epoch", "-c", "2");
        // the first ARP request leaves at simulated time 0; the switch repeats it after 60 bytes at 100 Mbit/s + 1 ms
        assertThat(times).containsExactly("0.000000000", "0.001004800");
    }
}
