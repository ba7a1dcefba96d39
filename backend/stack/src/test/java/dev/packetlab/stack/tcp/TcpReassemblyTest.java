package dev.packetlab.stack.tcp;

import static dev.packetlab.stack.tcp.OpenConnection.MSS;
import static dev.packetlab.stack.tcp.OpenConnection.bytes;
import static dev.packetlab.stack.tcp.OpenConnection.decode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.stack.testing.Frames;
import dev.packetlab.stack.testing.Segments;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The receiving side of loss (CONFORMANCE 21; RFC 9293 3.10.7.4, RFC 5681 4.2): segments beyond a hole are held and
 * delivered in order once it fills, each is answered at once by a duplicate ACK naming the hole, and a segment
 * that was already received is acknowledged and discarded. Times are counted from the end of the handshake.
 */
class TcpReassemblyTest {

    @Test
    void segmentsBeyondAHoleAreHeldUntilItFills() {
        OpenConnection o = new OpenConnection(true);
        o.dropSegment(3);
        o.send(bytes(10 * MSS));
        o.runFor(25); // segments 1–2 and 4–10 arrived at 10 ms; the retransmitted 3 arrives at 30 ms

        assertThat(o.reader.data.toByteArray()).isEqualTo(Arrays.copyOf(bytes(10 * MSS), 2 * MSS));
        assertThat(o.serverConnection().rcvNxt()).isEqualTo(o.segment(3));
        assertThat(o.serverConnection().readable()).isZero();
        o.p.close();
    }

    @Test
    void onceTheHoleFillsTheReaderGetsEveryByteInOrder() {
        OpenConnection o = new OpenConnection(true);
        o.dropSegment(3);
        o.dropSegment(6);
        o.send(bytes(10 * MSS));
        o.runFor(1_000);

        assertThat(o.reader.data.toByteArray()).isEqualTo(bytes(10 * MSS));
        assertThat(o.serverConnection().rcvNxt()).isEqualTo(o.segment(11));
        o.p.close();
    }

    @Test
    void eachOutOfOrderSegmentIsAnsweredAtOnceByADuplicateAckForTheHole() {
        OpenConnection o = new OpenConnection(true);
        o.dropSegment(3);
        o.send(bytes(10 * MSS));
        o.runFor(25);

        List<Segments.Sent> acks = o.fromB();
        // the first acknowledges segments 1–2 (every second full segment at once); 4…10 each get a duplicate
        assertThat(acks).hasSize(8);
        long bSeq = Seq.add(o.serverConnection().iss(), 1);
        assertThat(acks).allSatisfy(x -> {
            assertThat(x.flags()).isEqualTo(".");
            assertThat(x.seq()).isEqualTo(bSeq);
            assertThat(x.ack()).isEqualTo(o.segment(3));
            assertThat(x.window()).isEqualTo(65_535); // the right edge never moves left (RFC 9293 3.8.6.2.2)
            assertThat(x.length()).isZero();
            assertThat(o.micros(x)).isEqualTo(10_000);
        });
        // each leaves the moment its segment arrived: 1, 2, then 4…10 (13 ns apart, as they were sent)
        List<Long> arrivals = o.p.t.receivedBy("b").stream().filter(e -> e.time() >= o.s.start())
                .map(e -> e.time()).toList();
        assertThat(acks.stream().skip(1).map(Segments.Sent::time).toList()).isEqualTo(arrivals.subList(2, 9));
        o.p.close();
    }

    @Test
    void theSegmentThatFillsTheHoleIsAcknowledgedAtOnceUpToTheEndOfWhatIsHeld() {
        OpenConnection o = new OpenConnection(true);
        o.dropSegment(3);
        o.send(bytes(10 * MSS));
        o.runFor(1_000);

        List<Segments.Sent> acks = o.fromB();
        assertThat(acks).hasSize(9);
        Segments.Sent filled = acks.get(8);
        assertThat(filled.ack()).isEqualTo(o.segment(11));
        assertThat(o.micros(filled)).isEqualTo(30_000); // fast retransmit at 20 ms, no delayed ACK
        o.p.close();
    }

    @Test
    void aSegmentReceivedTwiceIsAcknowledgedAtOnceAndDeliveredOnce() {
        OpenConnection o = new OpenConnection(true);
        o.p.wire.drop(x -> x.payload().length() == 0 && x.sourcePort() == 80, 1); // b's delayed ACK is lost
        o.send(bytes(100));
        o.runFor(1_500);

        List<Segments.Sent> data = o.p.sentBy("a").stream().filter(x -> x.length() > 0).toList();
        assertThat(data).extracting(o::micros).containsExactly(0L, 1_000_000L); // resent when the 1 s RTO expired
        List<Segments.Sent> acks = o.fromB();
        assertThat(acks).extracting(o::micros).containsExactly(210_000L, 1_010_000L); // the second at once
        assertThat(acks.get(1).ack()).isEqualTo(Seq.add(o.first, 100));
        assertThat(o.reader.data.toByteArray()).isEqualTo(bytes(100));
        assertThat(o.serverConnection().rcvNxt()).isEqualTo(Seq.add(o.first, 100));
        assertThat(o.clientConnection.sndUna()).isEqualTo(Seq.add(o.first, 100));
        o.p.close();
    }

    @Test
    void aCopyOfDataHeldBeyondTheHoleIsAnsweredWithTheHoleAndDeliveredOnce() {
        OpenConnection o = new OpenConnection(true);
        o.dropSegment(3);
        o.send(bytes(10 * MSS));
        o.runFor(15);
        // the test plays a sender that resends segment 5, which b already holds beyond the hole
        byte[] fifth = o.p.t.sentBy("a").stream().filter(e -> Frames.isTcp(e.frame()))
                .filter(e -> decode(e.frame()).sequenceNumber() == o.segment(5)).findFirst().orElseThrow().frame();
        o.p.t.inject(o.p.wire.device("p1"), fifth.clone());
        o.runFor(25);

        List<Segments.Sent> acks = o.fromB();
        assertThat(acks).hasSize(9);
        Segments.Sent answer = acks.get(8);
        assertThat(o.micros(answer)).isEqualTo(20_000); // 5 ms from the wire to b: answered at once
        assertThat(answer.ack()).isEqualTo(o.segment(3));
        assertThat(o.reader.data.size()).isEqualTo(2 * MSS);

        o.runFor(1_000);
        assertThat(o.reader.data.toByteArray()).isEqualTo(bytes(10 * MSS));
        o.p.close();
    }
}
