package dev.packetlab.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.packetlab.server.runtime.LabSession.Control;
import dev.packetlab.server.runtime.LabSession.Control.Action;
import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.trace.TraceEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/**
 * Keys typed at a node's terminal through a live instance: what a watcher's screen gets (the node's output and the
 * echoes between it, in order), and what the node's shell gets.
 */
class KeyboardTerminalTest extends LoggedTwoHostLab {
    static final String ERASE = "\r\u001b[J";
    static final String UP = "\u001b[A";

    KeyboardTerminalTest() {
        super("keys");
    }

    /** What one node's terminal is written: the node's output and the echoes, in the order a client gets them. */
    static final class Screen implements SessionObserver {
        final String node;
        final StringBuilder written = new StringBuilder();
        final List<Echo> echoes = new ArrayList<>();

        Screen(String node) {
            this.node = node;
        }

        @Override
        public synchronized void event(TraceEvent event, FrameInfo frame) {
            if (event instanceof TraceEvent.TerminalOutput t && t.node().equals(node)) written.append(t.text());
        }

        @Override
        public synchronized void echo(Echo echo) {
            if (!echo.node().equals(node)) return;
            echoes.add(echo);
            written.append(echo.text());
        }

        @Override
        public void runState(RunState state) {}

        @Override
        public void jobEnded(JobView job) {}

        @Override
        public void reset(Snapshot snapshot) {}

        @Override
        public void attached(Snapshot snapshot) {}

        synchronized String written() {
            return written.toString();
        }

        synchronized Echo last() {
            return echoes.getLast();
        }
    }

    Screen watch(LabSession s, String node) throws Exception {
        Screen screen = new Screen(node);
        await(s.attach(screen));
        return screen;
    }

    @Test
    void typedKeysAreEchoedAfterThePromptAndEnterRunsTheLine() throws Exception {
        LabSession s = session();
        Screen pc1 = watch(s, "pc1");

        await(s.keys("pc1", "echo hi", null));
        assertThat(pc1.written()).isEqualTo("$ echo hi");
        await(s.keys("pc1", "\r", null));

        // erased, then the shell echoes the line itself and runs it, then a fresh prompt
        assertThat(pc1.written()).isEqualTo("$ echo hi" + ERASE + "$ echo hi\nhi\n$ ");
        assertThat(await(s.record()).log()).extracting(LogEntry::toString)
                .containsExactly(new LogEntry.Line(0, 0, "pc1", "echo hi").toString());
    }

    @Test
    void backspaceAndTheCursorKeysRedrawTheLine() throws Exception {
        LabSession s = session();
        Screen pc1 = watch(s, "pc1");
        await(s.keys("pc1", "pnig", null));
        await(s.keys("pc1", "\u001b[D\u001b[D\u007f\u001b[Cn", null)); // pn|ig, p|ig, pi|g, pin|g

        assertThat(pc1.last().line()).isEqualTo("ping");
        assertThat(pc1.last().cursor()).isEqualTo(3);
        assertThat(pc1.written()).isEqualTo("$ pnig" + ERASE + "$ ping\r\u001b[5C");
    }

    @Test
    void aLineTypedWhileACommandRunsIsItsInputWithoutAPrompt() throws Exception {
        LabSession s = session();
        Screen pc1 = watch(s, "pc1");
        await(s.keys("pc1", "cat\r", null));
        await(s.keys("pc1", "hello\r", null));
        await(s.keys("pc1", "\u0004", null));

        assertThat(pc1.written()).isEqualTo("$ cat\nhello\nhello\n$ ");
        assertThat(await(s.record()).log()).extracting(LogEntry::toString).containsExactly(
                new LogEntry.Line(0, 0, "pc1", "cat").toString(), new LogEntry.Line(0, 0, "pc1", "hello").toString(),
                new LogEntry.EndOfInput(0, 0, "pc1").toString());
    }

    @Test
    void ctrlCStopsTheRunningCommandAndThePromptComesBackAfterItsOutput() throws Exception {
        LabSession s = session();
        Screen pc1 = watch(s, "pc1");
        await(s.keys("pc1", "ping 10.0.0.2\r", null));
        await(s.control(new Control(Action.ADVANCE, null, null, SimTime.millis(1500))));
        await(s.keys("pc1", "\u0003", null));

        assertThat(pc1.written()).startsWith("$ ping 10.0.0.2\nPING 10.0.0.2").contains("^C\n")
                .contains("2 packets transmitted, 2 received").endsWith("\n$ ");
        assertThat(await(s.record()).log().getLast()).isInstanceOf(LogEntry.Interrupt.class);
    }

    @Test
    void ctrlCWithNothingRunningDropsTheLineAsAShellDoesAndLogsNothing() throws Exception {
        LabSession s = session();
        Screen pc1 = watch(s, "pc1");
        await(s.keys("pc1", "abc\u0003", null));

        assertThat(pc1.written()).isEqualTo("$ abc\r\u001b[5C^C\r\n$ ");
        assertThat(await(s.record()).log()).isEmpty();
    }

    @Test
    void upRecallsTheLastCommandAndEnterRunsItAgain() throws Exception {
        LabSession s = session();
        Screen pc1 = watch(s, "pc1");
        await(s.keys("pc1", "echo one\r", null));
        await(s.keys("pc1", UP, null));
        assertThat(pc1.last().line()).isEqualTo("echo one");
        await(s.keys("pc1", "\r", null));

        assertThat(pc1.written()).endsWith("$ echo one\none\n$ ");
        assertThat(await(s.record()).log()).hasSize(2);
    }

    @Test
    void whatTheNodePrintsErasesTheTypedLineWhichComesBackBelowIt() throws Exception {
        LabSession s = session();
        Screen pc1 = watch(s, "pc1");
        await(s.keys("pc1", "ec", null));
        await(s.line("pc1", "echo x")); // a whole line, as before: no echo of its own, the typed line moves down

        assertThat(pc1.written()).isEqualTo("$ ec" + ERASE + "$ echo x\nx\n$ ec");
    }

    @Test
    void aNodeTypedAtOnlyLineByLineGetsNoEchoes() throws Exception {
        LabSession s = session();
        Screen pc1 = watch(s, "pc1");
        await(s.line("pc1", "echo x"));

        assertThat(pc1.echoes).isEmpty();
        assertThat(await(s.snapshot()).editing()).isEmpty();
    }

    @Test
    void theSnapshotHoldsTheLineBeingTypedForAClientThatConnectsLater() throws Exception {
        LabSession s = session();
        await(s.keys("pc1", "ping\u001b[D", null));

        assertThat(await(s.snapshot()).editing()).isEqualTo(Map.of("pc1", new Snapshot.Editing("$ ", "ping", 3)));
    }

    @Test
    void emptyKeysWithAWidthDrawThePromptAndTypeNothing() throws Exception {
        // what the UI sends when it opens a terminal: the prompt appears for every client, nothing is logged
        LabSession s = session();
        Screen pc1 = watch(s, "pc1");
        await(s.keys("pc1", "", 96));

        assertThat(pc1.written()).isEqualTo("$ ");
        assertThat(pc1.last()).isEqualTo(new Echo("pc1", "$ ", "$ ", "", 0));
        assertThat(await(s.record()).log()).isEmpty();
    }

    @Test
    void theTerminalWidthDecidesWhereALongLineWraps() throws Exception {
        LabSession s = session();
        Screen pc1 = watch(s, "pc1");
        await(s.keys("pc1", "echo 0123456789", 10));
        await(s.keys("pc1", "\u007f", null));

        assertThat(pc1.written()).isEqualTo("$ echo 0123456789" + "\u001b[1A" + ERASE + "$ echo 012345678");
    }

    @Test
    void linesTypedKeyByKeyAreReplayedByteForByteAfterEviction() throws Exception {
        LabSession s = session();
        await(s.keys("pc1", "ping -c 2 10.0.0.2\r", null));
        await(s.control(new Control(Action.RUN_UNTIL_IDLE, null, null, null)));
        await(s.keys("pc1", "echo still typing", null));

        await(s.evict());
        Snapshot rebuilt = await(s.snapshot());

        assertThat(logs.get(1).toString()).isEqualTo(logs.get(0).toString());
        assertThat(rebuilt.editing().get("pc1").line()).isEqualTo("echo still typing");
    }

    @Test
    void moreKeysMessagesThanASecondTakesAreRefused() throws Exception {
        LabSession s = session();
        for (int i = 0; i < LabSession.KEYS_PER_SECOND; i++) await(s.keys("pc1", "x", null));

        assertThatThrownBy(() -> await(s.keys("pc1", "x", null))).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(LabSession.TooManyInputsException.class)
                .hasMessage("more than 100 keys messages per second to one instance; slow down");
        wall.addAndGet(SimTime.millis(10)); // one more message's worth
        await(s.keys("pc1", "x", null));
    }
}
