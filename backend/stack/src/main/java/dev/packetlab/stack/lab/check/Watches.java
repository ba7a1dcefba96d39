package dev.packetlab.stack.lab.check;

import dev.packetlab.stack.link.NetDevice;
import dev.packetlab.stack.link.Network;
import dev.packetlab.stack.link.Node;
import dev.packetlab.stack.wire.MacAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Makes the watch that judges a check on a running lab. */
final class Watches {
    private Watches() {}

    /**
     * @param network the running lab, for the MAC addresses of nodes, which exist only once it is built
     * @param leaves  receives every leaf made, for the evaluator to feed events to
     */
    static Watch of(Check check, Addresses addresses, Network network, List<Occurrences> leaves) {
        Watch w = switch (check) {
            case Check.Frame c -> new FrameWatch(c, addresses);
            case Check.Drop c -> new DropWatch(c);
            case Check.TcpHandshake c -> new HandshakeWatch(c, addresses);
            case Check.TcpClose c -> new CloseWatch(c, addresses);
            case Check.SocketState c -> new SocketStateWatch(c);
            case Check.TcpEvent c -> new TcpEventWatch(c);
            case Check.TcpVariable c -> new TcpVariableWatch(c);
            case Check.ArpEntry c -> new TableEntryWatch(c, c.mac() != null ? Set.of(c.mac())
                    : c.macOf() != null ? macs(network, c.macOf()) : null);
            case Check.MacEntry c -> new TableEntryWatch(c, c.mac() != null ? Set.of(c.mac())
                    : macs(network, c.macOf()));
            case Check.Output c -> new OutputWatch(c);
            case Check.Count c -> new CountWatch(c, (Occurrences) of(c.counted(), addresses, network, leaves));
            case Check.Before c -> new BeforeWatch(c.order().stream().map(p -> of(p, addresses, network, leaves))
                    .toList());
            case Check.All c -> new AllWatch(c.checks().stream().map(p -> of(p, addresses, network, leaves)).toList());
            case Check.Any c -> new AnyWatch(c.checks().stream().map(p -> of(p, addresses, network, leaves)).toList());
            case Check.Not c -> new NotWatch(of(c.check(), addresses, network, leaves));
        };
        if (w instanceof Occurrences leaf) leaves.add(leaf);
        return w;
    }

    /** The MAC addresses of a node's interfaces. */
    private static Set<MacAddress> macs(Network network, String node) {
        Set<MacAddress> macs = new HashSet<>();
        Node n = network.node(node);
        if (n != null) for (NetDevice d : n.devices()) macs.add(d.mac());
        return macs;
    }
}
