package dev.packetlab.stack.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * RFC 6937's arithmetic on the example of its section 4 scaled to bytes (MSS 100): 20 segments in flight, one lost,
 * ssthresh 10 segments. While pipe is above ssthresh PRR sends one segment for every two delivered; below it, the
 * slow-start bound lets the window grow back by at most one MSS more than is delivered.
 */
class ProportionalRateReductionTest {
    private static final int MSS = 100;

    @Test
    void aboveSsthreshItSendsInProportionSsthreshOverRecoverFs() {
        ProportionalRateReduction prr = new ProportionalRateReduction();
        prr.enter(2000);
        assertThat(prr.sendCount(100, 1900, 1000, MSS)).isEqualTo(100); // ⌈100·1000/2000⌉ = 50, the fast retransmit: 100
        prr.sent(100);
        assertThat(prr.sendCount(100, 1900, 1000, MSS)).isEqualTo(0); // ⌈200·1000/2000⌉ − 100
        assertThat(prr.sendCount(100, 1800, 1000, MSS)).isEqualTo(50); // ⌈300·1000/2000⌉ − 100
        assertThat(prr.delivered()).isEqualTo(300);
        assertThat(prr.out()).isEqualTo(100);
    }

    @Test
    void atOrBelowSsthreshTheSlowStartReductionBoundApplies() {
        ProportionalRateReduction prr = new ProportionalRateReduction();
        prr.enter(2000);
        prr.sent(100);
        // a large cumulative ACK: 800 delivered, pipe fell to 400. limit = max(800 − 100, 800) + 100 = 900,
        // sndcnt = min(1000 − 400, 900) = 600
        assertThat(prr.sendCount(800, 400, 1000, MSS)).isEqualTo(600);
        prr.sent(600);
        // limit = max(900 − 700, 100) + 100 = 300; room to ssthresh is 500
        assertThat(prr.sendCount(100, 500, 1000, MSS)).isEqualTo(300);
    }

    @Test
    void neverNegative() {
        ProportionalRateReduction prr = new ProportionalRateReduction();
        prr.enter(2000);
        prr.sent(1500);
        assertThat(prr.sendCount(100, 1900, 1000, MSS)).isZero();
    }

    @Test
    void recoveryWithNothingInFlightIsRejected() {
        assertThatThrownBy(() -> new ProportionalRateReduction().enter(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0 bytes in flight");
    }
}
