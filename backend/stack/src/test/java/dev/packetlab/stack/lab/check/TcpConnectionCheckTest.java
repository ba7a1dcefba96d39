package dev.packetlab.stack.lab.check;

import static dev.packetlab.stack.lab.check.Runs.l;
import static dev.packetlab.stack.lab.check.Runs.m;
import static dev.packetlab.stack.lab.check.Runs.step;
import static dev.packetlab.stack.lab.check.Runs.switched;
import static dev.packetlab.stack.lab.check.Runs.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code tcp-handshake}, {@code tcp-close} and {@code socket-state} on nc between pc1 and srv. In the server-closes
 * run srv sends "hello" and closes first (srv ends in TIME_WAIT); in the client-closes run pc1 sends and closes
 * first. Each run waits a second after nc exits, for the last ACK of the close to arrive.
 */
class TcpConnectionCheckTest {
    private static final String SERVER_CLOSES = "srv: echo hello | nc -l 8888 &\npc1: nc srv 8888\nwait 1s\n";
    private static final String CLIENT_CLOSES = "srv: nc -l 8888 &\npc1: echo hello | nc srv 8888\nwait 1s\n";
    private static final String NOBODY_LISTENS = "pc1: nc srv 8888\n";

    private static StepResult run(Map<String, Object> check, String script) {
        return verdict(switched(step(check)), script);
    }

    /** ARP takes 4.019 ms, then each segment two hops of 1 ms plus 5.12 us on the wire (64 bytes at 100 Mbit/s). */
    @Test
    void aHandshakeIsCompleteWhenTheClientSendsItsAckWithChainedNumbers() {
        StepResult r = run(m("tcp-handshake", m("client", "pc1", "server", "srv", "port", 8888)), SERVER_CLOSES);
        assertThat(r.passed()).isTrue();
        assertThat(r.at()).isEqualTo(8_038_400);
        assertThat(r.why()).isEqualTo("SYN and SYN+ACK of 10.0.0.1:38186 → 10.0.0.2:8888 received, the ACK sent at "
                + "0.008038 s");
    }

    @Test
    void theHandshakeComesBeforeTheDataItCarries() {
        assertThat(run(m("before", l(m("tcp-handshake", m("server", "srv")), m("frame", m("contains", "hello")))),
                SERVER_CLOSES).passed()).isTrue();
    }

    @Test
    void aSynAnsweredByResetIsNoHandshakeAndTheFailureSaysHowFarItGot() {
        StepResult r = run(m("tcp-handshake", m("client", "pc1", "server", "srv", "port", 8888)), NOBODY_LISTENS);
        assertThat(r.passed()).isFalse();
        assertThat(r.why()).isEqualTo("not seen: a TCP handshake from pc1 to srv port 8888 (a SYN was received, but no "
                + "SYN+ACK acknowledging it came back)");
    }

    @Test
    void aHandshakeOnAnotherPortOrTheOtherWayRoundDoesNotCount() {
        assertThat(run(m("tcp-handshake", m("port", 80)), SERVER_CLOSES).why())
                .isEqualTo("not seen: a TCP handshake to port 80 (no SYN to port 80 was received)");
        assertThat(run(m("tcp-handshake", m("client", "srv", "server", "pc1")), SERVER_CLOSES).passed()).isFalse();
    }

    @Test
    void aCloseNamesWhoSentTheFirstFin() {
        StepResult r = run(m("tcp-close", m("client", "pc1", "server", "srv", "port", 8888, "first", "srv")),
                SERVER_CLOSES);
        assertThat(r.why()).isEqualTo("10.0.0.1:38186 → 10.0.0.2:8888 closed by both sides, srv sending the first FIN "
                + "at 0.016081 s");
    }

    @Test
    void aCloseStartedByTheOtherSideFailsAndSaysWhoStartedIt() {
        StepResult r = run(m("tcp-close", m("client", "pc1", "server", "srv", "first", "srv")), CLIENT_CLOSES);
        assertThat(r.passed()).isFalse();
        assertThat(r.why()).isEqualTo("not seen: a TCP connection closed by both sides from pc1 to srv, srv sending "
                + "the first FIN (10.0.0.1:38186 → 10.0.0.2:8888 closed, but pc1 sent the first FIN)");
    }

    @Test
    void aCloseWhoseLastAckIsStillOnTheWireIsNotYetComplete() {
        assertThat(run(m("tcp-close", m()), "srv: echo hello | nc -l 8888 &\npc1: nc srv 8888\n").why())
                .isEqualTo("not seen: a TCP connection closed by both sides (a FIN was sent, but the close did not "
                        + "complete both ways)");
    }

    @Test
    void aConnectionRefusedWithResetIsNoClose() {
        assertThat(run(m("tcp-close", m()), NOBODY_LISTENS).why())
                .isEqualTo("not seen: a TCP connection closed by both sides (no FIN was sent)");
    }

    @Test
    void theActiveCloserReachesTimeWait() {
        Map<String, Object> srvTimeWait = m("socket-state", m("node", "srv", "port", 8888, "state", "TIME_WAIT"));
        assertThat(run(srvTimeWait, SERVER_CLOSES).why()).isEqualTo("srv's TCP socket 10.0.0.2:8888 ⇄ 10.0.0.1:38186 "
                + "went from FIN_WAIT_2 to TIME_WAIT (FIN received) at 0.014072 s");
        assertThat(run(srvTimeWait, CLIENT_CLOSES).why()).isEqualTo("not seen: a TCP socket of srv on port 8888 in "
                + "state TIME_WAIT (the last state it reached was CLOSED)");
        assertThat(run(m("socket-state", m("node", "pc1", "remote", "srv", "remote-port", 8888, "state", "TIME-WAIT")),
                CLIENT_CLOSES).passed()).isTrue();
    }

    @Test
    void thePassiveCloserPassesThroughCloseWait() {
        assertThat(run(m("socket-state", m("node", "pc1", "state", "CLOSE_WAIT")), SERVER_CLOSES).passed()).isTrue();
        assertThat(run(m("socket-state", m("node", "pc1", "state", "CLOSE_WAIT")), CLIENT_CLOSES).passed()).isFalse();
    }

    @Test
    void aListeningSocketIsBoundToEveryAddress() {
        assertThat(run(m("socket-state", m("node", "srv", "port", 8888, "state", "LISTEN")), SERVER_CLOSES).why())
                .isEqualTo("srv's TCP socket 0.0.0.0:8888 went from CLOSED to LISTEN (listen() called) at 0.000000 s");
    }
}
