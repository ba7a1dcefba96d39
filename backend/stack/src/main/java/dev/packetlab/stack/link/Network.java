package dev.packetlab.stack.link;

import dev.packetlab.stack.sim.Simulation;
import dev.packetlab.stack.trace.Trace;
import dev.packetlab.stack.wire.MacAddress;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A topology: the nodes and the cables between them, on one simulation with one trace. MAC addresses are handed out
 * in creation order from the locally administered range 02:00:00:00:00:01 on, so the same topology always gets the
 * same addresses.
 */
public final class Network {
    private final Simulation simulation;
    private final Trace trace;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final Map<String, Link> links = new LinkedHashMap<>();
    private long nextMac = 0x02_00_00_00_00_01L;

    public Network(Simulation simulation) {
        this.simulation = simulation;
        this.trace = new Trace(simulation);
    }

    public Simulation simulation() { return simulation; }

    public Trace trace() { return trace; }

    MacAddress allocateMac() {
        return new MacAddress(nextMac++);
    }

    void register(Node node) {
        if (nodes.putIfAbsent(node.name(), node) != null) {
            throw new IllegalArgumentException("a node named \"" + node.name() + "\" already exists");
        }
    }

    /** Connects two interfaces with a cable. Each interface takes one cable. */
    public Link connect(String name, NetDevice a, NetDevice b, LinkParameters parameters) {
        if (links.containsKey(name)) throw new IllegalArgumentException("a link named \"" + name + "\" already exists");
        Link link = new Link(this, name, a, b, parameters);
        links.put(name, link);
        return link;
    }

    public Node node(String name) { return nodes.get(name); }

    public Collection<Node> nodes() { return Collections.unmodifiableCollection(nodes.values()); }

    public Link link(String name) { return links.get(name); }

    public Collection<Link> links() { return Collections.unmodifiableCollection(links.values()); }
}
