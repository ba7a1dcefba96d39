package dev.packetlab.server.runtime;

import java.time.Instant;

/**
 * A live instance as {@link InstanceArchive} keeps it: its record and what {@link LabSessions} knows of it besides.
 *
 * @param client         the client address it was created for (counted against that address's limit), or null
 * @param ownerTokenHash SHA-256 of its owner token, hex, or null when nobody may change it
 * @param lastUsed       when it was last asked for, for the time-to-live
 */
public record ArchivedInstance(String id, LabRecord record, String client, String ownerTokenHash, Instant lastUsed) {}
