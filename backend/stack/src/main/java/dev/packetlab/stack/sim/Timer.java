package dev.packetlab.stack.sim;

/**
 * A scheduled event: an action due at a simulated time. Returned by {@link Simulation#schedule} so that
 * it can be cancelled (retransmission timers are cancelled far more often than they fire).
 */
public final class Timer {
    long time;
    long sequence;
    Runnable action;
    /** Position in the simulation's heap, or -1 once fired or cancelled. */
    int heapIndex = -1;

    Timer(long time, long sequence, Runnable action) {
        this.time = time;
        this.sequence = sequence;
        this.action = action;
    }

    /** The simulated time, in nanoseconds, at which this timer fires. */
    public long time() { return time; }

    /** True until the timer has fired or been cancelled. */
    public boolean pending() { return heapIndex >= 0; }
}
