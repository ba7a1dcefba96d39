package dev.packetlab.stack.tcp;

import static dev.packetlab.stack.tcp.OpenConnection.MSS;
import static dev.packetlab.stack.tcp.OpenConnection.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.stack.testing.Segments;
import dev.packetlab.stack.wire.TcpOptions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SACK loss recovery: the receiver's SACK blocks (RFC 2018), the sender's scoreboard and loss recovery (RFC 6675)
 * paced by Proportional Rate Reduction (RFC 6937), and the timeout during it (RFC 6675 5.1). Both hosts set
 * {@code net.ipv4.tcp_sack=1}; no timestamps, so an ACK has room for four blocks. a writes 20 full segments: ten
 * leave at once (IW 10), three more on the ACK of segments 1–2 (slow start), one on each of the first two duplicate
 * ACKs (limited transmit), so that 13 segments, 3–15, are in flight when recovery begins. Segments are named by their
 * number, from 1; times are milliseconds since the handshake, 10 ms one way.
 */
class TcpSackRecoveryTest {
    private static final int SEGMENTS = 20;

    private static OpenConnection sackConnection(boolean peerSack) {
        return new OpenConnection(true, p -> {
            TcpPair.sysctl(p.a, "net.ipv4.tcp_sack", 1);
            TcpPair.sysctl(p.b, "net.ipv4.tcp_sack", peerSack ? 1 : 0);
        });
    }

    /** The segment number a sequence number starts, from 1. */
    private static String number(OpenConnection o, long seq) {
        int offset = Seq.diff(seq, o.first);
        return offset % MSS == 0 ? Integer.toString(offset / MSS + 1) : Double.toString(offset / (double) MSS + 1);
    }

    /** b's pure ACKs, as "ack [left,right) …" in segment numbers. */
    private static List<String> acksFromB(OpenConnection o) {
        List<String> out = new ArrayList<>();
        for (Segments.Sent x : o.fromB()) {
            StringBuilder b = new StringBuilder(number(o, x.ack()));
            for (TcpOptions.SackBlock s : x.segment().options().sackBlocks()) {
                b.append(" [").append(number(o, s.left())).append(',').append(number(o, s.right())).append(')');
            }
            out.add(b.toString());
        }
        return out;
    }

    /** a's cwnd/ssthresh reports, each change once. */
    private static List<String> windowChanges(OpenConnection o) {
        List<String> out = new ArrayList<>();
        for (String w : o.windows()) if (out.isEmpty() || !out.getLast().equals(w)) out.add(w);
        return out;
    }

    @Test
    void theReceiverReportsTheBlockOfTheLatestArrivalFirstAndRepeatsTheOlderOnes() {
        try (OpenConnection o = sackConnection(true)) {
            o.dropSegment(3);
            o.dropSegment(6);
            o.send(bytes(SEGMENTS * MSS));
            o.runFor(1_000);

            // RFC 2018 4: the first block holds the segment that triggered the ACK; 7 opens a new block, which then
            // leads, and [4,6) is repeated behind it; the retransmitted 3 moves the ACK to the next hole, 6
            assertThat(acksFromB(o).subList(0, 5)).containsExactly("3", "3 [4,5)", "3 [4,6)", "3 [7,8) [4,6)",
                    "3 [7,9) [4,6)");
            assertThat(acksFromB(o)).contains("6 [7,16)");
        }
    }

    @Test
    void theThirdSackingDuplicateRetransmitsSndUnaAndHalvesTheFlightIntoSsthresh() {
        try (OpenConnection o = sackConnection(true)) {
            o.dropSegment(3);
            o.dropSegment(6);
            o.send(bytes(SEGMENTS * MSS));
            o.runFor(1_000);

            List<Long> acks = o.ackArrivals(o.segment(3)); // the ACK of 1–2, then the duplicates
            Segments.Sent first = o.retransmissions().get(0);
            assertThat(number(o, first.seq())).isEqualTo("3");
            assertThat(first.time()).isEqualTo(acks.get(3)); // the third duplicate (RFC 6675 5 step 3.1)
            assertThat(o.ms(first)).isEqualTo(20);
            // RFC 6675 5 step 4.2: ssthresh = FlightSize / 2, the flight being segments 3–15 less the two that
            // limited transmit sent (RFC 5681 3.2 step 2: they MUST NOT count)
            assertThat(o.variablesAt(first.time()).ssthresh()).isEqualTo(11 * MSS / 2);
        }
    }

    @Test
    void withSsthreshFromPipeRecoveryHalvesThePipeAsNs3DoesInsteadOfTheFlight() {
        try (OpenConnection o = new OpenConnection(true, p -> {
            TcpPair.sysctl(p.a, "net.ipv4.tcp_sack", 1);
            TcpPair.sysctl(p.b, "net.ipv4.tcp_sack", 1);
            TcpPair.sysctl(p.a, "net.ipv4.tcp_ssthresh_from_pipe", 1);
        })) {
            o.dropSegment(3);
            o.dropSegment(6);
            o.send(bytes(SEGMENTS * MSS));
            o.runFor(1_000);

            // the same recovery as above, where ssthresh = 11·1460 / 2 = 8030: at the third duplicate 3–15 are
            // outstanding, 4, 5 and 7 SACKed and 3 deemed lost (3 MSS SACKed above it), so SetPipe() = 9·1460 and
            // ssthresh = 9·1460 / 2 = 6570, as ns-3's EnterRecovery halves its BytesInFlight()
            Segments.Sent first = o.retransmissions().get(0);
            assertThat(o.ms(first)).isEqualTo(20);
            assertThat(o.variablesAt(first.time()).ssthresh()).isEqualTo(9 * MSS / 2);
            assertThat(o.reader.data.toByteArray()).isEqualTo(bytes(SEGMENTS * MSS));
        }
    }

    @Test
    void everyLostHoleOfOneWindowIsRetransmittedWithinTheNextRoundTrip() {
        try (OpenConnection o = sackConnection(true)) {
            o.dropSegment(3);
            o.dropSegment(6);
            o.dropSegment(9);
            o.send(bytes(SEGMENTS * MSS));
            o.runFor(1_000);

            // NewReno learns of one hole per round trip (3 at 20 ms, 6 at 40, 9 at 60); the scoreboard marks 6 and 9
            // lost (IsLost: more than 2·MSS SACKed above) as the duplicates of the first round arrive, and PRR lets
            // both go on the ACKs of the second
            List<Segments.Sent> again = o.retransmissions();
            assertThat(again).extracting(x -> number(o, x.seq())).containsExactly("3", "6", "9");
            assertThat(again).extracting(o::ms).containsExactly(20L, 40L, 40L);
            assertThat(o.clientConnection.retransmittedSegments()).isEqualTo(3);
            assertThat(o.reader.data.toByteArray()).isEqualTo(bytes(SEGMENTS * MSS));
        }
    }

    @Test
    void proportionalRateReductionSetsCwndToPipePlusSndcntAndRecoveryEndsAtSsthresh() {
        try (OpenConnection o = sackConnection(true)) {
            o.dropSegment(3);
            o.dropSegment(6);
            o.send(bytes(SEGMENTS * MSS));
            o.runFor(1_000);

            // RecoverFS = 13·1460 = 18980 (limited transmit's two included), ssthresh 11·1460/2 = 8030. Each
            // duplicate delivers one segment (1460):
            // 1st: pipe 13140 (10 not SACKed, 3 lost) > ssthresh: sndcnt = ⌈1460·8030/18980⌉ − 0 = 618, raised to
            //      one MSS for the fast retransmit: cwnd 14600
            // 2nd: pipe 13140 (3 lost but retransmitted): ⌈2920·8030/18980⌉ − 1460 < 0, so 0: cwnd 13140
            // 3rd: 6 is lost now too, pipe 10220: ⌈4380·8030/18980⌉ − 1460 = 394: cwnd 10614, too little for a segment
            // 4th: pipe 8760: ⌈5840·8030/18980⌉ − 1460 = 1011: cwnd 9771, still too little
            // 5th: pipe 7300 ≤ ssthresh (PRR-SSRB): min(8030 − 7300, max(7300 − 1460, 1460) + 1460) = 730: cwnd 8030
            // and from there cwnd stays at ssthresh; the ACK of 15 ends recovery with cwnd = ssthresh (RFC 6937),
            // then congestion avoidance adds MSS²/cwnd per ACK
            assertThat(windowChanges(o)).containsExactly("14600/∞", "16060/∞", "14600/8030", "13140/8030",
                    "10614/8030", "9771/8030", "8030/8030", "8295/8030", "8551/8030", "8800/8030");
            long endOfRecovery = o.ackArrivals(o.segment(16)).get(0);
            assertThat(o.variablesAt(endOfRecovery).cwnd()).isEqualTo(8030);
            assertThat(o.ms(endOfRecovery)).isEqualTo(60);
        }
    }

    @Test
    void aTimeoutForgetsTheScoreboardAndSegmentsSackedAfterItAreNotSentAgain() {
        try (OpenConnection o = sackConnection(true)) {
            long three = o.segment(3);
            long six = o.segment(6);
            o.p.wire.drop(x -> x.payload().length() > 0 && x.sequenceNumber() == three, 2); // and its fast retransmit
            o.p.wire.drop(x -> x.payload().length() > 0 && x.sequenceNumber() == six, 2);
            o.send(bytes(SEGMENTS * MSS));
            o.runFor(3_000);

            // the timer (1 s after the fast retransmit) resends 3 with cwnd 1 MSS; b's ACK moves to 6 and SACKs
            // 7–20 again (the scoreboard was cleared, RFC 6675 5.1); slow start's two segments are 6 and, since
            // 7–20 are SACKed, nothing else: go-back-N would have resent 7
            List<Segments.Sent> again = o.retransmissions();
            assertThat(again).extracting(x -> number(o, x.seq())).containsExactly("3", "6", "3", "6");
            assertThat(again).extracting(o::ms).containsExactly(20L, 40L, 1020L, 1040L);
            assertThat(o.variablesAt(again.get(2).time()).cwnd()).isEqualTo(MSS);
            assertThat(o.data().getLast().seq()).isEqualTo(six);
            assertThat(o.reader.data.toByteArray()).isEqualTo(bytes(SEGMENTS * MSS));
        }
    }

    @Test
    void whenThePeerDoesNotAgreeToSackNewRenoRecovers() {
        try (OpenConnection o = sackConnection(false)) {
            o.dropSegment(3);
            o.dropSegment(6);
            o.send(bytes(10 * MSS));
            o.runFor(1_000);

            assertThat(o.clientConnection.sackOn()).isFalse();
            // as TcpLossRecoveryTest's partial ACK: 6 goes a round trip after 3, with NewReno's deflated window
            List<Segments.Sent> again = o.retransmissions();
            assertThat(again).extracting(o::ms).containsExactly(20L, 40L);
            assertThat(o.variablesAt(again.get(1).time()).cwnd()).isEqualTo(14_600 - 3 * MSS + MSS);
        }
    }
}
