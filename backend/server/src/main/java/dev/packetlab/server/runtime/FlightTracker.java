package dev.packetlab.server.runtime;

import dev.packetlab.stack.link.Link;
import dev.packetlab.stack.link.NetDevice;
import dev.packetlab.stack.link.Network;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The frames on the wires: which transmission an arrival ends (so the UI can move the same dot from one end of a
 * link to the other) and until when anything is in flight (so "skip idle" knows quiet time from time worth
 * animating). A cable never reorders its frames, so each direction of a link is a queue.
 */
final class FlightTracker {
    /** A frame on its way: its packet number and its bytes (the same array arrives). */
    private record Flight(long number, byte[] frame) {}

    private final Network network;
    /** "link>node:device" of the receiving end → the frames heading there, oldest first. */
    private final Map<String, ArrayDeque<Flight>> queues = new HashMap<>();
    private long inFlightUntil;

    FlightTracker(Network network) {
        this.network = network;
    }

    /**
     * A transmission started: returns its timing as the UI animates it (the first bit leaves {@code time}, the last
     * bit leaves after the serialization delay, the last bit arrives after the propagation delay on top; jitter may
     * add to that). Null when the link is unknown.
     */
    Timing sent(long number, long time, String node, String device, String linkName, byte[] frame) {
        Link link = network.link(linkName);
        if (link == null) return null;
        NetDevice from = network.node(node).device(device);
        NetDevice to = link.peerOf(from);
        long serialization = link.serializationDelay(frame.length);
        long arrives = time + serialization + link.parameters().delay();
        inFlightUntil = Math.max(inFlightUntil, arrives + link.parameters().jitter());
        queues.computeIfAbsent(key(linkName, to.node().name(), to.name()), k -> new ArrayDeque<>())
                .addLast(new Flight(number, frame));
        return new Timing(to.node().name(), to.name(), time + serialization, arrives);
    }

    /** The frame arrived at (or was lost on the way to) {@code node:device}: returns its packet number, 0 if unknown. */
    long arrived(String linkName, String node, String device, byte[] frame) {
        ArrayDeque<Flight> q = queues.get(key(linkName, node, device));
        if (q == null) return 0;
        for (Iterator<Flight> it = q.iterator(); it.hasNext(); ) {
            Flight f = it.next();
            if (f.frame() == frame) {
                it.remove();
                return f.number();
            }
        }
        return 0;
    }

    /** Whether some frame may still be on a wire at simulated time {@code now}. */
    boolean inFlight(long now) {
        return now < inFlightUntil;
    }

    private static String key(String link, String node, String device) {
        return link + '>' + node + ':' + device;
    }

    /** Where a transmission goes and when its last bit leaves and arrives (simulated ns). */
    record Timing(String toNode, String toDevice, long leaves, long arrives) {}
}
