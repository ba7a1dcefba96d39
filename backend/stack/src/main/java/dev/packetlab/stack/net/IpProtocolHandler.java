package dev.packetlab.stack.net;

import dev.packetlab.stack.wire.Ipv4Address;

/** An upper layer (UDP, TCP) that IPv4 hands the packets of one protocol number to. */
public interface IpProtocolHandler {
    /**
     * A packet for this node arrived (already reassembled).
     *
     * @param packet the IPv4 packet, header included, starting at {@code offset}
     */
    void receive(Ipv4Interface in, byte[] packet, int offset);

    /**
     * An ICMP error from {@code from} quoted a packet of this protocol that this node sent.
     *
     * @param quoted the quoted IPv4 header and the first bytes of its payload, starting at {@code offset}
     */
    default void icmpError(Ipv4Address from, int type, int code, int nextHopMtu, byte[] quoted, int offset, int length) {}
}
