package dev.packetlab.stack.net;

import dev.packetlab.stack.wire.Ipv4Address;

/** Receives what comes back for the echo requests of one {@link EchoEndpoint}, as a ping socket would. */
public interface EchoListener {
    /** An echo reply with our identifier. {@code icmpLength} counts the ICMP header and data. */
    void reply(Ipv4Address from, int sequence, int ttl, int icmpLength);

    /**
     * An ICMP error about one of our echo requests, sent by {@code from} (a router, or this node itself when ARP
     * failed). {@code nextHopMtu} is set for "fragmentation needed".
     */
    void error(Ipv4Address from, int type, int code, int sequence, int nextHopMtu);
}
