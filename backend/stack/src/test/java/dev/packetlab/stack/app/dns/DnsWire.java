package dev.packetlab.stack.app.dns;

import dev.packetlab.stack.testing.Frames;
import dev.packetlab.stack.testing.TestNetwork;
import dev.packetlab.stack.trace.TraceEvent;
import dev.packetlab.stack.wire.DnsMessage;
import dev.packetlab.stack.wire.Ipv4HeaderView;
import dev.packetlab.stack.wire.TcpHeaderView;
import dev.packetlab.stack.wire.UdpHeaderView;
import java.util.ArrayList;
import java.util.List;

/** The DNS messages a test network put on its wires, read back from the frames as a capture would show them. */
record DnsWire(long time, String node, String transport, String source, String destination, DnsMessage message) {
    /** Every DNS message (UDP or TCP, port 53 either way) sent by {@code node}, in order. */
    static List<DnsWire> sentBy(TestNetwork t, String node) {
        List<DnsWire> out = new ArrayList<>();
        for (TraceEvent.FrameSent e : t.sentBy(node)) {
            DnsWire w = read(e.time(), node, e.frame());
            if (w != null) out.add(w);
        }
        return out;
    }

    /** Every DNS message sent by any node, in order (each once: switches do not send IP frames of their own). */
    static List<DnsWire> all(TestNetwork t) {
        List<DnsWire> out = new ArrayList<>();
        for (TraceEvent.FrameSent e : t.events(TraceEvent.FrameSent.class)) {
            if (!(t.net.node(e.node()) instanceof dev.packetlab.stack.net.Host)) continue;
            DnsWire w = read(e.time(), e.node(), e.frame());
            if (w != null) out.add(w);
        }
        return out;
    }

    private static DnsWire read(long time, String node, byte[] frame) {
        if (Frames.etherType(frame) != 0x0800) return null;
        Ipv4HeaderView ip = Frames.ip(frame);
        int at = ip.payloadOffset();
        if (ip.protocol() == 17) {
            UdpHeaderView u = UdpHeaderView.wrap(frame, at, ip.payloadLength());
            if (u.sourcePort() != 53 && u.destinationPort() != 53) return null;
            DnsMessage m = DnsMessage.decode(frame, u.dataOffset(), u.dataLength()).orThrow();
            return new DnsWire(time, node, "udp", ip.source() + ":" + u.sourcePort(), ip.destination() + ":" + u.destinationPort(), m);
        }
        if (ip.protocol() == 6) {
            TcpHeaderView tcp = TcpHeaderView.wrap(frame, at, ip.payloadLength());
            if (tcp.sourcePort() != 53 && tcp.destinationPort() != 53) return null;
            int data = at + tcp.headerLength();
            int length = ip.payloadLength() - tcp.headerLength();
            if (length < 2) return null;
            DnsMessage m = DnsMessage.decode(frame, data + 2, length - 2).orThrow();
            return new DnsWire(time, node, "tcp", ip.source() + ":" + tcp.sourcePort(), ip.destination() + ":" + tcp.destinationPort(), m);
        }
        return null;
    }

    boolean isQuery() { return !message.isResponse(); }
}
