package dev.packetlab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** W3 on a tiny size: a smoke test of the outcome, never of the speed (BENCHMARKS.md). */
class ExchangeWorkloadTest {
    @Test
    void threeClientsEachFinishTwoExchanges() {
        Outcome o = ExchangeWorkload.run(3, 2, 1);

        assertThat(o.complete()).isTrue();
        assertThat(o.name()).isEqualTo("W3-many-K3-R2");
        assertThat(o.result()).startsWith("completed=6 expected=6 failed=0 ");
        // the last client starts at 1 ms + 2 · 1 s/3 and thinks 1 s between its two exchanges, each of which needs
        // at least the handshake and the response: four 2-hop crossings of 2 ms
        assertThat(o.simulatedNanos()).isGreaterThan(1_000_000L + 2 * 333_333_333L + 1_000_000_000L + 2 * 8_000_000L);
    }
}
