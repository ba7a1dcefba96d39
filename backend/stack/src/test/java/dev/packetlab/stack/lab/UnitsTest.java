package dev.packetlab.stack.lab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnitsTest {

    @Test
    void bandwidthsAreDecimalBitsPerSecond() {
        assertThat(Units.bandwidth("9600bps")).isEqualTo(9_600L);
        assertThat(Units.bandwidth("64kbps")).isEqualTo(64_000L);
        assertThat(Units.bandwidth("10Mbps")).isEqualTo(10_000_000L);
        assertThat(Units.bandwidth("100Mbps")).isEqualTo(100_000_000L);
        assertThat(Units.bandwidth("1Gbps")).isEqualTo(1_000_000_000L);
        assertThat(Units.bandwidth("1.5 Mbps")).isEqualTo(1_500_000L);
    }

    @Test
    void aBandwidthNeedsAUnitAndAPositiveValue() {
        assertThat(Units.bandwidth("100")).isEqualTo(-1);
        assertThat(Units.bandwidth("0Mbps")).isEqualTo(-1);
        assertThat(Units.bandwidth("10MBps")).isEqualTo(-1);
        assertThat(Units.bandwidth("-1Mbps")).isEqualTo(-1);
    }

    @Test
    void durationsAreNanoseconds() {
        assertThat(Units.duration("10us")).isEqualTo(10_000L);
        assertThat(Units.duration("1ms")).isEqualTo(1_000_000L);
        assertThat(Units.duration("20ms")).isEqualTo(20_000_000L);
        assertThat(Units.duration("1.5s")).isEqualTo(1_500_000_000L);
        assertThat(Units.duration("250ns")).isEqualTo(250L);
        assertThat(Units.duration("0s")).isEqualTo(0L);
    }

    @Test
    void aDurationNeedsAUnit() {
        assertThat(Units.duration("20")).isEqualTo(-1);
        assertThat(Units.duration("1m")).isEqualTo(-1);
        assertThat(Units.duration("soon")).isEqualTo(-1);
        assertThat(Units.duration("")).isEqualTo(-1);
    }
}
