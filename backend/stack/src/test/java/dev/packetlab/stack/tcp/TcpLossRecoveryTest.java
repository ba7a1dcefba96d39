package dev.packetlab.stack.tcp;

import static dev.packetlab.stack.tcp.OpenConnection.MSS;
import static dev.packetlab.stack.tcp.OpenConnection.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.socket.Errno;
import dev.packetlab.stack.testing.Segments;
import dev.packetlab.stack.trace.TraceEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Loss recovery (CONFORMANCE 20): fast retransmit and NewReno fast recovery (RFC 5681 3.2, RFC 6582 3.2), the
 * retransmission timeout with its loss window (RFC 5681 3.1, RFC 6298 5), and giving up after
 * {@code net.ipv4.tcp_retries2} retransmissions (RFC 1122 4.2.3.5). A window of ten full segments leaves at once
 * (the initial window is ten); the test drops chosen ones on the wire and follows cwnd and ssthresh through the
 * connection's {@link TraceEvent.TcpVariablesChanged} reports. Times are counted from the end of the handshake.
 */
class TcpLossRecoveryTest {

    @Test
    void theThirdDuplicateAckRetransmitsExactlyTheMissingSegment() {
        OpenConnection o = new OpenConnection(true);
        o.dropSegment(3);
        o.send(bytes(10 * MSS));
        o.runFor(1_000);

        // b acknowledges segments 1–2 (two full segments), then answers 4…10 with seven duplicates of that ACK
        List<Long> acks = o.ackArrivals(o.segment(3));
        assertThat(acks).hasSize(8);
        List<Segments.Sent> again = o.retransmissions();
        assertThat(again).hasSize(1);
        assertThat(again.get(0).seq()).isEqualTo(o.segment(3));
        assertThat(again.get(0).length()).isEqualTo(MSS);
        assertThat(again.get(0).time()).isEqualTo(acks.get(3)); // the third duplicate, not the second
        assertThat(o.clientConnection.retransmittedSegments()).isEqualTo(1);
        assertThat(o.reader.data.toByteArray()).isEqualTo(bytes(10 * MSS));
        o.p.close();
    }

    @Test
    void fastRetransmitSetsSsthreshToHalfTheFlightAndCwndThreeSegmentsAbove() {
        OpenConnection o = new OpenConnection(true);
        o.dropSegment(3);
        o.send(bytes(10 * MSS));
        o.runFor(1_000);

        Segments.Sent again = o.retransmissions().get(0);
        TraceEvent.TcpVariablesChanged v = o.variablesAt(again.time());
        long flight = 8 * MSS; // segments 3–10: 1–2 were acknowledged
        assertThat(v.ssthresh()).isEqualTo(flight / 2); // RFC 5681 equation (4)
        assertThat(v.cwnd()).isEqualTo(flight / 2 + 3 * MSS); // RFC 6582 3.2 step 2
        o.p.close();
    }

    @Test
    void duplicatesInflateCwndByOneSegmentEachAndTheFullAckDeflatesIt() {
        OpenConnection o = new OpenConnection(true);
        o.dropSegment(3);
        o.send(bytes(10 * MSS));
        o.runFor(1_000);

        // IW 10; the ACK of 1–2 (slow start, +1 MSS); the third duplicate (5840 + 3·1460); four more duplicates
        // (+1 MSS each, RFC 6582 3.2 step 3); the full ACK: min(ssthresh, FlightSize + MSS) with nothing in flight
        assertThat(o.windows()).containsExactly("14600/∞", "16060/∞", "10220/5840", "11680/5840", "13140/5840",
                "14600/5840", "16060/5840", "2920/5840");
        o.p.close();
    }

    @Test
    void aPartialAckRetransmitsTheNextHoleAtOnce() {
        OpenConnection o = new OpenConnection(true);
        o.dropSegment(3);
        o.dropSegment(6);
        o.send(bytes(10 * MSS));
        o.runFor(1_000);

        List<Segments.Sent> again = o.retransmissions();
        assertThat(again).extracting(Segments.Sent::seq).containsExactly(o.segment(3), o.segment(6));
        // the retransmitted segment 3 fills the first hole; b's ACK stops at the second: a partial ACK (RFC 6582)
        List<Long> partial = o.ackArrivals(o.segment(6));
        assertThat(partial).hasSize(1);
        assertThat(again.get(1).time()).isEqualTo(partial.get(0));
        assertThat(o.since(again.get(1).time()) / SimTime.MICROSECOND).isEqualTo(40_000); // one round trip, not an RTO
        // RFC 6582 3.2 step 5: cwnd 14600 less the 4380 bytes acknowledged, plus one MSS back
        assertThat(o.variablesAt(again.get(1).time()).cwnd()).isEqualTo(14_600 - 3 * MSS + MSS);
        assertThat(o.clientConnection.retransmittedSegments()).isEqualTo(2);
        assertThat(o.reader.data.toByteArray()).isEqualTo(bytes(10 * MSS));
        o.p.close();
    }

    @Test
    void aTimeoutRetransmitsOneSegmentFromSndUnaWithCwndOfOneMss() {
        OpenConnection o = new OpenConnection(true);
        o.p.wire.drop(x -> x.payload().length() > 0, 10); // the whole first window: no duplicate ACK comes back
        o.send(bytes(30 * MSS));
        o.runFor(1_100);

        List<Segments.Sent> data = o.data();
        assertThat(data).hasSize(11);
        Segments.Sent again = data.get(10);
        assertThat(o.since(again.time())).isEqualTo(SimTime.seconds(1)); // the initial RTO: no sample yet
        assertThat(again.seq()).isEqualTo(o.first);
        TraceEvent.TcpVariablesChanged v = o.variablesAt(again.time());
        assertThat(v.cwnd()).isEqualTo(MSS); // RFC 5681 3.1: the loss window
        assertThat(v.ssthresh()).isEqualTo(10 * MSS / 2);
        o.p.close();
    }

    @Test
    void afterATimeoutCwndGrowsOneMssPerAckUpToSsthreshThenMoreSlowly() {
        OpenConnection o = new OpenConnection(true);
        o.p.wire.drop(x -> x.payload().length() > 0, 10);
        o.send(bytes(30 * MSS));
        o.runFor(3_000);

        List<String> after = o.windows().subList(1, 9);
        // slow start to ssthresh 7300, then congestion avoidance: + MSS·MSS/cwnd per ACK (RFC 5681 3.1)
        assertThat(after).containsExactly("1460/7300", "2920/7300", "4380/7300", "5840/7300", "7300/7300",
                "7592/7300", "7872/7300", "8142/7300");
        assertThat(o.reader.data.toByteArray()).isEqualTo(bytes(30 * MSS));
        o.p.close();
    }

    @Test
    void afterEightUnansweredRetransmissionsAReadFailsWithEtimedoutAndAnRstIsSent() {
        OpenConnection o = new OpenConnection(true);
        TcpPair.Reader clientReads = o.p.readAll(o.p.as, o.s.client()); // blocked: b never sends anything
        o.p.wire.drop(x -> x.payload().length() > 0, 100);
        o.send(bytes(100));
        o.runFor(300_000);

        // RTO 1 s doubled at each expiry, capped at 60 s (net.ipv4.tcp_rto_max); the default tcp_retries2 is 8
        assertThat(o.retransmissions()).extracting(x -> o.since(x.time()) / SimTime.SECOND)
                .containsExactly(1L, 3L, 7L, 15L, 31L, 63L, 123L, 183L);
        List<Segments.Sent> resets = o.p.sentBy("a").stream().filter(x -> x.flags().contains("R")).toList();
        assertThat(resets).isNotEmpty();
        assertThat(resets.get(0).flags()).isEqualTo("R.");
        assertThat(o.since(resets.get(0).time())).isEqualTo(SimTime.seconds(243)); // the ninth expiry
        assertThat(clientReads.error).isEqualTo(Errno.ETIMEDOUT);
        assertThat(clientReads.endTime).isEqualTo(resets.get(0).time());
        assertThat(o.clientConnection.state()).isEqualTo(TcpState.CLOSED);
        assertThat(o.clientConnection.retransmittedSegments()).isEqualTo(8);
        o.p.close();
    }

    @Test
    void theRstAfterTheLastRetryResetsAPeerThatReceivedEverythingButWhoseAcksWereLost() {
        OpenConnection o = new OpenConnection(true);
        o.p.wire.drop(x -> x.payload().length() == 0 && x.sourcePort() == 80, 1_000); // b's ACKs never arrive
        o.send(bytes(3 * MSS));
        o.runFor(300_000);

        // after each expiry only the first segment is resent (cwnd 1 MSS), but all three reached b: the RST must
        // carry the highest sequence number sent, RCV.NXT at b, or b, per RFC 5961 3.2, ignores it as out of window
        Segments.Sent reset = o.p.sentBy("a").stream().filter(x -> x.flags().contains("R")).findFirst().orElseThrow();
        assertThat(reset.seq()).isEqualTo(o.segment(4));
        assertThat(o.reader.data.toByteArray()).isEqualTo(bytes(3 * MSS));
        assertThat(o.reader.error).isEqualTo(Errno.ECONNRESET);
        assertThat(o.reader.endTime - reset.time()).isEqualTo(SimTime.millis(10) + 2 * 1); // 10 ms, 1 ns per cable
        o.p.close();
    }

    @Test
    void theRetryLimitIsTheSysctlTcpRetries2() {
        OpenConnection o = new OpenConnection(true);
        TcpPair.sysctl(o.p.a, "net.ipv4.tcp_retries2", 3); // read at each expiry: it applies to open connections
        TcpPair.Reader clientReads = o.p.readAll(o.p.as, o.s.client());
        o.p.wire.drop(x -> x.payload().length() > 0, 100);
        o.send(bytes(2 * MSS));
        o.runFor(60_000);

        assertThat(o.retransmissions()).extracting(x -> o.since(x.time()) / SimTime.SECOND).containsExactly(1L, 3L, 7L);
        assertThat(clientReads.error).isEqualTo(Errno.ETIMEDOUT);
        assertThat(o.since(clientReads.endTime)).isEqualTo(SimTime.seconds(15));
        o.p.close();
    }

    @Test
    void limitedTransmitLetsASmallWindowReachThreeDuplicatesAndFastRetransmit() {
        try (OpenConnection c = new OpenConnection(true, p -> TcpPair.sysctl(p.a, "net.ipv4.tcp_init_cwnd", 3))) {
            c.dropSegment(1);
            c.send(bytes(6 * MSS));
            c.runFor(2_000);

            // segments 2 and 3 bring two duplicates; each lets one new segment (4, then 5) go beyond cwnd; the
            // duplicate for 4 is the third: segment 1 goes again one round trip in, not after the 1 s RTO
            List<Segments.Sent> again = c.retransmissions();
            assertThat(again).extracting(Segments.Sent::seq).containsExactly(c.segment(1));
            assertThat(c.ms(again.get(0))).isEqualTo(40); // two round trips of 20 ms: 2-3 then 4-5 bring the duplicates
            assertThat(c.reader.data.toByteArray()).isEqualTo(bytes(6 * MSS));
        }
    }

    @Test
    void whatLimitedTransmitSentIsNotCountedInTheFlightThatSetsSsthresh() {
        OpenConnection o = new OpenConnection(true);
        o.dropSegment(3);
        o.send(bytes(20 * MSS));
        o.runFor(1_000);

        // the ACK of 1–2 opens cwnd to 11 segments (11–13 leave); the first two duplicates send 14 and 15 by limited
        // transmit; at the third, segments 3–15 are outstanding, but RFC 5681 3.2 step 2 leaves 14 and 15 out:
        // ssthresh = 11·1460 / 2, cwnd = ssthresh + 3·MSS
        Segments.Sent again = o.retransmissions().get(0);
        TraceEvent.TcpVariablesChanged v = o.variablesAt(again.time());
        assertThat(Seq.diff(v.sndNxt(), o.first)).isEqualTo(15 * MSS);
        assertThat(v.ssthresh()).isEqualTo(11 * MSS / 2);
        assertThat(o.windows().stream().filter(w -> w.endsWith("/8030")).findFirst()).hasValue("12410/8030");
        o.p.close();
    }

    @Test
    void ssthreshFromPipeLeavesNewRenoRecoveryWithoutSackAtHalfTheFlight() {
        try (OpenConnection o = new OpenConnection(true,
                p -> TcpPair.sysctl(p.a, "net.ipv4.tcp_ssthresh_from_pipe", 1))) {
            o.dropSegment(3);
            o.send(bytes(20 * MSS));
            o.runFor(1_000);

            // the knob is about SACK recovery's pipe; without SACK there is no scoreboard, and NewReno keeps
            // RFC 5681's FlightSize less limited transmit: 11·1460 / 2, as in the test above
            Segments.Sent again = o.retransmissions().get(0);
            assertThat(o.variablesAt(again.time()).ssthresh()).isEqualTo(11 * MSS / 2);
        }
    }
}
