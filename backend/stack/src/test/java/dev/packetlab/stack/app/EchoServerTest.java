package dev.packetlab.stack.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.stack.net.Host;
import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.testing.TestNetwork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** echo-server (RFC 862): what comes in goes back, for any number of clients, over TCP or UDP, with a log line each. */
class EchoServerTest {
    private final TestNetwork t = new TestNetwork();
    private final Host pc1 = t.host("pc1", "10.0.0.1/24");
    private final Host pc2 = t.host("pc2", "10.0.0.3/24");
    private final Host srv = t.host("srv", "10.0.0.2/24");

    EchoServerTest() {
        t.connect(pc1, t.switchNamed("sw1"));
        t.connect(pc2, t.net.node("sw1"));
        t.connect(srv, t.net.node("sw1"));
        HostsFile.installAll(t.net);
    }

    @AfterEach
    void checksums() {
        t.close();
    }

    private int[] start(Host node, String command, boolean background) {
        int[] exit = {Integer.MIN_VALUE};
        t.shell(node).execute(command, background, code -> exit[0] = code);
        advance(50); // through the switch, ARP and the handshake take 10 ms
        return exit;
    }

    private void advance(long millis) {
        t.sim.runUntil(t.sim.now() + SimTime.millis(millis));
    }

    @Test
    void whatTheClientSendsComesBackAndTheServerLogsTheConnection() {
        start(srv, "echo-server", true);

        assertThat(t.run(pc1, "echo hello | nc srv 7")).isEqualTo("hello\n");
        assertThat(t.terminalOutput("srv", 0)).isEqualTo("""
                echo-server: listening on TCP port 7
                echo-server: connection from 10.0.0.1 port 38186
                echo-server: connection from 10.0.0.1 port 38186 closed: 6 bytes echoed
                """);
    }

    /** Each echo waits in srv's Send-Q until the client's delayed ACK (200 ms) acknowledges it. */
    @Test
    void twoClientsAreServedAtTheSameTime() {
        start(srv, "echo-server 7777", true);
        start(pc1, "nc srv 7777", false);
        start(pc2, "nc srv 7777", false);

        t.shell(pc1).input("from pc1\n");
        t.shell(pc2).input("from pc2\n");
        advance(10);

        assertThat(t.terminalOutput("pc1", 0)).isEqualTo("from pc1\nfrom pc1\n");
        assertThat(t.terminalOutput("pc2", 0)).isEqualTo("from pc2\nfrom pc2\n");
        assertThat(t.run(srv, "netstat -nt")).endsWith(""
                + "tcp        0      9 10.0.0.2:7777           10.0.0.1:38186          ESTABLISHED\n"
                + "tcp        0      9 10.0.0.2:7777           10.0.0.3:52216          ESTABLISHED\n");
    }

    @Test
    void overUdpEachDatagramIsSentBackToItsSender() {
        start(srv, "echo-server -u", true);

        assertThat(t.run(pc1, "echo ping | nc -u -w 1 srv 7")).isEqualTo("ping\n");
        assertThat(t.terminalOutput("srv", 0)).isEqualTo("""
                echo-server: listening on UDP port 7
                echo-server: 5 bytes from 10.0.0.1 port 38478 echoed
                """);
    }

    @Test
    void aPortInUseStopsTheServerWithTheReason() {
        start(srv, "nc -l 7", true);

        assertThat(t.run(srv, "echo-server")).isEqualTo("echo-server: bind: Address already in use\n");
        assertThat(t.lastExitCode).isEqualTo(1);
    }

    /** Its listening socket has SO_REUSEADDR, as daemons do: the TIME_WAIT its last connection left does not matter. */
    @Test
    void aRestartedServerTakesItsPortDespiteTimeWait() {
        int[] first = start(srv, "echo-server", true);
        start(pc1, "nc srv 7", false);
        t.shell(srv).interrupt();
        advance(10);
        assertThat(first[0]).isEqualTo(130);
        assertThat(t.run(srv, "netstat -nt")).contains("TIME_WAIT");

        int[] second = start(srv, "echo-server", true);

        assertThat(second[0]).isEqualTo(Integer.MIN_VALUE);
        assertThat(t.run(pc1, "echo again | nc srv 7")).isEqualTo("again\n");
    }

    @Test
    void ctrlCClosesTheListenerAndEveryConnection() {
        int[] server = start(srv, "echo-server", true);
        int[] client = start(pc1, "nc srv 7", false);

        t.shell(srv).interrupt();
        advance(10);

        assertThat(server[0]).isEqualTo(130);
        assertThat(client[0]).isZero();
        assertThat(t.run(pc1, "nc srv 7"))
                .isEqualTo("nc: connect to srv (10.0.0.2) port 7 (tcp) failed: Connection refused\n");
    }

    @Test
    void aBadPortIsAUsageError() {
        assertThat(t.run(srv, "echo-server 70000"))
                .startsWith("echo-server: invalid port '70000'\nusage: echo-server [-u] [PORT]");
        assertThat(t.lastExitCode).isEqualTo(2);
    }
}
