package dev.packetlab.bench.micro;

import dev.packetlab.stack.sim.SimRandom;
import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.sim.Simulation;
import dev.packetlab.stack.sim.Timer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The event queue under a steady load: {@code pending} events due within the next 2 ms (frames in flight), one
 * scheduled and the earliest run per operation, so the queue never grows or drains. 100 is a bulk TCP transfer's
 * window in flight; 100,000 is W4 at K=200, whose runner schedules every request up front.
 *
 * <p>{@link #scheduleStepAndRearmTimer} adds what a TCP sender does on every ACK: move the retransmission timer one
 * minimum RTO (1 s, RFC 6298 2.4) out, in place ({@link Simulation#reschedule}: one sift, nothing allocated). Its
 * difference from {@link #scheduleAndStep} is the cost of a re-arm. {@link #scheduleStepAndReplaceTimer} re-arms the
 * way the stack did before, and still does for a timer whose action changes: cancel it (removed from the heap at
 * once) and schedule a new one.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EventQueueBenchmark {
    /** Delays are drawn from a table: a draw per operation would be measured along with the queue. */
    private static final int DELAYS = 4096;
    static final long SPREAD = SimTime.millis(2);
    static final long MIN_RTO = SimTime.seconds(1);
    static final Runnable NOTHING = () -> {};

    @Param({"100", "100000"})
    public int pending;

    Simulation simulation;
    Timer retransmission;
    private final long[] delays = new long[DELAYS];
    private int next;

    @Setup
    public void fillTheQueue() {
        simulation = new Simulation(1);
        SimRandom random = simulation.random("bench/event-delays");
        for (int i = 0; i < DELAYS; i++) delays[i] = random.nextInt((int) SPREAD);
        for (int i = 0; i < pending; i++) simulation.schedule(nextDelay(), NOTHING);
        retransmission = simulation.schedule(MIN_RTO, NOTHING);
    }

    private long nextDelay() {
        return delays[next++ & (DELAYS - 1)];
    }

    /** One event in, the earliest out: returns the clock, which the run moved to that event's time. */
    @Benchmark
    public long scheduleAndStep() {
        simulation.schedule(nextDelay(), NOTHING);
        simulation.step();
        return simulation.now();
    }

    /** As {@link #scheduleAndStep}, plus an ACK's re-arm of the retransmission timer, in place; returns the timer. */
    @Benchmark
    public Timer scheduleStepAndRearmTimer() {
        simulation.schedule(nextDelay(), NOTHING);
        simulation.step();
        simulation.reschedule(retransmission, MIN_RTO);
        return retransmission;
    }

    /** As {@link #scheduleStepAndRearmTimer}, re-arming by cancel and schedule; returns the new timer. */
    @Benchmark
    public Timer scheduleStepAndReplaceTimer() {
        simulation.schedule(nextDelay(), NOTHING);
        simulation.step();
        simulation.cancel(retransmission);
        retransmission = simulation.schedule(MIN_RTO, NOTHING);
        return retransmission;
    }
}
