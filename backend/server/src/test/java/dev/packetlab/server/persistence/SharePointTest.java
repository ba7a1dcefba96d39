package dev.packetlab.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.packetlab.server.runtime.LabRecord;
import dev.packetlab.server.runtime.LogEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

class SharePointTest {
    static final LogEntry A = new LogEntry.Line(0, 0, "pc1", "a");
    static final LogEntry B = new LogEntry.Line(4, 10, "pc1", "b");
    static final LogEntry C = new LogEntry.Line(4, 12, "pc1", "c");
    static final LogEntry D = new LogEntry.Line(7, 20, "pc1", "d");

    static LabRecord record(List<LogEntry> log, long time, long events) {
        return new LabRecord("lab.yaml", "lab", 1, log, time, events);
    }

    @Test
    void theCurrentPointKeepsEveryEntryAlreadyApplied() {
        assertThat(SharePoint.current(record(List.of(A, B, C, D), 10, 30))).isEqualTo(record(List.of(A, B, C, D), 10, 30));
    }

    @Test
    void theCurrentPointDropsTheEntriesAfterTheEventsRun() {
        // Two entries at the same instant, the point between them (stepping one event at a time).
        assertThat(SharePoint.current(record(List.of(A, B, C, D), 4, 11))).isEqualTo(record(List.of(A, B), 4, 11));
    }

    @Test
    void anEntryAtThePointsOwnEventCountIsApplied() {
        assertThat(SharePoint.current(record(List.of(A, B, C, D), 4, 12))).isEqualTo(record(List.of(A, B, C), 4, 12));
    }

    @Test
    void withTheEventCountUnknownEveryEntryUpToTheTimeIsApplied() {
        assertThat(SharePoint.current(record(List.of(A, B, C, D), 4, -1))).isEqualTo(record(List.of(A, B, C), 4, -1));
    }

    @Test
    void anEarlierTimeKeepsTheEntriesUpToItWithTheEventCountUnknown() {
        assertThat(SharePoint.at(record(List.of(A, B, C, D), 10, 30), 4)).isEqualTo(record(List.of(A, B, C), 4, -1));
    }

    @Test
    void anEarlierTimeNeverBringsBackAnEntryAheadOfTheSavedPoint() {
        assertThat(SharePoint.at(record(List.of(A, B, C, D), 5, 11), 4)).isEqualTo(record(List.of(A, B), 4, -1));
    }

    @Test
    void theTimeReachedIsTheCurrentPointWithItsEventCount() {
        assertThat(SharePoint.at(record(List.of(A, B, C, D), 10, 30), 10)).isEqualTo(record(List.of(A, B, C, D), 10, 30));
    }

    @Test
    void aTimeNotReachedIsRefused() {
        assertThatThrownBy(() -> SharePoint.at(record(List.of(A), 10, 30), 11))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("at 11 is outside 0..10");
    }
}
