package dev.packetlab.server.runtime;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * What drives every instance: a small pool of threads that runs their mailboxes, one timer thread that wakes a
 * playing instance when its next event is due in wall-clock time, and the wall clock itself. The server reads the
 * wall clock here and nowhere else; the stack never does. Tests give a clock of their own.
 */
public final class SessionScheduler implements AutoCloseable {
    private final ExecutorService pool;
    private final ScheduledExecutorService timer;
    private final LongSupplier clock;
    private final java.util.concurrent.atomic.LongAdder events = new java.util.concurrent.atomic.LongAdder();
    /** Events run in the last whole second, server-wide; sampled by the timer. */
    private volatile long eventsPerSecond;
    private long sampledEvents;
    private long sampledAt;

    /** A pool of one thread per core (at least two) and the system's monotonic clock. */
    public SessionScheduler() {
        this(Math.max(2, Runtime.getRuntime().availableProcessors()), System::nanoTime);
    }

    public SessionScheduler(int threads, LongSupplier clock) {
        this.pool = Executors.newFixedThreadPool(threads, daemon("lab-runtime-"));
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon("lab-timer-"));
        this.clock = clock;
        this.sampledAt = clock.getAsLong();
        timer.scheduleAtFixedRate(this::sampleRate, 1, 1, TimeUnit.SECONDS);
    }

    /** The wall clock in nanoseconds (monotonic, arbitrary origin). */
    public long now() {
        return clock.getAsLong();
    }

    /** Simulation events run by every instance since the server started, replays included: the CPU they cost. */
    public long eventsExecuted() {
        return events.sum();
    }

    /**
     * Simulation events all instances ran per wall-clock second, over the last second: the server's simulation load
     * as a rate, which a counter only gives to a monitoring system that differentiates it.
     */
    public long eventsPerSecond() {
        return eventsPerSecond;
    }

    /** On the timer thread, once a second. */
    private void sampleRate() {
        long now = clock.getAsLong();
        long total = events.sum();
        long elapsed = now - sampledAt;
        if (elapsed > 0) eventsPerSecond = (long) ((total - sampledEvents) * 1e9 / elapsed);
        sampledEvents = total;
        sampledAt = now;
    }

    void countEvents(long n) {
        if (n > 0) events.add(n);
    }

    Mailbox mailbox(String name) {
        return new Mailbox(pool, name);
    }

    /** Posts {@code task} to {@code mailbox} after {@code delayNanos} of wall-clock time. */
    ScheduledFuture<?> wake(Executor mailbox, long delayNanos, Runnable task) {
        return timer.schedule(() -> mailbox.execute(task), Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
    }

    /** Runs {@code task} every {@code periodNanos} on the timer thread (it must only hand work on). */
    ScheduledFuture<?> every(long periodNanos, Runnable task) {
        return timer.scheduleAtFixedRate(task, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        pool.shutdownNow();
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
