package dev.packetlab.stack.lab.check;

import dev.packetlab.stack.trace.TraceEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every node's terminal output as whole lines, each knowing which command line was last started on its node. The
 * shell echoes a command line as one output event, the prompt ({@code "$ "}) followed by the line and a newline, at
 * the start of a terminal line; that is how an echo is told apart from what programs print, so that typing
 * {@code echo "0% packet loss"} is not mistaken for ping's summary by a check that names the command.
 *
 * <p>Output carries no process, so a line is credited to the last command line started on its node: the output of a
 * program left running in the background is credited to whatever was started after it.
 */
final class Terminals {
    private static final String PROMPT = "$ ";

    /**
     * One terminal line.
     *
     * @param commandLine whether this is the shell's echo of a command line rather than output
     * @param programs    the programs of the last command line started on the node ({@code echo hello | nc -l 8888}
     *                    gives echo and nc), empty before the first
     */
    record Line(String node, String text, boolean commandLine, List<String> programs) {}

    private final Map<String, StringBuilder> partial = new HashMap<>();
    private final Map<String, List<String>> programs = new HashMap<>();

    /** The lines this output event completes. */
    List<Line> on(TraceEvent.TerminalOutput t) {
        StringBuilder b = partial.computeIfAbsent(t.node(), k -> new StringBuilder());
        String text = t.text();
        if (b.isEmpty() && text.startsWith(PROMPT) && text.indexOf('\n') == text.length() - 1) {
            String line = text.substring(PROMPT.length(), text.length() - 1);
            List<String> started = programsOf(line);
            programs.put(t.node(), started);
            return List.of(new Line(t.node(), text.substring(0, text.length() - 1), true, started));
        }
        List<Line> lines = new ArrayList<>();
        b.append(text);
        int nl;
        while ((nl = b.indexOf("\n")) >= 0) {
            lines.add(new Line(t.node(), b.substring(0, nl), false, programs.getOrDefault(t.node(), List.of())));
            b.delete(0, nl + 1);
        }
        return lines;
    }

    /** What is left without a final newline, as lines: at the end of a run. */
    List<Line> flush() {
        List<Line> lines = new ArrayList<>();
        partial.forEach((node, b) -> {
            if (!b.isEmpty()) lines.add(new Line(node, b.toString(), false, programs.getOrDefault(node, List.of())));
            b.setLength(0);
        });
        lines.sort((a, b) -> a.node().compareTo(b.node()));
        return lines;
    }

    /** The first word of each command of a pipeline: {@code echo hi | nc -l 8888 &} gives echo and nc. */
    static List<String> programsOf(String commandLine) {
        List<String> names = new ArrayList<>();
        for (String part : commandLine.split("\\|")) {
            String words = part.strip();
            if (words.endsWith("&")) words = words.substring(0, words.length() - 1).strip();
            if (words.isEmpty()) continue;
            int space = words.indexOf(' ');
            names.add(space < 0 ? words : words.substring(0, space));
        }
        return List.copyOf(names);
    }
}
