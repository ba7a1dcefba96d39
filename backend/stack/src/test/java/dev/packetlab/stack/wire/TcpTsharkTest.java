package dev.packetlab.stack.wire;

import static dev.packetlab.stack.wire.TcpHeaderView.FLAG_ACK;
import static dev.packetlab.stack.wire.TcpHeaderView.FLAG_FIN;
import static dev.packetlab.stack.wire.TcpHeaderView.FLAG_PSH;
import static dev.packetlab.stack.wire.TcpHeaderView.FLAG_SYN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.stack.testing.Tshark;
import dev.packetlab.stack.trace.PcapWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CONFORMANCE 29 for TCP: a whole connection built by FrameBuilder reads clean in tshark, as we wrote it. */
class TcpTsharkTest {
    private static final Ipv4Address CLIENT = Ipv4Address.parse("10.0.0.1");
    private static final Ipv4Address SERVER = Ipv4Address.parse("10.0.0.2");
    private static final MacAddress CLIENT_MAC = MacAddress.parse("02:00:00:00:00:01");
    private static final MacAddress SERVER_MAC = MacAddress.parse("02:00:00:00:00:02");
    private static final String REQUEST = "GET / HTTP/1.1\r\nHost: 10.0.0.2\r\n\r\n";

    @TempDir
    Path dir;

    private final FrameBuilder toServer = FrameBuilder.ethernet(SERVER_MAC, CLIENT_MAC).ipv4(CLIENT, SERVER).dontFragment(true);
    private final FrameBuilder toClient = FrameBuilder.ethernet(CLIENT_MAC, SERVER_MAC).ipv4(SERVER, CLIENT).dontFragment(true);

    private static TcpSegment fromClient(int flags, long seq, long ack, int window, TcpOptions o, String data) {
        return new TcpSegment(52000, 80, seq, ack, flags, window, 0, o, Payload.ascii(data));
    }

    private static TcpSegment fromServer(int flags, long seq, long ack, int window, TcpOptions o, String data) {
        return new TcpSegment(80, 52000, seq, ack, flags, window, 0, o, Payload.ascii(data));
    }

    /** Handshake, one request, its ACK, and both FINs; client ISS 4294967280, so that its numbers wrap past 2^32. */
    private List<byte[]> connection() {
        long c = 4_294_967_280L;
        long s = 5000;
        long next = (c + 1 + REQUEST.length()) & 0xffff_ffffL;
        List<byte[]> frames = new ArrayList<>();
        frames.add(toServer.tcp(fromClient(FLAG_SYN, c, 0, 64240, KnownTcpFrames.linuxSynOptions(100), "")));
        frames.add(toClient.tcp(fromServer(FLAG_SYN | FLAG_ACK, s, c + 1, 65160,
                TcpOptions.NONE.withMss(1400).withSackPermitted(true).withTimestamps(200, 100).withWindowScale(7), "")));
        frames.add(toServer.tcp(fromClient(FLAG_ACK, c + 1, s + 1, 502, TcpOptions.NONE.withTimestamps(101, 200), "")));
        frames.add(toServer.tcp(fromClient(FLAG_PSH | FLAG_ACK, c + 1, s + 1, 502, TcpOptions.NONE.withTimestamps(102, 200), REQUEST)));
        frames.add(toClient.tcp(fromServer(FLAG_ACK, s + 1, next, 509, TcpOptions.NONE.withTimestamps(201, 102), "")));
        frames.add(toServer.tcp(fromClient(FLAG_FIN | FLAG_ACK, next, s + 1, 502, TcpOptions.NONE.withTimestamps(103, 201), "")));
        frames.add(toClient.tcp(fromServer(FLAG_FIN | FLAG_ACK, s + 1, next + 1, 509, TcpOptions.NONE.withTimestamps(202, 103), "")));
        frames.add(toServer.tcp(fromClient(FLAG_ACK, next + 1, s + 2, 502, TcpOptions.NONE.withTimestamps(104, 202), "")));
        return frames;
    }

    private Path capture() throws IOException {
        Path file = dir.resolve("tcp.pcap");
        try (PcapWriter w = new PcapWriter(new BufferedOutputStream(Files.newOutputStream(file)), PcapWriter.Resolution.MICROSECONDS)) {
            long t = 0;
            for (byte[] frame : connection()) w.write(t += 1_000_000, frame);
        }
        return file;
    }

    @Test
    void aWholeConnectionHasNoMalformedPacketNoBadChecksumAndNoAnalysisWarning() throws IOException {
        List<String> problems = Tshark.read(capture(), "-Y",
                "_ws.malformed || _ws.expert.severity >= warning || tcp.checksum.status == \"Bad\" || ip.checksum.status == \"Bad\"");
        assertThat(problems).isEmpty();
        assertThat(Tshark.read(capture(), "-Y", "tcp.checksum.status == \"Good\"")).hasSize(8);
    }

    @Test
    void tsharkReadsTheFlagsNumbersAndOptionsWeWrote() throws IOException {
        List<String> fields = Tshark.read(capture(), "-o", "tcp.relative_sequence_numbers:FALSE", "-T", "fields",
                "-e", "tcp.flags", "-e", "tcp.seq", "-e", "tcp.ack", "-e", "tcp.len",
                "-e", "tcp.options.mss_val", "-e", "tcp.options.wscale.shift", "-e", "tcp.options.timestamp.tsval");
        assertThat(fields).extracting(line -> line.replace('\t', '/')).containsExactly(
                "0x0002/4294967280/0/0/1460/7/100",
                "0x0012/5000/4294967281/0/1400/7/200",
                "0x0010/4294967281/5001/0///101",
                "0x0018/4294967281/5001/34///102",
                "0x0010/5001/19/0///201", // 4294967281 + 34 wraps to 19 (RFC 9293 3.4: modulo 2^32)
                "0x0011/19/5001/0///103",
                "0x0011/5001/20/0///202",
                "0x0010/20/5002/0///104");
    }

    @Test
    void ourInfoColumnForTheHandshakeMatchesTsharks() throws IOException {
        List<String> info = Tshark.read(capture(), "-o", "tcp.relative_sequence_numbers:FALSE", "-T", "fields",
                "-e", "_ws.col.Info", "-c", "2");
        List<byte[]> frames = connection();
        assertThat(info).containsExactly(Dissector.dissect(frames.get(0)).summary(), Dissector.dissect(frames.get(1)).summary());
    }
}
