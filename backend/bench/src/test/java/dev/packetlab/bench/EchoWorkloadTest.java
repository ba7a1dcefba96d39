package dev.packetlab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The W4 runner on a tiny size: a smoke test of the outcome, never of the speed (BENCHMARKS.md). */
class EchoWorkloadTest {
    @Test
    void everyRequestOfATinyW4IsAnswered() {
        Outcome o = EchoWorkload.run(3, 10);
        assertThat(o.complete()).isTrue();
        assertThat(o.result()).isEqualTo("echo_rx=30 expected=30");
        // the last client starts at 1 ms + 2 · 10/3 ms; its 10th request leaves 90 ms later and is answered after
        // 4 hops of 1 ms + 98 bytes at 100 Mbit/s (7.84 us)
        assertThat(o.simulatedNanos()).isEqualTo(1_000_000L + 2 * 3_333_333L + 90_000_000L + 4 * 1_007_840L);
    }
}
