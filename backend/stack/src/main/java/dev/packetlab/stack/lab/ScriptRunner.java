package dev.packetlab.stack.lab;

import dev.packetlab.stack.app.Process;
import dev.packetlab.stack.app.Shell;
import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.sim.Simulation;
import dev.packetlab.stack.trace.TraceEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a script on a lab, headless: each {@code node: command} line runs at the current simulated time and the
 * script waits (in simulated time) until the command exits; {@code &} runs it in the background; {@code wait}
 * lets time pass. A foreground command that is still running after {@link #FOREGROUND_LIMIT} is interrupted, as
 * Ctrl-C would, so that a forgotten {@code ping} without {@code -c} cannot run forever.
 */
public final class ScriptRunner {
    /** The longest a foreground command may run, in simulated time, before it is interrupted. */
    public static final long FOREGROUND_LIMIT = SimTime.seconds(600);

    private final LabInstance lab;
    private final long until;
    private final List<Process> background = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    /**
     * @param until simulated time at which the run ends whatever is still running, or {@link Long#MAX_VALUE} to end
     *              when the script is done and every command it started has exited
     */
    public ScriptRunner(LabInstance lab, long until) {
        this.lab = lab;
        this.until = until;
    }

    /** What the runner itself had to say (interrupted commands, the end time reached): for the CLI to print. */
    public List<String> notes() { return notes; }

    /** Runs every line, then what is still running, up to the end time. */
    public void run(List<ScriptLine> script) {
        Simulation sim = lab.simulation();
        for (ScriptLine line : script) {
            if (sim.now() >= until) {
                notes.add("stopped at " + SimTime.formatSeconds(until) + " s (--until) before line " + line.number());
                return;
            }
            switch (line) {
                case ScriptLine.Wait w -> sim.runUntil(Math.min(until, sim.now() + w.duration()));
                case ScriptLine.Command c -> runCommand(c);
            }
        }
        long deadline = until == Long.MAX_VALUE ? sim.now() + FOREGROUND_LIMIT : until;
        sim.runWhile(() -> background.stream().anyMatch(p -> !p.exited()), deadline);
        for (Process p : background) {
            if (!p.exited()) {
                notes.add(p.node().name() + ": interrupted \"" + p.command().name() + "\" still running at the end");
                lab.shell(p.node().name()).interrupt();
            }
        }
        if (until != Long.MAX_VALUE) sim.runUntil(until);
    }

    private void runCommand(ScriptLine.Command c) {
        Shell shell = lab.shell(c.node());
        boolean[] exited = {false};
        Process p = shell.execute(c.command(), code -> exited[0] = true);
        if (c.background()) {
            if (p != null && !exited[0]) background.add(p);
            return;
        }
        Simulation sim = lab.simulation();
        long deadline = Math.min(until, sim.now() + FOREGROUND_LIMIT);
        sim.runWhile(() -> !exited[0], deadline);
        if (!exited[0]) {
            if (sim.now() < deadline) sim.runUntil(deadline); // nothing left to happen: let the clock reach the limit
            notes.add(c.node() + ": interrupted \"" + c.command() + "\" after "
                    + (deadline == until ? "reaching --until" : FOREGROUND_LIMIT / SimTime.SECOND + " s"));
            shell.interrupt();
        }
    }

    /** Collects terminal output as lines prefixed with the node name, in the order they were printed. */
    public static final class Transcript implements dev.packetlab.stack.trace.TraceListener {
        private final java.util.Map<String, StringBuilder> partial = new java.util.TreeMap<>();
        private final java.util.function.Consumer<String> out;

        public Transcript(java.util.function.Consumer<String> out) {
            this.out = out;
        }

        @Override
        public void on(TraceEvent event) {
            if (!(event instanceof TraceEvent.TerminalOutput t)) return;
            StringBuilder b = partial.computeIfAbsent(t.node(), k -> new StringBuilder());
            b.append(t.text());
            int nl;
            while ((nl = b.indexOf("\n")) >= 0) {
                out.accept(t.node() + ": " + b.substring(0, nl));
                b.delete(0, nl + 1);
            }
        }

        /** Prints what is left without a final newline. */
        public void flush() {
            partial.forEach((node, b) -> {
                if (!b.isEmpty()) out.accept(node + ": " + b);
                b.setLength(0);
            });
        }
    }
}
