package dev.packetlab.stack.trace;

import dev.packetlab.stack.sim.Simulation;
import java.util.Arrays;

/**
 * A simulation's observable history. Parts of the stack report what happens here; listeners subscribe to the
 * kinds of event they need. Counting is always on; an event record is built only when someone listens to its kind,
 * so an unobserved simulation pays a counter increment per frame and nothing more.
 */
public final class Trace {
    /** The kinds of event, one per record of {@link TraceEvent}. */
    public enum Kind {
        FRAME_SENT, FRAME_RECEIVED, FRAME_DROPPED, ARP_CACHE, MAC_TABLE, ROUTE, LINK_STATE, TERMINAL, SOCKET_STATE, TCP_VARIABLES;

        static Kind of(TraceEvent e) {
            return switch (e) {
                case TraceEvent.FrameSent x -> FRAME_SENT;
                case TraceEvent.FrameReceived x -> FRAME_RECEIVED;
                case TraceEvent.FrameDropped x -> FRAME_DROPPED;
                case TraceEvent.ArpCacheChanged x -> ARP_CACHE;
                case TraceEvent.MacTableChanged x -> MAC_TABLE;
                case TraceEvent.RouteChanged x -> ROUTE;
                case TraceEvent.LinkStateChanged x -> LINK_STATE;
                case TraceEvent.TerminalOutput x -> TERMINAL;
                case TraceEvent.SocketStateChanged x -> SOCKET_STATE;
                case TraceEvent.TcpVariablesChanged x -> TCP_VARIABLES;
            };
        }
    }

    private static final Kind[] KINDS = Kind.values();
    private static final TraceListener[] NONE = new TraceListener[0];

    private final Simulation simulation;
    private final long[] counts = new long[KINDS.length];
    private final TraceListener[][] listeners = new TraceListener[KINDS.length][];

    public Trace(Simulation simulation) {
        this.simulation = simulation;
        Arrays.fill(listeners, NONE);
    }

    /** Subscribes {@code listener} to the given kinds, or to every kind when none is given. */
    public void subscribe(TraceListener listener, Kind... kinds) {
        for (Kind k : kinds.length == 0 ? KINDS : kinds) {
            TraceListener[] old = listeners[k.ordinal()];
            TraceListener[] grown = Arrays.copyOf(old, old.length + 1);
            grown[old.length] = listener;
            listeners[k.ordinal()] = grown;
        }
    }

    public void unsubscribe(TraceListener listener) {
        for (int k = 0; k < listeners.length; k++) {
            listeners[k] = Arrays.stream(listeners[k]).filter(l -> l != listener).toArray(TraceListener[]::new);
        }
    }

    /** Whether anyone listens to {@code kind}: check before building an expensive detail string. */
    public boolean observed(Kind kind) {
        return listeners[kind.ordinal()].length > 0;
    }

    /** How many events of {@code kind} happened, listened to or not. */
    public long count(Kind kind) {
        return counts[kind.ordinal()];
    }

    public long now() {
        return simulation.now();
    }

    public void frameSent(String node, String device, String link, byte[] frame) {
        if (hit(Kind.FRAME_SENT)) dispatch(Kind.FRAME_SENT, new TraceEvent.FrameSent(now(), node, device, link, frame));
    }

    public void frameReceived(String node, String device, String link, byte[] frame) {
        if (hit(Kind.FRAME_RECEIVED)) {
            dispatch(Kind.FRAME_RECEIVED, new TraceEvent.FrameReceived(now(), node, device, link, frame));
        }
    }

    /** A dropped Ethernet frame ({@code device} may be null when no interface is involved). */
    public void frameDropped(String node, String device, DropReason reason, String detail, byte[] frame) {
        if (hit(Kind.FRAME_DROPPED)) {
            dispatch(Kind.FRAME_DROPPED,
                    new TraceEvent.FrameDropped(now(), node, device, reason, detail, true, frame));
        }
    }

    /** A dropped IPv4 packet that never got an Ethernet frame. */
    public void packetDropped(String node, DropReason reason, String detail, byte[] packet) {
        if (hit(Kind.FRAME_DROPPED)) {
            dispatch(Kind.FRAME_DROPPED,
                    new TraceEvent.FrameDropped(now(), node, null, reason, detail, false, packet));
        }
    }

    /** Reports an event built by the caller (table changes, terminal output: rare enough to build eagerly). */
    public void emit(TraceEvent event) {
        Kind kind = Kind.of(event);
        if (hit(kind)) dispatch(kind, event);
    }

    private boolean hit(Kind kind) {
        counts[kind.ordinal()]++;
        return listeners[kind.ordinal()].length > 0;
    }

    private void dispatch(Kind kind, TraceEvent event) {
        for (TraceListener l : listeners[kind.ordinal()]) l.on(event);
    }
}
