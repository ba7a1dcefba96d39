package dev.packetlab.stack.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.packetlab.stack.net.Host;
import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.testing.Segments;
import dev.packetlab.stack.testing.TestNetwork;
import dev.packetlab.stack.trace.TraceEvent;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** netcat: connecting, listening, what it sends and prints, how it ends, and its messages. */
class NcTest {
    private static final int RUNNING = Integer.MIN_VALUE;

    private final TestNetwork t = new TestNetwork();
    private final Host pc1 = t.host("pc1", "10.0.0.1/24");
    private final Host srv = t.host("srv", "10.0.0.2/24");
    private final Host pc2 = t.host("pc2", "10.0.0.3/24");

    NcTest() {
        t.connect(pc1, t.switchNamed("sw1"));
        t.connect(srv, t.net.node("sw1"));
        t.connect(pc2, t.net.node("sw1"));
        HostsFile.installAll(t.net);
    }

    @AfterEach
    void checksums() {
        t.close();
    }

    /** Starts {@code command} on {@code node} as a script's {@code node: command &} does, and lets it start. */
    private int[] background(Host node, String command) {
        int[] exit = {RUNNING};
        t.shell(node).execute(command, true, code -> exit[0] = code);
        t.sim.runUntil(t.sim.now() + SimTime.millis(10));
        return exit;
    }

    /** Starts {@code command} in the foreground of {@code node}'s terminal (it reads what is typed there). */
    private int[] foreground(Host node, String command) {
        int[] exit = {RUNNING};
        t.shell(node).execute(command, code -> exit[0] = code);
        t.sim.runUntil(t.sim.now() + SimTime.millis(10));
        return exit;
    }

    private void advance(long millis) {
        t.sim.runUntil(t.sim.now() + SimTime.millis(millis));
    }

    @Test
    void aLinePipedIntoNcArrivesAtTheListenerWhichExitsWhenTheClientCloses() {
        int[] server = background(srv, "nc -l 8888");
        int start = t.events.size();

        assertThat(t.run(pc1, "echo hello | nc srv 8888")).isEmpty();
        assertThat(t.lastExitCode).isZero();
        assertThat(t.terminalOutput("srv", start)).isEqualTo("hello\n");
        assertThat(server[0]).isZero();
    }

    @Test
    void theEndOfInputIsSentAsAFinAfterTheData() {
        background(srv, "nc -l 8888");

        t.run(pc1, "echo hello | nc srv 8888");

        assertThat(Segments.sentBy(t, "pc1")).extracting(Segments.Sent::flags, Segments.Sent::length)
                .containsExactly(tuple("S", 0), tuple(".", 0), tuple("P.", 6), tuple("F.", 0), tuple(".", 0));
    }

    @Test
    void verboseModeSaysWhatHappensInNetcatOpenbsdsWords() {
        background(srv, "nc -v -l 8888");

        assertThat(t.run(pc1, "echo hello | nc -v srv 8888"))
                .isEqualTo("Connection to srv (10.0.0.2) 8888 port [tcp/*] succeeded!\n");
        assertThat(t.terminalOutput("srv", 0)).isEqualTo("""
                Listening on 0.0.0.0 8888
                Connection received on pc1 38186
                hello
                """);
    }

    @Test
    void verboseModeNamesTheServiceAndLeavesOutAnAddressTypedAsOne() {
        background(srv, "echo-server");

        assertThat(t.run(pc1, "echo hello | nc -v 10.0.0.2 7"))
                .isEqualTo("Connection to 10.0.0.2 7 port [tcp/echo] succeeded!\nhello\n");
    }

    @Test
    void numericModePrintsAddressesWithoutNames() {
        background(srv, "nc -v -n -l 8888");

        t.run(pc1, "echo hello | nc -n -v 10.0.0.2 8888");

        assertThat(t.terminalOutput("srv", 0)).contains("Connection received on 10.0.0.1 38186\n");
        assertThat(t.run(pc1, "nc -n srv 8888"))
                .isEqualTo("nc: getaddrinfo for host \"srv\" port 8888: Name or service not known\n");
    }

    @Test
    void aPortWithoutAListenerRefusesTheConnection() {
        assertThat(t.run(pc1, "nc 10.0.0.2 8888"))
                .isEqualTo("nc: connect to 10.0.0.2 port 8888 (tcp) failed: Connection refused\n");
        assertThat(t.lastExitCode).isEqualTo(1);
        assertThat(t.run(pc1, "nc srv 8888"))
                .isEqualTo("nc: connect to srv (10.0.0.2) port 8888 (tcp) failed: Connection refused\n");
    }

    @Test
    void anUnknownHostNameIsReportedAsGetaddrinfoDoes() {
        assertThat(t.run(pc1, "nc nowhere 80"))
                .isEqualTo("nc: getaddrinfo for host \"nowhere\" port 80: Name or service not known\n");
        assertThat(t.lastExitCode).isEqualTo(1);
    }

    @Test
    void anAddressWithoutARouteIsUnreachable() {
        assertThat(t.run(pc1, "nc 192.168.1.1 80"))
                .isEqualTo("nc: connect to 192.168.1.1 port 80 (tcp) failed: Network is unreachable\n");
        assertThat(t.lastExitCode).isEqualTo(1);
    }

    /** 10.0.0.9 does not exist: ARP gets no answer, the SYNs go nowhere, and -w 2 gives up after two seconds. */
    @Test
    void aConnectThatGetsNoAnswerTimesOutAfterW() {
        long start = t.sim.now();

        assertThat(t.run(pc1, "nc -w 2 10.0.0.9 80"))
                .isEqualTo("nc: connect to 10.0.0.9 port 80 (tcp) timed out: Operation now in progress\n");
        assertThat(t.lastExitCode).isEqualTo(1);
        assertThat(t.sim.now() - start).isEqualTo(SimTime.seconds(2));
    }

    @Test
    void aBadPortIsNamedAsNetcatNamesIt() {
        assertThat(t.run(pc1, "nc srv 99999")).isEqualTo("nc: port number too large: 99999\n");
        assertThat(t.run(pc1, "nc srv gopher")).isEqualTo("nc: service \"gopher\" unknown\n");
        assertThat(t.run(pc1, "nc -l")).isEqualTo("nc: missing port number\n");
        assertThat(t.run(pc1, "nc -k srv 80")).isEqualTo("nc: must use -l with -k\n");
        assertThat(t.lastExitCode).isEqualTo(1);
    }

    @Test
    void pChoosesThePortToConnectFrom() {
        background(srv, "nc -l 8888");
        background(pc1, "nc -p 5000 srv 8888");

        assertThat(t.run(pc1, "netstat -nt")).endsWith(
                "tcp        0      0 10.0.0.1:5000           10.0.0.2:8888           ESTABLISHED\n");
    }

    @Test
    void aServiceNameStandsForItsPort() {
        background(srv, "echo-server");

        assertThat(t.run(pc1, "echo hi | nc srv echo")).isEqualTo("hi\n");
    }

    @Test
    void listeningOnAPortHeldByTimeWaitFailsWithAddressInUse() {
        serverClosesFirst();

        assertThat(t.run(srv, "nc -l 8888")).isEqualTo("nc: Address already in use\n");
        assertThat(t.lastExitCode).isEqualTo(1);
    }

    @Test
    void listeningWithRTakesAPortHeldByTimeWait() {
        serverClosesFirst();

        int start = t.events.size();
        int[] server = background(srv, "nc -v -r -l 8888");

        assertThat(server[0]).isEqualTo(RUNNING);
        assertThat(t.terminalOutput("srv", start)).isEqualTo("Listening on 0.0.0.0 8888\n");
    }

    /** The listener's input ends at once, so it sends "bye" and its FIN first; TIME_WAIT is then on srv:8888. */
    private void serverClosesFirst() {
        background(srv, "echo bye | nc -l 8888");
        assertThat(t.run(pc1, "nc srv 8888")).isEqualTo("bye\n");
        advance(10);
        assertThat(t.run(srv, "netstat -ant")).endsWith("tcp        0      0 10.0.0.2:8888           10.0.0.1:38186"
                + "          TIME_WAIT  \n");
    }

    @Test
    void typedLinesAreSentAsTheyComeAndWhatArrivesIsPrinted() {
        background(srv, "echo-server");
        int[] client = foreground(pc1, "nc srv 7");
        int start = t.events.size();

        t.shell(pc1).input("one\n");
        advance(10);
        t.shell(pc1).input("two\n");
        advance(10);

        assertThat(t.terminalOutput("pc1", start)).isEqualTo("one\none\ntwo\ntwo\n");
        assertThat(client[0]).isEqualTo(RUNNING);
    }

    @Test
    void ctrlDEndsInputAndNcExitsOnceThePeerHasClosedToo() {
        background(srv, "echo-server");
        int[] client = foreground(pc1, "nc srv 7");
        t.shell(pc1).input("last\n");
        advance(10);

        t.shell(pc1).endOfInput();
        advance(10);

        assertThat(client[0]).isZero();
        assertThat(t.terminalOutput("pc1", 0)).isEqualTo("last\nlast\n");
    }

    @Test
    void ctrlCClosesTheConnectionAndExitsWith130() {
        int[] server = background(srv, "nc -l 8888");
        int[] client = foreground(pc1, "nc srv 8888");

        t.shell(pc1).interrupt();
        advance(10);

        assertThat(client[0]).isEqualTo(130);
        assertThat(server[0]).isZero();
        assertThat(t.run(pc1, "netstat -ant")).endsWith("TIME_WAIT  \n");
    }

    @Test
    void withKTheListenerAcceptsTheNextConnectionAfterOneEnds() {
        int[] server = background(srv, "nc -k -l 8888");

        t.run(pc1, "echo first | nc srv 8888");
        t.run(pc1, "echo second | nc srv 8888");
        advance(10);

        assertThat(t.terminalOutput("srv", 0)).isEqualTo("first\nsecond\n");
        assertThat(server[0]).isEqualTo(RUNNING);
        assertThat(t.run(srv, "netstat -ant")).endsWith(
                "tcp        0      1 0.0.0.0:8888            0.0.0.0:*               LISTEN     \n");
    }

    @Test
    void withoutKTheListenerClosesWhenItsConnectionEnds() {
        background(srv, "nc -l 8888");

        t.run(pc1, "echo first | nc srv 8888");

        assertThat(t.run(pc1, "echo second | nc srv 8888"))
                .isEqualTo("nc: connect to srv (10.0.0.2) port 8888 (tcp) failed: Connection refused\n");
    }

    @Test
    void anIdleConnectionEndsAfterW() {
        background(srv, "nc -l 8888");
        int[] client = foreground(pc1, "nc -w 3 srv 8888");
        long connected = t.events(TraceEvent.SocketStateChanged.class).stream()
                .filter(e -> e.node().equals("pc1") && e.to().equals("ESTABLISHED")).findFirst().orElseThrow().time();

        t.sim.runUntil(connected + SimTime.seconds(3) - 1);
        assertThat(client[0]).isEqualTo(RUNNING);
        t.sim.runUntil(connected + SimTime.seconds(3));
        assertThat(client[0]).isZero();
    }

    @Test
    void zeroIoModeOnlyChecksThatThePortIsOpen() {
        background(srv, "echo-server");

        assertThat(t.run(pc1, "nc -zv srv 7")).isEqualTo("Connection to srv (10.0.0.2) 7 port [tcp/echo] succeeded!\n");
        assertThat(t.lastExitCode).isZero();
    }

    @Test
    void overUdpEachLineIsOneDatagram() {
        background(srv, "echo-server -u");
        foreground(pc1, "nc -u srv 7");

        t.shell(pc1).input("a\nbb\n");
        advance(10);

        assertThat(t.terminalOutput("srv", 0)).endsWith("""
                echo-server: 2 bytes from 10.0.0.1 port 38478 echoed
                echo-server: 3 bytes from 10.0.0.1 port 38478 echoed
                """);
        assertThat(t.terminalOutput("pc1", 0)).isEqualTo("a\nbb\na\nbb\n");
    }

    @Test
    void aUdpListenerRepliesToTheLastSender() {
        int[] server = foreground(srv, "nc -u -v -l 9999");
        foreground(pc1, "nc -u 10.0.0.2 9999");
        foreground(pc2, "nc -u 10.0.0.2 9999");

        t.shell(pc1).input("from pc1\n");
        advance(10);
        t.shell(pc2).input("from pc2\n");
        advance(10);
        t.shell(srv).input("reply\n");
        advance(10);

        assertThat(t.terminalOutput("srv", 0)).isEqualTo("""
                Bound on 0.0.0.0 9999
                Connection received on pc1 38478
                from pc1
                Connection received on pc2 60371
                from pc2
                reply
                """);
        assertThat(t.terminalOutput("pc2", 0)).endsWith("reply\n");
        assertThat(t.terminalOutput("pc1", 0)).doesNotContain("reply");
        assertThat(server[0]).isEqualTo(RUNNING);
    }

    @Test
    void aDatagramToAClosedPortEndsUdpNcWithConnectionRefused() {
        int[] client = foreground(pc1, "nc -u srv 9999");

        t.shell(pc1).input("anyone?\n");
        advance(10);

        assertThat(client[0]).isEqualTo(1);
        assertThat(t.terminalOutput("pc1", 0)).isEqualTo("anyone?\nnc: Connection refused\n");
    }

    @Test
    void controlCharactersArriveInCaretNotation() {
        Nc.TerminalText text = new Nc.TerminalText();

        assertThat(text.decode(new byte[] {'a', 0x1b, '[', '2', 'J', 0, '\t', 0x7f, '\r', '\n'}))
                .isEqualTo("a^[[2J^@\t^?\r\n");
    }

    @Test
    void aCharacterSplitBetweenTwoReadsIsNotBroken() {
        Nc.TerminalText text = new Nc.TerminalText();
        byte[] han = "한".getBytes(StandardCharsets.UTF_8);

        assertThat(text.decode(new byte[] {'x', han[0]})).isEqualTo("x");
        assertThat(text.decode(new byte[] {han[1], han[2], 'y'})).isEqualTo("한y");
    }

    @Test
    void bytesThatAreNotUtf8ShowAsTheReplacementCharacter() {
        Nc.TerminalText text = new Nc.TerminalText();

        assertThat(text.decode(new byte[] {'o', (byte) 0xff, 'k'})).isEqualTo("o\uFFFDk");
        assertThat(text.decode(new byte[] {(byte) 0xe2, (byte) 0x82})).isEmpty();
        assertThat(text.flush()).isEqualTo("\uFFFD");
    }
}
