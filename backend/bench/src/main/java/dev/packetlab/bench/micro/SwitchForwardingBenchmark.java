package dev.packetlab.bench.micro;

import dev.packetlab.stack.link.LinkParameters;
import dev.packetlab.stack.link.Network;
import dev.packetlab.stack.link.Switch;
import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.sim.Simulation;
import dev.packetlab.stack.trace.Trace;
import dev.packetlab.stack.wire.EthernetFrame;
import dev.packetlab.stack.wire.Payload;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
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
 * One learned unicast frame through a switch: station a's NIC sends a 1514-byte frame to station b, the switch looks
 * b up and sends it out of b's port only, b's NIC accepts it. An operation is that whole path, four events: a's
 * transmission ends, the frame reaches the switch, the switch's transmission ends, the frame reaches b.
 *
 * <p>The switch has a third port, to station c, so that a flood would show: {@link #checkNothingWasFlooded} fails the
 * run if any frame went anywhere but to b. Cables are 1 Gbit/s with no propagation delay and the ageing time is at its
 * maximum (1,000,000 s), so that the simulated clock (24 µs per frame) never reaches the point where b's entry ages
 * out, however long JMH runs.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SwitchForwardingBenchmark {
    static final LinkParameters CABLE = new LinkParameters(1_000_000_000L, 0, 0, 0.0, 1500, 100);
    /** Events per forwarded frame: two transmissions and two arrivals. */
    static final int EVENTS_PER_FRAME = 4;

    Simulation simulation;
    Network network;
    Switch bridge;
    Station a;
    Station b;
    Station c;
    byte[] frame;
    private long delivered;
    private final BooleanSupplier inFlight = () -> b.received() < delivered;
    private long eventsBefore;
    private long framesBefore;
    private long receivedBefore;

    @Setup
    public void learnBothStations() {
        simulation = new Simulation(1);
        network = new Network(simulation);
        bridge = new Switch(network, "sw1");
        bridge.sysctl().set("net.bridge.ageing_time", "1000000");
        a = new Station(network, "a");
        b = new Station(network, "b");
        c = new Station(network, "c");
        for (Station s : new Station[] {a, b, c}) network.connect(s.name(), s.nic(), bridge.addPort(), CABLE);
        // b and a each send once, so the switch has learned both ports before the first measured frame
        b.nic().send(new EthernetFrame(a.nic().mac(), b.nic().mac(), EthernetFrame.TYPE_IPV4, Payload.EMPTY).toBytes());
        a.nic().send(new EthernetFrame(b.nic().mac(), a.nic().mac(), EthernetFrame.TYPE_IPV4, Payload.EMPTY).toBytes());
        simulation.runUntil(simulation.now() + SimTime.millis(1));
        delivered = b.received();
        frame = new EthernetFrame(b.nic().mac(), a.nic().mac(), EthernetFrame.TYPE_IPV4,
                Payload.of(new byte[1500])).toBytes();
    }

    @Setup(Level.Iteration)
    public void countFromHere() {
        eventsBefore = simulation.eventsExecuted();
        framesBefore = network.trace().count(Trace.Kind.FRAME_SENT);
        receivedBefore = b.received();
    }

    /** Returns how many frames b has received. */
    @Benchmark
    public long forward() {
        delivered++;
        a.nic().send(frame);
        simulation.runWhile(inFlight, Long.MAX_VALUE);
        simulation.runUntil(simulation.now()); // the switch's transmission ends the instant b has the frame
        return b.received();
    }

    /** Fails the run if the switch did anything but forward each frame to b alone. */
    @TearDown(Level.Iteration)
    public void checkNothingWasFlooded() {
        long frames = b.received() - receivedBefore;
        long events = simulation.eventsExecuted() - eventsBefore;
        long sent = network.trace().count(Trace.Kind.FRAME_SENT) - framesBefore;
        if (events != EVENTS_PER_FRAME * frames || sent != 2 * frames) {
            throw new IllegalStateException(frames + " frames forwarded with " + events + " events and " + sent
                    + " transmissions; expected " + EVENTS_PER_FRAME + " and 2 per frame");
        }
    }
}
