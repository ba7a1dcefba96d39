package dev.packetlab.bench.micro;

import dev.packetlab.stack.link.LinkParameters;
import dev.packetlab.stack.link.Network;
import dev.packetlab.stack.link.Switch;
import dev.packetlab.stack.net.Host;
import dev.packetlab.stack.sim.Simulation;
import dev.packetlab.stack.socket.Errno;
import dev.packetlab.stack.socket.ReceiveHandler;
import dev.packetlab.stack.socket.SocketAddress;
import dev.packetlab.stack.socket.SocketTable;
import dev.packetlab.stack.tcp.Tcp;
import dev.packetlab.stack.wire.Ipv4Address;
import dev.packetlab.stack.wire.Ipv4Prefix;
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
 * One small segment echoed over an established TCP connection, the whole stack at both ends, as
 * {@link UdpEchoBenchmark} does for UDP on the same switch: a program on host a writes 56 bytes to its socket, a
 * program on host b reads them and writes them back, and the operation ends when a has read the echo. Both ends run
 * TCP as W1–W3 do (timestamps on every segment, TCP_NODELAY), so each round trip is two data segments, each
 * carrying the ACK of the one before it: b's echo acknowledges a's segment, and a's next segment the echo, which
 * cancels the delayed-ACK timer the echo had started. The socket calls, the timers set and cancelled, the segment
 * built, checksummed and parsed twice are all inside the time measured; the connection and ARP are set up before.
 *
 * <p>{@link UdpEchoBenchmark.Events} reports the simulation events run, so JMH prints the time per event next to the
 * time per round trip; {@link #checkEveryRoundTripCostTheSame} fails the run if a round trip took another number of
 * events than the one timed in setup, or if an echo did not come back whole. Nothing ages out or fires during a
 * run: the cables are 1 Gbit/s with no propagation delay, so a round trip moves the clock about 3 µs, while the
 * delayed-ACK timer is always cancelled before its 200 ms, the retransmission timer before its 1 s, and the ARP and
 * switch entries last a day and 1,000,000 s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TcpRoundTripBenchmark {
    static final Ipv4Address SERVER = Ipv4Address.of(10, 0, 0, 2);
    static final int PORT = 7;
    static final int SIZE = 56;

    Simulation simulation;
    SocketTable aSockets;
    int clientFd = -1;
    byte[] request;
    /** Events the round trip timed in {@link #connect} took: what every measured one must take. */
    long eventsPerRoundTrip;
    /** Bytes of echo a has read, and how many it should have read by now. */
    private long echoed;
    private long expected;
    private final BooleanSupplier awaitingEcho = () -> echoed < expected;
    private final ReceiveHandler clientReader = new ReceiveHandler() {
        @Override
        public void received(byte[] data, SocketAddress from) {
            echoed += data.length;
            if (data.length > 0) aSockets.receive(clientFd, 1 << 16, 0, this);
        }

        @Override
        public void failed(Errno error) {
            throw new IllegalStateException("a's read failed: " + error.message());
        }
    };
    private long echoedBefore;
    private long eventsBefore;

    @Setup
    public void connect() {
        simulation = new Simulation(1);
        Network network = new Network(simulation);
        Switch bridge = new Switch(network, "sw1");
        bridge.sysctl().set("net.bridge.ageing_time", "1000000");
        Host a = host(network, "a", "10.0.0.1/24");
        Host b = host(network, "b", "10.0.0.2/24");
        network.connect("a", a.device("eth0"), bridge.addPort(), UdpEchoBenchmark.CABLE);
        network.connect("b", b.device("eth0"), bridge.addPort(), UdpEchoBenchmark.CABLE);
        aSockets = SocketTable.install(a);
        SocketTable bSockets = SocketTable.install(b);
        int listener = bSockets.socket(SocketTable.Type.STREAM).value();
        check(bSockets.bind(listener, PORT));
        check(bSockets.listen(listener, 1));
        bSockets.accept(listener, r -> echo(bSockets, r.value()));
        clientFd = aSockets.socket(SocketTable.Type.STREAM).value();
        aSockets.connect(clientFd, new SocketAddress(SERVER, PORT), r -> {
            if (!r.succeeded()) throw new IllegalStateException("connect failed: " + r.error().message());
            aSockets.receive(clientFd, 1 << 16, 0, clientReader);
        });
        simulation.runWhile(() -> true, simulation.now() + 10_000_000L); // ARP both ways and the handshake: 10 ms is ample
        request = new byte[SIZE];
        // the first round trip is the first data either way; the second is what every measured one is
        roundTrip();
        long before = simulation.eventsExecuted();
        roundTrip();
        eventsPerRoundTrip = simulation.eventsExecuted() - before;
        if (echoed != 2 * SIZE) throw new IllegalStateException("the echo did not come back: " + echoed + " bytes");
    }

    /** b's program: reads what arrives and writes it straight back. */
    private static void echo(SocketTable b, int fd) {
        b.receive(fd, 1 << 16, 0, new ReceiveHandler() {
            @Override
            public void received(byte[] data, SocketAddress from) {
                if (data.length == 0) return;
                SocketTable.Result sent = b.send(fd, data);
                if (sent.value() != data.length) throw new IllegalStateException("b's echo was cut short: " + sent);
                b.receive(fd, 1 << 16, 0, this);
            }

            @Override
            public void failed(Errno error) {
                throw new IllegalStateException("b's read failed: " + error.message());
            }
        });
    }

    private static Host host(Network network, String name, String address) {
        Host h = new Host(network, name, false);
        Tcp.install(h);
        h.addDevice("eth0");
        h.setAddress("eth0", Ipv4Prefix.parse(address));
        h.sysctl().set("net.ipv4.neigh.gc_stale_time", "86400");
        h.sysctl().set("net.ipv4.tcp_timestamps", "1");
        h.sysctl().set("net.ipv4.tcp_nodelay", "1");
        return h;
    }

    private static void check(Errno e) {
        if (e != null) throw new IllegalStateException(e.message());
    }

    @Setup(Level.Iteration)
    public void countFromHere() {
        echoedBefore = echoed;
        eventsBefore = simulation.eventsExecuted();
    }

    /** Returns how many bytes of echo a has read so far. */
    @Benchmark
    public long roundTrip(UdpEchoBenchmark.Events counter) {
        long before = simulation.eventsExecuted();
        roundTrip();
        counter.events += simulation.eventsExecuted() - before;
        return echoed;
    }

    private void roundTrip() {
        expected += SIZE;
        SocketTable.Result sent = aSockets.send(clientFd, request);
        if (sent.value() != SIZE) throw new IllegalStateException("a's write was cut short: " + sent);
        simulation.runWhile(awaitingEcho, Long.MAX_VALUE);
        simulation.runUntil(simulation.now()); // the switch's transmission ends the instant a has the echo
    }

    /** Fails the run if an echo went missing or a round trip took more events than the one timed in setup. */
    @TearDown(Level.Iteration)
    public void checkEveryRoundTripCostTheSame() {
        long roundTrips = (echoed - echoedBefore) / SIZE;
        long events = simulation.eventsExecuted() - eventsBefore;
        if (echoed != expected || events != eventsPerRoundTrip * roundTrips) {
            throw new IllegalStateException(roundTrips + " round trips took " + events + " events, expected "
                    + eventsPerRoundTrip + " each; " + echoed + " bytes echoed of " + expected);
        }
    }
}
