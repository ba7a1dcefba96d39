package dev.packetlab.server.runtime;

/**
 * One row of the packet list: a transmission on a link, with Wireshark-like columns.
 *
 * @param time simulated nanoseconds when its first bit left
 * @param node the sending node, {@code device} its interface
 */
public record PacketRow(long number, long time, String node, String device, String link, String protocol,
                        String source, String destination, int length, String summary) {}
