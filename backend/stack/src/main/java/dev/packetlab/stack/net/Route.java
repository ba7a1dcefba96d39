package dev.packetlab.stack.net;

import dev.packetlab.stack.wire.Ipv4Address;
import dev.packetlab.stack.wire.Ipv4Prefix;

/**
 * One row of a routing table: packets to {@code destination} leave through {@code iface}, to the next hop
 * {@code via}, or straight to their destination when {@code via} is null (a connected route).
 */
public record Route(Ipv4Prefix destination, Ipv4Address via, Ipv4Interface iface, Origin origin) {
    /** Where a route came from, as {@code ip route} shows it ({@code proto kernel} for connected routes). */
    public enum Origin { CONNECTED, STATIC }

    /** The address to resolve with ARP for a packet to {@code dst}. */
    public Ipv4Address nextHop(Ipv4Address dst) {
        return via == null ? dst : via;
    }

    /** This route as {@code ip route} prints it. */
    public String describe() {
        String to = destination.length() == 0 ? "default" : destination.network() + "/" + destination.length();
        StringBuilder s = new StringBuilder(to);
        if (via != null) s.append(" via ").append(via);
        s.append(" dev ").append(iface.name());
        if (origin == Origin.CONNECTED) s.append(" proto kernel scope link src ").append(iface.ip());
        return s.toString();
    }
}
