package dev.packetlab.stack.link;

import dev.packetlab.stack.sim.Simulation;
import dev.packetlab.stack.trace.Trace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Collections;
import java.util.List;

/** Anything with network interfaces: a host, a router, a switch or a hub. */
public abstract class Node {
    protected final Network network;
    protected final Simulation simulation;
    protected final Trace trace;
    private final String name;
    private final List<NetDevice> devices = new ArrayList<>();
    private final Sysctl sysctl = new Sysctl();
    private final Map<Class<?>, Object> services = new HashMap<>(4);

    protected Node(Network network, String name) {
        this.network = network;
        this.simulation = network.simulation();
        this.trace = network.trace();
        this.name = name;
        network.register(this);
    }

    public String name() { return name; }

    public Network network() { return network; }

    /** This node's tunables. */
    public Sysctl sysctl() { return sysctl; }

    /**
     * Attaches a per-node service of an upper layer (the socket table), so that code above can find it from the
     * node without this layer knowing its type.
     *
     * @throws IllegalStateException when the node already has a service of that type
     */
    public <T> void provide(Class<T> type, T service) {
        if (services.putIfAbsent(type, type.cast(service)) != null) {
            throw new IllegalStateException(name + " already has a " + type.getSimpleName());
        }
    }

    /** The service of that type attached to this node, or null. */
    public <T> T service(Class<T> type) {
        return type.cast(services.get(type));
    }

    /** Adds an interface with the next MAC address of the network. */
    public NetDevice addDevice(String deviceName) {
        if (device(deviceName) != null) {
            throw new IllegalArgumentException(name + " already has an interface named \"" + deviceName + "\"");
        }
        NetDevice d = new NetDevice(this, deviceName, network.allocateMac(), promiscuous());
        devices.add(d);
        deviceAdded(d);
        return d;
    }

    public NetDevice device(String deviceName) {
        for (NetDevice d : devices) if (d.name().equals(deviceName)) return d;
        return null;
    }

    public List<NetDevice> devices() { return Collections.unmodifiableList(devices); }

    /** Hubs and switches take every frame; an endpoint's NIC takes only frames addressed to it. */
    protected abstract boolean promiscuous();

    /** A whole frame arrived on {@code device} and passed its address filter. */
    protected abstract void receive(NetDevice device, byte[] frame);

    /** Called once for each interface added. */
    protected void deviceAdded(NetDevice device) {}

    /** Called when an interface goes up or down. */
    protected void deviceStateChanged(NetDevice device) {}
}
