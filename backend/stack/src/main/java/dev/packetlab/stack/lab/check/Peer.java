package dev.packetlab.stack.lab.check;

import dev.packetlab.stack.wire.Ipv4Address;
import java.util.Set;

/**
 * One end of what a check names: a node of the lab (any of its addresses) or an IPv4 address written as such.
 * Node names are resolved to their addresses when the lab is read, so a check never needs the running network
 * to know who sent a packet.
 *
 * @param name      the node id or the address, as written
 * @param addresses the addresses that count as this end, as {@link Ipv4Address#value()}
 */
public record Peer(String name, Set<Integer> addresses) {
    public Peer {
        addresses = Set.copyOf(addresses);
    }

    /** Whether {@code address} (as {@link Ipv4Address#value()}) is this end. */
    public boolean is(int address) { return addresses.contains(address); }

    public String describe() { return name; }

    /** " from pc1 to web port 80", leaving out what is null. */
    static String between(Peer client, Peer server, Integer port) {
        return (client == null ? "" : " from " + client.name) + (server == null ? "" : " to " + server.name)
                + (port == null ? "" : (server == null ? " to" : "") + " port " + port);
    }
}
