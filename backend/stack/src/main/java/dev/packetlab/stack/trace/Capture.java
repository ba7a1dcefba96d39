package dev.packetlab.stack.trace;

import java.util.function.Predicate;

/**
 * Where a capture listens, like choosing an interface in Wireshark: every link, one link, or one node's
 * interfaces. Each frame is captured once per transmission on a wire, so a capture of everything shows a frame once
 * for every hop it took.
 */
public final class Capture implements TraceListener {
    private final PcapWriter writer;
    private final Predicate<TraceEvent> selects;
    private long frames;

    private Capture(PcapWriter writer, Predicate<TraceEvent> selects) {
        this.writer = writer;
        this.selects = selects;
    }

    /** Every frame put on any link. */
    public static Capture everything(Trace trace, PcapWriter writer) {
        return attach(trace, new Capture(writer, e -> e instanceof TraceEvent.FrameSent));
    }

    /** Every frame put on the named link, in either direction. */
    public static Capture link(Trace trace, PcapWriter writer, String link) {
        return attach(trace, new Capture(writer, e -> e instanceof TraceEvent.FrameSent s && s.link().equals(link)));
    }

    /** Every frame a node sent or received on any of its interfaces, as tcpdump on all of them would see. */
    public static Capture node(Trace trace, PcapWriter writer, String node) {
        return attach(trace, new Capture(writer, e -> e.node().equals(node)
                && (e instanceof TraceEvent.FrameSent || e instanceof TraceEvent.FrameReceived)));
    }

    private static Capture attach(Trace trace, Capture c) {
        trace.subscribe(c, Trace.Kind.FRAME_SENT, Trace.Kind.FRAME_RECEIVED);
        return c;
    }

    @Override
    public void on(TraceEvent event) {
        if (!selects.test(event)) return;
        switch (event) {
            case TraceEvent.FrameSent s -> writer.write(s.time(), s.frame());
            case TraceEvent.FrameReceived r -> writer.write(r.time(), r.frame());
            default -> { return; }
        }
        frames++;
    }

    /** How many frames were written. */
    public long frames() { return frames; }
}
