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

    /** "pc1에서 web 포트 80으로의 ", leaving out what is null (and empty when all is): between, in Korean. */
    static String betweenKo(Peer client, Peer server, Integer port) {
        String from = client == null ? "" : client.name + "에서";
        String toward = (server == null ? "" : server.name) + (server != null && port != null ? " " : "")
                + (port == null ? "" : "포트 " + port);
        if (toward.isEmpty()) return from.isEmpty() ? "" : from + "의 ";
        return (from.isEmpty() ? "" : from + " ") + Korean.toward(toward) + "의 ";
    }

    /** " from pc1 to web port 80", leaving out what is null. */
    static String between(Peer client, Peer server, Integer port) {
        return (client == null ? "" : " from " + client.name) + (server == null ? "" : " to " + server.name)
                + (port == null ? "" : (server == null ? " to" : "") + " port " + port);
    }
}
