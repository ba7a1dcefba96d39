package dev.packetlab.stack.lab.check;

import dev.packetlab.stack.lab.NodeSpec;
import dev.packetlab.stack.lab.NodeSpec.InterfaceSpec;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who owns which IPv4 address in a lab, from its nodes as written: what turns "from: pc1" into pc1's addresses,
 * and what tells, for a traced frame, whether the node that sent it is the one that made it (its source address is
 * the node's own) rather than a router, switch or hub passing it on.
 */
final class Addresses {
    private final Map<String, NodeSpec> nodes = new LinkedHashMap<>();
    private final Map<String, Set<Integer>> byNode = new HashMap<>();
    private final Map<Integer, String> owner = new HashMap<>();

    Addresses(List<NodeSpec> nodes) {
        for (NodeSpec n : nodes) {
            this.nodes.put(n.id(), n);
            Set<Integer> own = new TreeSet<>();
            for (InterfaceSpec i : n.interfaces()) {
                if (i.ip() == null) continue;
                own.add(i.ip().address().value());
                owner.putIfAbsent(i.ip().address().value(), n.id());
            }
            byNode.put(n.id(), Set.copyOf(own));
        }
    }

    /** The node with this id, or null. */
    NodeSpec node(String id) { return nodes.get(id); }

    /** The node ids, in the order the lab lists them. */
    Set<String> ids() { return nodes.keySet(); }

    /** The addresses of {@code node}, as {@link dev.packetlab.stack.wire.Ipv4Address#value()}; empty for none. */
    Set<Integer> of(String node) { return byNode.getOrDefault(node, Set.of()); }

    /** The node owning {@code address}, or null. */
    String owner(int address) { return owner.get(address); }

    /** Whether {@code address} is one of {@code node}'s. */
    boolean owns(String node, int address) { return of(node).contains(address); }

    /**
     * Whether {@code node} made this frame rather than forwarded or repeated it: its IPv4 source (for ARP, the
     * sender's address) is the node's own.
     */
    boolean origin(String node, DecodedFrame f) {
        if (f.ip) return owns(node, f.ipSource);
        if (f.arp()) return owns(node, f.arpSender);
        return false;
    }

    /** Whether this frame arrived at the node it was addressed to (its IPv4 destination, or ARP target). */
    boolean destination(String node, DecodedFrame f) {
        if (f.ip) return owns(node, f.ipDestination);
        if (f.arp()) return owns(node, f.arpTarget);
        return false;
    }
}
