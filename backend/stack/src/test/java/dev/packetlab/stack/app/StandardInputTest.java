package dev.packetlab.stack.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.stack.net.Host;
import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.testing.TestNetwork;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Standard input: what is typed reaches the foreground command, Ctrl-D ends it, background jobs hear nothing. */
class StandardInputTest {
    private final TestNetwork t = new TestNetwork();
    private final Host pc1 = t.host("pc1", "192.168.1.10/24");
    private final Recorder record = new Recorder(0);
    private final Shell shell = new Shell(pc1, List.of(record, new Cat(), new Echo()));
    private int status = Integer.MIN_VALUE;

    @Test
    void aTypedLineReachesTheForegroundCommandWithItsNewline() {
        shell.execute("record", code -> status = code);
        shell.input("hello\n");
        assertThat(record.heard).containsExactly("hello\n");
        assertThat(status).isEqualTo(Integer.MIN_VALUE);
    }

    @Test
    void inputTypedBeforeTheCommandListensWaitsForItInOrderWithTheEndBehindIt() {
        Recorder late = new Recorder(SimTime.seconds(1));
        Shell s = new Shell(pc1, List.of(late));
        s.execute("record", code -> status = code);
        s.input("first\n");
        s.input("second\n");
        s.endOfInput();
        t.sim.runUntil(SimTime.millis(999));
        assertThat(late.heard).isEmpty();
        t.sim.runUntil(SimTime.seconds(1));
        assertThat(late.heard).containsExactly("first\n", "second\n", "EOF");
        assertThat(status).isEqualTo(3);
    }

    @Test
    void ctrlDEndsTheInputOfCatWhichThenExits() {
        int from = t.events.size();
        shell.execute("cat", code -> status = code);
        shell.input("ping\n");
        shell.input("pong\n");
        assertThat(status).isEqualTo(Integer.MIN_VALUE);
        shell.endOfInput();
        assertThat(status).isZero();
        // the terminal echoes each typed line, then cat prints it back
        assertThat(t.terminalOutput("pc1", from)).isEqualTo("ping\nping\npong\npong\n");
    }

    @Test
    void aLineEndingWithAmpersandRunsInTheBackgroundAndReadsNoTerminalInput() {
        int from = t.events.size();
        Process p = shell.execute("record &", code -> status = code);
        assertThat(shell.foreground()).isNull();
        shell.input("for nobody\n");
        shell.endOfInput();
        assertThat(record.heard).isEmpty();
        assertThat(p.inputClosed()).isFalse();
        assertThat(t.terminalOutput("pc1", from)).isEmpty();
        assertThat(p.args()).isEmpty();
    }

    @Test
    void theMostRecentForegroundLineReadsTheTerminal() {
        Recorder first = new Recorder(0);
        Recorder second = new Recorder(0);
        Shell s = new Shell(pc1, List.of(first, new Cat()));
        s.execute("record", code -> { });
        Shell other = new Shell(pc1, List.of(second));
        other.execute("record", code -> { });
        s.execute("cat", code -> status = code);
        s.input("to cat\n");
        assertThat(first.heard).isEmpty();
        s.endOfInput();
        assertThat(status).isZero();
        s.input("to record again\n");
        assertThat(first.heard).containsExactly("to record again\n");
        assertThat(second.heard).isEmpty();
    }

    @Test
    void aCleanupRegisteredAfterTheEndRunsAtOnce() {
        Process p = shell.execute("echo done", code -> status = code);
        boolean[] ran = {false};
        p.onExit(() -> ran[0] = true);
        assertThat(ran[0]).isTrue();
        assertThat(status).isZero();
    }
}
