package dev.packetlab.server.share;

import dev.packetlab.server.persistence.FieldError;
import dev.packetlab.server.persistence.InvalidLabRecordException;
import dev.packetlab.server.runtime.LabRecord;
import dev.packetlab.server.runtime.LogEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * A lab's record as a client sends it to save or update a lab: the fields of {@link LabRecord}. {@code labFile},
 * {@code seed} and {@code time} are required; {@code fileName} defaults to {@code lab.yaml}, {@code log} to no
 * entries and {@code events} to -1 (unknown: the lab is rebuilt to where every event due by {@code time} has run).
 */
public record LabRecordBody(String fileName, String labFile, Long seed, List<LogEntry> log, Long time, Long events) {

    /** @throws InvalidLabRecordException naming every missing field */
    public LabRecord toRecord() {
        List<FieldError> errors = new ArrayList<>();
        if (labFile == null) errors.add(new FieldError("labFile", "is required: the lab's YAML text"));
        if (seed == null) errors.add(new FieldError("seed", "is required"));
        if (time == null) errors.add(new FieldError("time", "is required: the simulated time reached, in nanoseconds"));
        List<LogEntry> entries = log == null ? List.of() : log;
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i) == null) errors.add(new FieldError("log[" + i + "]", "is null"));
        }
        if (!errors.isEmpty()) throw new InvalidLabRecordException(errors);
        return new LabRecord(fileName == null ? "lab.yaml" : fileName, labFile, seed, entries, time,
                events == null ? -1 : events);
    }
}
