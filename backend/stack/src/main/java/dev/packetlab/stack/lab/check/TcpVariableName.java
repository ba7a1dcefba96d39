package dev.packetlab.stack.lab.check;

import dev.packetlab.stack.trace.TraceEvent.TcpVariablesChanged;
import java.util.function.ToLongFunction;

/**
 * The TCP variables a {@code tcp-variable} check can look at, named as in the RFCs (RFC 9293 3.3.1, RFC 5681,
 * RFC 6298) with dashes. Sequence numbers are left out: their absolute values mean nothing to a learner.
 */
public enum TcpVariableName {
    SND_WND("snd-wnd", "the send window (SND.WND)", false, TcpVariablesChanged::sndWnd),
    RCV_WND("rcv-wnd", "the receive window (RCV.WND)", false, TcpVariablesChanged::rcvWnd),
    CWND("cwnd", "the congestion window (cwnd)", false, TcpVariablesChanged::cwnd),
    SSTHRESH("ssthresh", "the slow start threshold (ssthresh)", false, TcpVariablesChanged::ssthresh),
    SRTT("srtt", "the smoothed round-trip time (SRTT)", true, TcpVariablesChanged::srtt),
    RTTVAR("rttvar", "the round-trip time variation (RTTVAR)", true, TcpVariablesChanged::rttvar),
    RTO("rto", "the retransmission timeout (RTO)", true, TcpVariablesChanged::rto),
    SEND_BUFFERED("send-buffered", "the bytes in the send buffer", false, e -> e.sendBuffered()),
    RECEIVE_BUFFERED("receive-buffered", "the bytes waiting in the receive buffer", false, e -> e.receiveBuffered());

    private final String key;
    private final String word;
    private final boolean time;
    private final ToLongFunction<TcpVariablesChanged> value;

    TcpVariableName(String key, String word, boolean time, ToLongFunction<TcpVariablesChanged> value) {
        this.key = key;
        this.word = word;
        this.time = time;
        this.value = value;
    }

    /** The name in a lab file. */
    public String key() { return key; }

    /** In a sentence. */
    public String word() { return word; }

    /** Whether it is a time (nanoseconds, written as a duration) rather than a number of bytes. */
    public boolean time() { return time; }

    long of(TcpVariablesChanged e) { return value.applyAsLong(e); }

    /** A value as the lab file writes it: "1.000000 s" for a time, "65535 bytes" otherwise. */
    String format(long v) { return format(v, Language.EN); }

    /** A value in {@code language}: "1.000000 s" and "65535 bytes", or "1.000000초" and "65535바이트". */
    String format(long v, Language language) {
        if (language == Language.KO) return time ? Watch.at(v, language) : v + "바이트";
        return time ? Watch.at(v) : v + " bytes";
    }

    /** The variable with this lab-file name, or null. */
    static TcpVariableName byKey(String key) {
        for (TcpVariableName n : values()) if (n.key.equals(key)) return n;
        return null;
    }
}
