package dev.packetlab.stack.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.stack.net.Host;
import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.testing.TestNetwork;
import dev.packetlab.stack.trace.TraceEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** ss: iproute2's columns fitted to their contents, its state filters, timers and the -i line of TCP variables. */
class SsTest {
    private final TestNetwork t = new TestNetwork();
    private final Host pc1 = t.host("pc1", "10.0.0.1/24");
    private final Host srv = t.host("srv", "10.0.0.2/24");

    SsTest() {
        t.connect(pc1, srv);
        HostsFile.installAll(t.net);
    }

    @AfterEach
    void checksums() {
        t.close();
    }

    /** pc1 connects to srv's echo server; "hello" goes there and back, so the connection has an RTT sample. */
    private void echoConnection() {
        t.background(srv, "echo-server");
        t.shell(pc1).execute("nc srv 7", code -> { });
        t.advance(10);
        t.shell(pc1).input("hello\n");
        t.advance(500);
    }

    @Test
    void tanListsSocketsInColumnsAsWideAsTheirContentsWithAddressesAlignedOnTheirPorts() {
        t.background(srv, "nc -l 8888");
        t.shell(pc1).execute("nc srv 8888", code -> { });
        t.advance(10);

        assertThat(t.run(srv, "ss -tan")).isEqualTo("""
                State  Recv-Q Send-Q Local Address:Port Peer Address:Port
                LISTEN 0      1            0.0.0.0:8888      0.0.0.0:*
                ESTAB  0      0           10.0.0.2:8888     10.0.0.1:38186
                """);
    }

    @Test
    void withoutAListenersAndTimeWaitAreLeftOut() {
        t.background(srv, "nc -l 8888");
        t.run(pc1, "echo hello | nc srv 8888");
        t.background(srv, "nc -l 8888");

        assertThat(t.run(pc1, "ss -tn")).isEqualTo("State Recv-Q Send-Q Local Address:Port Peer Address:Port\n");
        assertThat(t.run(pc1, "ss -tan")).isEqualTo("""
                State     Recv-Q Send-Q Local Address:Port  Peer Address:Port
                TIME-WAIT 0      0           10.0.0.1:38186     10.0.0.2:8888
                """);
    }

    @Test
    void lListsListenersAndUnconnectedUdpSockets() {
        t.background(srv, "echo-server");
        t.background(srv, "nc -u -l 9999");

        assertThat(t.run(srv, "ss -ln")).isEqualTo("""
                Netid State  Recv-Q Send-Q Local Address:Port Peer Address:Port
                udp   UNCONN 0      0            0.0.0.0:9999      0.0.0.0:*
                tcp   LISTEN 0      128          0.0.0.0:7         0.0.0.0:*
                """);
    }

    @Test
    void hLeavesOutTheHeaderAndTheColumnsFitTheRowsAlone() {
        t.background(srv, "nc -l 8888");

        // the queues keep ss's "%-6d"
        assertThat(t.run(srv, "ss -tlnH")).isEqualTo("LISTEN 0      1      0.0.0.0:8888 0.0.0.0:*\n");
    }

    @Test
    void portsAreNamedUnlessNAndAddressesOnlyWithR() {
        echoConnection();

        assertThat(t.run(srv, "ss -t")).isEqualTo("""
                State Recv-Q Send-Q Local Address:Port Peer Address:Port
                ESTAB 0      0           10.0.0.2:echo     10.0.0.1:38186
                """);
        assertThat(t.run(srv, "ss -tr")).isEqualTo("""
                State Recv-Q Send-Q Local Address:Port Peer Address:Port
                ESTAB 0      0                srv:echo          pc1:38186
                """);
    }

    /**
     * The 5-digit port makes its column one wider than "Port"; the extra column (timers) is padded to its widest
     * entry on every line, the header's empty one included, as ss pads it.
     */
    @Test
    void oShowsTheTimewaitTimerInSsUnits() {
        t.background(srv, "nc -l 8888");
        t.run(pc1, "echo hello | nc srv 8888");
        long timeWait = t.events(TraceEvent.SocketStateChanged.class).stream()
                .filter(e -> e.node().equals("pc1") && e.to().equals("TIME_WAIT")).findFirst().orElseThrow().time();

        t.sim.runUntil(timeWait + SimTime.millis(125));

        String timer = " timer:(timewait,59sec,0)";
        assertThat(t.run(pc1, "ss -tano")).isEqualTo(
                "State     Recv-Q Send-Q Local Address:Port  Peer Address:Port" + " ".repeat(timer.length()) + "\n"
                + "TIME-WAIT 0      0           10.0.0.1:38186     10.0.0.2:8888" + timer + "\n");
    }

    /** The cable is cut so "lost" is never acknowledged: the first RTO is 1 s, the next 2 s. */
    @Test
    void oShowsTheRetransmissionTimerWithItsRetransmissionsSoFar() {
        echoConnection();
        t.net.link("l0").setUp(false);
        long sent = t.sim.now();
        t.shell(pc1).input("lost\n");

        t.sim.runUntil(sent + SimTime.millis(800));
        assertThat(t.run(pc1, "ss -tno")).endsWith("10.0.0.2:7 timer:(on,200ms,0)\n");
        t.sim.runUntil(sent + SimTime.millis(1500));
        assertThat(t.run(pc1, "ss -tno")).endsWith("10.0.0.2:7 timer:(on,1.500sec,1)\n");
    }

    @Test
    void timersAreWrittenAsSsWritesMilliseconds() {
        assertThat(Ss.msTimer(200)).isEqualTo("200ms");
        assertThat(Ss.msTimer(1500)).isEqualTo("1.500sec");
        assertThat(Ss.msTimer(2000)).isEqualTo("2sec");
        assertThat(Ss.msTimer(59_875)).isEqualTo("59sec");
        assertThat(Ss.msTimer(60_000)).isEqualTo("1min");
        assertThat(Ss.msTimer(90_500)).isEqualTo("1min30sec");
    }

    /**
     * srtt 2.009 ms (two 1 ms hops and two frames' serialization), rttvar half of it, RTO at its 1 s floor; 10
     * segments of 1460 bytes per 2.009 ms is 58.1 Mbit/s.
     */
    @Test
    void iAddsALineWithTheTcpVariablesInSsWords() {
        echoConnection();

        String info = "\n\t newreno rto:1000 rtt:2.009/1.004 mss:1460 advmss:1460 cwnd:10 send 58.1Mbps"
                + " snd_wnd:65529 rcv_wnd:65529 snd_una:3608281392 snd_nxt:3608281392 rcv_nxt:3703214754";
        assertThat(t.run(pc1, "ss -ti")).isEqualTo(
                "State Recv-Q Send-Q Local Address:Port  Peer Address:Port" + " ".repeat(info.length()) + "\n"
                + "ESTAB 0      0           10.0.0.1:38186     10.0.0.2:echo" + info + "\n");
    }

    @Test
    void nPrintsTheSendRateAsAPlainNumber() {
        echoConnection();

        assertThat(t.run(pc1, "ss -tni")).contains(" send 58138377bps ");
    }

    /** Two timeouts: cwnd falls to one segment, ssthresh to two, the RTO is backed off twice. */
    @Test
    void afterALossSsthreshRetransmissionsAndBackoffAppear() {
        echoConnection();
        t.net.link("l0").setUp(false);
        t.shell(pc1).input("lost\n");

        t.advance(3500);

        assertThat(t.run(pc1, "ss -tni")).contains("\t newreno rto:4000 backoff:2 rtt:2.009/1.004 mss:1460 advmss:1460"
                + " cwnd:1 ssthresh:2 send 5813838bps retrans:2 snd_wnd:65529");
    }

    @Test
    void aTimeWaitSocketHasAnEmptyInfoLineAsLinuxKeepsNoTcpInfoForIt() {
        t.background(srv, "nc -l 8888");
        t.run(pc1, "echo hello | nc srv 8888");

        assertThat(t.run(pc1, "ss -tani"))
                .endsWith("TIME-WAIT 0      0           10.0.0.1:38186     10.0.0.2:8888\n\t\n");
    }

    @Test
    void windowScalesAreListedPeerFirstWhenBothSidesUseThem() {
        t.run(pc1, "sysctl -w net.ipv4.tcp_window_scaling=1");
        t.run(srv, "sysctl -w net.ipv4.tcp_window_scaling=1");
        t.run(srv, "sysctl -w net.ipv4.tcp_rmem=1048576");

        echoConnection();

        assertThat(t.run(pc1, "ss -tni")).contains("\t newreno wscale:5,1 rto:1000");
    }

    @Test
    void sendRatesAreWrittenWithThreeSignificantDigits() {
        assertThat(Ss.bandwidth(58_138_377, false)).isEqualTo("58.1M");
        assertThat(Ss.bandwidth(77_200_000, false)).isEqualTo("77.2M");
        assertThat(Ss.bandwidth(1_000_000_000, false)).isEqualTo("1G");
        assertThat(Ss.bandwidth(999_999, false)).isEqualTo("1e+03k");
        assertThat(Ss.bandwidth(512, false)).isEqualTo("512");
        assertThat(Ss.bandwidth(58_138_377.4, true)).isEqualTo("58138377");
    }

    @Test
    void numbersFollowCsPercentG() {
        assertThat(SocketTableFormat.g(2.009, 6)).isEqualTo("2.009");
        assertThat(SocketTableFormat.g(1000, 6)).isEqualTo("1000");
        assertThat(SocketTableFormat.g(0.0005, 6)).isEqualTo("0.0005");
        assertThat(SocketTableFormat.g(0.00005, 6)).isEqualTo("5e-05");
        assertThat(SocketTableFormat.g(1234567, 6)).isEqualTo("1.23457e+06");
        assertThat(SocketTableFormat.g(0.125, 2)).isEqualTo("0.12");
    }
}
