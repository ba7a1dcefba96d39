package dev.packetlab.bench.micro;

import dev.packetlab.stack.link.LinkParameters;
import dev.packetlab.stack.link.Network;
import dev.packetlab.stack.link.Switch;
import dev.packetlab.stack.net.Host;
import dev.packetlab.stack.sim.Simulation;
import dev.packetlab.stack.udp.Udp;
import dev.packetlab.stack.udp.UdpEndpoint;
import dev.packetlab.stack.wire.Ipv4Address;
import dev.packetlab.stack.wire.Ipv4Prefix;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One UDP echo round trip between two hosts on one switch, the whole stack at both ends: host a (10.0.0.1) sends a
 * 56-byte datagram to host b's echo endpoint (10.0.0.2, port 7), which sends it back; the operation ends when a's
 * endpoint has the reply and the switch's transmission of it has ended, the same instant. ARP is resolved before the
 * first measured round trip.
 *
 * <p>{@link Events} reports the simulation events run, so JMH prints the time per event next to the time per round
 * trip; {@link #checkEveryRoundTripCostTheSame} fails the run if a round trip took another number of events than the
 * one timed in setup (an ARP entry or a switch entry ageing out mid-run would add some). Cables are 1 Gbit/s with no propagation delay,
 * the ARP cache keeps entries for its maximum of one day and the switch for 1,000,000 s, so neither ages out: the
 * simulated clock moves about 3 µs per round trip (four 98-byte frames).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class UdpEchoBenchmark {
    static final LinkParameters CABLE = new LinkParameters(1_000_000_000L, 0, 0, 0.0, 1500, 100);
    static final Ipv4Address SERVER = Ipv4Address.of(10, 0, 0, 2);
    static final int ECHO_PORT = 7;
    static final int SIZE = 56;

    /** Simulation events run, per round trip in the smoke test and normalised to time by JMH (ns per event). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Events {
        public long events;

        @Setup(Level.Iteration)
        public void reset() {
            events = 0;
        }
    }

    Simulation simulation;
    UdpEndpoint client;
    byte[] request;
    /** Events the warm-up round trip in {@link #resolveArp} took: what every measured one must take. */
    long eventsPerRoundTrip;
    private long replies;
    private long expected;
    private final BooleanSupplier awaitingReply = () -> replies < expected;
    private long roundTripsBefore;
    private long eventsBefore;

    @Setup
    public void resolveArp() {
        simulation = new Simulation(1);
        Network network = new Network(simulation);
        Switch bridge = new Switch(network, "sw1");
        bridge.sysctl().set("net.bridge.ageing_time", "1000000");
        Host a = host(network, "a", "10.0.0.1/24");
        Host b = host(network, "b", "10.0.0.2/24");
        network.connect("a", a.device("eth0"), bridge.addPort(), CABLE);
        network.connect("b", b.device("eth0"), bridge.addPort(), CABLE);
        UdpEndpoint[] echo = new UdpEndpoint[1];
        echo[0] = Udp.of(b).open(ECHO_PORT, (source, port, data) -> {
            echo[0].send(source, port, data);
            return true;
        });
        client = Udp.of(a).open(0, (source, port, data) -> {
            replies++;
            return true;
        });
        request = new byte[SIZE];
        // the first round trip resolves ARP both ways (b learns a from a's request); the second is a measured one
        roundTrip();
        long before = simulation.eventsExecuted();
        roundTrip();
        eventsPerRoundTrip = simulation.eventsExecuted() - before;
        if (replies != 2) throw new IllegalStateException("the echo did not come back: " + replies + " replies to 2");
    }

    private static Host host(Network network, String name, String address) {
        Host h = new Host(network, name, false);
        Udp.install(h);
        h.addDevice("eth0");
        h.setAddress("eth0", Ipv4Prefix.parse(address));
        h.sysctl().set("net.ipv4.neigh.gc_stale_time", "86400");
        return h;
    }

    @Setup(Level.Iteration)
    public void countFromHere() {
        roundTripsBefore = replies;
        eventsBefore = simulation.eventsExecuted();
    }

    /** Returns how many replies a has received. */
    @Benchmark
    public long roundTrip(Events counter) {
        long before = simulation.eventsExecuted();
        roundTrip();
        counter.events += simulation.eventsExecuted() - before;
        return replies;
    }

    private void roundTrip() {
        expected++;
        client.send(SERVER, ECHO_PORT, request);
        simulation.runWhile(awaitingReply, Long.MAX_VALUE);
        simulation.runUntil(simulation.now()); // the switch's transmission ends the instant a has the reply
    }

    /** Fails the run if a round trip lost its reply or took more events than the first measured one. */
    @TearDown(Level.Iteration)
    public void checkEveryRoundTripCostTheSame() {
        long roundTrips = replies - roundTripsBefore;
        long events = simulation.eventsExecuted() - eventsBefore;
        if (replies != expected || events != eventsPerRoundTrip * roundTrips) {
            throw new IllegalStateException(roundTrips + " round trips took " + events + " events, expected "
                    + eventsPerRoundTrip + " each; " + replies + " replies to " + expected + " requests");
        }
    }
}
