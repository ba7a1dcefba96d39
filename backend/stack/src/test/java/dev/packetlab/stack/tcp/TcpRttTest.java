package dev.packetlab.stack.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.testing.Segments;
import dev.packetlab.stack.trace.TraceEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Round-trip time measurement and the retransmission timeout inside a connection (CONFORMANCE 19; RFC 6298 2–5 and
 * Karn's rule, RFC 6298 3). The estimator's arithmetic is {@link RttEstimatorTest}'s; these tests prove that the
 * connection times the right segment, feeds the sample it measured, never one from a retransmission, and runs its
 * timer for the RTO it computed.
 */
class TcpRttTest {
    private static final int MSS = 1460;

    /** An open connection a→b whose server reads everything; times are counted from the end of the handshake. */
    private static final class Open {
        final TcpPair p;
        final TcpPair.Session s;
        final TcpConnection client;

        Open(TcpPair p) {
            this.p = p;
            s = p.open(80);
            p.readAll(p.bs, s.server());
            client = p.connection(p.a, p.as.localAddress(s.client()).port());
        }

        void send(int n) {
            assertThat(p.as.send(s.client(), bytes(n)).value()).isEqualTo(n);
        }

        void runFor(long ms) {
            p.t.sim.runUntil(s.start() + SimTime.millis(ms));
        }

        /** Nanoseconds since the handshake was over. */
        long since(long time) {
            return time - s.start();
        }

        List<Segments.Sent> data() {
            return p.sentBy("a").stream().filter(x -> x.time() >= s.start() && x.length() > 0).toList();
        }

        /** The round trip of the segment sent at {@code sent}: until the report of the ACK that moved SND.UNA past it. */
        long roundTrip(Segments.Sent sent) {
            long end = (sent.seq() + sent.length()) & Seq.MASK;
            TraceEvent.TcpVariablesChanged acked = p.variables("a").stream()
                    .filter(v -> v.time() > sent.time() && Seq.ge(v.sndUna(), end)).findFirst().orElseThrow();
            return acked.time() - sent.time();
        }
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) b[i] = (byte) (i * 7);
        return b;
    }

    @Test
    void firstSampleSetsSrttToTheRoundTripAndRttvarToHalfOfIt() {
        Open o = new Open(new TcpPair());
        o.send(2 * MSS); // two full segments: b acknowledges at once, so the sample is the path's round trip
        o.runFor(1_000);

        long r = o.roundTrip(o.data().get(0));
        assertThat(r).isBetween(SimTime.millis(20), SimTime.millis(20) + SimTime.micros(1)); // 10 ms each way
        assertThat(o.client.srtt()).isEqualTo(r);
        assertThat(o.client.rttvar()).isEqualTo(r / 2);
        o.p.close();
    }

    @Test
    void theFirstSamplesRtoOf60msIsRaisedToTheOneSecondFloor() {
        Open o = new Open(new TcpPair());
        o.send(2 * MSS);
        o.runFor(1_000);

        long r = o.roundTrip(o.data().get(0));
        assertThat(r + 4 * (r / 2)).isLessThan(SimTime.millis(61));
        assertThat(o.client.rto()).isEqualTo(SimTime.seconds(1)); // RFC 6298 2.4, net.ipv4.tcp_rto_min
        o.p.close();
    }

    @Test
    void aboveTheFloorTheRtoIsSrttPlusFourRttvar() {
        TcpPair p = new TcpPair();
        TcpPair.sysctl(p.a, "net.ipv4.tcp_rto_min", 10);
        Open o = new Open(p);
        o.send(2 * MSS);
        o.runFor(1_000);

        long r = o.roundTrip(o.data().get(0));
        assertThat(o.client.rto()).isEqualTo(r + 4 * (r / 2)); // RFC 6298 2.2: SRTT + max(G, 4·RTTVAR)
        p.close();
    }

    @Test
    void aLaterSampleMovesSrttByAnEighthAndRttvarByAQuarterOfTheDifference() {
        TcpPair p = new TcpPair();
        TcpPair.sysctl(p.a, "net.ipv4.tcp_rto_min", 10);
        TcpPair.sysctl(p.b, "net.ipv4.tcp_delack", 30); // a lone segment's ACK comes 30 ms late: a longer round trip
        Open o = new Open(p);
        o.send(2 * MSS);
        o.runFor(500);
        o.send(100);
        o.runFor(1_000);

        List<Segments.Sent> data = o.data();
        assertThat(data).hasSize(3); // no retransmission: the 50 ms round trip stays within the 60 ms RTO
        long r1 = o.roundTrip(data.get(0));
        long r2 = o.roundTrip(data.get(2));
        assertThat(r2).isBetween(SimTime.millis(50), SimTime.millis(50) + SimTime.micros(1));
        long rttvar = (3 * (r1 / 2) + Math.abs(r1 - r2)) / 4; // RFC 6298 2.3, RTTVAR first, from the old SRTT
        long srtt = (7 * r1 + r2) / 8;
        assertThat(o.client.rttvar()).isEqualTo(rttvar);
        assertThat(o.client.srtt()).isEqualTo(srtt);
        assertThat(o.client.rto()).isEqualTo(srtt + 4 * rttvar);
        p.close();
    }

    @Test
    void onlyOneSegmentIsTimedPerRoundTrip() {
        Open o = new Open(new TcpPair());
        o.send(10 * MSS); // ten segments, five ACKs, one sample: the first segment's
        o.runFor(1_000);

        // a sample per ACK would have moved RTTVAR off R/2: the five round trips differ by a few nanoseconds
        long r = o.roundTrip(o.data().get(0));
        assertThat(o.client.srtt()).isEqualTo(r);
        assertThat(o.client.rttvar()).isEqualTo(r / 2);
        o.p.close();
    }

    @Test
    void theAckOfARetransmittedSegmentGivesNoSampleAndTheRtoStaysBackedOff() {
        Open o = new Open(new TcpPair());
        o.p.wire.drop(x -> x.payload().length() > 0, 1);
        o.send(100); // lost; resent when the initial 1 s RTO expires; its ACK comes 200 ms (delayed ACK) later
        o.runFor(1_500);

        List<Segments.Sent> data = o.data();
        assertThat(data).extracting(x -> o.since(x.time())).containsExactly(0L, SimTime.seconds(1));
        assertThat(o.client.sndUna()).isEqualTo((data.get(0).seq() + 100) & Seq.MASK);
        // Karn: the ACK may answer either transmission, so neither round trip (1.22 s or 0.22 s) is measured, and
        // the backed-off RTO stays until a segment sent once is acknowledged (RFC 6298 5, after 5.7)
        assertThat(o.client.srtt()).isZero();
        assertThat(o.client.rttvar()).isZero();
        assertThat(o.client.rto()).isEqualTo(SimTime.seconds(2));
        o.p.close();
    }

    @Test
    void afterARetransmissionTheNextNewSegmentIsTimed() {
        Open o = new Open(new TcpPair());
        o.p.wire.drop(x -> x.payload().length() > 0, 1);
        o.send(100);
        o.runFor(2_000);
        o.send(100); // sent once: its round trip, 220 ms with the delayed ACK, is the connection's first sample
        o.runFor(3_000);

        Segments.Sent fresh = o.data().get(2);
        assertThat(o.since(fresh.time())).isEqualTo(SimTime.seconds(2));
        long r = o.roundTrip(fresh);
        assertThat(r).isBetween(SimTime.millis(220), SimTime.millis(220) + SimTime.micros(1));
        assertThat(o.client.srtt()).isEqualTo(r);
        assertThat(o.client.rttvar()).isEqualTo(r / 2);
        assertThat(o.client.rto()).isEqualTo(SimTime.seconds(1)); // 220 + 4·110 ms, to the floor: the back-off ended
        o.p.close();
    }

    @Test
    void theRtoDoublesOnEachTimeoutOfTheSameSegment() {
        TcpPair p = new TcpPair();
        TcpPair.sysctl(p.a, "net.ipv4.tcp_rto_min", 10); // let the measured RTO show: 20 ms + 4·10 ms
        Open o = new Open(p);
        o.send(2 * MSS);
        o.runFor(1_000);
        long rto = o.client.rto();
        assertThat(rto).isBetween(SimTime.millis(60), SimTime.millis(60) + SimTime.micros(1));

        p.wire.drop(x -> x.payload().length() > 0, 100); // from now on no data gets through
        o.send(100);
        o.runFor(5_000);

        List<Long> sent = o.data().stream().skip(2).map(x -> o.since(x.time()) - SimTime.seconds(1)).toList();
        // RFC 6298 5.5: each expiry doubles the RTO, so the copies leave at RTO, 3·RTO, 7·RTO … after the first
        assertThat(sent).containsExactly(0L, rto, 3 * rto, 7 * rto, 15 * rto, 31 * rto, 63 * rto);
        assertThat(o.client.rto()).isEqualTo(64 * rto);
        p.close();
    }
}
