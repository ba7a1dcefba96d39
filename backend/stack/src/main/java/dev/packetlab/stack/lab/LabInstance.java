package dev.packetlab.stack.lab;

import dev.packetlab.stack.app.Commands;
import dev.packetlab.stack.app.Shell;
import dev.packetlab.stack.link.Network;
import dev.packetlab.stack.link.Node;
import dev.packetlab.stack.sim.Simulation;
import java.util.LinkedHashMap;
import java.util.Map;

/** A running lab: its simulation, its topology and a shell on every node. */
public final class LabInstance {
    private final Simulation simulation;
    private final Network network;
    private final Map<String, Shell> shells = new LinkedHashMap<>();

    LabInstance(Network network) {
        this.simulation = network.simulation();
        this.network = network;
        for (Node n : network.nodes()) shells.put(n.name(), Commands.shellFor(n));
    }

    public Simulation simulation() { return simulation; }

    public Network network() { return network; }

    /** The shell of the named node, or null. */
    public Shell shell(String node) { return shells.get(node); }
}
