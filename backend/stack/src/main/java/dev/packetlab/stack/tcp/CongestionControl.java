package dev.packetlab.stack.tcp;

/**
 * A sender's congestion window and slow-start threshold, in bytes (RFC 5681), moved by the events of the connection's
 * loss recovery. The connection owns the recovery state machine: it counts duplicate ACKs, remembers the "recover"
 * point, tells a partial ACK from a full one, retransmits, and sends no more than min(cwnd, rwnd) beyond SND.UNA. The
 * congestion controller owns only cwnd and ssthresh, so that another algorithm (CUBIC, say) is another implementation
 * of this interface, chosen per node as Linux's {@code net.ipv4.tcp_congestion_control}.
 *
 * <p>FlightSize, in the methods that take it, is the data sent and not yet acknowledged, SND.NXT − SND.UNA, when the
 * loss is detected (RFC 5681 2; not cwnd, see its note to equation 4). MSS is the sender's maximum segment size, SMSS.
 */
public interface CongestionControl {
    /**
     * ssthresh before the first loss: "arbitrarily high" (RFC 5681 3.1), so that slow start runs until a loss. Half of
     * {@code Long.MAX_VALUE}, so that sums with it cannot overflow; like Linux's {@code TCP_INFINITE_SSTHRESH}, a
     * display ({@code ss -ti}) should leave out an ssthresh this large.
     */
    long INITIAL_SSTHRESH = Long.MAX_VALUE / 2;

    /** The algorithm's name as {@code ss -ti} and {@code net.ipv4.tcp_congestion_control} spell it. */
    String name();

    /** The congestion window, cwnd, in bytes. */
    long cwnd();

    /** The slow-start threshold, ssthresh, in bytes. */
    long ssthresh();

    /**
     * Starts a connection once the MSS is known: cwnd = IW = {@code initialWindowSegments}·MSS and ssthresh =
     * {@link #INITIAL_SSTHRESH} (RFC 5681 3.1; PacketLab's IW is 10 segments, as Linux's, per RFC 6928).
     */
    void init(int mss, int initialWindowSegments);

    /**
     * An ACK acknowledged {@code ackedBytes} of new data, outside fast recovery (RFC 5681 3.1). While cwnd < ssthresh,
     * slow start: cwnd += min(ackedBytes, MSS) (equation 2). Otherwise congestion avoidance: cwnd += max(1,
     * MSS·MSS/cwnd) per ACK (equation 3). An ACK that acknowledges nothing new changes nothing.
     */
    void onAck(long ackedBytes, int mss);

    /**
     * The third duplicate ACK: the connection retransmits the first unacknowledged segment and enters fast recovery.
     * ssthresh = max(FlightSize/2, 2·MSS) (RFC 5681 3.2 step 2, equation 4) and cwnd = ssthresh + 3·MSS, inflated by
     * the three segments that have left the network (RFC 5681 3.2 step 3; RFC 6582 3.2 step 2).
     */
    void onFastRetransmit(long flightSize, int mss);

    /**
     * Another duplicate ACK during fast recovery: one more segment has left the network, so cwnd += MSS (RFC 5681 3.2
     * step 4; RFC 6582 3.2 step 3).
     */
    void onDuplicateAckInRecovery(int mss);

    /**
     * A partial ACK during fast recovery, one that acknowledges new data but not everything up to "recover"; the
     * connection retransmits the next unacknowledged segment. cwnd is deflated by {@code ackedBytes}, then MSS is
     * added back if {@code ackedBytes} ≥ MSS, and never falls below MSS (RFC 6582 3.2 step 5).
     */
    void onPartialAck(long ackedBytes, int mss);

    /**
     * A full ACK, one that acknowledges everything up to "recover", ends fast recovery: cwnd = min(ssthresh,
     * max(FlightSize, MSS) + MSS), with FlightSize as it is after this ACK (RFC 6582 3.2 step 6, option 1), which
     * deflates the window without letting a burst out.
     */
    void onRecoveryEnd(long flightSize, int mss);

    /**
     * The retransmission timer expired. ssthresh = max(FlightSize/2, 2·MSS) (RFC 5681 3.1, equation 4) and cwnd = the
     * loss window, 1·MSS, whatever IW was (RFC 5681 3.1, the paragraph after equation 4), so slow start rebuilds the
     * window up to ssthresh. When the timer expires again for a segment the timer already retransmitted, that is with
     * no new data acknowledged since the last call, ssthresh is held constant (RFC 5681 3.1): the flight is then only
     * the retransmission, and halving it again would forget the window the path had carried.
     */
    void onTimeout(long flightSize, int mss);

    /**
     * SACK loss recovery begins (RFC 6675 5 step 4.2): ssthresh = max(FlightSize/2, 2·MSS), the same reduction as
     * {@link #onFastRetransmit}; cwnd is left alone, because Proportional Rate Reduction sets it on every ACK of the
     * recovery through {@link #setRecoveryCwnd} (RFC 6937 3).
     */
    void onSackRecovery(long flightSize, int mss);

    /** During SACK recovery: cwnd = pipe + sndcnt, as Proportional Rate Reduction computed it (RFC 6937 3). */
    void setRecoveryCwnd(long cwnd);

    /** SACK recovery ends (the ACK reached RecoveryPoint): cwnd = ssthresh (RFC 6937 3, "on exiting recovery"). */
    void onSackRecoveryEnd();
}
