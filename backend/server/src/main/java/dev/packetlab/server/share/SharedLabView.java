package dev.packetlab.server.share;

import dev.packetlab.server.persistence.ShareMode;
import dev.packetlab.server.persistence.SharedLab;
import dev.packetlab.server.runtime.LogEntry;
import java.time.Instant;
import java.util.List;

/** What {@code GET /api/share/{linkId}} answers: the lab at the shared point and what the holder may do with it. */
public record SharedLabView(String id, ShareMode mode, boolean readOnly, String fileName, String labFile, long seed,
                            List<LogEntry> log, long time, long events, Instant createdAt) {

    public static SharedLabView of(SharedLab shared) {
        var r = shared.record();
        return new SharedLabView(shared.linkId(), shared.mode(), shared.readOnly(), r.fileName(), r.labFile(),
                r.seed(), r.log(), r.time(), r.events(), shared.createdAt());
    }
}
