package dev.packetlab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** W1 and W2 on a tiny size: a smoke test of the outcome, never of the speed (BENCHMARKS.md). */
class BulkWorkloadTest {
    /** ⌈1,000,000 / 1448⌉ = 691 full-size frames (1448 + 12 + 20 + 20 + 14 bytes) at 100 Mbit/s: 121.12 µs each. */
    private static final long ONE_MEGABYTE_ON_THE_WIRE = 691 * 121_120L;

    @Test
    void aTinyW1DeliversEveryByteInOrderWithoutARetransmission() {
        Outcome o = BulkWorkload.run(1_000_000, 0.0, 1, BulkWorkload.WRITE, true);

        assertThat(o.complete()).isTrue();
        assertThat(o.name()).isEqualTo("W1-bulk-1000000B");
        assertThat(o.result()).startsWith("rx_bytes=1000000 ").contains(" retx_segs=0").endsWith(" verified=yes");
        // the data cannot reach B faster than A's cable clocks it out, plus the two hops of the last frame
        assertThat(o.simulatedNanos()).isGreaterThan(ONE_MEGABYTE_ON_THE_WIRE + 2_000_000L);
    }

    @Test
    void aTinyW2RepairsWhatBLostAndDeliversEveryByteInOrder() {
        Outcome o = BulkWorkload.run(1_000_000, 0.01, 1, BulkWorkload.WRITE, true);

        assertThat(o.complete()).isTrue();
        assertThat(o.name()).isEqualTo("W2-lossy-1000000B-p0.01");
        assertThat(o.result()).startsWith("rx_bytes=1000000 ").endsWith(" verified=yes");
        assertThat(number(o, "lost_pkts")).isPositive();
        assertThat(number(o, "retx_segs")).isPositive();
    }

    @Test
    void writesOfBulkSendsSizeStillDeliverEveryByteInOrder() {
        Outcome o = BulkWorkload.run(1_000_000, 0.0, 1, 1448, true);

        assertThat(o.complete()).isTrue();
        assertThat(o.result()).startsWith("rx_bytes=1000000 ").endsWith(" write=1448 verified=yes");
    }

    static long number(Outcome o, String key) {
        for (String word : o.result().split(" ")) {
            if (word.startsWith(key + "=")) return Long.parseLong(word.substring(key.length() + 1));
        }
        throw new AssertionError(key + " is not in " + o.result());
    }
}
