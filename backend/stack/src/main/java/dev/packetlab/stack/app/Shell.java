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
 *
 * <p>A line may be a pipeline, {@code cmd1 | cmd2 | cmd3}: each command's standard output feeds the next one's
 * standard input, and the line's status is the last command's, as in POSIX sh (2.9.2). A trailing {@code &} runs
 * the line in the background.
 *
 * <p>The foreground job is the most recently started line that was not run in the background and has not ended.
 * Its first command reads what is typed ({@link #input}, {@link #endOfInput}); background jobs read nothing, their
 * standard input stays open and silent, as a job's in a script. There is no job control ({@code fg}, {@code jobs},
 * {@code kill}), so Ctrl-C ({@link #interrupt}) stops every command running on the node, background ones included:
 * nothing a learner starts can end up out of reach.
 */
public final class Shell {
    private final Node node;
    private final Map<String, Command> commands = new TreeMap<>();
    private final List<Process> running = new ArrayList<>();
    private final List<Job> jobs = new ArrayList<>();

    public Shell(Node node, Collection<Command> commands) {
        this.node = node;
        for (Command c : commands) this.commands.put(c.name(), c);
        Help help = new Help(this);
        this.commands.put(help.name(), help);
        node.onRemoved(this::killAll);
    }

    /**
     * The node was taken out of its network: every command on it ends at once, with the status of a process killed
     * by SIGKILL (128 + 9), and no {@code ^C} is echoed: its terminal is gone.
     */
    private void killAll() {
        for (Job job : List.copyOf(jobs)) {
            for (Process p : job.processes.reversed()) p.exit(128 + 9);
        }
    }

    public Node node() { return node; }

    /** The commands this node knows, by name. */
    public Map<String, Command> commands() { return Collections.unmodifiableMap(commands); }

    /** The prompt shown before each command line (the terminal tab, or the CLI prefix, names the node). */
    public String prompt() { return "$ "; }

    /**
     * Runs one command line, in the background if it ends with an unquoted {@code &}; {@code onExit} gets its
     * status when it ends (possibly at once). Unknown commands and bad syntax answer with a message and status 127
     * or 2, as a shell does.
     *
     * @return the last command of the line (whose status is the line's), or null when nothing was started (an
     *         empty line, a syntax error)
     */
    public Process execute(String line, IntConsumer onExit) {
        return execute(line, false, onExit);
    }

    /**
     * As {@link #execute(String, IntConsumer)}; {@code background} runs the line in the background even without a
     * trailing {@code &} (a lab script's {@code node: command &}, whose {@code &} the script reader has taken off).
     */
    public Process execute(String line, boolean background, IntConsumer onExit) {
        print(prompt() + line + "\n");
        CommandLine parsed;
        try {
            parsed = parse(line);
        } catch (IllegalArgumentException e) {
            print("sh: " + e.getMessage() + "\n");
            onExit.accept(2);
            return null;
        }
        if (parsed.commands().isEmpty()) {
            onExit.accept(0);
            return null;
        }
        Job job = new Job(background || parsed.background(), onExit);
        for (List<String> words : parsed.commands()) {
            Command command = commands.get(words.get(0));
            if (command == null) command = new NotFound(words.get(0));
            Process p = new Process(this, command, words.subList(1, words.size()), code -> job.processExited());
            if (!job.processes.isEmpty()) job.processes.getLast().pipeTo(p);
            job.processes.add(p);
        }
        jobs.add(job);
        running.addAll(job.processes);
        for (Process p : job.processes) start(p);
        return job.processes.getLast();
    }

    private static void start(Process p) {
        if (p.exited()) return; // interrupted while an earlier command of its line was starting
        Command command = p.command();
        // echo prints every word, --help included, as bash's builtin does
        if (!(command instanceof NotFound) && !(command instanceof Echo) && p.args().contains("--help")) {
            p.println(command.usage());
            p.exit(0);
            return;
        }
        try {
            command.run(p);
        } catch (IllegalArgumentException e) {
            // a command that rejects its input by exception still must not take the node down with it
            p.usageError(e.getMessage());
        }
    }

    /**
     * Typed text (a line with its {@code "\n"}, as the terminal sends it) for the foreground job. The terminal
     * echoes it, as a tty does, and the first command of the job receives it. Without a foreground job nothing
     * reads the terminal and the text is dropped: the terminal sends the next command line to {@link #execute}.
     */
    public void input(String text) {
        Process reader = foreground();
        if (reader == null || text.isEmpty()) return;
        print(text);
        reader.deliver(text);
    }

    /** Ctrl-D: ends the standard input of the foreground job's first command. Nothing happens without one. */
    public void endOfInput() {
        Process reader = foreground();
        if (reader != null) reader.closeInput();
    }

    /**
     * The process reading the terminal: the first command of the most recently started line that was not run in
     * the background and has not ended; null when there is none, i.e. the prompt is showing. In {@code a | b} it
     * stays {@code a} until the whole line has ended, even after {@code a} itself has (a terminal's input is then
     * read by nobody, as in a real shell).
     */
    public Process foreground() {
        for (int i = jobs.size() - 1; i >= 0; i--) {
            if (!jobs.get(i).background) return jobs.get(i).processes.getFirst();
        }
        return null;
    }

    /**
     * Ctrl-C: echoes {@code ^C} and interrupts every command running on this node. Within a pipeline the last
     * command hears it first, so a writer that prints on its way out ({@code ping}'s statistics) finds the pipe
     * closed, as with a real process group.
     */
    public void interrupt() {
        if (running.isEmpty()) return;
        print("^C\n");
        for (Job job : List.copyOf(jobs)) {
            for (Process p : job.processes.reversed()) p.interrupt();
        }
    }

    /** Commands started but not yet ended. */
    public List<Process> running() { return Collections.unmodifiableList(running); }

    void processExited(Process p) {
        running.remove(p);
    }

    void print(String text) {
        node.network().trace().emit(new TraceEvent.TerminalOutput(node.network().simulation().now(), node.name(), text));
    }

    /** The commands of one line, and its status when the last has ended. */
    private final class Job {
        final List<Process> processes = new ArrayList<>();
        final boolean background;
        final IntConsumer onExit;
        boolean ended;

        Job(boolean background, IntConsumer onExit) {
            this.background = background;
            this.onExit = onExit;
        }

        /** A line ends when all its commands have: {@code a | b} waits for {@code a} even after {@code b} is done. */
        void processExited() {
            if (ended || processes.stream().anyMatch(p -> !p.exited())) return;
            ended = true;
            jobs.remove(this);
            onExit.accept(processes.getLast().exitCode());
        }
    }

    /** What runs for a name the node does not know: the message, and status 127 (POSIX sh 2.8.2). */
    private record NotFound(String name) implements Command {
        @Override
        public String summary() { return ""; }

        @Override
        public String usage() { return ""; }

        @Override
        public void run(Process p) {
            p.eprintln("sh: " + name + ": command not found (type help for the list)");
            p.exit(127);
        }
    }

    /** A parsed line: the commands of its pipeline, each as its words, and whether it ends with {@code &}. */
    record CommandLine(List<List<String>> commands, boolean background) {}

    /**
     * Splits a command line into the words of each command of a pipeline, honouring single and double quotes: a
     * quoted {@code |} or {@code &} is an ordinary character. An unquoted {@code |} separates commands, a final
     * unquoted {@code &} asks for the background; elsewhere {@code &} is an ordinary character, since this shell has
     * no lists ({@code a && b}, {@code a & b}).
     *
     * @throws IllegalArgumentException with the message a shell prints after {@code "sh: "}
     */
    static CommandLine parse(String line) {
        List<List<String>> commands = new ArrayList<>();
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        boolean background = false;
        char quote = 0;
        int n = line.length();
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
                else word.append(c);
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c) || c == '|' || (c == '&' && endsLine(line, i))) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                if (c == '|') {
                    if (i + 1 < n && line.charAt(i + 1) == '|') {
                        throw new IllegalArgumentException("`||' is not supported here (quote it to pass it to a"
                                + " command, as in tcpdump 'tcp || udp')");
                    }
                    if (words.isEmpty()) throw new IllegalArgumentException("syntax error near unexpected token `|'");
                    commands.add(List.copyOf(words));
                    words.clear();
                } else if (c == '&') {
                    if (words.isEmpty()) throw new IllegalArgumentException("syntax error near unexpected token `&'");
                    background = true;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) throw new IllegalArgumentException("unterminated " + quote + " quote");
        if (inWord) words.add(word.toString());
        if (words.isEmpty() && !commands.isEmpty()) throw new IllegalArgumentException("syntax error near unexpected token `|'");
        if (!words.isEmpty()) commands.add(List.copyOf(words));
        return new CommandLine(List.copyOf(commands), background);
    }

    /** Whether the {@code &} at {@code i} ends the line: only white space follows, and it is not the second of {@code &&}. */
    private static boolean endsLine(String line, int i) {
        if (i > 0 && line.charAt(i - 1) == '&') return false;
        for (int j = i + 1; j < line.length(); j++) if (!Character.isWhitespace(line.charAt(j))) return false;
        return true;
    }
}
