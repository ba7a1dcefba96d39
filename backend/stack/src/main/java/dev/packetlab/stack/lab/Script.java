package dev.packetlab.stack.lab;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The headless script format: one {@code node: command} per line (a trailing {@code &} runs it in the
 * background), {@code wait DURATION} to let simulated time pass, {@code #} comments and blank lines. The reference
 * is the "Scripts" section of {@code docs/lab-format.md}.
 */
public final class Script {
    private Script() {}

    /**
     * Parses a script on its own: node names are only checked to be ids.
     *
     * @throws LabException listing every bad line as {@code FILE:LINE: what is wrong}
     */
    public static List<ScriptLine> parse(String fileName, String text) {
        return parse(fileName, text, (Collection<String>) null);
    }

    /**
     * Parses a script for {@code lab}: every node it names must be one of the lab's.
     *
     * @throws LabException listing every bad line as {@code FILE:LINE: what is wrong}
     */
    public static List<ScriptLine> parse(String fileName, String text, Lab lab) {
        return parse(fileName, text, lab.nodes().stream().map(NodeSpec::id).toList());
    }

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
            String at = Integer.toString(number);
            String line = stripComment(raw[i]).strip();
            if (line.isEmpty()) continue;
            if (line.equals("wait") || line.startsWith("wait ")) {
                String duration = line.substring(4).strip();
                long d = Units.duration(duration);
                if (d >= 0) lines.add(new ScriptLine.Wait(number, d));
                else errors.add(new LabError(at, "wait needs a duration such as 2s, 150ms or 10us, got \"" + duration + "\""));
                continue;
            }
            int colon = line.indexOf(':');
            String node = colon < 0 ? "" : line.substring(0, colon).strip();
            if (!LabParser.ID.matcher(node).matches()) {
                errors.add(new LabError(at, "expected \"node: command\" or \"wait DURATION\", got \"" + line + "\""));
                continue;
            }
            if (nodes != null && !nodes.contains(node)) {
                errors.add(new LabError(at, "no node named \"" + node + "\" (known: " + String.join(", ", nodes) + ")"));
                continue;
            }
            String command = line.substring(colon + 1).strip();
            boolean background = command.endsWith("&");
            if (background) command = command.substring(0, command.length() - 1).strip();
            if (command.isEmpty()) {
                errors.add(new LabError(at, "no command after \"" + node + ":\""));
                continue;
            }
            lines.add(new ScriptLine.Command(number, node, command, background));
        }
        if (!errors.isEmpty()) throw new LabException(fileName, errors, ":");
        return lines;
    }

    /** A {@code #} at the start of a line or after white space starts a comment; {@code /#top} in a URL does not. */
    private static String stripComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }
}
