package dev.packetlab.stack.tcp;

/**
 * The retransmission timeout from measured round-trip times (RFC 6298): the smoothed RTT (SRTT), its variation
 * (RTTVAR) and the RTO derived from them, with exponential back-off while the timer keeps expiring. All times are
 * simulated nanoseconds.
 *
 * <p>Karn's rule (RFC 6298 3, RFC 1122 4.2.3.1) is the caller's job: never pass a sample measured on a segment that
 * was retransmitted, because its ACK may answer either transmission. The connection also restarts and stops the timer
 * itself (RFC 6298 5); this class only says how long it should run.
 *
 * <p>Arithmetic is in whole nanoseconds, rounded down; with α = 1/8 and β = 1/4 that loses less than a nanosecond per
 * sample, far below any clock granularity a lab would set.
 */
public final class RttEstimator {
    private final long initialRto;
    private final long minRto;
    private final long maxRto;
    private final long clockGranularity;
    private boolean hasSample;
    private long srtt;
    private long rttvar;
    private long rto;

    /**
     * @param initialRto RTO before the first sample (RFC 6298 2.1; 1 s there, and in PacketLab's defaults)
     * @param minRto lower bound of a computed RTO (RFC 6298 2.4 says 1 s; Linux and PacketLab use 200 ms)
     * @param maxRto upper bound of any RTO, back-off included (RFC 6298 2.5: at least 60 s)
     * @param clockGranularity G, the timer's granularity, the least variation term the RTO allows (RFC 6298 2.2)
     * @throws IllegalArgumentException unless {@code 0 < minRto <= maxRto}, {@code 0 < initialRto <= maxRto} and
     *         {@code clockGranularity >= 0}
     */
    public RttEstimator(long initialRto, long minRto, long maxRto, long clockGranularity) {
        if (minRto <= 0 || minRto > maxRto) {
            throw new IllegalArgumentException("RTO bounds [" + minRto + ", " + maxRto + "] ns are not 0 < min <= max");
        }
        if (initialRto <= 0 || initialRto > maxRto) {
            throw new IllegalArgumentException("initial RTO " + initialRto + " ns is not within (0, " + maxRto + "]");
        }
        if (clockGranularity < 0) {
            throw new IllegalArgumentException("clock granularity " + clockGranularity + " ns is negative");
        }
        this.initialRto = initialRto;
        this.minRto = minRto;
        this.maxRto = maxRto;
        this.clockGranularity = clockGranularity;
        rto = initialRto;
    }

    /**
     * Takes one round-trip time measurement R and recomputes the RTO, which also ends any back-off.
     * <ul>
     * <li>the first: SRTT = R, RTTVAR = R/2 (RFC 6298 2.2);
     * <li>later ones: RTTVAR = (1 − β)·RTTVAR + β·|SRTT − R|, then SRTT = (1 − α)·SRTT + α·R with α = 1/8 and
     * β = 1/4; RTTVAR is updated first, from the old SRTT (RFC 6298 2.3);
     * <li>then RTO = SRTT + max(G, 4·RTTVAR), kept within [min RTO, max RTO] (RFC 6298 2.4, 2.5).
     * </ul>
     *
     * @throws IllegalArgumentException when {@code rtt} is negative
     */
    public void sample(long rtt) {
        if (rtt < 0) throw new IllegalArgumentException("RTT sample " + rtt + " ns is negative");
        if (!hasSample) {
            srtt = rtt;
            rttvar = rtt / 2;
            hasSample = true;
        } else {
            rttvar = (3 * rttvar + Math.abs(srtt - rtt)) / 4;
            srtt = (7 * srtt + rtt) / 8;
        }
        rto = Math.clamp(srtt + Math.max(clockGranularity, 4 * rttvar), minRto, maxRto);
    }

    /**
     * The retransmission timer expired: RTO = min(2·RTO, max RTO) (RFC 6298 5.5). The next sample recomputes the RTO
     * from SRTT and RTTVAR, which a timeout leaves as they were.
     */
    public void backOff() { rto = rto > maxRto / 2 ? maxRto : 2 * rto; }

    /** How long the retransmission timer runs: the initial RTO until the first sample, backed off by timeouts. */
    public long rto() { return rto; }

    /** The smoothed RTT, 0 before the first sample. */
    public long srtt() { return srtt; }

    /** The RTT variation, 0 before the first sample. */
    public long rttvar() { return rttvar; }

    /** Whether any RTT has been measured yet. */
    public boolean hasSample() { return hasSample; }

    /** The RTO used before the first sample. */
    public long initialRto() { return initialRto; }
}
