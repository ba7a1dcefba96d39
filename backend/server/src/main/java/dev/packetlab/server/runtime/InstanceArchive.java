package dev.packetlab.server.runtime;

import java.time.Instant;
import java.util.Optional;

/**
 * Where {@link LabSessions} keeps its live instances' records so that an instance outlives a server restart: what a
 * user opened yesterday at {@code /labs/{id}} is still there today, rebuilt by replay under the same id. The runtime
 * only calls it; the persistence package implements it on the database.
 */
public interface InstanceArchive {

    /** Keeps an instance's record, replacing what was kept for that id before. */
    void put(ArchivedInstance instance);

    /** The record kept for an instance id, if any. */
    Optional<ArchivedInstance> find(String id);

    /** Forgets an instance (deleted, or expired). */
    void remove(String id);

    /**
     * Forgets every instance last used before {@code cutoff}.
     *
     * @return how many
     */
    int removeUnusedSince(Instant cutoff);
}
