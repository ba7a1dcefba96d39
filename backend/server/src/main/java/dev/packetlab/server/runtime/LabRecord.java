package dev.packetlab.server.runtime;

import java.util.List;

/**
 * All that describes an instance: its lab file as first loaded, its seed, what users did (with the point of the
 * simulation where each thing happened) and the point it had reached. Rebuilding from this by replay gives the same
 * instance, event for event, so this is what eviction keeps, what a store saves and what a share link points to;
 * nothing of the live simulation needs saving.
 *
 * @param log    every entry, including any still ahead of {@code time} after the instance went back in time
 * @param time   the simulated time the instance had reached, ns
 * @param events the events it had executed, or -1 when only the time is known (a store that keeps only the
 *               time): the instance is then rebuilt to where every event due by {@code time} has run, which is
 *               where it stood unless it was paused between two events of the same instant
 */
public record LabRecord(String fileName, String labFile, long seed, List<LogEntry> log, long time, long events) {
    public LabRecord {
        log = List.copyOf(log);
    }
}
