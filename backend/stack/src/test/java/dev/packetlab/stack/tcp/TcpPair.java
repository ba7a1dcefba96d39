package dev.packetlab.stack.tcp;

import dev.packetlab.stack.link.LinkParameters;
import dev.packetlab.stack.link.NetDevice;
import dev.packetlab.stack.link.Network;
import dev.packetlab.stack.link.Node;
import dev.packetlab.stack.net.Host;
import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.socket.Errno;
import dev.packetlab.stack.socket.ReceiveHandler;
import dev.packetlab.stack.socket.SocketAddress;
import dev.packetlab.stack.socket.SocketTable;
import dev.packetlab.stack.testing.Frames;
import dev.packetlab.stack.testing.Segments;
import dev.packetlab.stack.testing.TestNetwork;
import dev.packetlab.stack.trace.DropReason;
import dev.packetlab.stack.trace.TraceEvent;
import dev.packetlab.stack.wire.Ipv4Address;
import dev.packetlab.stack.wire.Ipv4HeaderView;
import dev.packetlab.stack.wire.TcpSegment;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The packetdrill-style bench of the TCP tests: host {@code a} (10.0.0.1) and host {@code b} (10.0.0.2) joined through
 * a test-controlled {@link Wire} that can drop chosen segments, 10 ms apart one way (two 5 ms cables of 1 Tbit/s,
 * so serialization adds only nanoseconds). ARP is resolved before the test begins, and times are reported in
 * microseconds since then, rounded, so that "the SYN+ACK leaves at 10,000 µs" can be asserted exactly.
 */
final class TcpPair implements AutoCloseable {
    static final Ipv4Address A = Ipv4Address.parse("10.0.0.1");
    static final Ipv4Address B = Ipv4Address.parse("10.0.0.2");
    static final LinkParameters CABLE = new LinkParameters(1_000_000_000_000L, SimTime.millis(5), 0, 0.0, 1500, 1000);

    final TestNetwork t;
    final Host a;
    final Host b;
    final Wire wire;
    final SocketTable as;
    final SocketTable bs;
    final long t0;
    private final int eventsBefore;

    TcpPair() {
        this(CABLE);
    }

    TcpPair(LinkParameters cable) {
        t = new TestNetwork().withLinks(cable);
        a = t.host("a", "10.0.0.1/24");
        b = t.host("b", "10.0.0.2/24");
        wire = new Wire(t.net);
        t.connect(a.device("eth0"), wire.device("p0"));
        t.connect(wire.device("p1"), b.device("eth0"));
        as = t.sockets(a);
        bs = t.sockets(b);
        t.run(a, "ping -c 1 10.0.0.2");
        t.sim.runUntil(t.sim.now() + SimTime.seconds(1));
        t0 = t.sim.now();
        eventsBefore = t.events.size();
    }

    /** Microseconds since the test began, rounded. */
    long micros(long time) {
        return Math.round((time - t0) / 1000.0);
    }

    /** Runs the simulation until {@code ms} milliseconds after the test began. */
    void runUntilMillis(long ms) {
        t.sim.runUntil(t0 + SimTime.millis(ms));
    }

    void runUntilIdle() {
        t.sim.runUntilIdle();
    }

    /** The TCP segments a node put on its wire since the test began. */
    List<Segments.Sent> sentBy(String node) {
        return Segments.sentBy(t, node).stream().filter(s -> s.time() >= t0).toList();
    }

    /** The state changes of {@code node}'s sockets since the test began, as "FROM>TO". */
    List<String> states(String node) {
        return t.events.subList(eventsBefore, t.events.size()).stream()
                .filter(e -> e instanceof TraceEvent.SocketStateChanged s && s.node().equals(node))
                .map(e -> ((TraceEvent.SocketStateChanged) e).from() + ">" + ((TraceEvent.SocketStateChanged) e).to())
                .toList();
    }

    /** A stream socket on {@code b} listening on {@code port}. */
    int listen(int port) {
        int fd = bs.socket(SocketTable.Type.STREAM).value();
        check(bs.bind(fd, port));
        check(bs.listen(fd, 16));
        return fd;
    }

    /** Accepts on {@code b}; the accepted descriptor lands in the returned holder (-1 until then). */
    Outcome accept(int listenFd) {
        Outcome o = new Outcome();
        bs.accept(listenFd, r -> o.complete(r, t.sim.now()));
        return o;
    }

    /** A stream socket on {@code a} connecting to b:port; the outcome holds when and how connect ended. */
    Connect connect(int port) {
        int fd = as.socket(SocketTable.Type.STREAM).value();
        Connect c = new Connect(fd);
        as.connect(fd, new SocketAddress(B, port), r -> c.complete(r, t.sim.now()));
        return c;
    }

    /** Reads everything that arrives on {@code fd} of {@code sockets} until end-of-file or an error. */
    Reader readAll(SocketTable sockets, int fd) {
        Reader r = new Reader(sockets, fd);
        r.next();
        return r;
    }

    /** The TCP connection of node {@code host} with local port {@code port} that is not a listener. */
    TcpConnection connection(Host host, int port) {
        return Tcp.of(host).connections().stream()
                .filter(c -> c.localPort() == port && c.state() != TcpState.LISTEN).findFirst().orElseThrow();
    }

    /** Opens a connection a→b on {@code port} and runs until 100 ms, when the handshake is long over. */
    Session open(int port) {
        Outcome accepted = accept(listen(port));
        Connect c = connect(port);
        runUntilMillis(100);
        return new Session(c.fd, accepted.value(), t.sim.now());
    }

    /** An open connection: a's descriptor, b's descriptor, and the time the handshake was over. */
    record Session(int client, int server, long start) {}

    /** The TCP variables {@code node} reported since the test began, one event per change. */
    List<TraceEvent.TcpVariablesChanged> variables(String node) {
        return t.events.subList(eventsBefore, t.events.size()).stream()
                .filter(e -> e instanceof TraceEvent.TcpVariablesChanged v && v.node().equals(node))
                .map(e -> (TraceEvent.TcpVariablesChanged) e)
                .toList();
    }

    /** Sets a sysctl of {@code host}; set it before the socket: a connection reads its RTO bounds when created. */
    static void sysctl(Host host, String name, long value) {
        host.sysctl().set(name, Long.toString(value));
    }

    static void check(Errno e) {
        if (e != null) throw new AssertionError(e.message());
    }

    @Override
    public void close() {
        t.close();
    }

    /** What a continuation returned, and when. */
    static class Outcome {
        SocketTable.Result result;
        long time = -1;

        void complete(SocketTable.Result r, long when) {
            result = r;
            time = when;
        }

        boolean done() { return result != null; }

        int value() { return result.value(); }

        Errno error() { return result.error(); }
    }

    static final class Connect extends Outcome {
        final int fd;

        Connect(int fd) {
            this.fd = fd;
        }
    }

    /** Collects what a socket receives, and how the stream ended. */
    final class Reader implements ReceiveHandler {
        final SocketTable sockets;
        final int fd;
        final ByteArrayOutputStream data = new ByteArrayOutputStream();
        boolean endOfFile;
        Errno error;
        long endTime = -1;

        Reader(SocketTable sockets, int fd) {
            this.sockets = sockets;
            this.fd = fd;
        }

        void next() {
            sockets.receive(fd, 1 << 20, 0, this);
        }

        @Override
        public void received(byte[] bytes, SocketAddress from) {
            if (bytes.length == 0) {
                endOfFile = true;
                endTime = t.sim.now();
                return;
            }
            data.writeBytes(bytes);
            next();
        }

        @Override
        public void failed(Errno e) {
            error = e;
            endTime = t.sim.now();
        }
    }

    /**
     * A two-port wire the test controls: it passes frames on unchanged unless a rule says to drop one, as
     * packetdrill's scripts drop chosen packets.
     */
    static final class Wire extends Node {
        private final List<Rule> rules = new ArrayList<>();

        private record Rule(Predicate<TcpSegment> match, int[] remaining) {}

        Wire(Network network) {
            super(network, "wire");
            addDevice("p0");
            addDevice("p1");
        }

        /** Drops the next {@code count} TCP segments that match. */
        void drop(Predicate<TcpSegment> match, int count) {
            rules.add(new Rule(match, new int[] {count}));
        }

        @Override
        protected boolean promiscuous() { return true; }

        @Override
        protected void receive(NetDevice in, byte[] frame) {
            if (Frames.isTcp(frame)) {
                Ipv4HeaderView ip = Frames.ip(frame);
                TcpSegment s = TcpSegment.decode(frame, ip.payloadOffset(), ip.payloadLength(), ip.source(),
                        ip.destination()).orThrow();
                for (Rule r : rules) {
                    if (r.remaining[0] > 0 && r.match.test(s)) {
                        r.remaining[0]--;
                        trace.frameDropped(name(), in.name(), DropReason.LINK_LOSS, "dropped by the test", frame);
                        return;
                    }
                }
            }
            NetDevice out = in == devices().get(0) ? devices().get(1) : devices().get(0);
            out.send(frame);
        }
    }
}
