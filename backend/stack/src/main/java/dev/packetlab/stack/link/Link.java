package dev.packetlab.stack.link;

import dev.packetlab.stack.sim.SimRandom;
import dev.packetlab.stack.sim.Simulation;
import dev.packetlab.stack.trace.DropReason;
import dev.packetlab.stack.trace.Trace;

/**
 * A full-duplex point-to-point cable between two interfaces. A frame reaches the far end after its serialization
 * delay (size / bandwidth) plus the propagation delay plus optional jitter; it may be lost with the configured
 * probability (a seeded draw, so a run is reproducible). Parameters can change while frames are in flight: a frame
 * already on the wire keeps the timing it left with.
 */
public final class Link {
    private final String name;
    private final NetDevice a;
    private final NetDevice b;
    private final Simulation simulation;
    private final Trace trace;
    private final SimRandom random;
    private LinkParameters parameters;
    private boolean up = true;
    /** Arrival time of the latest frame in flight towards a and towards b: jitter must never reorder a cable. */
    private long lastArrivalAtA;
    private long lastArrivalAtB;

    Link(Network network, String name, NetDevice a, NetDevice b, LinkParameters parameters) {
        if (a == b) throw new IllegalArgumentException("a link needs two different interfaces, got " + a + " twice");
        for (NetDevice end : new NetDevice[] {a, b}) {
            if (end.link() != null) {
                throw new IllegalArgumentException(end + " already has a cable (" + end.link().name() + ")");
            }
        }
        a.attach(this);
        b.attach(this);
        this.name = name;
        this.a = a;
        this.b = b;
        this.parameters = parameters;
        this.simulation = network.simulation();
        this.trace = network.trace();
        this.random = simulation.random("link/" + name);
    }

    public String name() { return name; }

    public NetDevice a() { return a; }

    public NetDevice b() { return b; }

    public NetDevice peerOf(NetDevice end) { return end == a ? b : a; }

    public LinkParameters parameters() { return parameters; }

    public void setParameters(LinkParameters parameters) { this.parameters = parameters; }

    public boolean isUp() { return up; }

    /** Plugs the cable in or pulls it out: frames still in flight when it goes down are lost. */
    public void setUp(boolean up) {
        if (this.up == up) return;
        this.up = up;
        a.node().deviceStateChanged(a);
        b.node().deviceStateChanged(b);
    }

    /** Nanoseconds to clock {@code bytes} onto the wire at this link's bandwidth (rounded up). */
    public long serializationDelay(int bytes) {
        long bits = bytes * 8L;
        return (bits * 1_000_000_000L + parameters.bandwidth() - 1) / parameters.bandwidth();
    }

    /** Carries a frame whose transmission from {@code from} starts now and takes {@code serialization} ns. */
    void carry(NetDevice from, byte[] frame, long serialization) {
        NetDevice to = peerOf(from);
        LinkParameters p = parameters;
        boolean lost = p.loss() > 0 && random.nextDouble() < p.loss();
        long arrival = simulation.now() + serialization + p.delay();
        if (p.jitter() > 0) arrival += (long) (random.nextDouble() * (p.jitter() + 1));
        if (to == a) {
            arrival = Math.max(arrival, lastArrivalAtA);
            lastArrivalAtA = arrival;
        } else {
            arrival = Math.max(arrival, lastArrivalAtB);
            lastArrivalAtB = arrival;
        }
        simulation.scheduleAt(arrival, () -> {
            if (lost) {
                trace.frameDropped(to.node().name(), to.name(), DropReason.LINK_LOSS, "lost on " + name, frame);
            } else if (!up) {
                trace.frameDropped(to.node().name(), to.name(), DropReason.LINK_DOWN, "lost on " + name, frame);
            } else {
                to.arrive(frame);
            }
        });
    }

    @Override
    public String toString() { return name + " (" + a + " <-> " + b + ")"; }
}
