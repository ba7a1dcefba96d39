package dev.packetlab.stack.udp;

import dev.packetlab.stack.wire.Ipv4Address;

/** Receives what arrives for one UDP endpoint. */
public interface UdpListener {
    /**
     * A datagram arrived from {@code source}:{@code sourcePort}.
     *
     * @return false when there is no room for it (a full socket buffer): UDP then drops it, with that reason
     */
    boolean datagram(Ipv4Address source, int sourcePort, byte[] data);

    /**
     * An ICMP error about a datagram this endpoint sent to {@code destination}:{@code destinationPort}, reported by
     * {@code from} (port unreachable: {@code type} 3, {@code code} 3).
     */
    default void error(Ipv4Address from, int type, int code, Ipv4Address destination, int destinationPort) {}
}
