package dev.packetlab.server.runtime;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Log entries as one line of JSON each ({@code {"type":"line","time":1000000,"events":12,"node":"pc1","text":"ls"}}),
 * the form a store keeps them in. Reading what was written gives the same entry back.
 */
public final class LogEntries {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LogEntries() {}

    public static String toJson(LogEntry entry) {
        return JSON.writerFor(LogEntry.class).writeValueAsString(entry);
    }

    /**
     * @throws IllegalArgumentException when the text is not an entry this server wrote
     */
    public static LogEntry fromJson(String json) {
        try {
            return JSON.readValue(json, LogEntry.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not a command log entry: " + e.getOriginalMessage(), e);
        }
    }
}
