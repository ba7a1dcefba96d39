package dev.packetlab.stack.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.stack.net.Host;
import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.socket.SocketTable;
import dev.packetlab.stack.testing.TestNetwork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** netstat: net-tools' columns, which sockets each option lists, the states a close leaves behind, and timers. */
class NetstatTest {
    private static final String HEADER = """
            Active Internet connections (servers and established)
            Proto Recv-Q Send-Q Local Address           Foreign Address         State      \n""";

    private final TestNetwork t = new TestNetwork();
    private final Host pc1 = t.host("pc1", "10.0.0.1/24");
    private final Host srv = t.host("srv", "10.0.0.2/24");

    NetstatTest() {
        t.connect(pc1, srv);
        HostsFile.installAll(t.net);
    }

    @AfterEach
    void checksums() {
        t.close();
    }


    @Test
    void aListenerShowsTheWildcardAddressItsBacklogAndNoPeer() {
        t.background(srv, "nc -l 8888");

        assertThat(t.run(srv, "netstat -ant")).isEqualTo(HEADER
                + "tcp        0      1 0.0.0.0:8888            0.0.0.0:*               LISTEN     \n");
    }

    @Test
    void withoutAListenersAreLeftOutAndWithLOnlyThemAreListed() {
        t.background(srv, "nc -l 8888");
        t.shell(pc1).execute("nc srv 8888", code -> { });
        t.advance(10);

        assertThat(t.run(srv, "netstat -nt")).isEqualTo("""
                Active Internet connections (w/o servers)
                Proto Recv-Q Send-Q Local Address           Foreign Address         State     \s
                tcp        0      0 10.0.0.2:8888           10.0.0.1:38186          ESTABLISHED
                """);
        assertThat(t.run(srv, "netstat -lnt")).isEqualTo("""
                Active Internet connections (only servers)
                Proto Recv-Q Send-Q Local Address           Foreign Address         State     \s
                tcp        0      1 0.0.0.0:8888            0.0.0.0:*               LISTEN    \s
                """);
    }

    @Test
    void theSideThatClosedFirstKeepsItsConnectionInTimeWait() {
        t.background(srv, "nc -l 8888");

        t.run(pc1, "echo hello | nc srv 8888");

        assertThat(t.run(pc1, "netstat -ant")).isEqualTo(HEADER
                + "tcp        0      0 10.0.0.1:38186          10.0.0.2:8888           TIME_WAIT  \n");
    }

    @Test
    void theSideThatClosedSecondIsInLastAckUntilItsFinIsAcknowledgedThenGone() {
        t.background(srv, "nc -l 8888");
        t.run(pc1, "echo hello | nc srv 8888");

        assertThat(t.run(srv, "netstat -ant")).isEqualTo(HEADER
                + "tcp        0      0 10.0.0.2:8888           10.0.0.1:38186          LAST_ACK   \n");
        t.advance(10);
        assertThat(t.run(srv, "netstat -ant")).isEqualTo(HEADER);
    }

    /** A program on srv that accepts and then neither reads nor closes: the client's FIN leaves it in CLOSE_WAIT. */
    @Test
    void closeWaitShowsWhileThePeerHasClosedAndTheProgramHasNot() {
        SocketTable sockets = t.sockets(srv);
        int listener = sockets.socket(SocketTable.Type.STREAM).value();
        sockets.bind(listener, 8888);
        sockets.listen(listener, 5);
        sockets.accept(listener, accepted -> { });

        t.background(pc1, "echo hi | nc srv 8888");

        assertThat(t.run(srv, "netstat -ant")).isEqualTo(HEADER
                + "tcp        0      5 0.0.0.0:8888            0.0.0.0:*               LISTEN     \n"
                + "tcp        3      0 10.0.0.2:8888           10.0.0.1:38186          CLOSE_WAIT \n");
        assertThat(t.run(pc1, "netstat -ant")).isEqualTo(HEADER
                + "tcp        0      0 10.0.0.1:38186          10.0.0.2:8888           FIN_WAIT2  \n");
    }

    /** /proc/net/tcp counts in ticks of 1/100 s: 59.875 s left is printed as 59.87. */
    @Test
    void theTimewaitTimerShowsTheSecondsLeftTruncatedToHundredths() {
        t.background(srv, "nc -l 8888");
        t.run(pc1, "echo hello | nc srv 8888");

        t.sim.runUntil(t.timeOfState("pc1", "TIME_WAIT") + SimTime.millis(125));

        assertThat(t.run(pc1, "netstat -anto")).isEqualTo("""
                Active Internet connections (servers and established)
                Proto Recv-Q Send-Q Local Address           Foreign Address         State       Timer
                tcp        0      0 10.0.0.1:38186          10.0.0.2:8888           TIME_WAIT   timewait (59.87/0/0)
                """);
    }

    /** The cable is cut, so "lost" is never acknowledged: RTO 1 s, then 2 s after the first retransmission. */
    @Test
    void theRetransmissionTimerShowsItsTimeLeftAndTheRetransmissionsSoFar() {
        t.background(srv, "nc -l 8888");
        t.shell(pc1).execute("nc srv 8888", code -> { });
        t.advance(10);
        t.net.link("l0").setUp(false);
        long sent = t.sim.now();
        t.shell(pc1).input("lost\n");

        t.sim.runUntil(sent + SimTime.millis(250));
        assertThat(t.run(pc1, "netstat -anto")).endsWith("ESTABLISHED on (0.75/0/0)\n");
        t.sim.runUntil(sent + SimTime.millis(1500));
        assertThat(t.run(pc1, "netstat -anto")).endsWith("ESTABLISHED on (1.50/1/0)\n");
    }

    @Test
    void aListenerAndAnIdleConnectionHaveNoTimerRunning() {
        t.background(srv, "nc -l 8888");

        assertThat(t.run(srv, "netstat -anto")).endsWith("LISTEN      off (0.00/0/0)\n");
    }

    @Test
    void udpSocketsHaveAnEmptyStateUnlessConnected() {
        t.background(srv, "nc -u -l 9999");
        t.background(pc1, "nc -u srv 9999");

        assertThat(t.run(srv, "netstat -anu")).isEqualTo(HEADER
                + "udp        0      0 0.0.0.0:9999            0.0.0.0:*                          \n");
        assertThat(t.run(pc1, "netstat -anu")).isEqualTo(HEADER
                + "udp        0      0 10.0.0.1:38478          10.0.0.2:9999           ESTABLISHED\n");
    }

    @Test
    void withoutNAddressesAndPortsAreNamedFromHostsAndServices() {
        t.background(srv, "echo-server");
        t.shell(pc1).execute("nc srv 7", code -> { });
        t.advance(10);

        assertThat(t.run(srv, "netstat -at")).isEqualTo(HEADER
                + "tcp        0    128 0.0.0.0:echo            0.0.0.0:*               LISTEN     \n"
                + "tcp        0      0 srv:echo                pc1:38186               ESTABLISHED\n");
    }

    @Test
    void aLongNameIsShortenedSoThatNameAndPortFitIn22Characters() {
        try (TestNetwork n = new TestNetwork()) {
            Host client = n.host("client", "10.0.0.1/24");
            Host server = n.host("server", "10.0.0.2/24");
            n.connect(client, server);
            HostsFile.install(server).add("a-very-long-host-name", client.interfaces().getFirst().ip());
            n.shell(server).execute("nc -l 8888", true, code -> { });
            n.shell(client).execute("nc 10.0.0.2 8888", code -> { });
            n.sim.runUntil(SimTime.millis(10));

            assertThat(n.run(server, "netstat -t")).endsWith(
                    "tcp        0      0 10.0.0.2:8888           a-very-long-host-:38641 ESTABLISHED\n");
        }
    }

    @Test
    void pAddsAProgramColumnWhichIsADashForEverySocket() {
        t.background(srv, "nc -l 8888");

        assertThat(t.run(srv, "netstat -antp")).isEqualTo("""
                Active Internet connections (servers and established)
                Proto Recv-Q Send-Q Local Address           Foreign Address         State       PID/Program name   \s
                tcp        0      1 0.0.0.0:8888            0.0.0.0:*               LISTEN      -                  \s
                """);
    }

    @Test
    void anArgumentIsAUsageError() {
        assertThat(t.run(srv, "netstat -ant 8888")).startsWith("netstat: unexpected argument '8888'\nusage: netstat");
        assertThat(t.lastExitCode).isEqualTo(2);
    }
}
