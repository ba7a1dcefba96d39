package dev.packetlab.stack.lab;

import dev.packetlab.stack.sim.SimTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The headless script format: one {@code node: command} per line (a trailing {@code &} runs it in the
 * background), {@code wait DURATION} to let simulated time pass, {@code #} comments and blank lines.
 */
public final class Script {
    private Script() {}

    /**
     * Parses a script, checking node names against {@code nodes} when it is not null.
     *
     * @throws LabException listing every bad line as {@code FILE:LINE: what is wrong}
     */
    public static List<ScriptLine> parse(String fileName, String text, Collection<String> nodes) {
        List<ScriptLine> lines = new ArrayList<>();
        List<LabError> errors = new ArrayList<>();
        String[] raw = text.split("\r?\n", -1);
        for (int i = 0; i < raw.length; i++) {
            int number = i + 1;
            String line = stripComment(raw[i]).strip();
            if (line.isEmpty()) continue;
            if (line.equals("wait") || line.startsWith("wait ")) {
                String duration = line.substring(4).strip();
                try {
                    long d = SimTime.parseDuration(duration);
                    lines.add(new ScriptLine.Wait(number, d));
                } catch (IllegalArgumentException e) {
                    errors.add(new LabError(Integer.toString(number), "wait needs a duration such as 2s or 150ms, got \""
                            + duration + "\""));
                }
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                errors.add(new LabError(Integer.toString(number),
                        "expected \"node: command\" or \"wait DURATION\", got \"" + line + "\""));
                continue;
            }
            String node = line.substring(0, colon).strip();
            String command = line.substring(colon + 1).strip();
            boolean background = command.endsWith("&");
            if (background) command = command.substring(0, command.length() - 1).strip();
            if (nodes != null && !nodes.contains(node)) {
                errors.add(new LabError(Integer.toString(number),
                        "no node named \"" + node + "\" (known: " + String.join(", ", nodes) + ")"));
                continue;
            }
            if (command.isEmpty()) {
                errors.add(new LabError(Integer.toString(number), "no command after \"" + node + ":\""));
                continue;
            }
            lines.add(new ScriptLine.Command(number, node, command, background));
        }
        if (!errors.isEmpty()) throw new LabException(fileName, errors, ":");
        return lines;
    }

    /** A {@code #} at the start of a line or after white space starts a comment. */
    private static String stripComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }
}
