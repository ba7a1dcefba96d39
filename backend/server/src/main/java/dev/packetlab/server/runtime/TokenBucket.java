package dev.packetlab.server.runtime;

/**
 * A token bucket on the wall clock: it fills at {@code perSecond} tokens per second up to {@code capacity}, the
 * burst it allows. An instance has one for the inputs its users send and one for the simulation events it may run.
 *
 * <p>Tokens can be taken ahead of need and the rest {@linkplain #refund given back}, and spent after the fact, so an
 * instance may overspend: the bucket then holds a debt, paid back first as it refills. A debt deeper than one
 * bucketful is forgiven, so that a long replay (an instance rebuilt after eviction) does not hold the instance back
 * for as long as the replay's events would take.
 *
 * <p>Not thread-safe: each instance uses its own on its own thread. Times are {@link SessionScheduler#now()} values.
 */
final class TokenBucket {
    private final double perNano;
    private final double capacity;
    private double tokens;
    private long refilled;

    /** A full bucket at {@code now}. */
    TokenBucket(double perSecond, double capacity, long now) {
        this.perNano = perSecond / 1e9;
        this.capacity = capacity;
        this.tokens = capacity;
        this.refilled = now;
    }

    /** Whole tokens there are at {@code now}: zero while there is a debt. */
    long available(long now) {
        refill(now);
        return tokens <= 0 ? 0 : (long) tokens;
    }

    /** Takes one token if there is one; false, taking nothing, if not. */
    boolean tryTake(long now) {
        refill(now);
        if (tokens < 1) return false;
        tokens -= 1;
        return true;
    }

    /** Spends {@code n} tokens, there or not; what is missing becomes a debt, at most one bucketful deep. */
    void spend(long n, long now) {
        refill(now);
        tokens = Math.max(-capacity, tokens - n);
    }

    /** Gives back {@code n} tokens taken ahead of need and not used, up to the capacity. */
    void refund(long n, long now) {
        refill(now);
        tokens = Math.min(capacity, tokens + n);
    }

    private void refill(long now) {
        if (now <= refilled) return;
        tokens = Math.min(capacity, tokens + (now - refilled) * perNano);
        refilled = now;
    }
}
