package dev.packetlab.stack.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.trace.Capture;
import dev.packetlab.stack.trace.PcapWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interop proof of TCP (CONFORMANCE 29, with 19–21 at work): 10 MB written through the socket API over a link that
 * loses 1 % of the frames each way arrive intact, and a capture of the transfer reads clean in Wireshark's tshark,
 * whose own TCP analysis counts exactly the retransmissions the sender made. One transfer, about two seconds of
 * real time and 30 s of simulated time, shared by the tests of this class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TcpInteropTest {
    private static final int SIZE = 10 << 20;
    private static final long SEED = 2;

    private byte[] sent;
    private LossyTransfer transfer;
    private boolean completed;
    private Path capture;

    @BeforeAll
    void transferTenMegabytesOverALossyLink(@TempDir Path dir) throws IOException {
        sent = new byte[SIZE];
        new Random(SEED).nextBytes(sent);
        transfer = new LossyTransfer(SEED, 0.01);
        capture = dir.resolve("lossy-transfer.pcap");
        try (PcapWriter w = new PcapWriter(new BufferedOutputStream(Files.newOutputStream(capture)),
                PcapWriter.Resolution.NANOSECONDS)) {
            Capture.link(transfer.t.net.trace(), w, "l0"); // a—r: everything a sent, before r—b could lose it
            completed = transfer.run(sent, SimTime.seconds(600));
            // and the closing handshake, so that the capture ends as the connection did
            transfer.t.sim.runWhile(() -> transfer.receiver.state() != TcpState.CLOSED,
                    transfer.t.sim.now() + SimTime.seconds(120));
        }
        transfer.t.close(); // every frame put on a wire had good checksums (TestNetwork checks each)
    }

    private List<String> tshark(String... args) {
        return LossyTransfer.tshark(capture, args);
    }

    @Test
    void theReceiverReadsExactlyTheTenMegabytesSent() {
        assertThat(completed).isTrue();
        assertThat(transfer.error).isNull();
        assertThat(transfer.receivedBytes).isEqualTo(SIZE);
        assertThat(transfer.receivedDigest()).isEqualTo(LossyTransfer.sha256(sent));
        assertThat(transfer.sender.retransmittedSegments()).isGreaterThan(50); // the link did lose data
        assertThat(transfer.receiver.state()).isEqualTo(TcpState.CLOSED);
    }

    @Test
    void tsharkFindsNoMalformedPacketNoBadChecksumAndNoError() {
        List<String> problems = tshark("-Y", "_ws.malformed || _ws.expert.severity == error"
                + " || tcp.checksum.status == \"Bad\" || ip.checksum.status == \"Bad\"");
        assertThat(problems).isEmpty();
        // and the checksums were verified, not skipped: every TCP segment's is "Good" (1)
        List<String> statuses = tshark("-Y", "tcp", "-T", "fields", "-e", "tcp.checksum.status");
        assertThat(statuses).hasSizeGreaterThan(10_000).containsOnly("1");
    }

    @Test
    void tsharkCountsExactlyTheRetransmissionsOfTheSender() {
        // tshark labels a segment that repeats sequence space already seen "retransmission", and adds "fast
        // retransmission" when it follows two or more duplicate ACKs within 20 ms, or "spurious retransmission" when
        // its data was already acknowledged; it says "out-of-order" instead when the segment leaves within its
        // out-of-order threshold (the first round trip) after the highest one, as NewReno's resend on a partial ACK
        // may. The capture is at the sender, which sends new data in order, so any of the four labels on a frame of
        // a marks one of its retransmissions, and every retransmission gets one: count frames, not labels. (Seed 2:
        // 72 fast retransmissions, 11 others, 3 "out-of-order".)
        List<String> flagged = tshark("-Y", "ip.src == " + LossyTransfer.A + " && (tcp.analysis.retransmission"
                + " || tcp.analysis.fast_retransmission || tcp.analysis.spurious_retransmission"
                + " || tcp.analysis.out_of_order)", "-T", "fields", "-e", "frame.number");
        assertThat((long) flagged.size()).isEqualTo(transfer.sender.retransmittedSegments());
    }
}
