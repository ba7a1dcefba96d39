package dev.packetlab.server.runtime;

import java.time.Instant;

/**
 * A live instance as {@link InstanceArchive} keeps it: its record and what {@link LabSessions} knows of it besides.
 *
 * @param client   the client address it was created for (counted against that address's limit), or null
 * @param owner    who may change it: its token's hash and whether it is a read-only replay
 * @param lastUsed when it was last asked for, for the time-to-live
 */
public record ArchivedInstance(String id, LabRecord record, String client, InstanceOwner owner, Instant lastUsed) {}
