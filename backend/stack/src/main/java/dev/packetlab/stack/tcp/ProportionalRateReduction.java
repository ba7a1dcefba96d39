package dev.packetlab.stack.tcp;

/**
 * Proportional Rate Reduction (RFC 6937): how much a SACK sender may send on each ACK during loss recovery, so that
 * the data in flight falls smoothly from the window before the loss to ssthresh over about one round trip, instead of
 * the silence and then burst of RFC 6675's plain "cwnd − pipe". With the slow-start reduction bound (PRR-SSRB, RFC
 * 6937 3, as Linux and ns-3 use): once pipe is at or below ssthresh, the sender may grow back toward ssthresh by at
 * most one MSS more than what was delivered.
 *
 * <p>All quantities are bytes. The connection calls {@link #enter} when recovery begins, {@link #sendCount} on every
 * ACK of the recovery (the one that began it included) and {@link #sent} for every byte it (re)transmits, and sets
 * cwnd = pipe + sndcnt.
 */
final class ProportionalRateReduction {
    /** RecoverFS: the flight when recovery began, SND.NXT − SND.UNA. */
    private long recoverFs;
    /** prr_delivered: bytes the receiver reported delivered (cumulatively or by SACK) since recovery began. */
    private long delivered;
    /** prr_out: bytes sent since recovery began. */
    private long out;

    /** RFC 6937 3 "on entering recovery": prr_delivered = prr_out = 0, RecoverFS = SND.NXT − SND.UNA. */
    void enter(long recoverFs) {
        if (recoverFs <= 0) throw new IllegalArgumentException("recovery began with " + recoverFs + " bytes in flight");
        this.recoverFs = recoverFs;
        delivered = 0;
        out = 0;
    }

    /** RFC 6937 3 "on any data transmission or retransmission": prr_out += data sent. */
    void sent(long bytes) { out += bytes; }

    long delivered() { return delivered; }

    long out() { return out; }

    /**
     * RFC 6937 3 "on every ACK during recovery": prr_delivered += DeliveredData, then sndcnt, the bytes the sender may
     * send now.
     *
     * @param deliveredData bytes this ACK newly acknowledged cumulatively plus the change in SACKed bytes
     * @param pipe RFC 6675's estimate of the bytes in flight, before anything is sent on this ACK
     */
    long sendCount(long deliveredData, long pipe, long ssthresh, int mss) {
        delivered += deliveredData;
        long sndcnt;
        if (pipe > ssthresh) {
            // proportional rate reduction: CEIL(prr_delivered · ssthresh / RecoverFS) − prr_out
            sndcnt = Math.ceilDiv(delivered * ssthresh, recoverFs) - out;
        } else {
            // PRR-SSRB: limit = MAX(prr_delivered − prr_out, DeliveredData) + MSS; sndcnt = MIN(ssthresh − pipe, limit)
            long limit = Math.max(delivered - out, deliveredData) + mss;
            sndcnt = Math.min(ssthresh - pipe, limit);
        }
        // the fast retransmit itself always goes on the ACK that begins recovery (RFC 6675 5 step 4.3; Linux's
        // tcp_cwnd_reduction and ns-3's PrrRecovery force one segment while prr_out is 0)
        if (out == 0) sndcnt = Math.max(sndcnt, mss);
        return Math.max(sndcnt, 0);
    }
}
