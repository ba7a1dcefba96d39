package dev.packetlab.bench.micro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.packetlab.stack.trace.Trace;
import org.junit.jupiter.api.Test;

/** The switch benchmark forwards each frame to b alone, and its guard notices when that stops being true. */
class SwitchForwardingBenchmarkTest {
    private final SwitchForwardingBenchmark bench = new SwitchForwardingBenchmark();

    SwitchForwardingBenchmarkTest() {
        bench.learnBothStations();
        bench.countFromHere();
    }

    @Test
    void aLearnedFrameReachesBAloneInFourEventsAndTwoTransmissions() {
        long events = bench.simulation.eventsExecuted();
        long sent = bench.network.trace().count(Trace.Kind.FRAME_SENT);
        assertThat(bench.forward()).isEqualTo(2); // the first reached b in setup
        assertThat(bench.simulation.eventsExecuted() - events).isEqualTo(4);
        assertThat(bench.network.trace().count(Trace.Kind.FRAME_SENT) - sent).isEqualTo(2);
        assertThat(bench.a.received()).isEqualTo(1); // b's frame of the setup, nothing since
        assertThat(bench.c.received()).isZero();
        assertThat(bench.simulation.pendingEvents()).isEqualTo(1); // only the switch's ageing sweep, 1,000,000 s out
    }

    @Test
    void theGuardAcceptsAnIterationOfForwardedFrames() {
        for (int i = 0; i < 100; i++) bench.forward();
        assertThatCode(bench::checkNothingWasFlooded).doesNotThrowAnyException();
    }

    @Test
    void theGuardFailsTheRunWhenTheSwitchFloods() {
        bench.bridge.sysctl().set("net.bridge.ageing_time", "1");
        bench.simulation.runUntil(bench.simulation.now() + 2_000_000_000L); // both entries age out
        bench.countFromHere();
        bench.forward();
        assertThatThrownBy(bench::checkNothingWasFlooded).isInstanceOf(IllegalStateException.class)
                .hasMessage("1 frames forwarded with 6 events and 3 transmissions; expected 4 and 2 per frame");
    }
}
