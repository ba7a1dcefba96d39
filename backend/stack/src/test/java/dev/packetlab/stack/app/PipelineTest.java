package dev.packetlab.stack.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.stack.net.Host;
import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.testing.TestNetwork;
import dev.packetlab.stack.trace.TraceEvent;
import dev.packetlab.stack.wire.Ipv4HeaderView;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pipelines (POSIX sh 2.9.2): each command's output is the next one's input, and the last one's status is the line's. */
class PipelineTest {
    private final TestNetwork t = new TestNetwork();
    private final Host pc1 = t.host("pc1", "192.168.1.10/24");
    private final Host pc2 = t.host("pc2", "192.168.1.20/24");
    private final Recorder record = new Recorder(0);
    private final Shell shell = new Shell(pc1, List.of(record, new Echo(), new Cat(), new Ping()));
    private int status = Integer.MIN_VALUE;

    PipelineTest() {
        t.connect(pc1, t.switchNamed("sw1"));
        t.connect(pc2, t.net.node("sw1"));
    }

    /** Runs a line on pc1 until it ends; returns what the terminal showed after the prompt line. */
    private String run(String line) {
        int from = t.events.size();
        shell.execute(line, code -> status = code);
        t.sim.runWhile(() -> status == Integer.MIN_VALUE, t.sim.now() + SimTime.seconds(60));
        return t.terminalOutput("pc1", from);
    }

    @Test
    void echoIntoACommandFeedsItTheLineThenTheEndOfInput() {
        assertThat(run("echo hello | record")).isEmpty();
        assertThat(record.heard).containsExactly("hello\n", "EOF");
        assertThat(status).isEqualTo(3);
    }

    @Test
    void eachCommandFeedsTheNextAndOnlyTheLastPrintsToTheTerminal() {
        assertThat(run("echo hello world | cat | cat")).isEqualTo("hello world\n");
        assertThat(status).isZero();
    }

    @Test
    void aQuotedBarIsAnOrdinaryCharacter() {
        assertThat(run("echo 'a | b' \"c|d\"")).isEqualTo("a | b c|d\n");
    }

    @Test
    void aBarWithoutACommandOnEachSideIsASyntaxError() {
        for (String line : List.of("echo a | | cat", "| cat", "echo a |")) {
            status = Integer.MIN_VALUE;
            assertThat(run(line)).isEqualTo("sh: syntax error near unexpected token `|'\n");
            assertThat(status).isEqualTo(2);
        }
        assertThat(t.events(TraceEvent.TerminalOutput.class)).noneMatch(e -> e.text().equals("a\n"));
    }

    @Test
    void aDoubleBarIsRefusedWithAHintToQuoteIt() {
        assertThat(run("echo a || echo b"))
                .isEqualTo("sh: `||' is not supported here (quote it to pass it to a command, as in tcpdump 'tcp || udp')\n");
        assertThat(status).isEqualTo(2);
    }

    @Test
    void theStatusOfAPipelineIsThatOfItsLastCommand() {
        assertThat(run("pnig | echo hi")).isEqualTo("sh: pnig: command not found (type help for the list)\nhi\n");
        assertThat(status).isZero();
        status = Integer.MIN_VALUE;
        assertThat(run("echo hi | pnig")).isEqualTo("sh: pnig: command not found (type help for the list)\n");
        assertThat(status).isEqualTo(127);
    }

    /**
     * Ctrl-C reaches the whole pipeline, the last command first: cat ends (130), and ping's statistics, printed on
     * its way out, meet a closed pipe, as in a real process group. Replies: 8.051 ms (ARP first), then 4.031 ms.
     */
    @Test
    void ctrlCInterruptsEveryCommandOfAPipelineAndEchoesOnce() {
        int from = t.events.size();
        shell.execute("ping 192.168.1.20 | cat", code -> status = code);
        List<Process> pipeline = List.copyOf(shell.running());
        t.sim.runUntil(SimTime.millis(1500));
        shell.interrupt();
        assertThat(t.terminalOutput("pc1", from)).isEqualTo("""
                PING 192.168.1.20 (192.168.1.20) 56(84) bytes of data.
                64 bytes from 192.168.1.20: icmp_seq=1 ttl=64 time=8.05 ms
                64 bytes from 192.168.1.20: icmp_seq=2 ttl=64 time=4.03 ms
                ^C
                """);
        assertThat(status).isEqualTo(130);
        assertThat(pipeline).extracting(Process::exitCode).containsExactly(141, 130);
        assertThat(shell.running()).isEmpty();
    }

    /** echo ends at once; ping's next line, its first reply at 8.050560 ms, finds the pipe closed and ping dies of SIGPIPE. */
    @Test
    void aCommandWritingIntoAPipeNobodyReadsDiesOfSigpipe() {
        int from = t.events.size();
        Process echo = shell.execute("ping -c 3 192.168.1.20 | echo hi", code -> status = code);
        Process ping = shell.running().getFirst();
        assertThat(echo.exited()).isTrue();
        assertThat(status).isEqualTo(Integer.MIN_VALUE); // the line waits for ping
        t.sim.runWhile(() -> status == Integer.MIN_VALUE, SimTime.seconds(10));
        assertThat(t.sim.now()).isEqualTo(8_050_560L);
        assertThat(status).isZero();
        assertThat(ping.exitCode()).isEqualTo(141);
        assertThat(t.terminalOutput("pc1", from)).isEqualTo("hi\n");
        long requests = t.sentBy("pc1").stream()
                .filter(e -> e.frame().length > 34 && e.frame()[14 + 9] == Ipv4HeaderView.PROTOCOL_ICMP).count();
        assertThat(requests).isEqualTo(1);
    }
}
