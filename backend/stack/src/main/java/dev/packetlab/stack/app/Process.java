package dev.packetlab.stack.app;

import dev.packetlab.stack.link.Node;
import dev.packetlab.stack.sim.Simulation;
import dev.packetlab.stack.sim.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * One running command: its arguments, its terminal, and its end. Timers it schedules through {@link #schedule}
 * are cancelled when it exits, so an interrupted {@code ping} leaves nothing behind.
 */
public final class Process {
    private final Shell shell;
    private final Command command;
    private final List<String> args;
    private final IntConsumer onExit;
    private final List<Timer> timers = new ArrayList<>();
    private final List<Runnable> cleanups = new ArrayList<>();
    private Runnable interruptHandler;
    private boolean exited;
    private int exitCode;

    Process(Shell shell, Command command, List<String> args, IntConsumer onExit) {
        this.shell = shell;
        this.command = command;
        this.args = List.copyOf(args);
        this.onExit = onExit;
    }

    public List<String> args() { return args; }

    public Command command() { return command; }

    public Node node() { return shell.node(); }

    public Simulation simulation() { return shell.node().network().simulation(); }

    /** Prints a line (a newline is added) to the terminal. */
    public void println(String line) {
        if (!exited) shell.print(line + "\n");
    }

    /** Schedules work owned by this process; cancelled if the process ends first. */
    public Timer schedule(long delay, Runnable action) {
        Timer t = simulation().schedule(delay, () -> {
            if (!exited) action.run();
        });
        timers.add(t);
        return t;
    }

    /** Runs {@code cleanup} when the process ends, however it ends (e.g. close an ICMP endpoint). */
    public void onExit(Runnable cleanup) {
        cleanups.add(cleanup);
    }

    /** What Ctrl-C does; by default the process ends with status 130 as a shell reports it. */
    public void onInterrupt(Runnable handler) {
        this.interruptHandler = handler;
    }

    void interrupt() {
        if (exited) return;
        shell.print("^C\n");
        if (interruptHandler != null) interruptHandler.run();
        else exit(130);
    }

    /** Prints the usage after a message, and ends with status 2 (the convention for a usage error). */
    public void usageError(String message) {
        println(command.name() + ": " + message);
        println(command.usage());
        exit(2);
    }

    public boolean exited() { return exited; }

    public int exitCode() { return exitCode; }

    /** Ends the process; later calls are ignored. */
    public void exit(int code) {
        if (exited) return;
        exited = true;
        exitCode = code;
        for (Timer t : timers) simulation().cancel(t);
        timers.clear();
        for (Runnable c : cleanups) c.run();
        shell.processExited(this);
        onExit.accept(code);
    }
}
