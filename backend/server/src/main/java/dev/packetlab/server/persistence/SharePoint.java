package dev.packetlab.server.persistence;

import dev.packetlab.server.runtime.LabRecord;
import dev.packetlab.server.runtime.LogEntry;
import java.util.List;

/**
 * The part of a lab's record that a share link keeps: the log up to the shared point and nothing after it. A record
 * may hold entries ahead of the point it reached (a recording still to play after its owner went back in time);
 * those, like anything the owner does later, are not shared.
 */
final class SharePoint {
    private SharePoint() {}

    /** The record as it stands: its own point, its log without the entries still ahead of that point. */
    static LabRecord current(LabRecord record) {
        return new LabRecord(record.fileName(), record.labFile(), record.seed(),
                applied(record.log(), record.time(), record.events()), record.time(), record.events());
    }

    /**
     * The record as it was at simulated time {@code at} (0 ≤ at ≤ the time reached): the entries applied by then,
     * and {@code at} as the point, with the event count unknown ({@code -1}), so the runtime rebuilds to where every
     * event due by {@code at} has run.
     */
    static LabRecord at(LabRecord record, long at) {
        if (at < 0 || at > record.time()) {
            throw new IllegalArgumentException("at " + at + " is outside 0.." + record.time());
        }
        if (at == record.time()) return current(record);
        return new LabRecord(record.fileName(), record.labFile(), record.seed(),
                applied(applied(record.log(), record.time(), record.events()), at, -1), at, -1);
    }

    /**
     * The entries a runtime restoring a record at ({@code time}, {@code events}) counts as applied: the same rule as
     * {@code LabSession.restore}. With the event count unknown, every entry up to {@code time}; otherwise those
     * given before {@code events} events had run, or at that count and no later than {@code time}.
     */
    private static List<LogEntry> applied(List<LogEntry> log, long time, long events) {
        return log.stream().filter(e -> events < 0 ? e.time() <= time
                : e.events() < events || (e.events() == events && e.time() <= time)).toList();
    }
}
