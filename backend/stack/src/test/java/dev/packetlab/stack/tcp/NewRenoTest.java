package dev.packetlab.stack.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NewRenoTest {
    private static final int MSS = 1460;

    private final NewReno cc = new NewReno();

    @BeforeEach
    void startWithTheDefaultInitialWindow() {
        cc.init(MSS, 10);
    }

    private void acks(int n, long ackedBytes) {
        for (int i = 0; i < n; i++) cc.onAck(ackedBytes, MSS);
    }

    /** A timeout with 20 segments in flight: ssthresh 14600, cwnd 1460, slow start from one segment. */
    private void timeoutWithTwentySegmentsInFlight() {
        cc.onTimeout(20 * MSS, MSS);
    }

    @Test
    void isCalledNewreno() {
        assertThat(cc.name()).isEqualTo("newreno");
    }

    @Test
    void initSetsCwndToTheInitialWindowAndSsthreshArbitrarilyHigh() {
        assertThat(cc.cwnd()).isEqualTo(14_600);
        assertThat(cc.ssthresh()).isEqualTo(CongestionControl.INITIAL_SSTHRESH).isEqualTo(Long.MAX_VALUE / 2);
    }

    @Test
    void initStartsAfreshAfterEarlierLosses() {
        timeoutWithTwentySegmentsInFlight();
        cc.init(536, 4);
        assertThat(cc.cwnd()).isEqualTo(2144);
        assertThat(cc.ssthresh()).isEqualTo(CongestionControl.INITIAL_SSTHRESH);
    }

    @Test
    void slowStartGrowsCwndByTheBytesAcknowledgedButAtMostOneMssPerAck() {
        cc.onAck(MSS, MSS);
        assertThat(cc.cwnd()).isEqualTo(16_060);
        cc.onAck(2 * MSS, MSS); // a stretch ACK still counts as one MSS
        assertThat(cc.cwnd()).isEqualTo(17_520);
        cc.onAck(500, MSS);
        assertThat(cc.cwnd()).isEqualTo(18_020);
    }

    @Test
    void slowStartDoublesCwndOverOneWindowOfAcks() {
        acks(10, MSS);
        assertThat(cc.cwnd()).isEqualTo(29_200);
    }

    @Test
    void anAckOfNoNewDataChangesNothing() {
        cc.onAck(0, MSS);
        assertThat(cc.cwnd()).isEqualTo(14_600);
        timeoutWithTwentySegmentsInFlight();
        acks(9, MSS); // now cwnd = ssthresh, congestion avoidance
        cc.onAck(0, MSS);
        assertThat(cc.cwnd()).isEqualTo(14_600);
    }

    @Test
    void congestionAvoidanceTakesOverOnceCwndReachesSsthresh() {
        timeoutWithTwentySegmentsInFlight();
        acks(9, MSS);
        assertThat(cc.cwnd()).isEqualTo(14_600).isEqualTo(cc.ssthresh());
        cc.onAck(MSS, MSS);
        assertThat(cc.cwnd()).isEqualTo(14_746); // + 1460·1460/14600 = 146
        cc.onAck(MSS, MSS);
        assertThat(cc.cwnd()).isEqualTo(14_890); // + 1460·1460/14746 = 144.55, rounded down
    }

    @Test
    void congestionAvoidanceAddsAboutOneMssPerWindowOfAcks() {
        timeoutWithTwentySegmentsInFlight();
        acks(9, MSS);
        acks(10, MSS);
        assertThat(cc.cwnd()).isEqualTo(15_995); // 14600 + 146 + 144 + 143 + 141 + 140 + 139 + 137 + 136 + 135 + 134
    }

    @Test
    void congestionAvoidanceAddsAtLeastOneBytePerAck() {
        cc.init(10, 1);
        cc.onFastRetransmit(1000, 10); // ssthresh 500
        cc.onRecoveryEnd(1000, 10); // cwnd = min(500, 1010) = 500
        cc.onAck(10, 10);
        assertThat(cc.cwnd()).isEqualTo(501); // 10·10/500 = 0, rounded up to 1
    }

    @Test
    void slowStartAppliesBelowSsthreshEvenWhenTheAckCarriesCwndPastIt() {
        timeoutWithTwentySegmentsInFlight();
        acks(13, 1000);
        assertThat(cc.cwnd()).isEqualTo(14_460);
        cc.onAck(MSS, MSS);
        assertThat(cc.cwnd()).isEqualTo(15_920);
    }

    @Test
    void fastRetransmitHalvesTheFlightAndInflatesByTheThreeDuplicatedSegments() {
        acks(10, MSS);
        cc.onFastRetransmit(29_200, MSS);
        assertThat(cc.ssthresh()).isEqualTo(14_600);
        assertThat(cc.cwnd()).isEqualTo(18_980); // 14600 + 3·1460
    }

    @Test
    void fastRetransmitHalvesTheFlightSizeNotCwnd() {
        acks(10, MSS); // cwnd 29200, but the application had only 6 segments to send
        cc.onFastRetransmit(8760, MSS);
        assertThat(cc.ssthresh()).isEqualTo(4380);
        assertThat(cc.cwnd()).isEqualTo(8760);
    }

    @Test
    void fastRetransmitNeverSetsSsthreshBelowTwoSegments() {
        cc.onFastRetransmit(2000, MSS);
        assertThat(cc.ssthresh()).isEqualTo(2920);
        assertThat(cc.cwnd()).isEqualTo(7300);
    }

    @Test
    void eachFurtherDuplicateAckInRecoveryInflatesCwndByOneMss() {
        cc.onFastRetransmit(29_200, MSS);
        cc.onDuplicateAckInRecovery(MSS);
        assertThat(cc.cwnd()).isEqualTo(20_440);
        cc.onDuplicateAckInRecovery(MSS);
        assertThat(cc.cwnd()).isEqualTo(21_900);
        assertThat(cc.ssthresh()).isEqualTo(14_600);
    }

    @Test
    void aPartialAckDeflatesByWhatItAcknowledgedAndAddsBackOneMss() {
        cc.onFastRetransmit(29_200, MSS);
        cc.onDuplicateAckInRecovery(MSS);
        cc.onDuplicateAckInRecovery(MSS);
        cc.onPartialAck(2 * MSS, MSS);
        assertThat(cc.cwnd()).isEqualTo(20_440); // 21900 − 2920 + 1460
        assertThat(cc.ssthresh()).isEqualTo(14_600);
    }

    @Test
    void aPartialAckOfLessThanOneMssAddsNothingBack() {
        cc.onFastRetransmit(29_200, MSS);
        cc.onPartialAck(1000, MSS);
        assertThat(cc.cwnd()).isEqualTo(17_980);
    }

    @Test
    void aPartialAckOfExactlyOneMssLeavesCwndAsItWas() {
        cc.onFastRetransmit(29_200, MSS);
        cc.onPartialAck(MSS, MSS);
        assertThat(cc.cwnd()).isEqualTo(18_980);
    }

    @Test
    void aPartialAckNeverDeflatesCwndBelowOneMss() {
        cc.onFastRetransmit(29_200, MSS);
        cc.onPartialAck(20_000, MSS);
        assertThat(cc.cwnd()).isEqualTo(1460); // 18980 − 20000 + 1460 = 440, raised to one MSS
    }

    @Test
    void aFullAckWithMuchStillInFlightDeflatesCwndToSsthresh() {
        cc.onFastRetransmit(29_200, MSS);
        cc.onDuplicateAckInRecovery(MSS);
        cc.onRecoveryEnd(14_600, MSS);
        assertThat(cc.cwnd()).isEqualTo(14_600); // min(14600, 14600 + 1460)
        assertThat(cc.ssthresh()).isEqualTo(14_600);
    }

    @Test
    void aFullAckWithLittleInFlightSetsCwndToTheFlightPlusOneMss() {
        cc.onFastRetransmit(29_200, MSS);
        cc.onRecoveryEnd(2920, MSS);
        assertThat(cc.cwnd()).isEqualTo(4380);
    }

    @Test
    void aFullAckWithNothingInFlightSetsCwndToTwoMss() {
        cc.onFastRetransmit(29_200, MSS);
        cc.onRecoveryEnd(0, MSS);
        assertThat(cc.cwnd()).isEqualTo(2920); // max(0, 1460) + 1460
    }

    @Test
    void afterRecoveryCwndGrowsInCongestionAvoidance() {
        cc.onFastRetransmit(29_200, MSS);
        cc.onRecoveryEnd(20_000, MSS);
        cc.onAck(MSS, MSS);
        assertThat(cc.cwnd()).isEqualTo(14_746);
    }

    @Test
    void afterRecoveryWithLittleInFlightCwndGrowsInSlowStartUpToSsthresh() {
        cc.onFastRetransmit(29_200, MSS);
        cc.onRecoveryEnd(2920, MSS);
        cc.onAck(MSS, MSS);
        assertThat(cc.cwnd()).isEqualTo(5840);
    }

    @Test
    void aTimeoutHalvesTheFlightAndFallsBackToTheOneSegmentLossWindow() {
        acks(10, MSS);
        cc.onTimeout(29_200, MSS);
        assertThat(cc.ssthresh()).isEqualTo(14_600);
        assertThat(cc.cwnd()).isEqualTo(1460); // one segment, not the initial window of ten
    }

    @Test
    void aTimeoutNeverSetsSsthreshBelowTwoSegments() {
        cc.onTimeout(1000, MSS);
        assertThat(cc.ssthresh()).isEqualTo(2920);
        assertThat(cc.cwnd()).isEqualTo(1460);
    }

    @Test
    void aTimeoutDuringFastRecoveryFallsBackToOneSegment() {
        cc.onFastRetransmit(29_200, MSS);
        cc.onDuplicateAckInRecovery(MSS);
        cc.onTimeout(29_200, MSS);
        assertThat(cc.ssthresh()).isEqualTo(14_600);
        assertThat(cc.cwnd()).isEqualTo(1460);
    }

    @Test
    void theTimerExpiringAgainForTheSameSegmentHoldsSsthresh() {
        cc.onTimeout(29_200, MSS);
        cc.onTimeout(MSS, MSS); // only the retransmission is in flight
        cc.onTimeout(MSS, MSS);
        assertThat(cc.ssthresh()).isEqualTo(14_600);
        assertThat(cc.cwnd()).isEqualTo(1460);
    }

    @Test
    void aTimeoutAfterNewDataWasAcknowledgedHalvesTheFlightAgain() {
        cc.onTimeout(29_200, MSS);
        cc.onAck(MSS, MSS);
        cc.onTimeout(8760, MSS);
        assertThat(cc.ssthresh()).isEqualTo(4380);
        assertThat(cc.cwnd()).isEqualTo(1460);
    }

    @Test
    void aFastRetransmitAfterATimeoutStartsANewLossEpisode() {
        cc.onTimeout(29_200, MSS);
        cc.onFastRetransmit(8760, MSS);
        cc.onTimeout(8760, MSS);
        assertThat(cc.ssthresh()).isEqualTo(4380);
    }

    @Test
    void nonsenseArgumentsAreRefused() {
        assertThatThrownBy(() -> cc.init(0, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("MSS 0 is not positive");
        assertThatThrownBy(() -> cc.init(MSS, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("initial window of 0 segments is not positive");
        assertThatThrownBy(() -> cc.onAck(-1, MSS)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cc.onPartialAck(-1, MSS)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cc.onFastRetransmit(-1, MSS)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("flight size -1 is negative");
        assertThatThrownBy(() -> cc.onTimeout(-1, MSS)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cc.onRecoveryEnd(-1, MSS)).isInstanceOf(IllegalArgumentException.class);
        assertThat(cc.cwnd()).isEqualTo(14_600);
        assertThat(cc.ssthresh()).isEqualTo(CongestionControl.INITIAL_SSTHRESH);
    }
}
