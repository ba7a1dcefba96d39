package dev.packetlab.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogEntriesTest {

    @Test
    void everyKindOfEntryReadsBackAsWritten() {
        List<LogEntry> entries = List.of(
                new LogEntry.Line(1_000_000, 12, "pc1", "nc srv 8888"),
                new LogEntry.Execute(5, 6, "srv", "echo hello | nc -l 8888", true, 3),
                new LogEntry.Interrupt(7, 8, "pc1"),
                new LogEntry.EndOfInput(9, 10, "pc1"),
                new LogEntry.SetLink(11, 12, "pc1:eth0-sw1:p1", Map.of("delay", "20ms", "up", false, "loss", 0.5)),
                new LogEntry.AddNode(13, 14, Map.of("id", "pc3", "kind", "host", "ip", "10.0.0.3/24")),
                new LogEntry.RemoveNode(15, 16, "srv"),
                new LogEntry.AddLink(17, 18, Map.of("a", "pc3", "b", "sw1:p3", "delay", "1ms")),
                new LogEntry.RemoveLink(19, 20, "pc3:eth0-sw1:p3"),
                new LogEntry.SetNode(21, 22, "srv", new java.util.HashMap<>(java.util.Collections.singletonMap("gateway", null))));
        for (LogEntry e : entries) assertThat(LogEntries.fromJson(LogEntries.toJson(e))).isEqualTo(e);
    }

    @Test
    void aLineIsWrittenWithItsTypeTimeAndEventCount() {
        assertThat(LogEntries.toJson(new LogEntry.Line(1_000_000, 12, "pc1", "ls")))
                .isEqualTo("{\"type\":\"line\",\"time\":1000000,\"events\":12,\"node\":\"pc1\",\"text\":\"ls\"}");
    }

    @Test
    void textThatIsNoEntryIsRefused() {
        assertThatThrownBy(() -> LogEntries.fromJson("{\"type\":\"format-disk\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not a command log entry");
    }
}
