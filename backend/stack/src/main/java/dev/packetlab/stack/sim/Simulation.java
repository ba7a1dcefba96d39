package dev.packetlab.stack.sim;

import java.util.Arrays;

/**
 * A discrete-event simulation: a clock in nanoseconds and a queue of events ordered by (time, insertion
 * sequence). Events scheduled for the same instant run in the order they were scheduled, which is what makes a
 * run reproducible byte for byte. Confined to one thread at a time; nothing in it blocks.
 *
 * <p>The queue is an indexed binary heap so that cancelling a timer removes it at once (O(log n)) instead of
 * leaving a tombstone to pop later: a bulk TCP transfer re-arms its retransmission timer on every ACK.
 */
public final class Simulation {
    private final long seed;
    private long now;
    private long nextSequence;
    private long executed;
    private Timer[] heap = new Timer[256];
    private int size;

    public Simulation(long seed) {
        this.seed = seed;
    }

    /** The seed every random stream of this simulation derives from. */
    public long seed() { return seed; }

    /** The current simulated time in nanoseconds. */
    public long now() { return now; }

    /** How many events have run so far. */
    public long eventsExecuted() { return executed; }

    /** How many events are waiting. */
    public int pendingEvents() { return size; }

    /** A random stream for one purpose (e.g. {@code "pc1/tcp-isn"}), independent of every other stream. */
    public SimRandom random(String stream) { return SimRandom.of(seed, stream); }

    /** Schedules {@code action} to run {@code delay} nanoseconds from now (0 = after what is already due now). */
    public Timer schedule(long delay, Runnable action) {
        if (delay < 0) throw new IllegalArgumentException("negative delay " + delay);
        return scheduleAt(now + delay, action);
    }

    /** Schedules {@code action} at absolute simulated time {@code time}, which may not lie in the past. */
    public Timer scheduleAt(long time, Runnable action) {
        if (time < now) throw new IllegalArgumentException("time " + time + " is before now " + now);
        Timer t = new Timer(time, nextSequence++, action);
        if (size == heap.length) heap = Arrays.copyOf(heap, size * 2);
        heap[size] = t;
        t.heapIndex = size;
        siftUp(size++);
        return t;
    }

    /** Cancels a pending timer; a timer that already fired or was cancelled is left alone. */
    public void cancel(Timer timer) {
        if (timer == null) return;
        int i = timer.heapIndex;
        if (i < 0) return;
        removeAt(i);
        timer.action = null;
    }

    /**
     * Moves a pending timer to fire {@code delay} nanoseconds from now, exactly as {@link #cancel} and then
     * {@link #schedule} would (a new place in the order, after everything already scheduled for that instant), but
     * in place: the same timer, one sift from its slot instead of a removal and an insertion, nothing allocated. A
     * TCP sender re-arms its retransmission timer on every ACK (RFC 6298 5.3).
     *
     * @return false, changing nothing, when the timer has already fired or been cancelled
     */
    public boolean reschedule(Timer timer, long delay) {
        if (delay < 0) throw new IllegalArgumentException("negative delay " + delay);
        int i = timer.heapIndex;
        if (i < 0) return false;
        timer.time = now + delay;
        timer.sequence = nextSequence++;
        if (i > 0 && before(timer, heap[(i - 1) >>> 1])) siftUp(i);
        else siftDown(i);
        return true;
    }

    /** The time of the next event, or {@link Long#MAX_VALUE} when nothing is scheduled. */
    public long nextEventTime() { return size == 0 ? Long.MAX_VALUE : heap[0].time; }

    /** Runs the next event. Returns false when there was none. */
    public boolean step() {
        if (size == 0) return false;
        Timer t = heap[0];
        removeAt(0);
        now = t.time;
        Runnable action = t.action;
        t.action = null;
        executed++;
        action.run();
        return true;
    }

    /** Runs events until none is left. */
    public void runUntilIdle() {
        while (step()) { }
    }

    /**
     * Runs every event due at or before {@code time}, then sets the clock to {@code time}
     * (so that quiet time passes, as with {@code wait 2s} in a script).
     */
    public void runUntil(long time) {
        while (size > 0 && heap[0].time <= time) step();
        if (time > now) now = time;
    }

    /**
     * Runs events while {@code keepGoing} holds and the next event is due by {@code deadline}. Returns true when
     * {@code keepGoing} became false (what was waited for happened), false when time or events ran out first.
     */
    public boolean runWhile(java.util.function.BooleanSupplier keepGoing, long deadline) {
        while (keepGoing.getAsBoolean()) {
            if (size == 0 || heap[0].time > deadline) return false;
            step();
        }
        return true;
    }

    private static boolean before(Timer a, Timer b) {
        return a.time < b.time || (a.time == b.time && a.sequence < b.sequence);
    }

    private void removeAt(int i) {
        Timer removed = heap[i];
        removed.heapIndex = -1;
        int last = --size;
        if (i != last) {
            Timer moved = heap[last];
            heap[i] = moved;
            moved.heapIndex = i;
            heap[last] = null;
            if (i > 0 && before(moved, heap[(i - 1) >>> 1])) siftUp(i);
            else siftDown(i);
        } else {
            heap[last] = null;
        }
    }

    private void siftUp(int i) {
        Timer t = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            Timer p = heap[parent];
            if (!before(t, p)) break;
            heap[i] = p;
            p.heapIndex = i;
            i = parent;
        }
        heap[i] = t;
        t.heapIndex = i;
    }

    private void siftDown(int i) {
        Timer t = heap[i];
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            Timer c = heap[child];
            int right = child + 1;
            if (right < size && before(heap[right], c)) {
                child = right;
                c = heap[child];
            }
            if (!before(c, t)) break;
            heap[i] = c;
            c.heapIndex = i;
            i = child;
        }
        heap[i] = t;
        t.heapIndex = i;
    }
}
