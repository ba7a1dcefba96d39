package dev.packetlab.server.runtime;

import static dev.packetlab.server.runtime.LabSessionTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.server.runtime.LabSession.Control;
import dev.packetlab.server.runtime.LabSession.Control.Action;
import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.trace.TraceEvent;
import dev.packetlab.stack.trace.TraceListener;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each socket's story since the instance started (GET .../sockets/history): recorded whether or not anyone watched,
 * so a page opened late draws the whole connection.
 */
class SocketHistoryTest {
    final AtomicLong wall = new AtomicLong(1_000_000_000L);
    final SessionScheduler scheduler = new SessionScheduler(2, wall::get);

    @AfterEach
    void stop() {
        scheduler.close();
    }

    LabSession session() {
        return LabSession.create("test", "two-hosts.yaml", LabSessionTest.LAB, null, scheduler,
                LabSession.Settings.DEFAULT, () -> List.<TraceListener>of());
    }

    static SocketHistoryView.Socket socket(SocketHistoryView h, String node, int socket) {
        return h.sockets().stream().filter(s -> s.node().equals(node) && s.socket() == socket).findFirst().orElseThrow();
    }

    static List<String> steps(SocketHistoryView.Socket s) {
        return s.transitions().stream()
                .map(t -> t.time() + " " + t.from() + "→" + t.to() + " " + t.code() + " (" + t.cause() + ")").toList();
    }

    @Test
    void srvsListenerAndItsConnectionAreRecordedFromListenToTimeWaitWithTheirTimes() throws Exception {
        LabSession s = session();
        LabSessionTest.connect(s);
        SocketHistoryView h = await(s.socketHistory("srv"));

        assertThat(h.sockets()).extracting(SocketHistoryView.Socket::socket).containsExactly(1, 2);
        assertThat(steps(socket(h, "srv", 1))).containsExactly(
                "0 CLOSED→LISTEN listen-called (listen() called)",
                "14072000 LISTEN→CLOSED close-called (close() called)");
        SocketHistoryView.Socket connection = socket(h, "srv", 2);
        assertThat(connection.local()).isEqualTo("10.0.0.2:8888");
        assertThat(connection.remote()).isEqualTo("10.0.0.1:58940");
        assertThat(connection.state()).isEqualTo("TIME_WAIT");
        assertThat(steps(connection)).containsExactly(
                "6028800 LISTEN→SYN_RECEIVED syn-received (SYN received)",
                "10048000 SYN_RECEIVED→ESTABLISHED ack-of-syn-ack (ACK of SYN+ACK received)",
                "10048000 ESTABLISHED→FIN_WAIT_1 close-or-shutdown (close() or shutdown() called)",
                // srv's FIN is acknowledged by pc1's own FIN, one segment: two changes at one moment
                "14072000 FIN_WAIT_1→FIN_WAIT_2 ack-of-fin (ACK of FIN received)",
                "14072000 FIN_WAIT_2→TIME_WAIT fin-received (FIN received)");
        assertThat(connection.transitionsCut()).isZero();
        assertThat(h.socketsCut()).isZero();
        assertThat(h.time()).isEqualTo(SimTime.millis(100) + 12062400);
    }

    @Test
    void theConnectionsTcpVariablesAreSampledFromTheHandshakeOnWithNobodyWatching() throws Exception {
        LabSession s = session();
        LabSessionTest.connect(s);
        SocketHistoryView.Socket client = socket(await(s.socketHistory("pc1")), "pc1", 1);

        assertThat(client.samples()).isNotEmpty();
        SocketHistoryView.Sample first = client.samples().getFirst();
        // pc1's SYN left after ARP; the SYN+ACK synchronised the connection at 8.0384 ms
        assertThat(first.time()).isEqualTo(8038400);
        assertThat(first.cwnd()).isEqualTo(14600);
        assertThat(first.sndWnd()).isEqualTo(65535);
        assertThat(first.sndNxt() - first.sndUna()).isZero();
        assertThat(client.samplesCut()).isZero();
    }

    @Test
    void aConnectionGoneAfterTimeWaitKeepsItsWholeStory() throws Exception {
        LabSession s = session();
        LabSessionTest.connect(s);
        await(s.control(new Control(Action.ADVANCE, null, null, SimTime.seconds(61))));
        SocketHistoryView.Socket connection = socket(await(s.socketHistory(null)), "srv", 2);

        assertThat(connection.state()).isEqualTo("CLOSED");
        assertThat(steps(connection)).hasSize(6).last()
                .isEqualTo("60014072000 TIME_WAIT→CLOSED time-wait-ended (2·MSL elapsed)");
    }

    @Test
    void goingBackInTimeForgetsWhatCameAfterThatMoment() throws Exception {
        LabSession s = session();
        LabSessionTest.connect(s);
        await(s.control(new Control(Action.SEEK, null, null, 12_000_000L)));
        SocketHistoryView.Socket connection = socket(await(s.socketHistory("srv")), "srv", 2);

        assertThat(connection.state()).isEqualTo("FIN_WAIT_1");
        assertThat(connection.transitions()).extracting(SocketHistoryView.Transition::to)
                .containsExactly("SYN_RECEIVED", "ESTABLISHED", "FIN_WAIT_1");
    }

    @Test
    void anUnknownNodeIsANotFoundNamingTheNodes() {
        LabSession s = session();
        assertThat(s.socketHistory("pc9")).failsWithin(java.time.Duration.ofSeconds(30))
                .withThrowableThat().havingCause().isInstanceOf(NotFoundException.class)
                .withMessageContaining("pc9").withMessageContaining("known: pc1, srv, sw1");
    }

    // ---- the limits, fed directly ----

    static TraceEvent.SocketStateChanged state(long time, String node, int socket, String from, String to) {
        return new TraceEvent.SocketStateChanged(time, node, socket, "tcp", "10.0.0.1:" + (1000 + socket),
                "10.0.0.2:80", from, to, "connect() called");
    }

    static TraceEvent.TcpVariablesChanged sample(long time, String node, int socket, long cwnd) {
        return new TraceEvent.TcpVariablesChanged(time, node, socket, 1, 1, 65535, 1, 65535, cwnd, 1 << 30, 0, 0,
                1_000_000_000L, 0, 0);
    }

    @Test
    void aSocketKeepsItsNewestSamplesAndCountsTheOnesCut() {
        SocketHistory h = new SocketHistory();
        h.on(state(0, "pc1", 1, "CLOSED", "SYN_SENT"));
        for (int i = 0; i < SocketHistory.SAMPLES_PER_SOCKET + 5; i++) h.on(sample(i, "pc1", 1, i));

        SocketHistoryView.Socket s = h.view(null, 99).sockets().getFirst();
        assertThat(s.samples()).hasSize(SocketHistory.SAMPLES_PER_SOCKET);
        assertThat(s.samples().getFirst().cwnd()).isEqualTo(5);
        assertThat(s.samplesCut()).isEqualTo(5);
    }

    @Test
    void theInstancesSampleBudgetCutsTheOldestSocketsSamplesFirst() {
        SocketHistory h = new SocketHistory();
        int sockets = SocketHistory.SAMPLES / SocketHistory.SAMPLES_PER_SOCKET + 1;
        for (int k = 1; k <= sockets; k++) {
            h.on(state(0, "pc1", k, "CLOSED", "SYN_SENT"));
            for (int i = 0; i < SocketHistory.SAMPLES_PER_SOCKET; i++) h.on(sample(i, "pc1", k, i));
        }

        List<SocketHistoryView.Socket> all = h.view(null, 99).sockets();
        assertThat(all.stream().mapToInt(x -> x.samples().size()).sum()).isEqualTo(SocketHistory.SAMPLES);
        assertThat(all.getFirst().samples()).isEmpty();
        assertThat(all.getFirst().samplesCut()).isEqualTo(SocketHistory.SAMPLES_PER_SOCKET);
        assertThat(all.getLast().samplesCut()).isZero();
    }

    @Test
    void pastTheSocketLimitTheOldestClosedSocketIsForgottenAndCounted() {
        SocketHistory h = new SocketHistory();
        h.on(state(0, "pc1", 1, "CLOSED", "SYN_SENT"));
        h.on(state(1, "pc1", 2, "CLOSED", "SYN_SENT"));
        h.on(state(2, "pc1", 2, "SYN_SENT", "CLOSED"));
        for (int k = 3; k <= SocketHistory.SOCKETS + 1; k++) h.on(state(k, "pc1", k, "CLOSED", "SYN_SENT"));

        SocketHistoryView v = h.view("pc1", 99);
        assertThat(v.sockets()).hasSize(SocketHistory.SOCKETS);
        assertThat(v.sockets()).extracting(SocketHistoryView.Socket::socket).doesNotContain(2).contains(1);
        assertThat(v.socketsCut()).isEqualTo(1);
    }

    @Test
    void aTransitionCarriesItsCausesCodeAndParameters() {
        SocketHistory h = new SocketHistory();
        h.on(new TraceEvent.SocketStateChanged(5, "pc1", 1, "tcp", "10.0.0.1:1000", "10.0.0.2:80", "SYN_SENT",
                "CLOSED", "no answer to 6 SYNs"));

        SocketHistoryView.Transition t = h.view(null, 5).sockets().getFirst().transitions().getFirst();
        assertThat(t.code()).isEqualTo("syn-retries-exhausted");
        assertThat(t.params()).isEqualTo(Map.of("count", "6"));
    }
}
