package dev.packetlab.server.persistence;

import dev.packetlab.server.runtime.LogEntries;
import dev.packetlab.server.runtime.LogEntry;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The command log as it is kept in one text column: one entry per line, each as the runtime writes it
 * ({@link LogEntries}: {@code {"type":"line","time":1000000,"events":12,"node":"pc1","text":"ls"}}). One column
 * rather than a row per entry, because a log is always read and written whole, and a share link keeps its own copy of
 * a prefix of it. JSON escapes every newline inside a string, so a line is always one entry.
 */
final class CommandLogLines {
    private CommandLogLines() {}

    static String write(List<LogEntry> log) {
        return log.stream().map(LogEntries::toJson).collect(Collectors.joining("\n"));
    }

    static List<LogEntry> read(String lines) {
        return lines.isEmpty() ? List.of() : lines.lines().map(LogEntries::fromJson).toList();
    }
}
