package dev.packetlab.server.persistence;

import dev.packetlab.server.runtime.LabRecord;
import java.time.Instant;

/**
 * What opening a share link gives: the lab's record at the shared point, frozen when the link was made (later updates
 * of the saved lab do not change what a link shows), and the link's mode. The runtime rebuilds it with
 * {@code LabSessions.restore(record)}.
 */
public record SharedLab(String linkId, ShareMode mode, LabRecord record, Instant createdAt) {

    /** True when the holder may only watch the replay; false for a fork, which they may change as their own copy. */
    public boolean readOnly() {
        return mode == ShareMode.READONLY;
    }
}
