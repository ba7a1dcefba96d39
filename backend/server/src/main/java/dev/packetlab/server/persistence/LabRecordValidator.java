package dev.packetlab.server.persistence;

import dev.packetlab.server.labs.LabFileReader;
import dev.packetlab.server.runtime.LabRecord;
import dev.packetlab.server.runtime.LogEntries;
import dev.packetlab.server.runtime.LogEntry;
import dev.packetlab.stack.lab.LabError;
import dev.packetlab.stack.lab.LabException;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether a {@link LabRecord} may be stored: a lab file that reads as a lab (a saved lab that cannot be
 * rebuilt is worth nothing), a log in the order it was recorded, a point that exists, and sizes within limits so
 * that one client cannot fill the database.
 */
final class LabRecordValidator {
    /** The longest file name kept. */
    static final int MAX_FILE_NAME_CHARS = 255;
    /** The largest lab file kept, in characters: the shipped labs are a few kilobytes. */
    static final int MAX_LAB_FILE_CHARS = 256 * 1024;
    /** The most log entries one saved lab keeps. */
    static final int MAX_LOG_ENTRIES = 10_000;
    /** The longest log entry kept, in characters of its JSON line. */
    static final int MAX_ENTRY_CHARS = 4096;
    /** Past this many problems the rest are not listed: the client has enough to fix. */
    private static final int MAX_ERRORS = 20;

    private LabRecordValidator() {}

    /** @throws InvalidLabRecordException listing every problem (up to 20) */
    static void check(LabRecord record) {
        List<FieldError> errors = new ArrayList<>();
        checkFileName(record.fileName(), errors);
        checkLabFile(record.fileName(), record.labFile(), errors);
        if (record.time() < 0) {
            errors.add(new FieldError("time", "must be 0 or more nanoseconds, got " + record.time()));
        }
        if (record.events() < -1) {
            errors.add(new FieldError("events", "must be the number of events run, or -1 when unknown; got " + record.events()));
        }
        checkLog(record.log(), errors);
        if (!errors.isEmpty()) throw new InvalidLabRecordException(errors.subList(0, Math.min(errors.size(), MAX_ERRORS)));
    }

    private static void checkFileName(String fileName, List<FieldError> errors) {
        if (fileName == null || fileName.isBlank()) {
            errors.add(new FieldError("fileName", "is empty"));
        } else if (fileName.length() > MAX_FILE_NAME_CHARS) {
            errors.add(new FieldError("fileName", "has " + fileName.length() + " characters, more than " + MAX_FILE_NAME_CHARS));
        } else if (fileName.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError("fileName", "has a control character"));
        }
    }

    private static void checkLabFile(String fileName, String labFile, List<FieldError> errors) {
        if (labFile == null || labFile.isBlank()) {
            errors.add(new FieldError("labFile", "is empty: it must be the lab's YAML text"));
        } else if (labFile.length() > MAX_LAB_FILE_CHARS) {
            errors.add(new FieldError("labFile", "has " + labFile.length() + " characters, more than the "
                    + MAX_LAB_FILE_CHARS + " a saved lab may have"));
        } else {
            try {
                LabFileReader.read(fileName == null ? "labFile" : fileName, labFile);
            } catch (LabException e) {
                for (LabError error : e.errors()) errors.add(new FieldError("labFile", error.path() + ": " + error.message()));
            }
        }
    }

    private static void checkLog(List<LogEntry> log, List<FieldError> errors) {
        if (log.size() > MAX_LOG_ENTRIES) {
            errors.add(new FieldError("log", "has " + log.size() + " entries, more than the " + MAX_LOG_ENTRIES
                    + " a saved lab may have"));
            return;
        }
        long time = 0;
        long events = 0;
        for (int i = 0; i < log.size() && errors.size() <= MAX_ERRORS; i++) {
            LogEntry e = log.get(i);
            String at = "log[" + i + "]";
            if (e.time() < 0) {
                errors.add(new FieldError(at + ".time", "must be 0 or more nanoseconds, got " + e.time()));
            } else if (e.time() < time) {
                errors.add(new FieldError(at + ".time", e.time() + " is before the previous entry's " + time
                        + ": the log is in the order it was recorded"));
            }
            if (e.events() < 0) {
                errors.add(new FieldError(at + ".events", "must be 0 or more, got " + e.events()));
            } else if (e.events() < events) {
                errors.add(new FieldError(at + ".events", e.events() + " is before the previous entry's " + events
                        + ": the log is in the order it was recorded"));
            }
            time = Math.max(time, e.time());
            events = Math.max(events, e.events());
            int length = LogEntries.toJson(e).length();
            if (length > MAX_ENTRY_CHARS) {
                errors.add(new FieldError(at, "has " + length + " characters as JSON, more than " + MAX_ENTRY_CHARS));
            }
        }
    }
}
