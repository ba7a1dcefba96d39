package dev.packetlab.server.share;

import dev.packetlab.server.persistence.SavedLab;
import dev.packetlab.server.runtime.LogEntry;
import java.time.Instant;
import java.util.List;

/** A saved lab as the API shows it to its owner: the fields of {@link LabRecordBody}, with its id and times. */
public record SavedLabView(String id, String fileName, String labFile, long seed, List<LogEntry> log, long time,
                           long events, Instant createdAt, Instant updatedAt) {

    public static SavedLabView of(SavedLab lab) {
        var r = lab.record();
        return new SavedLabView(lab.id(), r.fileName(), r.labFile(), r.seed(), r.log(), r.time(), r.events(),
                lab.createdAt(), lab.updatedAt());
    }
}
