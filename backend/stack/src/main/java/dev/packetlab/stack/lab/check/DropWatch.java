package dev.packetlab.stack.lab.check;

import dev.packetlab.stack.trace.TraceEvent;
import dev.packetlab.stack.wire.Ipv4Address;

/** Judges {@code drop:}: counts the frames and packets dropped that match the filter, the reason and the place. */
final class DropWatch extends Occurrences {
    private final Check.Drop check;

    DropWatch(Check.Drop check) {
        super(check);
        this.check = check;
    }

    @Override
    boolean observe(Observation o) {
        if (!(o.event() instanceof TraceEvent.FrameDropped d) || o.frame() == null) return false;
        if (check.reason() != null && d.reason() != check.reason()) return false;
        if (check.at() != null && !d.node().equals(check.at())) return false;
        if (!check.filter().matches(o.frame())) return false;
        DecodedFrame f = o.frame();
        String packet = new Ipv4Address(f.ipSource) + " → " + new Ipv4Address(f.ipDestination);
        return occurred(o, language -> language == Language.KO
                // the stack's detail ("no route to 10.9.9.9") is English prose; the reason says it in Korean
                ? Korean.subject(d.node()) + " 버림: " + (d.ethernet() ? FrameWatch.summary(d.bytes())
                        : "IPv4 패킷 " + packet) + " (" + KoreanWords.reason(d.reason()) + ")"
                : d.node() + " dropped " + (d.ethernet() ? FrameWatch.summary(d.bytes()) : "an IPv4 packet " + packet)
                + " (" + because(d) + ")");
    }

    /** The reason, and the detail when it adds something ("no route to 10.9.9.9" already says "no route"). */
    private static String because(TraceEvent.FrameDropped d) {
        String reason = d.reason().text();
        if (d.detail() == null || d.detail().isEmpty()) return reason;
        return d.detail().startsWith(reason) ? d.detail() : reason + ": " + d.detail();
    }
}
