package dev.packetlab.stack.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.stack.net.Host;
import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.testing.TestNetwork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** http-server: the web server started from a shell. */
class HttpServerCommandTest {
    private final TestNetwork t = new TestNetwork();
    private final Host pc1 = t.host("pc1", "10.0.0.1/24", null);
    private final Host www = t.host("www", "10.0.0.80/24", null);

    HttpServerCommandTest() {
        t.connect(pc1, t.switchNamed("sw1"));
        t.connect(www, t.net.node("sw1"));
        HostsFile.installAll(t.net);
    }

    @AfterEach
    void checksums() {
        t.close();
    }

    private int[] background(Host node, String command) {
        int[] exit = {Integer.MIN_VALUE};
        t.shell(node).execute(command, true, code -> exit[0] = code);
        t.sim.runUntil(t.sim.now() + SimTime.millis(10));
        return exit;
    }

    @Test
    void itAnnouncesItselfAndLogsEachRequestInCombinedFormat() {
        background(www, "http-server -p 8080 -i '<p>hi</p>'");

        assertThat(t.run(pc1, "curl http://www:8080/")).isEqualTo("<p>hi</p>");
        assertThat(t.terminalOutput("www", 0)).isEqualTo("""
                Serving HTTP on 0.0.0.0 port 8080 (http://0.0.0.0:8080/) ...
                10.0.0.1 - - [01/Jan/1970:00:00:00 +0000] "GET / HTTP/1.1" 200 9 "-" "curl/8.5.0"
                """);
    }

    @Test
    void aSecondServerOnTheSamePortCannotBind() {
        background(www, "http-server");

        assertThat(t.run(www, "http-server")).isEqualTo("http-server: bind: Address already in use\n");
        assertThat(t.lastExitCode).isEqualTo(1);
    }

    @Test
    void ctrlCStopsTheServerAndItsPortRefusesConnections() {
        int[] exit = background(www, "http-server -q");
        t.shell(www).interrupt();

        assertThat(exit[0]).isEqualTo(130);
        assertThat(t.run(pc1, "curl -s http://www/")).isEmpty();
        assertThat(t.lastExitCode).isEqualTo(7);
    }
}
