package dev.packetlab.stack.tcp;

/**
 * Reno's window arithmetic (RFC 5681) with NewReno's fast recovery (RFC 6582): slow start, congestion avoidance,
 * fast retransmit halving the window, inflation by duplicate ACKs, partial-ACK deflation, and a timeout falling back
 * to one segment. PacketLab's default congestion control (CONFORMANCE 20). Each method is the step of the RFCs named in
 * {@link CongestionControl}; the connection decides which step applies.
 */
public final class NewReno implements CongestionControl {
    private long cwnd;
    private long ssthresh = INITIAL_SSTHRESH;
    /** Whether the timer has expired with no new data acknowledged since: the next expiry is the same segment's. */
    private boolean timedOut;

    @Override
    public String name() { return "newreno"; }

    @Override
    public long cwnd() { return cwnd; }

    @Override
    public long ssthresh() { return ssthresh; }

    @Override
    public void init(int mss, int initialWindowSegments) {
        if (mss <= 0) throw new IllegalArgumentException("MSS " + mss + " is not positive");
        if (initialWindowSegments <= 0) {
            throw new IllegalArgumentException(
                    "initial window of " + initialWindowSegments + " segments is not positive");
        }
        cwnd = (long) initialWindowSegments * mss;
        ssthresh = INITIAL_SSTHRESH;
        timedOut = false;
    }

    @Override
    public void onAck(long ackedBytes, int mss) {
        if (ackedBytes < 0) throw new IllegalArgumentException(ackedBytes + " bytes acknowledged");
        if (ackedBytes == 0) return;
        timedOut = false;
        if (cwnd < ssthresh) cwnd += Math.min(ackedBytes, mss); // RFC 5681 3.1 (2)
        else cwnd += Math.max(1, (long) mss * mss / cwnd); // RFC 5681 3.1 (3)
    }

    @Override
    public void onFastRetransmit(long flightSize, int mss) {
        ssthresh = halvedFlight(flightSize, mss);
        cwnd = ssthresh + 3L * mss;
        timedOut = false;
    }

    @Override
    public void onDuplicateAckInRecovery(int mss) { cwnd += mss; }

    @Override
    public void onPartialAck(long ackedBytes, int mss) {
        if (ackedBytes < 0) throw new IllegalArgumentException(ackedBytes + " bytes acknowledged");
        long deflated = cwnd - ackedBytes + (ackedBytes >= mss ? mss : 0);
        cwnd = Math.max(deflated, mss);
        timedOut = false;
    }

    @Override
    public void onRecoveryEnd(long flightSize, int mss) {
        cwnd = Math.min(ssthresh, Math.max(requireFlight(flightSize), mss) + mss);
        timedOut = false;
    }

    @Override
    public void onTimeout(long flightSize, int mss) {
        long halved = halvedFlight(flightSize, mss);
        if (!timedOut) ssthresh = halved;
        cwnd = mss;
        timedOut = true;
    }

    @Override
    public void onSackRecovery(long flightSize, int mss) {
        ssthresh = halvedFlight(flightSize, mss);
        timedOut = false;
    }

    @Override
    public void setRecoveryCwnd(long cwnd) {
        if (cwnd < 0) throw new IllegalArgumentException("congestion window " + cwnd + " is negative");
        this.cwnd = cwnd;
    }

    @Override
    public void onSackRecoveryEnd() {
        cwnd = ssthresh;
        timedOut = false;
    }

    /** RFC 5681 3.1 equation (4): max(FlightSize / 2, 2·SMSS). */
    private static long halvedFlight(long flightSize, int mss) {
        return Math.max(requireFlight(flightSize) / 2, 2L * mss);
    }

    private static long requireFlight(long flightSize) {
        if (flightSize < 0) throw new IllegalArgumentException("flight size " + flightSize + " is negative");
        return flightSize;
    }
}
