package dev.packetlab.stack.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.socket.Errno;
import dev.packetlab.stack.socket.SocketTable;
import dev.packetlab.stack.testing.Segments;
import dev.packetlab.stack.wire.FrameBuilder;
import dev.packetlab.stack.wire.Payload;
import dev.packetlab.stack.wire.TcpHeaderView;
import dev.packetlab.stack.wire.TcpOptions;
import dev.packetlab.stack.wire.TcpSegment;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ending connections: CONFORMANCE 22–25 (RFC 9293 3.6, 3.10.7; RFC 5961). */
class TcpCloseTest {

    @Test
    void activeCloseGoesThroughFinWait1AndFinWait2ToTimeWaitAndClosesAfterTwoMsl() {
        try (OpenConnection e = new OpenConnection()) {
            TcpPair.Reader serverReads = e.p.readAll(e.p.bs, e.server);
            e.p.as.close(e.client);
            e.runFor(100);
            assertThat(serverReads.endOfFile).isTrue();
            assertThat(e.clientConnection.state()).isEqualTo(TcpState.FIN_WAIT_2);
            e.p.bs.close(e.server);
            e.runFor(200);

            assertThat(e.statesAfterHandshake("a")).containsExactly("ESTABLISHED>FIN_WAIT_1", "FIN_WAIT_1>FIN_WAIT_2",
                    "FIN_WAIT_2>TIME_WAIT");
            TcpConnection c = e.clientConnection;
            assertThat(c.state()).isEqualTo(TcpState.TIME_WAIT);
            long enteredTimeWait = e.p.t.events(dev.packetlab.stack.trace.TraceEvent.SocketStateChanged.class).stream()
                    .filter(x -> x.node().equals("a") && x.to().equals("TIME_WAIT")).findFirst().orElseThrow().time();
            assertThat(e.ms(enteredTimeWait)).isEqualTo(110); // b's FIN, sent at 100 ms, arrives 10 ms later
            assertThat(c.timerRemaining()).isEqualTo(enteredTimeWait + SimTime.seconds(60) - e.p.t.sim.now());
            e.p.t.sim.runUntil(enteredTimeWait + SimTime.seconds(60) - 1);
            assertThat(Tcp.of(e.p.a).connections()).hasSize(1);
            e.p.t.sim.runUntil(enteredTimeWait + SimTime.seconds(60) + SimTime.millis(1));
            assertThat(Tcp.of(e.p.a).connections()).isEmpty();
            assertThat(e.statesAfterHandshake("a")).last().isEqualTo("TIME_WAIT>CLOSED");
        }
    }

    @Test
    void passiveCloseWaitsInCloseWaitUntilTheApplicationClosesThenLastAck() {
        try (OpenConnection e = new OpenConnection()) {
            TcpPair.Reader serverReads = e.p.readAll(e.p.bs, e.server);
            e.p.as.close(e.client);
            e.runFor(5_000);
            assertThat(serverReads.endOfFile).isTrue();
            assertThat(e.serverConnection().state()).isEqualTo(TcpState.CLOSE_WAIT);

            e.p.bs.close(e.server);
            e.runFor(5_100);
            assertThat(e.statesAfterHandshake("b")).containsExactly("ESTABLISHED>CLOSE_WAIT", "CLOSE_WAIT>LAST_ACK", "LAST_ACK>CLOSED");
            assertThat(e.serverConnection()).isNull();
            Segments.Sent fin = e.p.sentBy("b").stream().filter(s -> s.flags().equals("F.")).findFirst().orElseThrow();
            assertThat(e.ms(fin.time())).isEqualTo(5_000);
        }
    }

    @Test
    void simultaneousCloseGoesThroughClosingToTimeWaitOnBothSides() {
        try (OpenConnection e = new OpenConnection()) {
            e.p.as.close(e.client);
            e.p.bs.close(e.server);
            e.runFor(100);
            assertThat(e.statesAfterHandshake("a")).containsExactly("ESTABLISHED>FIN_WAIT_1", "FIN_WAIT_1>CLOSING", "CLOSING>TIME_WAIT");
            assertThat(e.statesAfterHandshake("b")).containsExactly("ESTABLISHED>FIN_WAIT_1", "FIN_WAIT_1>CLOSING", "CLOSING>TIME_WAIT");
        }
    }

    @Test
    void aFinCarryingTheLastDataIsHandledInOneStep() {
        try (OpenConnection e = new OpenConnection()) {
            TcpPair.Reader serverReads = e.p.readAll(e.p.bs, e.server);
            e.p.as.send(e.client, "good".getBytes());
            e.p.as.send(e.client, "bye".getBytes()); // held by Nagle behind the unacknowledged "good"
            e.p.as.close(e.client); // the FIN joins it
            e.runFor(1_000);

            List<Segments.Sent> fromA = e.p.sentBy("a").stream().filter(s -> s.time() >= e.start).toList();
            Segments.Sent last = fromA.get(1);
            assertThat(last.flags()).isEqualTo("FP.");
            assertThat(last.length()).isEqualTo(3);
            assertThat(serverReads.data.toString()).isEqualTo("goodbye");
            assertThat(serverReads.endOfFile).isTrue();
            List<Segments.Sent> fromB = e.p.sentBy("b").stream().filter(s -> s.time() > last.time()).toList();
            assertThat(fromB.get(0).flags()).isEqualTo(".");
            assertThat(fromB.get(0).ack()).isEqualTo((last.seq() + 4) & 0xffff_ffffL); // the data and the FIN
            assertThat(fromB.get(0).time() - last.time()).isLessThan(SimTime.millis(11)); // at once, not delayed
        }
    }

    @Test
    void bindToAPortInTimeWaitFailsWithEaddrinuseUnlessSoReuseaddr() {
        try (OpenConnection e = new OpenConnection()) {
            e.p.readAll(e.p.as, e.client);
            e.p.bs.close(e.server); // the server closes first: its side ends in TIME_WAIT
            e.p.bs.close(e.listener);
            e.runFor(100);
            e.p.as.close(e.client);
            e.runFor(200);
            assertThat(e.serverConnection().state()).isEqualTo(TcpState.TIME_WAIT);

            int again = e.p.bs.socket(SocketTable.Type.STREAM).value();
            assertThat(e.p.bs.bind(again, 80)).isEqualTo(Errno.EADDRINUSE);
            assertThat(e.p.bs.setOption(again, SocketTable.Option.SO_REUSEADDR, 1)).isNull();
            assertThat(e.p.bs.bind(again, 80)).isNull();
            assertThat(e.p.bs.listen(again, 5)).isNull();
        }
    }

    @Test
    void aPortIsFreeAgainOnceTimeWaitEnds() {
        try (OpenConnection e = new OpenConnection()) {
            e.p.bs.close(e.server);
            e.p.bs.close(e.listener);
            e.runFor(100);
            e.p.as.close(e.client);
            e.runFor(61_000);
            int again = e.p.bs.socket(SocketTable.Type.STREAM).value();
            assertThat(e.p.bs.bind(again, 80)).isNull();
        }
    }

    @Test
    void anRstInWindowAbortsTheConnectionWithEconnresetAndLaterWritesGetEpipe() {
        try (OpenConnection e = new OpenConnection()) {
            TcpPair.Reader clientReads = e.p.readAll(e.p.as, e.client);
            TcpConnection server = e.serverConnection();
            injectToA(e, server.sndNxt(), server.rcvNxt(), TcpHeaderView.FLAG_RST | TcpHeaderView.FLAG_ACK);
            e.runFor(100);

            assertThat(clientReads.error).isEqualTo(Errno.ECONNRESET);
            assertThat(e.p.as.send(e.client, "x".getBytes()).error()).isEqualTo(Errno.EPIPE);
            assertThat(e.statesAfterHandshake("a")).containsExactly("ESTABLISHED>CLOSED");
        }
    }

    @Test
    void aWriteAfterThePeerResetGetsEconnresetOnceThenEpipe() {
        try (OpenConnection e = new OpenConnection()) {
            TcpConnection server = e.serverConnection();
            injectToA(e, server.sndNxt(), server.rcvNxt(), TcpHeaderView.FLAG_RST);
            e.runFor(100);
            assertThat(e.p.as.send(e.client, "x".getBytes()).error()).isEqualTo(Errno.ECONNRESET);
            assertThat(e.p.as.send(e.client, "x".getBytes()).error()).isEqualTo(Errno.EPIPE);
        }
    }

    @Test
    void anRstInsideTheWindowButNotAtRcvNxtEarnsAChallengeAck() {
        try (OpenConnection e = new OpenConnection()) {
            TcpConnection server = e.serverConnection();
            long clientRcvNxt = e.clientConnection.rcvNxt();
            injectToA(e, (server.sndNxt() + 1000) & 0xffff_ffffL, server.rcvNxt(), TcpHeaderView.FLAG_RST);
            e.runFor(100);

            assertThat(e.clientConnection.state()).isEqualTo(TcpState.ESTABLISHED);
            List<Segments.Sent> fromA = e.p.sentBy("a").stream().filter(s -> s.time() >= e.start).toList();
            assertThat(fromA).hasSize(1);
            assertThat(fromA.get(0).flags()).isEqualTo(".");
            assertThat(fromA.get(0).ack()).isEqualTo(clientRcvNxt);
        }
    }

    @Test
    void anRstOutsideTheWindowIsIgnored() {
        try (OpenConnection e = new OpenConnection()) {
            TcpConnection server = e.serverConnection();
            injectToA(e, (server.sndNxt() + 1_000_000) & 0xffff_ffffL, server.rcvNxt(), TcpHeaderView.FLAG_RST);
            e.runFor(100);

            assertThat(e.clientConnection.state()).isEqualTo(TcpState.ESTABLISHED);
            assertThat(e.p.sentBy("a").stream().filter(s -> s.time() >= e.start)).isEmpty();
        }
    }

    @Test
    void aSynOnAnEstablishedConnectionEarnsAChallengeAck() {
        try (OpenConnection e = new OpenConnection()) {
            TcpConnection server = e.serverConnection();
            injectToA(e, server.sndNxt(), 0, TcpHeaderView.FLAG_SYN);
            e.runFor(100);

            assertThat(e.clientConnection.state()).isEqualTo(TcpState.ESTABLISHED);
            List<Segments.Sent> fromA = e.p.sentBy("a").stream().filter(s -> s.time() >= e.start).toList();
            assertThat(fromA).extracting(Segments.Sent::flags).containsExactly(".");
        }
    }

    @Test
    void shutdownWriteSendsFinAndTheSocketCanStillReceive() {
        try (OpenConnection e = new OpenConnection()) {
            TcpPair.Reader clientReads = e.p.readAll(e.p.as, e.client);
            TcpPair.Reader serverReads = e.p.readAll(e.p.bs, e.server);
            assertThat(e.p.as.shutdown(e.client, SocketTable.Shutdown.WRITE)).isNull();
            e.runFor(100);
            assertThat(serverReads.endOfFile).isTrue();
            assertThat(e.clientConnection.state()).isEqualTo(TcpState.FIN_WAIT_2);

            e.p.bs.send(e.server, "still here".getBytes());
            e.runFor(200);
            assertThat(clientReads.data.toString()).isEqualTo("still here");
            assertThat(clientReads.endOfFile).isFalse();
            assertThat(e.p.as.send(e.client, "x".getBytes()).error()).isEqualTo(Errno.EPIPE);
        }
    }

    @Test
    void closingWithUnreadDataResetsTheConnection() {
        try (OpenConnection e = new OpenConnection()) {
            e.p.bs.send(e.server, "unread".getBytes());
            e.runFor(100);
            e.p.as.close(e.client);
            e.runFor(200);

            List<Segments.Sent> fromA = e.p.sentBy("a").stream().filter(s -> s.time() >= e.start).toList();
            assertThat(fromA.get(fromA.size() - 1).flags()).isEqualTo("R.");
            assertThat(e.statesAfterHandshake("a")).containsExactly("ESTABLISHED>CLOSED");
        }
    }

    /** Puts a hand-made segment from b to a on a's wire, as packetdrill injects packets. */
    private static void injectToA(OpenConnection e, long seq, long ack, int flags) {
        TcpConnection client = e.clientConnection;
        TcpSegment s = new TcpSegment(80, client.localPort(), seq, ack, flags, 1000, 0, TcpOptions.NONE, Payload.EMPTY);
        byte[] frame = FrameBuilder.ethernet(e.p.a.device("eth0").mac(), e.p.b.device("eth0").mac())
                .ipv4(TcpPair.B, TcpPair.A).tcp(s);
        e.p.t.inject(e.p.wire.device("p0"), frame);
    }
}
