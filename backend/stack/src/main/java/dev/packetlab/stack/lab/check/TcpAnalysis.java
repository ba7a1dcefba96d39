package dev.packetlab.stack.lab.check;

import static dev.packetlab.stack.wire.TcpHeaderView.FLAG_ACK;
import static dev.packetlab.stack.wire.TcpHeaderView.FLAG_FIN;
import static dev.packetlab.stack.wire.TcpHeaderView.FLAG_RST;
import static dev.packetlab.stack.wire.TcpHeaderView.FLAG_SYN;

import java.util.HashMap;
import java.util.Map;

/**
 * Wireshark's TCP sequence analysis ({@code tcp.analysis.*}), run over the segments of a lab as their senders sent
 * them, so that a check can ask "was there a retransmission?" in the words a learner sees in Wireshark. Each
 * direction of a connection is a flow with the next sequence number expected, the last ACK and the last window
 * its sender advertised.
 *
 * <p>The rules are Wireshark's (epan/dissectors/packet-tcp.c, {@code tcp_analyze_sequence_number}), with two
 * differences that come from seeing more than a capture does. A fast retransmission needs three duplicate ACKs
 * <em>received by the sender</em> (RFC 5681 3.2's DupThresh), where Wireshark, which may miss some, accepts two
 * seen anywhere. And a zero-window probe sent again (same byte, the window still zero) is a probe, where Wireshark
 * calls it a keep-alive.
 */
public final class TcpAnalysis {

    /** What a segment was, as Wireshark's expert info names it; the lab file uses {@link #key()}. */
    public enum Kind {
        /** Data, SYN or FIN sent again: the sequence number is below the next one expected. */
        RETRANSMISSION("retransmission", "retransmission", "tcp.analysis.retransmission"),
        /** A retransmission of the segment three duplicate ACKs asked for, before the timer (RFC 5681 3.2). */
        FAST_RETRANSMIT("fast-retransmit", "fast retransmission", "tcp.analysis.fast_retransmission"),
        /** A segment advertising a window of zero: its sender's receive buffer is full (RFC 9293 3.8.6.2). */
        ZERO_WINDOW("zero-window", "zero window", "tcp.analysis.zero_window"),
        /** One byte sent into a zero window to learn when it opens (RFC 9293 3.8.6.1). */
        ZERO_WINDOW_PROBE("zero-window-probe", "zero-window probe", "tcp.analysis.zero_window_probe"),
        /** A segment without data that only changes the window: the receiver read and has room again. */
        WINDOW_UPDATE("window-update", "window update", "tcp.analysis.window_update"),
        /** The same ACK again, without data, while data is outstanding: a segment is missing (RFC 5681 2). */
        DUPLICATE_ACK("duplicate-ack", "duplicate ACK", "tcp.analysis.duplicate_ack");

        private final String key;
        private final String phrase;
        private final String wireshark;

        Kind(String key, String phrase, String wireshark) {
            this.key = key;
            this.phrase = phrase;
            this.wireshark = wireshark;
        }

        /** The check's name in a lab file: {@code retransmission}, {@code zero-window}, … */
        public String key() { return key; }

        /** In a sentence: "a TCP zero-window probe". */
        public String phrase() { return phrase; }

        /** Wireshark's display filter field for it. */
        public String wireshark() { return wireshark; }

        int bit() { return 1 << ordinal(); }
    }

    /** One direction of one connection. */
    private record FlowKey(int source, int sourcePort, int destination, int destinationPort) {
        FlowKey reverse() { return new FlowKey(destination, destinationPort, source, sourcePort); }
    }

    private static final class Flow {
        // what the sender sent
        boolean started;
        long nextSeq;
        long lastAck = -1;
        int lastWindow = -1;
        // what the sender's peer received from it: the ACKs the data sender heard
        boolean heard;
        long heardAck = -1;
        int heardWindow = -1;
        int duplicateAcksHeard;
    }

    private final Map<FlowKey, Flow> flows = new HashMap<>();

    /**
     * Analyses a segment its sender has just sent, and returns what it was as a set of {@link Kind#bit()}s
     * (several can hold: a retransmitted segment may also advertise a zero window).
     */
    int sent(DecodedFrame f) {
        FlowKey key = new FlowKey(f.ipSource, f.sourcePort, f.ipDestination, f.destinationPort);
        Flow flow = flows.computeIfAbsent(key, k -> new Flow());
        Flow reverse = flows.get(key.reverse());
        int length = f.payloadLength;
        boolean syn = f.has(FLAG_SYN);
        boolean fin = f.has(FLAG_FIN);
        boolean control = syn || fin || f.has(FLAG_RST);
        int kinds = 0;
        if (f.window == 0 && !control) kinds |= Kind.ZERO_WINDOW.bit();
        if (flow.started) {
            boolean reverseWindowZero = reverse != null && reverse.started && reverse.lastWindow == 0;
            boolean probe = length == 1 && !control && reverseWindowZero
                    && (f.seq == flow.nextSeq || f.seq == add(flow.nextSeq, -1));
            boolean keepAlive = !probe && length <= 1 && !control && f.seq == add(flow.nextSeq, -1);
            if (probe) {
                kinds |= Kind.ZERO_WINDOW_PROBE.bit();
            } else if (!keepAlive && (length > 0 || syn || fin) && before(f.seq, flow.nextSeq)) {
                kinds |= Kind.RETRANSMISSION.bit();
                if (reverse != null && reverse.duplicateAcksHeard >= 3 && reverse.heardAck == f.seq) {
                    kinds |= Kind.FAST_RETRANSMIT.bit();
                }
            }
            boolean sameSeqAndAck = length == 0 && !control && f.seq == flow.nextSeq && f.ack == flow.lastAck
                    && f.has(FLAG_ACK);
            if (sameSeqAndAck && f.window != 0 && f.window != flow.lastWindow) kinds |= Kind.WINDOW_UPDATE.bit();
            if (sameSeqAndAck && f.window != 0 && f.window == flow.lastWindow && reverse != null && reverse.started
                    && before(f.ack, reverse.nextSeq)) {
                kinds |= Kind.DUPLICATE_ACK.bit();
            }
        }
        long end = add(f.seq, length + (syn ? 1 : 0) + (fin ? 1 : 0));
        if (!flow.started || before(flow.nextSeq, end)) flow.nextSeq = end;
        flow.started = true;
        if (f.has(FLAG_ACK)) flow.lastAck = f.ack;
        flow.lastWindow = f.window;
        return kinds;
    }

    /** Notes a segment as its addressee received it: the data sender counts the duplicate ACKs it hears. */
    void received(DecodedFrame f) {
        Flow flow = flows.computeIfAbsent(new FlowKey(f.ipSource, f.sourcePort, f.ipDestination, f.destinationPort),
                k -> new Flow());
        if (!f.has(FLAG_ACK)) return;
        boolean pure = f.payloadLength == 0 && !f.has(FLAG_SYN) && !f.has(FLAG_FIN) && !f.has(FLAG_RST);
        if (pure && flow.heard && f.ack == flow.heardAck && f.window == flow.heardWindow) flow.duplicateAcksHeard++;
        else flow.duplicateAcksHeard = 0;
        flow.heard = true;
        flow.heardAck = f.ack;
        flow.heardWindow = f.window;
    }

    /** Sequence number arithmetic modulo 2^32 (RFC 9293 3.4). */
    private static long add(long seq, long n) { return (seq + n) & 0xffff_ffffL; }

    private static boolean before(long a, long b) { return (int) (a - b) < 0; }
}
