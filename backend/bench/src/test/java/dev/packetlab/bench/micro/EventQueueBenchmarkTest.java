package dev.packetlab.bench.micro;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.stack.sim.Timer;
import org.junit.jupiter.api.Test;

/** The event queue benchmarks, called directly once set up: what they do, never how fast (BENCHMARKS.md). */
class EventQueueBenchmarkTest {
    private final EventQueueBenchmark bench = new EventQueueBenchmark();

    EventQueueBenchmarkTest() {
        bench.pending = 100;
        bench.fillTheQueue();
    }

    @Test
    void scheduleAndStepRunsTheEarliestEventEachTimeAndKeepsTheQueueAsFull() {
        long clock = 0;
        for (int i = 0; i < 1_000; i++) {
            long now = bench.scheduleAndStep();
            assertThat(now).isGreaterThanOrEqualTo(clock);
            clock = now;
        }
        assertThat(bench.simulation.eventsExecuted()).isEqualTo(1_000);
        assertThat(bench.simulation.pendingEvents()).isEqualTo(100 + 1); // the frames and the retransmission timer
        // each event was due within 2 ms of the one before it ran, so the earliest is never further than that
        assertThat(bench.simulation.nextEventTime() - clock).isBetween(0L, EventQueueBenchmark.SPREAD);
    }

    @Test
    void rearmingMovesTheRetransmissionTimerToAMinimumRtoFromNow() {
        Timer timer = bench.retransmission;
        Timer rearmed = bench.scheduleStepAndRearmTimer();
        assertThat(rearmed).isSameAs(timer);
        assertThat(rearmed.pending()).isTrue();
        assertThat(rearmed.time()).isEqualTo(bench.simulation.now() + EventQueueBenchmark.MIN_RTO);
        assertThat(bench.simulation.eventsExecuted()).isEqualTo(1);
        assertThat(bench.simulation.pendingEvents()).isEqualTo(100 + 1);
    }

    @Test
    void replacingCancelsTheOldRetransmissionTimerAndSetsOneAMinimumRtoFromNow() {
        Timer old = bench.retransmission;
        Timer rearmed = bench.scheduleStepAndReplaceTimer();
        assertThat(old.pending()).isFalse();
        assertThat(rearmed.pending()).isTrue();
        assertThat(rearmed.time()).isEqualTo(bench.simulation.now() + EventQueueBenchmark.MIN_RTO);
        assertThat(bench.simulation.eventsExecuted()).isEqualTo(1); // a frame event ran; the cancelled timer did not
        assertThat(bench.simulation.pendingEvents()).isEqualTo(100 + 1);
    }
}
