package dev.packetlab.stack.tcp;

import static dev.packetlab.stack.sim.SimTime.micros;
import static dev.packetlab.stack.sim.SimTime.millis;
import static dev.packetlab.stack.sim.SimTime.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RttEstimatorTest {
    /** PacketLab's defaults (CONFORMANCE): initial RTO 1 s, min 200 ms, max 60 s; a 1 ms clock. */
    private final RttEstimator rtt = new RttEstimator(seconds(1), millis(200), seconds(60), millis(1));

    private List<Long> backOffs(int n) {
        List<Long> rtos = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rtt.backOff();
            rtos.add(rtt.rto());
        }
        return rtos;
    }

    @Test
    void beforeAnySampleTheRtoIsTheInitialOneAndSrttAndRttvarAreZero() {
        assertThat(rtt.hasSample()).isFalse();
        assertThat(rtt.rto()).isEqualTo(seconds(1));
        assertThat(rtt.srtt()).isZero();
        assertThat(rtt.rttvar()).isZero();
    }

    @Test
    void firstSampleSetsSrttToTheSampleAndRttvarToHalf() {
        rtt.sample(millis(100));
        assertThat(rtt.hasSample()).isTrue();
        assertThat(rtt.srtt()).isEqualTo(millis(100));
        assertThat(rtt.rttvar()).isEqualTo(millis(50));
        assertThat(rtt.rto()).isEqualTo(millis(300)); // 100 + max(1, 4·50), above the 200 ms minimum
    }

    @Test
    void aLaterSampleUpdatesRttvarFromTheOldSrttThenSrtt() {
        rtt.sample(millis(100));
        rtt.sample(millis(60));
        // RTTVAR = 3/4·50 + 1/4·|100 − 60| = 47.5 ms, using SRTT before it moves; SRTT = 7/8·100 + 1/8·60 = 95 ms
        assertThat(rtt.rttvar()).isEqualTo(micros(47_500));
        assertThat(rtt.srtt()).isEqualTo(millis(95));
        assertThat(rtt.rto()).isEqualTo(millis(285)); // 95 + 4·47.5
    }

    @Test
    void aThirdSampleSmoothsOnFromTheSecond() {
        rtt.sample(millis(100));
        rtt.sample(millis(60));
        rtt.sample(millis(140));
        // RTTVAR = 3/4·47.5 + 1/4·|95 − 140| = 46.875 ms; SRTT = 7/8·95 + 1/8·140 = 100.625 ms
        assertThat(rtt.rttvar()).isEqualTo(micros(46_875));
        assertThat(rtt.srtt()).isEqualTo(micros(100_625));
        assertThat(rtt.rto()).isEqualTo(micros(288_125)); // 100.625 + 187.5
    }

    @Test
    void aSteadyRttLetsTheVariationDecayByAQuarterPerSample() {
        rtt.sample(millis(80));
        rtt.sample(millis(80));
        assertThat(rtt.srtt()).isEqualTo(millis(80));
        assertThat(rtt.rttvar()).isEqualTo(millis(30)); // 3/4·40
        rtt.sample(millis(80));
        assertThat(rtt.rttvar()).isEqualTo(micros(22_500));
        assertThat(rtt.rto()).isEqualTo(millis(200)); // 80 + 90 = 170, raised to the minimum
    }

    @Test
    void aShortRttGivesTheMinimumRto() {
        rtt.sample(millis(10));
        assertThat(rtt.srtt()).isEqualTo(millis(10));
        assertThat(rtt.rttvar()).isEqualTo(millis(5));
        assertThat(rtt.rto()).isEqualTo(millis(200)); // 10 + 20 = 30 ms, below the minimum
    }

    @Test
    void aLongRttGivesTheMaximumRto() {
        rtt.sample(seconds(30));
        assertThat(rtt.rto()).isEqualTo(seconds(60)); // 30 + 60 = 90 s, above the maximum
    }

    @Test
    void theClockGranularityIsTheLeastVariationTermTheRtoAllows() {
        RttEstimator coarse = new RttEstimator(seconds(1), millis(200), seconds(60), millis(500));
        coarse.sample(millis(100));
        assertThat(coarse.rto()).isEqualTo(millis(600)); // 100 + max(500, 4·50)
    }

    @Test
    void aZeroSampleIsAllowedAndGivesTheMinimumRto() {
        rtt.sample(0);
        assertThat(rtt.srtt()).isZero();
        assertThat(rtt.rttvar()).isZero();
        assertThat(rtt.rto()).isEqualTo(millis(200));
    }

    @Test
    void backOffBeforeAnySampleDoublesTheInitialRto() {
        // SYN retransmissions at 0, 1, 3, 7 and 15 s, then ETIMEDOUT at 31 s (CONFORMANCE 13)
        assertThat(backOffs(4)).containsExactly(seconds(2), seconds(4), seconds(8), seconds(16));
    }

    @Test
    void backOffDoublesAComputedRtoAndLeavesSrttAndRttvarAlone() {
        rtt.sample(millis(100));
        assertThat(backOffs(3)).containsExactly(millis(600), millis(1200), millis(2400));
        assertThat(rtt.srtt()).isEqualTo(millis(100));
        assertThat(rtt.rttvar()).isEqualTo(millis(50));
    }

    @Test
    void backOffStopsAtTheMaximumRto() {
        assertThat(backOffs(8)).containsExactly(seconds(2), seconds(4), seconds(8), seconds(16), seconds(32),
                seconds(60), seconds(60), seconds(60));
    }

    @Test
    void backOffNeverOverflowsWithAHugeMaximum() {
        RttEstimator unbounded = new RttEstimator(seconds(1), millis(200), Long.MAX_VALUE, millis(1));
        for (int i = 0; i < 70; i++) unbounded.backOff();
        assertThat(unbounded.rto()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aSampleAfterBackOffRecomputesTheRtoFromSrttAndRttvar() {
        rtt.sample(millis(100));
        backOffs(3);
        rtt.sample(millis(100));
        // RTTVAR = 3/4·50 + 0 = 37.5 ms, SRTT = 100 ms: RTO = 100 + 150 = 250 ms, the back-off forgotten
        assertThat(rtt.rttvar()).isEqualTo(micros(37_500));
        assertThat(rtt.rto()).isEqualTo(millis(250));
    }

    @Test
    void aNegativeSampleIsRefusedAndChangesNothing() {
        assertThatThrownBy(() -> rtt.sample(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("RTT sample -1 ns is negative");
        assertThat(rtt.hasSample()).isFalse();
        assertThat(rtt.rto()).isEqualTo(seconds(1));
    }

    @Test
    void boundsThatContradictEachOtherAreRefused() {
        assertThatThrownBy(() -> new RttEstimator(seconds(1), seconds(2), seconds(1), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("RTO bounds [2000000000, 1000000000] ns are not 0 < min <= max");
        assertThatThrownBy(() -> new RttEstimator(seconds(1), 0, seconds(60), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RttEstimator(seconds(61), millis(200), seconds(60), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("initial RTO 61000000000 ns is not within (0, 60000000000]");
        assertThatThrownBy(() -> new RttEstimator(0, millis(200), seconds(60), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RttEstimator(seconds(1), millis(200), seconds(60), -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("clock granularity -1 ns is negative");
    }
}
