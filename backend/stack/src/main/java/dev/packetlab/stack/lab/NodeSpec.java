package dev.packetlab.stack.lab;

import dev.packetlab.stack.wire.Ipv4Address;
import dev.packetlab.stack.wire.Ipv4Prefix;
import java.util.List;
import java.util.Map;

/**
 * A node of a lab. A host written with {@code ip:} has one interface {@code eth0} carrying that address, so there is
 * one place to look for addresses; switches and hubs get one port per link ({@code p1}, {@code p2}…), listed here in
 * link order.
 *
 * @param gateway  the default route's next hop, or null
 * @param hosts    static entries for the node's /etc/hosts, name → address (every lab node's name is there anyway)
 * @param services kept as written ({@code [{http: {port: 80}}]}) until the applications define them
 * @param position where the UI draws the node, or null to let it lay the topology out
 */
public record NodeSpec(String id, Kind kind, List<InterfaceSpec> interfaces, Ipv4Address gateway,
                       List<Ipv4Address> dns, Map<String, Ipv4Address> hosts, List<RouteSpec> routes, List<Map<String, Object>> services,
                       Map<String, String> sysctl, Position position) {

    public enum Kind {
        HOST, SERVER, ROUTER, SWITCH, HUB;

        /** Whether the node runs IP (hosts, servers, routers) rather than only moving frames. */
        public boolean speaksIp() { return this == HOST || this == SERVER || this == ROUTER; }

        public String word() { return name().toLowerCase(); }
    }

    /** An interface and its address with prefix length (null for switch and hub ports, or an unnumbered one). */
    public record InterfaceSpec(String name, Ipv4Prefix ip) {}

    /** A static route; {@code to} 0.0.0.0/0 is the default route. */
    public record RouteSpec(Ipv4Prefix to, Ipv4Address via) {}

    /** A point on the UI's canvas; the simulation ignores it. */
    public record Position(double x, double y) {}
}
