package dev.packetlab.server.runtime;

/**
 * A frame as the capture keeps it: a transmission on a link ({@code received} false: it has a packet number, as a
 * row of the packet list) or its arrival at the far end ({@code received} true, with the number of the transmission
 * it ends, so a node's capture shows what it received too). The bytes are the very array the stack traced.
 */
public record CapturedFrame(long number, long time, String node, String device, String link, boolean received,
                            byte[] frame) {}
