package dev.packetlab.stack.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SimTimeTest {
    @Test
    void durationsParseInEveryUnit() {
        assertThat(SimTime.parseDuration("2s")).isEqualTo(2_000_000_000L);
        assertThat(SimTime.parseDuration("150ms")).isEqualTo(150_000_000L);
        assertThat(SimTime.parseDuration("10us")).isEqualTo(10_000L);
        assertThat(SimTime.parseDuration("500ns")).isEqualTo(500L);
        assertThat(SimTime.parseDuration("1.5s")).isEqualTo(1_500_000_000L);
        assertThat(SimTime.parseDuration("2m")).isEqualTo(120_000_000_000L);
        assertThat(SimTime.parseDuration("3")).isEqualTo(3_000_000_000L);
    }

    @Test
    void aBadDurationNamesTheTextAndTheUnits() {
        assertThatThrownBy(() -> SimTime.parseDuration("2 fortnights"))
                .hasMessage("not a duration: \"2 fortnights\" (unknown unit \"fortnights\"; use ns, us, ms, s, m or h)");
        assertThatThrownBy(() -> SimTime.parseDuration("ms")).hasMessageStartingWith("not a duration: \"ms\"");
    }

    @Test
    void millisecondsPrintWithThreeDecimalsAsPingDoes() {
        assertThat(SimTime.formatMillis(4_242_400)).isEqualTo("4.242");
        assertThat(SimTime.formatMillis(30_000)).isEqualTo("0.030");
    }
}
