package dev.packetlab.stack.link;

import dev.packetlab.stack.sim.Simulation;
import dev.packetlab.stack.trace.DropReason;
import dev.packetlab.stack.trace.Trace;
import dev.packetlab.stack.trace.TraceEvent;
import dev.packetlab.stack.wire.MacAddress;
import java.util.ArrayDeque;

/**
 * A network interface card: a MAC address, an up/down state, one cable, and a DropTail transmit queue. The NIC
 * sends one frame at a time; the next leaves when the last bit of the previous one is on the wire, so the
 * bandwidth of the link paces the sender (serialization delay).
 */
public final class NetDevice {
    private final Node node;
    private final String name;
    private final MacAddress mac;
    private final long macBits;
    private final boolean promiscuous;
    private final Simulation simulation;
    private final Trace trace;
    private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
    private final Runnable transmitComplete = this::transmitComplete;
    private Link link;
    private boolean up = true;
    private boolean transmitting;
    private boolean removed;

    NetDevice(Node node, String name, MacAddress mac, boolean promiscuous) {
        this.node = node;
        this.name = name;
        this.mac = mac;
        this.macBits = mac.value();
        this.promiscuous = promiscuous;
        this.simulation = node.simulation;
        this.trace = node.trace;
    }

    public Node node() { return node; }

    public String name() { return name; }

    public MacAddress mac() { return mac; }

    /** The cable plugged into this interface, or null. */
    public Link link() { return link; }

    void attach(Link link) {
        this.link = link;
    }

    /**
     * The cable was taken out: frames waiting behind the one on the wire can no longer leave, and are dropped, one
     * drop each, so nothing vanishes unexplained.
     */
    void detach() {
        for (byte[] frame : queue) {
            trace.frameDropped(node.name(), name, DropReason.NOT_CONNECTED, "queued when the cable was removed", frame);
        }
        queue.clear();
        this.link = null;
    }

    /** Whether this interface was taken off its node ({@link Node#removeDevice}). */
    public boolean isRemoved() { return removed; }

    void markRemoved() {
        removed = true;
    }

    /** The administrative state, as set by {@code ip link set NAME up|down}. */
    public boolean isUp() { return up; }

    /** Whether frames can flow: the interface is up and its cable is plugged in and up. */
    public boolean isOperational() { return up && link != null && link.isUp(); }

    public void setUp(boolean up) {
        if (this.up == up) return;
        this.up = up;
        if (!up) {
            // frames still waiting never leave: say so, one drop each, so nothing vanishes unexplained
            for (byte[] frame : queue) trace.frameDropped(node.name(), name, DropReason.INTERFACE_DOWN, "queued when the interface went down", frame);
            queue.clear();
        }
        trace.emit(new TraceEvent.LinkStateChanged(simulation.now(), node.name(), name, up));
        node.deviceStateChanged(this);
    }

    /** The IP MTU of this interface: that of its cable, or Ethernet's 1500 without one. */
    public int mtu() { return link == null ? 1500 : link.parameters().mtu(); }

    /** Frames waiting behind the one on the wire. */
    public int queueLength() { return queue.size(); }

    /**
     * Queues a complete Ethernet frame for transmission. The frame must not be modified afterwards: the trace and
     * the receivers keep a reference to it.
     */
    public void send(byte[] frame) {
        if (!up) {
            trace.frameDropped(node.name(), name, DropReason.INTERFACE_DOWN, null, frame);
            return;
        }
        if (link == null) {
            trace.frameDropped(node.name(), name, DropReason.NOT_CONNECTED, null, frame);
            return;
        }
        if (frame.length - 14 > link.parameters().mtu()) {
            trace.frameDropped(node.name(), name, DropReason.MTU_EXCEEDED,
                    (frame.length - 14) + " bytes > MTU " + link.parameters().mtu(), frame);
            return;
        }
        if (transmitting) {
            if (queue.size() >= link.parameters().queueLimit()) {
                trace.frameDropped(node.name(), name, DropReason.QUEUE_FULL,
                        "queue of " + link.parameters().queueLimit() + " frames is full", frame);
                return;
            }
            queue.addLast(frame);
            return;
        }
        startTransmission(frame);
    }

    private void startTransmission(byte[] frame) {
        if (link == null) { // the cable was taken out while a frame was still clocking out
            trace.frameDropped(node.name(), name, DropReason.NOT_CONNECTED, null, frame);
            return;
        }
        if (!link.isUp()) {
            trace.frameDropped(node.name(), name, DropReason.LINK_DOWN, null, frame);
            return;
        }
        transmitting = true;
        trace.frameSent(node.name(), name, link.name(), frame);
        long serialization = link.serializationDelay(frame.length);
        link.carry(this, frame, serialization);
        simulation.schedule(serialization, transmitComplete);
    }

    private void transmitComplete() {
        transmitting = false;
        while (!queue.isEmpty() && !transmitting) startTransmission(queue.pollFirst());
    }

    /** Called by the link when the last bit of a frame has arrived. */
    void arrive(byte[] frame) {
        trace.frameReceived(node.name(), name, link.name(), frame);
        if (!up) {
            trace.frameDropped(node.name(), name, DropReason.INTERFACE_DOWN, null, frame);
            return;
        }
        if (!promiscuous && !acceptsDestination(frame)) {
            trace.frameDropped(node.name(), name, DropReason.NOT_FOR_US, null, frame);
            return;
        }
        node.receive(this, frame);
    }

    /** A NIC keeps frames for its own MAC address, broadcast, and multicast (bit 0 of the first octet). */
    private boolean acceptsDestination(byte[] frame) {
        return (frame[0] & 1) != 0 || MacAddress.bits(frame, 0) == macBits;
    }

    @Override
    public String toString() { return node.name() + ":" + name; }
}
