package dev.packetlab.stack.link;

import dev.packetlab.stack.sim.SimRandom;
import dev.packetlab.stack.sim.Simulation;
import dev.packetlab.stack.sim.Timer;
import dev.packetlab.stack.trace.DropReason;
import dev.packetlab.stack.trace.Trace;
import java.util.ArrayDeque;

/**
 * A full-duplex point-to-point cable between two interfaces. A frame reaches the far end after its serialization
 * delay (size / bandwidth) plus the propagation delay plus optional jitter; it may be lost with the configured
 * probability (a seeded draw, so a run is reproducible). Parameters can change while frames are in flight: a frame
 * already on the wire keeps the timing it left with.
 *
 * <p>A cable can be taken out of a running network ({@link Network#disconnect}): the frames still on it are dropped
 * there and then, each with {@link DropReason#LINK_REMOVED}, and both interfaces are free for another cable.
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
    private boolean removed;
    /** Frames on the wire towards a and towards b, in arrival order (a cable never reorders). */
    private final ArrayDeque<InFlight> towardsA = new ArrayDeque<>();
    private final ArrayDeque<InFlight> towardsB = new ArrayDeque<>();
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

    /** Whether this cable was taken out of its network. */
    public boolean isRemoved() { return removed; }

    /**
     * Takes the cable out: every frame still on it is dropped now, at the end it was going to, with
     * {@link DropReason#LINK_REMOVED} (oldest first, towards a before towards b, so the trace is reproducible), and
     * both interfaces lose it.
     */
    void remove() {
        removed = true;
        up = false;
        for (ArrayDeque<InFlight> q : java.util.List.of(towardsA, towardsB)) {
            for (InFlight f : q) {
                simulation.cancel(f.timer);
                trace.frameDropped(f.to.node().name(), f.to.name(), DropReason.LINK_REMOVED, "lost on " + name, f.frame);
            }
            q.clear();
        }
        a.detach();
        b.detach();
        a.node().deviceStateChanged(a);
        b.node().deviceStateChanged(b);
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
        InFlight f = new InFlight(to, frame, lost);
        (to == a ? towardsA : towardsB).addLast(f);
        f.timer = simulation.scheduleAt(arrival, f);
    }

    /** A frame on the wire: its arrival at the far end, which the cable can still cancel if it is taken out. */
    private final class InFlight implements Runnable {
        final NetDevice to;
        final byte[] frame;
        final boolean lost;
        Timer timer;

        InFlight(NetDevice to, byte[] frame, boolean lost) {
            this.to = to;
            this.frame = frame;
            this.lost = lost;
        }

        @Override
        public void run() {
            (to == a ? towardsA : towardsB).pollFirst();
            if (lost) {
                trace.frameDropped(to.node().name(), to.name(), DropReason.LINK_LOSS, "lost on " + name, frame);
            } else if (!up) {
                trace.frameDropped(to.node().name(), to.name(), DropReason.LINK_DOWN, "lost on " + name, frame);
            } else {
                to.arrive(frame);
            }
        }
    }

    @Override
    public String toString() { return name + " (" + a + " <-> " + b + ")"; }
}
