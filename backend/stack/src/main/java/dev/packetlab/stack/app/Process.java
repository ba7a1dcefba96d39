package dev.packetlab.stack.app;

import dev.packetlab.stack.link.Node;
import dev.packetlab.stack.sim.Simulation;
import dev.packetlab.stack.sim.Timer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * One running command: its arguments, its standard input and output, and its end. Timers it schedules through
 * {@link #schedule} are cancelled when it exits, so an interrupted {@code ping} leaves nothing behind.
 *
 * <p>Standard output is the node's terminal, or, in a pipeline ({@code a | b}), the standard input of the next
 * command. Standard error ({@link #eprintln}) is always the terminal, so that a diagnostic is never fed to another
 * program. Standard input is what the user types while the process is in the foreground, or what the previous
 * command of a pipeline prints; it is read with {@link #onInput} and {@link #onEndOfInput}, on the simulation
 * clock like everything else: a program never blocks waiting for input.
 */
public final class Process {
    /** The status a shell reports for a process killed by SIGINT (Ctrl-C): 128 + 2. */
    static final int INTERRUPTED = 130;
    /** The status a shell reports for a process killed by SIGPIPE (it wrote to a pipe nobody reads): 128 + 13. */
    static final int BROKEN_PIPE = 141;

    private final Shell shell;
    private final Command command;
    private final List<String> args;
    private final IntConsumer onExit;
    private final List<Timer> timers = new ArrayList<>();
    private final List<Runnable> cleanups = new ArrayList<>();
    private final ArrayDeque<String> pendingInput = new ArrayDeque<>();
    private Process reader;
    private Consumer<String> inputHandler;
    private Runnable endOfInputHandler;
    private boolean inputClosed;
    private boolean endOfInputDelivered;
    private boolean draining;
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

    /** Sends this process's standard output into {@code next}'s standard input (the {@code |} of a pipeline). */
    void pipeTo(Process next) {
        this.reader = next;
    }

    /**
     * Writes {@code text} as it is to standard output. Writing into a pipeline whose reader has ended kills this
     * process with status 141, as SIGPIPE does: that is how {@code ping 10.0.0.2 | help} ends its ping.
     */
    public void print(String text) {
        if (exited || text.isEmpty()) return;
        if (reader == null) {
            shell.print(text);
        } else if (reader.exited) {
            exit(BROKEN_PIPE);
        } else {
            reader.deliver(text);
        }
    }

    /** Prints a line (a newline is added) to standard output. */
    public void println(String line) {
        print(line + "\n");
    }

    /** Prints a line to standard error: the terminal, even when standard output goes into a pipe. */
    public void eprintln(String line) {
        if (!exited) shell.print(line + "\n");
    }

    /**
     * Receives standard input, one chunk at a time as it was typed or written (a typed line arrives with its
     * {@code "\n"}). Input that arrived before this was called is delivered now, in order, so a program that
     * registers late loses nothing.
     */
    public void onInput(Consumer<String> handler) {
        this.inputHandler = handler;
        drainInput();
    }

    /**
     * Runs {@code handler} once standard input has ended: Ctrl-D at the terminal, or the previous command of a
     * pipeline exited. It comes after every chunk of input, so while input waits for an {@link #onInput} handler
     * the end waits behind it. If input ended before this was called, the handler runs now.
     */
    public void onEndOfInput(Runnable handler) {
        this.endOfInputHandler = handler;
        if (!draining) deliverEndOfInput();
    }

    /** Whether standard input has ended (its data may still wait for an {@link #onInput} handler). */
    public boolean inputClosed() { return inputClosed; }

    /** Standard input receives {@code text} (typed at the terminal, or written by the previous command). */
    void deliver(String text) {
        if (exited || inputClosed || text.isEmpty()) return;
        pendingInput.add(text);
        drainInput();
    }

    /** Standard input ends. */
    void closeInput() {
        if (inputClosed) return;
        inputClosed = true;
        if (!draining) deliverEndOfInput();
    }

    /**
     * Hands waiting input to the handler in order. A handler may cause more input to arrive (a chunk it prints can
     * come back through a pipeline no more than it can in a real one, but typed input may arrive while it runs);
     * the queue keeps that in order instead of delivering out of turn.
     */
    private void drainInput() {
        if (draining || inputHandler == null) return;
        draining = true;
        try {
            while (!pendingInput.isEmpty() && !exited && inputHandler != null) inputHandler.accept(pendingInput.poll());
        } finally {
            draining = false;
        }
        deliverEndOfInput();
    }

    private void deliverEndOfInput() {
        if (exited || !inputClosed || endOfInputDelivered || endOfInputHandler == null || !pendingInput.isEmpty()) return;
        endOfInputDelivered = true;
        endOfInputHandler.run();
    }

    /** Schedules work owned by this process; cancelled if the process ends first. */
    public Timer schedule(long delay, Runnable action) {
        Timer t = simulation().schedule(delay, () -> {
            if (!exited) action.run();
        });
        timers.add(t);
        return t;
    }

    /**
     * Runs {@code cleanup} when the process ends, however it ends (e.g. close an ICMP endpoint, unsubscribe from the
     * trace). A process can end while it is still starting (a write into a closed pipe), so a cleanup registered
     * after the end runs at once.
     */
    public void onExit(Runnable cleanup) {
        if (exited) cleanup.run();
        else cleanups.add(cleanup);
    }

    /** What Ctrl-C does; by default the process ends with status 130 as a shell reports it. */
    public void onInterrupt(Runnable handler) {
        this.interruptHandler = handler;
    }

    /** Ctrl-C reached this process (the shell has already echoed {@code ^C}). */
    void interrupt() {
        if (exited) return;
        if (interruptHandler != null) interruptHandler.run();
        else exit(INTERRUPTED);
    }

    /** Prints the message and the usage to standard error, and ends with status 2 (the convention for a usage error). */
    public void usageError(String message) {
        eprintln(command.name() + ": " + message);
        eprintln(command.usage());
        exit(2);
    }

    public boolean exited() { return exited; }

    public int exitCode() { return exitCode; }

    /**
     * Ends the process; later calls are ignored. Its timers are cancelled, its cleanups run, and, in a pipeline,
     * the next command's standard input ends, as when the writing end of a pipe closes.
     */
    public void exit(int code) {
        if (exited) return;
        exited = true;
        exitCode = code;
        for (Timer t : timers) simulation().cancel(t);
        timers.clear();
        for (Runnable c : cleanups) c.run();
        cleanups.clear();
        pendingInput.clear();
        shell.processExited(this);
        onExit.accept(code);
        if (reader != null) reader.closeInput();
    }
}
