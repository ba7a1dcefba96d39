package dev.packetlab.stack.tcp;

import static dev.packetlab.stack.tcp.OpenConnection.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.stack.socket.SocketTable;
import dev.packetlab.stack.testing.Segments;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Moving data: segmentation, Nagle, delayed ACKs and the window (CONFORMANCE 14–18, RFC 9293 3.7–3.8). */
class TcpDataTest {

    @Test
    void tenThousandBytesLeaveAsSixFullSegmentsAndOneOf1240() {
        OpenConnection e = new OpenConnection();
        e.p.readAll(e.p.bs, e.server);
        assertThat(e.p.as.send(e.client, bytes(10_000)).value()).isEqualTo(10_000);
        e.p.runUntilMillis(1_000);

        List<Segments.Sent> data = e.sent("a").stream().filter(s -> s.length() > 0).toList();
        assertThat(data).extracting(Segments.Sent::length).containsExactly(1460, 1460, 1460, 1460, 1460, 1460, 1240);
        long first = (e.clientConnection.iss() + 1) & 0xffff_ffffL;
        assertThat(data).extracting(Segments.Sent::seq).containsExactly(first, first + 1460, first + 2920, first + 4380,
                first + 5840, first + 7300, first + 8760);
        assertThat(data).extracting(Segments.Sent::flags).containsExactly(".", ".", ".", ".", ".", ".", "P.");
        assertThat(data).allSatisfy(s -> assertThat(e.ms(s)).isEqualTo(0));
        e.p.close();
    }

    @Test
    void nagleHoldsSmallWritesWhileDataIsUnacknowledgedAndSendsThemTogetherOnTheAck() {
        OpenConnection e = new OpenConnection();
        e.p.readAll(e.p.bs, e.server);
        e.p.as.send(e.client, bytes(10));
        e.p.as.send(e.client, bytes(10));
        e.p.as.send(e.client, bytes(10));
        e.p.runUntilMillis(1_000);

        List<Segments.Sent> data = e.sent("a").stream().filter(s -> s.length() > 0).toList();
        assertThat(data).extracting(Segments.Sent::length).containsExactly(10, 20);
        // the second segment waits for the ACK of the first: delayed 200 ms at b, then 10 ms back to a
        assertThat(data).extracting(e::ms).containsExactly(0L, 220L);
        e.p.close();
    }

    @Test
    void tcpNoDelaySendsEachSmallWriteAtOnce() {
        OpenConnection e = new OpenConnection();
        e.p.readAll(e.p.bs, e.server);
        e.p.as.setOption(e.client, SocketTable.Option.TCP_NODELAY, 1);
        e.p.as.send(e.client, bytes(10));
        e.p.as.send(e.client, bytes(10));
        e.p.as.send(e.client, bytes(10));
        e.p.runUntilMillis(1_000);

        List<Segments.Sent> data = e.sent("a").stream().filter(s -> s.length() > 0).toList();
        assertThat(data).extracting(Segments.Sent::length).containsExactly(10, 10, 10);
        assertThat(data).extracting(e::ms).containsExactly(0L, 0L, 0L);
        e.p.close();
    }

    @Test
    void aLoneSegmentIsAcknowledgedAfter200ms() {
        OpenConnection e = new OpenConnection();
        e.p.readAll(e.p.bs, e.server);
        e.p.as.send(e.client, bytes(100));
        e.p.runUntilMillis(1_000);

        List<Segments.Sent> acks = e.sent("b");
        assertThat(acks).hasSize(1);
        assertThat(acks.get(0).flags()).isEqualTo(".");
        assertThat(e.ms(acks.get(0))).isEqualTo(210); // arrives at 10 ms, acknowledged 200 ms later
        assertThat(acks.get(0).ack()).isEqualTo((e.clientConnection.iss() + 101) & 0xffff_ffffL);
        e.p.close();
    }

    @Test
    void twoFullSegmentsAreAcknowledgedAtOnce() {
        OpenConnection e = new OpenConnection();
        e.p.readAll(e.p.bs, e.server);
        e.p.as.send(e.client, bytes(2 * 1460));
        e.p.runUntilMillis(1_000);

        List<Segments.Sent> acks = e.sent("b");
        assertThat(acks).hasSize(1);
        assertThat(e.ms(acks.get(0))).isEqualTo(10);
        assertThat(acks.get(0).ack()).isEqualTo((e.clientConnection.iss() + 1 + 2920) & 0xffff_ffffL);
        e.p.close();
    }

    @Test
    void anAckPiggybacksOnDataGoingTheOtherWay() {
        OpenConnection e = new OpenConnection();
        e.p.readAll(e.p.bs, e.server);
        e.p.readAll(e.p.as, e.client);
        e.p.as.send(e.client, bytes(100));
        e.runFor(50); // the request arrived at 10 ms; its ACK is being delayed
        e.p.bs.send(e.server, bytes(300));
        e.p.runUntilMillis(1_000);

        List<Segments.Sent> fromB = e.sent("b");
        assertThat(fromB).hasSize(1);
        assertThat(fromB.get(0).flags()).isEqualTo("P.");
        assertThat(fromB.get(0).length()).isEqualTo(300);
        assertThat(fromB.get(0).ack()).isEqualTo((e.clientConnection.iss() + 101) & 0xffff_ffffL);
        assertThat(e.ms(fromB.get(0))).isEqualTo(50);
        e.p.close();
    }

    @Test
    void theAdvertisedWindowShrinksAsTheUnreadBufferFillsAndTheSenderStopsAtIt() {
        OpenConnection e = new OpenConnection();
        e.p.b.sysctl(); // the server application never reads
        assertThat(e.p.as.send(e.client, bytes(65_535)).value()).isEqualTo(65_535);
        e.p.as.send(e.client, bytes(1_000)); // more than the receiver's window: it must wait
        e.p.runUntilMillis(2_000);

        List<Segments.Sent> acks = e.sent("b");
        assertThat(acks.get(acks.size() - 1).window()).isEqualTo(0);
        long sent = e.sent("a").stream().mapToLong(Segments.Sent::length).sum();
        assertThat(sent).isEqualTo(65_535);
        assertThat(acks).extracting(Segments.Sent::window).isSortedAccordingTo((x, y) -> Integer.compare(y, x));
        e.p.close();
    }

    @Test
    void readingSendsAWindowUpdateOnceTheWindowGrewByAnMss() {
        OpenConnection e = new OpenConnection();
        e.p.as.send(e.client, bytes(65_535));
        e.p.runUntilMillis(2_000);
        int before = e.sent("b").size();
        byte[][] got = new byte[1][];
        e.p.bs.receive(e.server, 1_000, 0, new dev.packetlab.stack.socket.ReceiveHandler() {
            public void received(byte[] data, dev.packetlab.stack.socket.SocketAddress from) { got[0] = data; }
            public void failed(dev.packetlab.stack.socket.Errno error) { }
        });
        e.p.runUntilMillis(2_100);
        assertThat(got[0]).hasSize(1_000);
        assertThat(e.sent("b")).hasSize(before); // 1000 bytes free: less than an MSS, no update

        e.p.bs.receive(e.server, 1_000, 0, new dev.packetlab.stack.socket.ReceiveHandler() {
            public void received(byte[] data, dev.packetlab.stack.socket.SocketAddress from) { got[0] = data; }
            public void failed(dev.packetlab.stack.socket.Errno error) { }
        });
        e.p.runUntilMillis(2_200);
        List<Segments.Sent> fromB = e.sent("b");
        assertThat(fromB).hasSize(before + 1);
        assertThat(fromB.get(before).window()).isEqualTo(2_001); // the buffer is 65,536; the SYN offered 65,535
        assertThat(fromB.get(before).flags()).isEqualTo(".");
        e.p.close();
    }

    @Test
    void aZeroWindowIsProbedWithBackOffUntilItOpensAndTheConnectionSurvives() {
        OpenConnection e = new OpenConnection();
        TcpPair.Outcome written = new TcpPair.Outcome();
        e.p.as.write(e.client, bytes(65_535 + 100), w -> written.complete(w, e.p.t.sim.now()));
        e.p.runUntilMillis(120_000);

        TcpConnection client = e.p.connection(e.p.a, e.p.as.localAddress(e.client).port());
        assertThat(client.state()).isEqualTo(TcpState.ESTABLISHED);
        List<Segments.Sent> probes = e.sent("a").stream().filter(s -> s.length() == 1).toList();
        assertThat(probes.size()).isGreaterThanOrEqualTo(5);
        List<Long> gaps = new java.util.ArrayList<>();
        for (int i = 1; i < probes.size(); i++) gaps.add(Math.round((probes.get(i).time() - probes.get(i - 1).time()) / 1e6));
        assertThat(gaps.subList(0, 3)).containsExactly(gaps.get(0), gaps.get(0) * 2, gaps.get(0) * 4);
        assertThat(gaps.get(gaps.size() - 1)).isLessThanOrEqualTo(60_000);

        TcpPair.Reader r = e.p.readAll(e.p.bs, e.server);
        e.p.runUntilMillis(200_000);
        assertThat(r.data.size()).isEqualTo(65_535 + 100);
        assertThat(written.value()).isEqualTo(65_535 + 100);
        e.p.close();
    }
}
