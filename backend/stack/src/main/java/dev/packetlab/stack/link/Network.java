package dev.packetlab.stack.link;

import dev.packetlab.stack.sim.Simulation;
import dev.packetlab.stack.trace.Trace;
import dev.packetlab.stack.wire.MacAddress;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
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

    /**
     * Takes a cable out of the running network: the frames still on it are dropped with
     * {@link dev.packetlab.stack.trace.DropReason#LINK_REMOVED}, both interfaces are free for another cable, and the
     * name for another link.
     *
     * @throws IllegalArgumentException when the link is not (or no longer) part of this network
     */
    public void disconnect(Link link) {
        if (links.get(link.name()) != link) throw new IllegalArgumentException("no link " + link + " in this network");
        links.remove(link.name());
        link.remove();
    }

    /**
     * Takes a node out of the running network, as pulling its power cord and its cables: each of its cables is taken
     * out ({@link #disconnect}), each interface taken off, then the upper layers are told ({@link Node#onRemoved}) and
     * end its programs and connections. Nothing it does afterwards reaches a cable, and its name is free at once for
     * a new node.
     *
     * @throws IllegalArgumentException when the node is not (or no longer) part of this network
     */
    public void remove(Node node) {
        if (nodes.get(node.name()) != node) throw new IllegalArgumentException("no node " + node.name() + " in this network");
        for (NetDevice d : List.copyOf(node.devices())) node.removeDevice(d.name());
        nodes.remove(node.name());
        node.removed();
    }

    public Node node(String name) { return nodes.get(name); }

    public Collection<Node> nodes() { return Collections.unmodifiableCollection(nodes.values()); }

    public Link link(String name) { return links.get(name); }

    public Collection<Link> links() { return Collections.unmodifiableCollection(links.values()); }
}
