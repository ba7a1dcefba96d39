package dev.packetlab.server.persistence;

import dev.packetlab.server.runtime.LabRecord;
import java.time.Instant;

/** A saved lab as stored: its id, the record to rebuild it from, and when it was first saved and last updated. */
public record SavedLab(String id, LabRecord record, Instant createdAt, Instant updatedAt) {}
