package dev.packetlab.server.persistence;

import java.time.Instant;

/**
 * A share link as created: its unguessable id (the whole secret of the link), the saved lab it was taken from, its
 * mode, the simulated time of the shared point (ns) and when it was made. It never carries the owner token.
 */
public record ShareLink(String id, String savedLabId, ShareMode mode, long at, Instant createdAt) {}
