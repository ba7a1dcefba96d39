package dev.packetlab.stack.app;

import dev.packetlab.stack.link.Node;
import dev.packetlab.stack.trace.TraceEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntConsumer;

/**
 * A node's command line. It splits a line into words (double and single quotes group words), echoes it after a
 * prompt, and runs the named command. Everything printed becomes a terminal-output trace event of the node, which
 * the CLI prints and the browser terminal shows. A command that is still running can be interrupted (Ctrl-C).
 */
public final class Shell {
    private final Node node;
    private final Map<String, Command> commands = new TreeMap<>();
    private final List<Process> running = new ArrayList<>();

    public Shell(Node node, Collection<Command> commands) {
        this.node = node;
        for (Command c : commands) this.commands.put(c.name(), c);
        Help help = new Help(this);
        this.commands.put(help.name(), help);
    }

    public Node node() { return node; }

    /** The commands this node knows, by name. */
    public Map<String, Command> commands() { return Collections.unmodifiableMap(commands); }

    /** The prompt shown before each command line (the terminal tab, or the CLI prefix, names the node). */
    public String prompt() { return "$ "; }

    /**
     * Runs one command line; {@code onExit} gets its status when it ends (possibly at once). Unknown commands and
     * bad quoting answer with a message and status 127 or 2, as a shell does.
     */
    public Process execute(String line, IntConsumer onExit) {
        print(prompt() + line + "\n");
        List<String> words;
        try {
            words = split(line);
        } catch (IllegalArgumentException e) {
            print("sh: " + e.getMessage() + "\n");
            onExit.accept(2);
            return null;
        }
        if (words.isEmpty()) {
            onExit.accept(0);
            return null;
        }
        Command command = commands.get(words.get(0));
        if (command == null) {
            print("sh: " + words.get(0) + ": command not found (type help for the list)\n");
            onExit.accept(127);
            return null;
        }
        Process p = new Process(this, command, words.subList(1, words.size()), onExit);
        running.add(p);
        if (p.args().contains("--help")) {
            p.println(command.usage());
            p.exit(0);
            return p;
        }
        try {
            command.run(p);
        } catch (IllegalArgumentException e) {
            // a command that rejects its input by exception still must not take the node down with it
            p.usageError(e.getMessage());
        }
        return p;
    }

    /** Ctrl-C: interrupts every command running on this node. */
    public void interrupt() {
        for (Process p : List.copyOf(running)) p.interrupt();
    }

    /** Commands started but not yet ended. */
    public List<Process> running() { return Collections.unmodifiableList(running); }

    void processExited(Process p) {
        running.remove(p);
    }

    void print(String text) {
        node.network().trace().emit(new TraceEvent.TerminalOutput(node.network().simulation().now(), node.name(), text));
    }

    /** Splits a command line into words, honouring single and double quotes. */
    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
                else word.append(c);
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) throw new IllegalArgumentException("unterminated " + quote + " quote");
        if (inWord) words.add(word.toString());
        return words;
    }
}
