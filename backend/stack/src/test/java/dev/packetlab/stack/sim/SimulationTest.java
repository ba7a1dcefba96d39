package dev.packetlab.stack.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulationTest {
    private final Simulation sim = new Simulation(1);
    private final List<String> log = new ArrayList<>();

    private Runnable record(String what) {
        return () -> log.add(sim.now() + ":" + what);
    }

    @Test
    void eventsRunInTimeOrderWhateverOrderTheyWereScheduledIn() {
        sim.schedule(300, record("c"));
        sim.schedule(100, record("a"));
        sim.schedule(200, record("b"));
        sim.runUntilIdle();
        assertThat(log).containsExactly("100:a", "200:b", "300:c");
    }

    @Test
    void eventsDueAtTheSameInstantRunInTheOrderTheyWereScheduled() {
        for (String s : new String[] {"first", "second", "third", "fourth"}) sim.schedule(50, record(s));
        sim.runUntilIdle();
        assertThat(log).containsExactly("50:first", "50:second", "50:third", "50:fourth");
    }

    @Test
    void anEventScheduledWithZeroDelayRunsAfterThoseAlreadyDueNow() {
        sim.schedule(10, () -> {
            log.add("outer");
            sim.schedule(0, record("inner"));
        });
        sim.schedule(10, record("sibling"));
        sim.runUntilIdle();
        assertThat(log).containsExactly("outer", "10:sibling", "10:inner");
    }

    @Test
    void aCancelledTimerNeverFiresAndIsNoLongerPending() {
        Timer t = sim.schedule(100, record("cancelled"));
        sim.schedule(200, record("kept"));
        sim.cancel(t);
        assertThat(t.pending()).isFalse();
        assertThat(sim.pendingEvents()).isEqualTo(1);
        sim.runUntilIdle();
        assertThat(log).containsExactly("200:kept");
    }

    @Test
    void anEventCanCancelALaterEvent() {
        Timer later = sim.schedule(20, record("later"));
        sim.schedule(10, () -> sim.cancel(later));
        sim.runUntilIdle();
        assertThat(log).isEmpty();
        assertThat(sim.now()).isEqualTo(10);
    }

    @Test
    void cancellingTwiceOrAfterFiringIsHarmless() {
        Timer t = sim.schedule(5, record("x"));
        sim.runUntilIdle();
        sim.cancel(t);
        sim.cancel(t);
        sim.cancel(null);
        assertThat(log).containsExactly("5:x");
    }

    @Test
    void stepRunsExactlyOneEventAndAdvancesTheClockToIt() {
        sim.schedule(7, record("a"));
        sim.schedule(9, record("b"));
        assertThat(sim.step()).isTrue();
        assertThat(sim.now()).isEqualTo(7);
        assertThat(log).containsExactly("7:a");
        assertThat(sim.eventsExecuted()).isEqualTo(1);
    }

    @Test
    void stepOnAnEmptyQueueReturnsFalseAndLeavesTheClock() {
        assertThat(sim.step()).isFalse();
        assertThat(sim.now()).isZero();
    }

    @Test
    void runUntilRunsEventsDueByThatTimeThenMovesTheClockThroughQuietTime() {
        sim.schedule(SimTime.seconds(1), record("at1s"));
        sim.schedule(SimTime.seconds(3), record("at3s"));
        sim.runUntil(SimTime.seconds(2));
        assertThat(log).containsExactly("1000000000:at1s");
        assertThat(sim.now()).isEqualTo(SimTime.seconds(2));
        assertThat(sim.nextEventTime()).isEqualTo(SimTime.seconds(3));
    }

    @Test
    void runWhileStopsAsSoonAsTheConditionIsMet() {
        int[] count = {0};
        for (int i = 1; i <= 5; i++) sim.schedule(i, () -> count[0]++);
        assertThat(sim.runWhile(() -> count[0] < 3, Long.MAX_VALUE)).isTrue();
        assertThat(sim.now()).isEqualTo(3);
    }

    @Test
    void runWhileGivesUpAtTheDeadline() {
        sim.schedule(100, record("late"));
        assertThat(sim.runWhile(() -> true, 50)).isFalse();
        assertThat(log).isEmpty();
    }

    @Test
    void schedulingInThePastIsRejected() {
        sim.schedule(10, () -> { });
        sim.runUntilIdle();
        assertThatThrownBy(() -> sim.scheduleAt(5, () -> { })).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("before now");
        assertThatThrownBy(() -> sim.schedule(-1, () -> { })).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRescheduledTimerFiresOnceAtItsNewTimeAfterThoseAlreadyDueThen() {
        Timer t = sim.schedule(100, record("moved"));
        sim.schedule(300, record("already due at 300"));
        sim.schedule(50, () -> assertThat(sim.reschedule(t, 250)).isTrue()); // 50 + 250 = 300
        sim.runUntilIdle();
        assertThat(log).containsExactly("300:already due at 300", "300:moved");
        assertThat(t.pending()).isFalse();
        assertThat(sim.eventsExecuted()).isEqualTo(3);
    }

    @Test
    void aTimerCanBeRescheduledEarlierAndAFiredOrCancelledOneIsLeftAlone() {
        Timer t = sim.schedule(500, record("earlier"));
        sim.schedule(200, record("b"));
        sim.reschedule(t, 100);
        sim.runUntilIdle();
        assertThat(log).containsExactly("100:earlier", "200:b");
        assertThat(sim.reschedule(t, 10)).isFalse();
        Timer c = sim.schedule(10, record("cancelled"));
        sim.cancel(c);
        assertThat(sim.reschedule(c, 10)).isFalse();
        assertThat(sim.pendingEvents()).isZero();
    }

    @Test
    void reschedulingMatchesCancellingAndSchedulingAgainUnderRandomMoves() {
        Simulation moved = new Simulation(1);
        Simulation replaced = new Simulation(1);
        SimRandom r = SimRandom.of(7, "reschedule-test");
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        List<Timer> inA = new ArrayList<>();
        List<Timer> inB = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            long time = r.nextInt(1000);
            String name = "e" + i;
            inA.add(moved.schedule(time, () -> a.add(moved.now() + ":" + name)));
            inB.add(replaced.schedule(time, () -> b.add(replaced.now() + ":" + name)));
        }
        for (int i = 0; i < 2000; i += 2) {
            long time = r.nextInt(1000);
            String name = "e" + i;
            moved.reschedule(inA.get(i), time);
            replaced.cancel(inB.get(i));
            replaced.schedule(time, () -> b.add(replaced.now() + ":" + name));
        }
        moved.runUntilIdle();
        replaced.runUntilIdle();
        assertThat(a).hasSize(2000).containsExactlyElementsOf(b);
    }

    /** The heap against a sorted list, over many seeded inserts and cancellations. */
    @Test
    void queueOrderMatchesASortedReferenceUnderRandomInsertsAndCancels() {
        SimRandom r = SimRandom.of(42, "queue-test");
        record Expected(long time, long order) {}
        List<Expected> expected = new ArrayList<>();
        List<Long> fired = new ArrayList<>();
        List<Timer> timers = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            long time = r.nextInt(1000);
            long order = i;
            timers.add(sim.scheduleAt(time, () -> fired.add(order)));
            expected.add(new Expected(time, order));
        }
        for (int i = 0; i < 5000; i += 3) {
            sim.cancel(timers.get(i));
            final int cancelled = i;
            expected.removeIf(e -> e.order() == cancelled);
        }
        sim.runUntilIdle();
        expected.sort(Comparator.comparingLong(Expected::time).thenComparingLong(Expected::order));
        assertThat(fired).containsExactlyElementsOf(expected.stream().map(Expected::order).toList());
    }
}
