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
        boolean sent = o.event() instanceof TraceEvent.FrameSent;
        String node = o.event().node();
        return occurred(o, language -> language == Language.KO
                ? Korean.subject(node) + (sent ? " 보냄: " : " 받음: ") + summary(f.bytes)
                : node + (sent ? " sent " : " received ") + summary(f.bytes));
    }

    /** A frame as a packet list shows it: "ICMP 10.0.0.1 → 10.0.0.2 Echo (ping) request id=…, seq=1". */
    static String summary(byte[] frame) {
        Dissection d = Dissector.dissect(frame);
        return d.protocol() + " " + d.source() + " → " + d.destination() + " " + d.summary();
    }
}
