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
    private final List<Runnable> removalHooks = new ArrayList<>(2);
    private boolean removed;

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

    /** Detaches the service of that type, if {@code service} is the one attached (a stopped daemon's). */
    public <T> void withdraw(Class<T> type, T service) {
        services.remove(type, service);
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

    /**
     * Takes an interface off this node, as unplugging a NIC: its cable, if it has one, is taken out of the network
     * first ({@link Network#disconnect}, which drops the frames on it), the frames it still held are dropped, and
     * the name is free for a new interface at once.
     *
     * @throws IllegalArgumentException when the node has no interface of that name
     */
    public void removeDevice(String deviceName) {
        NetDevice d = device(deviceName);
        if (d == null) throw new IllegalArgumentException(name + " has no interface named \"" + deviceName + "\"");
        if (d.link() != null) network.disconnect(d.link());
        d.setUp(false);
        devices.remove(d);
        d.markRemoved();
        deviceRemoved(d);
    }

    /** Whether this node was taken out of its network ({@link Network#remove}). */
    public boolean isRemoved() { return removed; }

    /**
     * Runs {@code hook} when this node is taken out of its network, after its cables and interfaces are gone: the
     * upper layers end what would otherwise go on running (programs, connections).
     */
    public void onRemoved(Runnable hook) {
        removalHooks.add(hook);
    }

    void removed() {
        removed = true;
        for (Runnable hook : List.copyOf(removalHooks)) hook.run();
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

    /** Called once for each interface taken off, after its cable was taken out and it went down. */
    protected void deviceRemoved(NetDevice device) {}

    /** Called when an interface goes up or down. */
    protected void deviceStateChanged(NetDevice device) {}
}
