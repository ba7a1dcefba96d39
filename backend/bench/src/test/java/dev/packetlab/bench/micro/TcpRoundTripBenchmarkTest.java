package dev.packetlab.bench.micro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

/** The TCP echo benchmark gets its 56 bytes back over the established connection, in the same eight events every time. */
class TcpRoundTripBenchmarkTest {
    private final TcpRoundTripBenchmark bench = new TcpRoundTripBenchmark();
    private final UdpEchoBenchmark.Events counter = new UdpEchoBenchmark.Events();

    TcpRoundTripBenchmarkTest() {
        bench.connect();
        bench.countFromHere();
    }

    @Test
    void eachRoundTripBringsTheEchoBackInEightEvents() {
        // a's segment and b's echo: each leaves a NIC (transmission ends), reaches the switch, leaves it, reaches
        // the host; no timer fires, as each segment's ACK rides on the next one the other way
        assertThat(bench.eventsPerRoundTrip).isEqualTo(8);
        assertThat(bench.roundTrip(counter)).isEqualTo(3 * 56); // two round trips in setup, then this one
        assertThat(counter.events).isEqualTo(8);
    }

    @Test
    void theGuardAcceptsAnIterationOfRoundTrips() {
        for (int i = 0; i < 100; i++) bench.roundTrip(counter);
        assertThat(counter.events).isEqualTo(800);
        assertThatCode(bench::checkEveryRoundTripCostTheSame).doesNotThrowAnyException();
    }
}
