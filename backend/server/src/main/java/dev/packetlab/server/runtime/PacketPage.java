package dev.packetlab.server.runtime;

import java.util.List;

/**
 * One page of the packet list.
 *
 * @param total   packets matching the query among those kept
 * @param first   the oldest packet number still kept (older ones fell out of the capture budget)
 */
public record PacketPage(long total, int page, int size, long first, List<PacketRow> packets) {}
