package dev.packetlab.stack.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.stack.net.Host;
import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.testing.TestNetwork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** discard-server (RFC 863): reads everything, answers nothing, closes when the client does. */
class DiscardServerTest {
    private final TestNetwork t = new TestNetwork();
    private final Host pc1 = t.host("pc1", "10.0.0.1/24");
    private final Host srv = t.host("srv", "10.0.0.2/24");

    DiscardServerTest() {
        t.connect(pc1, srv);
        HostsFile.installAll(t.net);
        t.shell(srv).execute("discard-server", true, code -> { });
        t.shell(srv).execute("discard-server -u", true, code -> { });
        t.sim.runUntil(SimTime.millis(10));
    }

    @AfterEach
    void checksums() {
        t.close();
    }

    @Test
    void whatTheClientSendsIsReadAndNothingComesBack() {
        assertThat(t.run(pc1, "echo hello world | nc srv 9")).isEmpty();
        assertThat(t.lastExitCode).isZero();
        assertThat(t.terminalOutput("srv", 0)).endsWith("""
                discard-server: connection from 10.0.0.1 port 38186
                discard-server: connection from 10.0.0.1 port 38186 closed: 12 bytes discarded
                """);
    }

    @Test
    void theServerReadsSoNothingWaitsInItsReceiveQueue() {
        t.shell(pc1).execute("nc srv discard", code -> { });
        t.sim.runUntil(t.sim.now() + SimTime.millis(10));
        t.shell(pc1).input("x".repeat(3000) + "\n");
        t.sim.runUntil(t.sim.now() + SimTime.millis(100));

        assertThat(t.run(srv, "netstat -nt")).endsWith(
                "tcp        0      0 10.0.0.2:9              10.0.0.1:38186          ESTABLISHED\n");
    }

    @Test
    void overUdpADatagramIsLoggedAndDropped() {
        assertThat(t.run(pc1, "echo hello | nc -u -w 1 srv 9")).isEmpty();
        assertThat(t.terminalOutput("srv", 0)).endsWith("discard-server: 6 bytes from 10.0.0.1 port 38478 discarded\n");
    }

    @Test
    void bothListenOnTheDiscardPort() {
        assertThat(t.run(srv, "netstat -ln")).isEqualTo("""
                Active Internet connections (only servers)
                Proto Recv-Q Send-Q Local Address           Foreign Address         State      \n"""
                + "tcp        0    128 0.0.0.0:9               0.0.0.0:*               LISTEN     \n"
                + "udp        0      0 0.0.0.0:9               0.0.0.0:*                          \n");
    }
}
