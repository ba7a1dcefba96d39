package dev.packetlab.stack.lab.check;

import static dev.packetlab.stack.lab.check.Runs.l;
import static dev.packetlab.stack.lab.check.Runs.m;
import static dev.packetlab.stack.lab.check.Runs.step;
import static dev.packetlab.stack.lab.check.Runs.switched;
import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.stack.lab.check.Runs.Run;
import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.socket.Errno;
import dev.packetlab.stack.socket.ReceiveHandler;
import dev.packetlab.stack.socket.SocketAddress;
import dev.packetlab.stack.socket.SocketTable;
import dev.packetlab.stack.testing.Tshark;
import dev.packetlab.stack.trace.Capture;
import dev.packetlab.stack.trace.PcapWriter;
import dev.packetlab.stack.wire.Ipv4Address;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TCP analysis checks find what Wireshark's TCP analysis finds: the same segments, counted on a capture of the
 * same run. A bulk transfer from pc1 to srv port 5001, written through the socket API, either over a lossy cable
 * (retransmissions, duplicate ACKs, fast retransmits) or to a server that reads nothing for 3 s (a zero window,
 * a probe, then a window update when it reads).
 */
class TcpAnalysisTest {
    @TempDir
    Path dir;

    /** A lab whose srv cable loses 2 % of frames each way (seeded: the same frames every run). */
    private static Map<String, Object> lossy(Object... steps) {
        Map<String, Object> tree = switched(steps);
        @SuppressWarnings("unchecked")
        Map<String, Object> srvLink = (Map<String, Object>) ((List<Object>) tree.get("links")).get(1);
        srvLink.put("loss", 0.02);
        return tree;
    }

    /** pc1 connects to srv:5001, writes {@code bytes} and closes; srv reads all from {@code readFrom} on. */
    static void transfer(Run run, int bytes, long readFrom) {
        SocketTable client = SocketTable.of(run.instance.network().node("pc1"));
        SocketTable server = SocketTable.of(run.instance.network().node("srv"));
        int listener = server.socket(SocketTable.Type.STREAM).value();
        server.bind(listener, 5001);
        server.listen(listener, 1);
        server.accept(listener, accepted -> run.instance.simulation().scheduleAt(
                Math.max(readFrom, run.instance.simulation().now()), () -> readAll(server, accepted.value())));
        int fd = client.socket(SocketTable.Type.STREAM).value();
        client.connect(fd, new SocketAddress(Ipv4Address.parse("10.0.0.2"), 5001),
                connected -> client.write(fd, new byte[bytes], written -> client.close(fd)));
        run.instance.simulation().runUntil(readFrom + SimTime.seconds(30));
    }

    private static void readAll(SocketTable table, int fd) {
        table.receive(fd, 65_536, 0, new ReceiveHandler() {
            @Override
            public void received(byte[] data, SocketAddress from) {
                if (data.length > 0) readAll(table, fd);
            }

            @Override
            public void failed(Errno error) { }
        });
    }

    /** Captures what {@code node} sent and received, as tcpdump on it would. */
    private PcapWriter capture(Run run, String node) throws IOException {
        PcapWriter pcap = new PcapWriter(new BufferedOutputStream(Files.newOutputStream(dir.resolve(node + ".pcap"))),
                PcapWriter.Resolution.NANOSECONDS);
        Capture.node(run.instance.network().trace(), pcap, node);
        return pcap;
    }

    private int wireshark(String node, String filter) {
        return Tshark.read(dir.resolve(node + ".pcap"), "-Y", filter).size();
    }

    @Test
    void retransmissionsFastRetransmitsAndDuplicateAcksAreThoseWiresharkFinds() throws IOException {
        Tshark.require();
        Run run = new Run(lossy(
                step(m("count", m("retransmission", m("from", "pc1", "to", "srv", "port", 5001), "exactly", 1))),
                step(m("count", m("fast-retransmit", m("from", "pc1"), "exactly", 1))),
                step(m("count", m("duplicate-ack", m("from", "srv"), "exactly", 36))),
                step(m("all", l(m("retransmission", m()), m("not", m("retransmission", m("from", "srv"))))))));
        PcapWriter atPc1 = capture(run, "pc1");
        PcapWriter atSrv = capture(run, "srv");
        transfer(run, 300_000, 0);
        atPc1.close();
        atSrv.close();

        assertThat(run.finish()).allSatisfy(r -> assertThat(r.passed()).as(r.why()).isTrue());
        assertThat(wireshark("pc1", "tcp.analysis.retransmission && ip.src == 10.0.0.1")).isEqualTo(1);
        assertThat(wireshark("pc1", "tcp.analysis.fast_retransmission && ip.src == 10.0.0.1")).isEqualTo(1);
        assertThat(wireshark("srv", "tcp.analysis.duplicate_ack && ip.src == 10.0.0.2")).isEqualTo(36);
    }

    @Test
    void aFullReceiveBufferIsAZeroWindowProbedAndThenUpdatedAsWiresharkSaysToo() throws IOException {
        Tshark.require();
        Run run = new Run(switched(
                step(m("count", m("zero-window", m("from", "srv"), "exactly", 2))),
                step(m("count", m("zero-window-probe", m("from", "pc1"), "exactly", 1))),
                step(m("count", m("window-update", m("from", "srv"), "exactly", 1))),
                step(m("before", l(m("zero-window", m()), m("zero-window-probe", m()), m("window-update", m()))))));
        PcapWriter atSrv = capture(run, "srv");
        transfer(run, 200_000, SimTime.seconds(3));
        atSrv.close();

        assertThat(run.finish()).allSatisfy(r -> assertThat(r.passed()).as(r.why()).isTrue());
        assertThat(wireshark("srv", "tcp.analysis.zero_window && ip.src == 10.0.0.2")).isEqualTo(2);
        assertThat(wireshark("srv", "tcp.analysis.zero_window_probe && ip.src == 10.0.0.1")).isEqualTo(1);
        assertThat(wireshark("srv", "tcp.analysis.window_update && ip.src == 10.0.0.2")).isEqualTo(1);
    }

    @Test
    void theWindowUpdateIsSentWhenTheServerReads() {
        Run run = new Run(switched(step(m("window-update", m("from", "srv", "to", "pc1", "port", 5001)))));
        transfer(run, 200_000, SimTime.seconds(3));
        StepResult r = run.result();
        assertThat(r.at()).isEqualTo(SimTime.seconds(3));
        assertThat(r.why()).isEqualTo("srv sent a window update: TCP 10.0.0.2 → 10.0.0.1 5001 → 38186 [ACK] "
                + "Seq=648880771 Ack=2959855884 Win=65535 Len=0 at 3.000000 s");
    }

    @Test
    void aLosslessTransferToAReaderHasNoRetransmissionNorZeroWindow() {
        Run run = new Run(switched(step(m("any", l(m("retransmission", m()), m("zero-window", m()),
                m("duplicate-ack", m()))))));
        transfer(run, 200_000, 0);
        StepResult r = run.result();
        assertThat(r.passed()).isFalse();
        assertThat(r.why()).isEqualTo("none of: not seen: a TCP retransmission / not seen: a TCP zero window / "
                + "not seen: a TCP duplicate ACK");
    }

    @Test
    void theReceiveWindowOfAServerThatDoesNotReadFallsToZero() {
        Run run = new Run(switched(step(m("tcp-variable", m("node", "srv", "port", 5001, "variable", "rcv-wnd",
                "equals", 0)))));
        transfer(run, 200_000, SimTime.seconds(3));
        assertThat(run.result().why()).isEqualTo("srv's rcv-wnd was 0 bytes at 1.025436 s");
    }

    @Test
    void aVariableThatNeverReachedTheRangeSaysWhereItWas() {
        Run run = new Run(switched(step(m("tcp-variable", m("node", "pc1", "variable", "rto", "at-least", "2s")))));
        transfer(run, 200_000, 0);
        assertThat(run.result().why()).isEqualTo("not seen: the retransmission timeout (RTO) of a TCP connection of "
                + "pc1 at least 2.000000 s (its values ranged from 1.000000 s to 1.000000 s)");
    }
}
