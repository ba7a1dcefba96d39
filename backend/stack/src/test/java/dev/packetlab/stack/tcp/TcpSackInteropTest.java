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
 * {@link TcpInteropTest}'s lossy 10 MB transfer with SACK on at both ends (RFC 2018 blocks, RFC 6675 recovery with
 * RFC 6937 PRR), read by tshark: the SACK option is negotiated and carried, tshark's own analysis counts exactly the
 * retransmissions the sender made, and it finds no SACK block outside what the sender had sent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TcpSackInteropTest {
    private static final int SIZE = 10 << 20;
    private static final long SEED = 2;

    private byte[] sent;
    private LossyTransfer transfer;
    private boolean completed;
    private Path capture;

    @BeforeAll
    void transferTenMegabytesWithSack(@TempDir Path dir) throws IOException {
        sent = new byte[SIZE];
        new Random(SEED).nextBytes(sent);
        transfer = new LossyTransfer(SEED, 0.01);
        TcpPair.sysctl(transfer.a, "net.ipv4.tcp_sack", 1);
        TcpPair.sysctl(transfer.b, "net.ipv4.tcp_sack", 1);
        capture = dir.resolve("lossy-sack-transfer.pcap");
        try (PcapWriter w = new PcapWriter(new BufferedOutputStream(Files.newOutputStream(capture)),
                PcapWriter.Resolution.NANOSECONDS)) {
            Capture.link(transfer.t.net.trace(), w, "l0");
            completed = transfer.run(sent, SimTime.seconds(600));
        }
        transfer.t.close();
    }

    private List<String> tshark(String... args) {
        return LossyTransfer.tshark(capture, args);
    }

    @Test
    void theTransferCompletesIntactWithSackNegotiated() {
        assertThat(completed).isTrue();
        assertThat(transfer.sender.sackOn()).isTrue();
        assertThat(transfer.receivedDigest()).isEqualTo(LossyTransfer.sha256(sent));
        assertThat(transfer.sender.retransmittedSegments()).isGreaterThan(50);
    }

    @Test
    void tsharkSeesSackBlocksFromTheReceiverAndNoError() {
        assertThat(tshark("-Y", "_ws.malformed || _ws.expert.severity == error")).isEmpty();
        assertThat(tshark("-Y", "ip.src == " + LossyTransfer.B + " && tcp.options.sack_le", "-T", "fields", "-e",
                "frame.number")).hasSizeGreaterThan(100);
    }

    @Test
    void tsharkCountsExactlyTheRetransmissionsOfTheSender() {
        // as in TcpInteropTest: each of a's retransmissions gets one of tshark's four labels, and nothing else does
        List<String> flagged = tshark("-Y", "ip.src == " + LossyTransfer.A + " && (tcp.analysis.retransmission"
                + " || tcp.analysis.fast_retransmission || tcp.analysis.spurious_retransmission"
                + " || tcp.analysis.out_of_order)", "-T", "fields", "-e", "frame.number");
        assertThat((long) flagged.size()).isEqualTo(transfer.sender.retransmittedSegments());
    }
}
