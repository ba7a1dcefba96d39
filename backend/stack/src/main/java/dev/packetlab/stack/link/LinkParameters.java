package dev.packetlab.stack.link;

/**
 * The properties of a cable.
 *
 * @param bandwidth   bits per second; sets the serialization delay of each frame
 * @param delay       propagation delay in nanoseconds
 * @param jitter      extra delay in nanoseconds, drawn uniformly from [0, jitter] per frame (never reorders frames)
 * @param loss        probability in [0, 1] that a frame is lost on the way (seeded)
 * @param mtu         largest IP packet in bytes the link carries, not counting the 14-byte Ethernet header
 * @param queueLimit  frames that may wait in each end's transmit queue (DropTail)
 */
public record LinkParameters(long bandwidth, long delay, long jitter, double loss, int mtu, int queueLimit) {
    public static final LinkParameters DEFAULT = new LinkParameters(100_000_000L, 1_000_000L, 0, 0.0, 1500, 100);

    public LinkParameters {
        if (bandwidth <= 0) throw new IllegalArgumentException("bandwidth must be positive, got " + bandwidth);
        if (delay < 0) throw new IllegalArgumentException("delay must not be negative, got " + delay);
        if (jitter < 0) throw new IllegalArgumentException("jitter must not be negative, got " + jitter);
        if (!(loss >= 0.0 && loss <= 1.0)) throw new IllegalArgumentException("loss must be within 0..1, got " + loss);
        if (mtu < 68 || mtu > 9000) throw new IllegalArgumentException("MTU must be within 68..9000, got " + mtu);
        if (queueLimit < 1) throw new IllegalArgumentException("queue limit must be at least 1, got " + queueLimit);
    }

    public LinkParameters withBandwidth(long v) { return new LinkParameters(v, delay, jitter, loss, mtu, queueLimit); }

    public LinkParameters withDelay(long v) { return new LinkParameters(bandwidth, v, jitter, loss, mtu, queueLimit); }

    public LinkParameters withJitter(long v) { return new LinkParameters(bandwidth, delay, v, loss, mtu, queueLimit); }

    public LinkParameters withLoss(double v) { return new LinkParameters(bandwidth, delay, jitter, v, mtu, queueLimit); }

    public LinkParameters withMtu(int v) { return new LinkParameters(bandwidth, delay, jitter, loss, v, queueLimit); }

    public LinkParameters withQueueLimit(int v) { return new LinkParameters(bandwidth, delay, jitter, loss, mtu, v); }
}
