package dev.packetlab.stack.lab.check;

import dev.packetlab.stack.trace.TraceEvent;
import dev.packetlab.stack.wire.Dissection;
import dev.packetlab.stack.wire.Dissector;

/** Judges {@code frame:}: counts the frames matching the filter where the filter looks. */
final class FrameWatch extends Occurrences {
    private final FrameFilter filter;
    private final Addresses addresses;

    FrameWatch(Check.Frame check, Addresses addresses) {
        super(check);
        this.filter = check.filter();
        this.addresses = addresses;
    }

    @Override
    boolean observe(Observation o) {
        DecodedFrame f = o.frame();
        if (f == null || !f.ethernet || !filter.looksAt(o.event(), f, addresses) || !filter.matches(f)) return false;
        String verb = o.event() instanceof TraceEvent.FrameSent ? " sent " : " received ";
        return occurred(o, () -> o.event().node() + verb + summary(f.bytes));
    }

    /** A frame as a packet list shows it: "ICMP 10.0.0.1 → 10.0.0.2 Echo (ping) request id=…, seq=1". */
    static String summary(byte[] frame) {
        Dissection d = Dissector.dissect(frame);
        return d.protocol() + " " + d.source() + " → " + d.destination() + " " + d.summary();
    }
}
