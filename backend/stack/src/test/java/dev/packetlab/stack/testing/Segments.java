package dev.packetlab.stack.testing;

import dev.packetlab.stack.trace.TraceEvent;
import dev.packetlab.stack.wire.Ipv4HeaderView;
import dev.packetlab.stack.wire.TcpHeaderView;
import dev.packetlab.stack.wire.TcpSegment;
import java.util.ArrayList;
import java.util.List;

/** The TCP segments a test network put on its wires, decoded, with who sent them and when. */
public final class Segments {
    private Segments() {}

    /** One segment as it left a node: the simulated time its first bit left, and the decoded segment. */
    public record Sent(long time, String node, TcpSegment segment) {
        public long seq() { return segment.sequenceNumber(); }

        public long ack() { return segment.acknowledgmentNumber(); }

        public int window() { return segment.window(); }

        public int length() { return segment.payload().length(); }

        /** Flags as tcpdump writes them: "S", "S.", ".", "P.", "F.", "R", "R.". */
        public String flags() {
            int f = segment.flags();
            StringBuilder b = new StringBuilder();
            if ((f & TcpHeaderView.FLAG_SYN) != 0) b.append('S');
            if ((f & TcpHeaderView.FLAG_FIN) != 0) b.append('F');
            if ((f & TcpHeaderView.FLAG_RST) != 0) b.append('R');
            if ((f & TcpHeaderView.FLAG_PSH) != 0) b.append('P');
            if ((f & TcpHeaderView.FLAG_ACK) != 0) b.append('.');
            return b.toString();
        }

        @Override
        public String toString() {
            return String.format("%.6f %s %s seq=%d ack=%d win=%d len=%d", time / 1e9, node, flags(), seq(), ack(),
                    window(), length());
        }
    }

    /** Every TCP segment sent, by any node (routers forwarding included), in order. */
    public static List<Sent> sent(TestNetwork t) {
        List<Sent> out = new ArrayList<>();
        for (TraceEvent e : t.events) {
            if (!(e instanceof TraceEvent.FrameSent s)) continue;
            if (!Frames.isTcp(s.frame())) continue;
            Ipv4HeaderView ip = Frames.ip(s.frame());
            out.add(new Sent(s.time(), s.node(), TcpSegment.decode(s.frame(), ip.payloadOffset(), ip.payloadLength(),
                    ip.source(), ip.destination()).orThrow()));
        }
        return out;
    }

    /** The segments {@code node} sent. */
    public static List<Sent> sentBy(TestNetwork t, String node) {
        return sent(t).stream().filter(s -> s.node().equals(node)).toList();
    }
}
