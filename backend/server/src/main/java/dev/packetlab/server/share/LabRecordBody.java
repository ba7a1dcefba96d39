package dev.packetlab.server.share;

import dev.packetlab.server.persistence.FieldError;
import dev.packetlab.server.persistence.InvalidLabRecordException;
import dev.packetlab.server.runtime.LabRecord;
import dev.packetlab.server.runtime.LogEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * What a client sends to save or update a lab: either {@code instance}, the id of a live instance whose record is
 * taken as it stands (an update carries that instance's owner token as {@code instanceToken}, since its
 * {@code Authorization} header carries the saved lab's), or the fields of a {@link LabRecord}. Of those, {@code labFile}, {@code seed} and {@code time}
 * are required; {@code fileName} defaults to {@code lab.yaml}, {@code log} to no entries and {@code events} to -1
 * (unknown: the lab is rebuilt to where every event due by {@code time} has run).
 */
public record LabRecordBody(String instance, String instanceToken, String fileName, String labFile, Long seed,
                            List<LogEntry> log, Long time, Long events) {

    /**
     * The live instance to take the record of, or null when the body is a record.
     *
     * @throws InvalidLabRecordException if it names an instance and carries record fields too
     */
    public String instanceAlone() {
        if (instance == null) {
            if (instanceToken != null) {
                throw new InvalidLabRecordException(List.of(new FieldError("instanceToken",
                        "goes with instance: it is the owner token of the live instance to save")));
            }
            return null;
        }
        if (fileName != null || labFile != null || seed != null || log != null || time != null || events != null) {
            throw new InvalidLabRecordException(List.of(new FieldError("instance",
                    "comes alone: a lab is saved either from a live instance or from a record, not both")));
        }
        return instance;
    }

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
