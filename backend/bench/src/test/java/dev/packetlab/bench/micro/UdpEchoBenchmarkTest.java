package dev.packetlab.bench.micro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

/** The echo benchmark gets its reply back, in the same eight events every time. */
class UdpEchoBenchmarkTest {
    private final UdpEchoBenchmark bench = new UdpEchoBenchmark();
    private final UdpEchoBenchmark.Events counter = new UdpEchoBenchmark.Events();

    UdpEchoBenchmarkTest() {
        bench.resolveArp();
        bench.countFromHere();
    }

    @Test
    void eachRoundTripBringsTheReplyBackInEightEvents() {
        // request and reply: each leaves a NIC (transmission ends), reaches the switch, leaves it, reaches the host
        assertThat(bench.eventsPerRoundTrip).isEqualTo(8);
        assertThat(bench.roundTrip(counter)).isEqualTo(3); // two round trips in setup, then this one
        assertThat(counter.events).isEqualTo(8);
    }

    @Test
    void theGuardAcceptsAnIterationOfRoundTrips() {
        for (int i = 0; i < 100; i++) bench.roundTrip(counter);
        assertThat(counter.events).isEqualTo(800);
        assertThatCode(bench::checkEveryRoundTripCostTheSame).doesNotThrowAnyException();
    }
}
