package dev.packetlab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The idle-lab case on a tiny count: a smoke test of the outcome (built, nothing scheduled), never of the heap size. */
class IdleWorkloadTest {
    @Test
    void idleTwoHostLabsAnswerTheirPingAndThenHaveNothingScheduled() {
        Outcome o = IdleWorkload.run(5);
        assertThat(o.complete()).isTrue();
        assertThat(o.name()).isEqualTo("IDLE-5");
        assertThat(o.result()).startsWith("instances=5 ").endsWith(" pending_events=0 failed_pings=0");
        assertThat(o.liveHeapBytes()).isPositive();
    }
}
