package dev.packetlab.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.server.runtime.LabSession.Control;
import dev.packetlab.server.runtime.LabSession.Control.Action;
import dev.packetlab.server.runtime.RunState.Mode;
import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.trace.TraceEvent;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An instance runs at most its events per second: a broadcast storm in a switching loop is held to that rate, its
 * watchers are told why, and other instances play on.
 */
class ThrottlingTest {
    /** Two switches cabled to each other {@code cables} times: a switching loop, each with a host. */
    static String loop(int cables) {
        StringBuilder b = new StringBuilder("""
                id: switching-loop
                title: {en: "A switching loop"}
                seed: 1
                nodes:
                  - {id: pc1, kind: host, ip: 10.0.0.1/24}
                  - {id: pc2, kind: host, ip: 10.0.0.2/24}
                  - {id: sw1, kind: switch}
                  - {id: sw2, kind: switch}
                links:
                  - {a: pc1, b: sw1}
                  - {a: pc2, b: sw2}
                """);
        for (int i = 0; i < cables; i++) b.append("  - {a: sw1, b: sw2}\n");
        return b.toString();
    }

    static final long LIMIT = 20_000;

    final AtomicLong wall = new AtomicLong(1_000_000_000L);
    final SessionScheduler scheduler = new SessionScheduler(2, wall::get);

    @AfterEach
    void stop() {
        scheduler.close();
    }

    static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(30, TimeUnit.SECONDS);
    }

    LabSession session(String lab, long eventsPerSecond, SessionScheduler on) {
        return LabSession.create("loop", "loop.yaml", lab, null, on,
                new LabSession.Settings(1 << 20, 64, 128, 50, eventsPerSecond, 250_000_000L), List::of);
    }

    /** Remembers the throttling notices and run states it is told. */
    static final class Watcher implements SessionObserver {
        final List<Throttling> throttlings = new CopyOnWriteArrayList<>();
        final List<RunState> states = new CopyOnWriteArrayList<>();
        final CompletableFuture<Throttling> first = new CompletableFuture<>();

        @Override
        public void event(TraceEvent event, FrameInfo frame) {}

        @Override
        public void runState(RunState state) {
            states.add(state);
        }

        @Override
        public void jobEnded(JobView job) {}

        @Override
        public void reset(Snapshot snapshot) {}

        @Override
        public void throttled(Throttling t) {
            throttlings.add(t);
            first.complete(t);
        }
    }

    /** Polls the run state until it matches (the instance works on its own thread and timer). */
    static RunState awaitState(LabSession s, Predicate<RunState> matches) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            RunState state = await(s.runState());
            if (matches.test(state)) return state;
            if (System.nanoTime() > deadline) throw new AssertionError("run state never matched; last " + state);
            Thread.sleep(10);
        }
    }

    /** pc1 pings an address nobody has: its ARP request is a broadcast, and the loop carries it round for ever. */
    static void startStorm(LabSession s) throws Exception {
        await(s.execute("pc1", "ping -c 1 10.0.0.99", true, false));
    }

    @Test
    void aRunInAStormStopsWhenTheInstanceHasRunItsEventsForTheSecond() throws Exception {
        LabSession s = session(loop(2), LIMIT, scheduler);
        Watcher w = new Watcher();
        await(s.attach(w));
        startStorm(s);
        s.control(new Control(Action.RUN_UNTIL_IDLE, null, null, null));
        await(w.first);

        RunState state = await(s.runState());
        assertThat(state.events()).isEqualTo(LIMIT);
        assertThat(state.mode()).isEqualTo(Mode.RUNNING);
        assertThat(state.throttled()).isTrue();
    }

    @Test
    void theRunGoesOnAsTheBucketRefillsOnTheWallClock() throws Exception {
        LabSession s = session(loop(2), LIMIT, scheduler);
        Watcher w = new Watcher();
        await(s.attach(w));
        startStorm(s);
        s.control(new Control(Action.RUN_UNTIL_IDLE, null, null, null));
        await(w.first);

        wall.addAndGet(500_000_000L); // half a second: half the limit more
        awaitState(s, st -> st.events() >= LIMIT + LIMIT / 2);
        Thread.sleep(200); // several more slices: none of them may run beyond what the bucket gave
        assertThat(await(s.runState()).events()).isEqualTo(LIMIT + LIMIT / 2);
    }

    @Test
    void theWatchersAreToldOnceThatTheSwitchingLoopIsWhy() throws Exception {
        LabSession s = session(loop(2), LIMIT, scheduler);
        Watcher w = new Watcher();
        await(s.attach(w));
        startStorm(s);
        s.control(new Control(Action.RUN_UNTIL_IDLE, null, null, null));
        Throttling t = await(w.first);
        wall.addAndGet(500_000_000L);
        awaitState(s, st -> st.events() >= LIMIT + LIMIT / 2);

        assertThat(w.throttlings).hasSize(1);
        assertThat(t.cause()).isEqualTo("switching-loop");
        assertThat(t.node()).isEqualTo("sw1");
        assertThat(t.moves()).isGreaterThanOrEqualTo(LiveSimulation.LOOP_MOVES);
        assertThat(t.resource()).isEqualTo(Throttling.EVENTS);
        assertThat(t.limit()).isEqualTo(LIMIT);
        assertThat(t.detail()).contains("sw1 saw MAC addresses move between its ports " + t.moves() + " times")
                .contains("Remove a cable of the loop");
    }

    @Test
    void playingAStormSlowsTheClockToTheEventsTheBucketAllows() throws Exception {
        LabSession s = session(loop(3), LIMIT, scheduler); // three cables: every broadcast doubles at each switch
        Watcher w = new Watcher();
        await(s.attach(w));
        startStorm(s);
        await(s.control(new Control(Action.PLAY, 1.0, false, null)));
        wall.addAndGet(SimTime.seconds(1));
        await(w.first);

        RunState state = awaitState(s, RunState::throttled);
        assertThat(state.mode()).isEqualTo(Mode.PLAYING);
        assertThat(state.behind()).isTrue();
        assertThat(state.events()).isEqualTo(LIMIT);
        assertThat(state.time()).isLessThan(SimTime.seconds(1));
    }

    @Test
    void aStormThatTakesItsProcessorTimeForTheSecondIsThrottledForThat() throws Exception {
        AtomicLong ticking = new AtomicLong(1_000_000_000L);
        try (SessionScheduler slow = new SessionScheduler(2, () -> ticking.addAndGet(100_000))) { // 0.1 ms a reading
            LabSession s = LabSession.create("loop", "loop.yaml", loop(2), null, slow,
                    new LabSession.Settings(1 << 20, 64, 128, 50, Long.MAX_VALUE / 4, 50_000_000L), List::of);
            Watcher w = new Watcher();
            await(s.attach(w));
            startStorm(s);
            s.control(new Control(Action.RUN_UNTIL_IDLE, null, null, null));
            Throttling t = await(w.first);

            assertThat(t.resource()).isEqualTo(Throttling.PROCESSOR);
            assertThat(t.limit()).isEqualTo(50);
            assertThat(t.detail()).startsWith("this lab took 50 ms of processor time within a second");
            s.close();
        }
    }

    @Test
    void pausingEndsTheThrottling() throws Exception {
        LabSession s = session(loop(2), LIMIT, scheduler);
        Watcher w = new Watcher();
        await(s.attach(w));
        startStorm(s);
        s.control(new Control(Action.RUN_UNTIL_IDLE, null, null, null));
        await(w.first);

        RunState paused = await(s.control(new Control(Action.PAUSE, null, null, null)));
        assertThat(paused.throttled()).isFalse();
        assertThat(s.throttled()).isFalse();
    }

    @Test
    void aLabWithinItsEventsIsNeverThrottled() throws Exception {
        LabSession s = session(LabSessionTest.LAB, LIMIT, scheduler);
        Watcher w = new Watcher();
        await(s.attach(w));
        JobView ping = await(s.execute("pc1", "ping -c 3 10.0.0.2", false, true));

        assertThat(ping.exitCode()).isZero();
        assertThat(w.throttlings).isEmpty();
        assertThat(w.states).noneMatch(RunState::throttled);
    }

    /**
     * The containment the issue asks for, on the real clock: a storm flat out next to an instance playing a ping in
     * real time, on a pool of two threads. The storm runs no more than its events per second; the ping ends on time.
     */
    @Test
    void aStormIsHeldToItsEventsPerSecondWhileAnotherInstancePlaysOn() throws Exception {
        try (SessionScheduler real = new SessionScheduler(2, System::nanoTime)) {
            long limit = LabSession.Settings.DEFAULT.eventsPerSecond();
            LabSession storm = session(loop(3), limit, real);
            LabSession other = LabSession.create("other", "two-hosts.yaml", LabSessionTest.LAB, null, real,
                    LabSession.Settings.DEFAULT, List::of);
            startStorm(storm);
            long start = System.nanoTime();
            storm.control(new Control(Action.RUN_UNTIL_IDLE, null, null, null));

            await(other.control(new Control(Action.PLAY, 1.0, false, null)));
            JobView ping = await(other.execute("pc1", "ping -c 3 10.0.0.2", false, false));
            JobView ended = other.jobEnd(ping.job()).get(20, TimeUnit.SECONDS);
            double pingWall = (System.nanoTime() - start) / 1e9;

            Thread.sleep(Math.max(0, 3000 - (System.nanoTime() - start) / 1_000_000)); // past the first bucketful
            long before = await(storm.runState()).events();
            long from = System.nanoTime();
            Thread.sleep(2000);
            RunState after = await(storm.runState());
            double window = (System.nanoTime() - from) / 1e9;
            double elapsed = (System.nanoTime() - start) / 1e9;
            System.out.printf("RESULT storm events/s while throttled: %.0f (limit %d); ping -c 3 on the other instance "
                    + "ended after %.2f s of wall-clock time%n", (after.events() - before) / window, limit, pingWall);

            assertThat(ended.exitCode()).isZero();
            assertThat(ended.output()).contains("3 packets transmitted, 3 received");
            assertThat(after.throttled()).isTrue();
            // the bucket's bound: one bucketful at once, then the rate
            assertThat(after.events()).isLessThanOrEqualTo(limit + (long) (limit * elapsed) + 1);
            storm.close();
            other.close();
        }
    }
}
