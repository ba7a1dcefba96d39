package dev.packetlab.stack.tcp;

import dev.packetlab.stack.net.Host;
import dev.packetlab.stack.net.IpProtocolHandler;
import dev.packetlab.stack.net.Ipv4Interface;
import dev.packetlab.stack.net.SendResult;
import dev.packetlab.stack.sim.SimRandom;
import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.sim.Simulation;
import dev.packetlab.stack.trace.DropReason;
import dev.packetlab.stack.trace.Trace;
import dev.packetlab.stack.wire.IcmpMessage;
import dev.packetlab.stack.wire.Ipv4Address;
import dev.packetlab.stack.wire.Ipv4HeaderView;
import dev.packetlab.stack.wire.Malformed;
import dev.packetlab.stack.wire.Payload;
import dev.packetlab.stack.wire.TcpHeaderView;
import dev.packetlab.stack.wire.TcpOptions;
import dev.packetlab.stack.wire.TcpSegment;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * TCP for one node: the connections, found by their four-tuple in one hash lookup (so that demultiplexing costs the
 * same after a million connections as after one), the listeners by port, the ports in use, the ISN generator and
 * the tunables. A segment for which no connection exists is answered with RST (RFC 9293 3.10.7.1).
 */
public final class Tcp implements IpProtocolHandler {
    static final int EPHEMERAL_LOW = 32768;
    static final int EPHEMERAL_HIGH = 60999;

    /** A connection's four-tuple. */
    record Key(int localAddress, int localPort, int remoteAddress, int remotePort) {}

    final Host host;
    final Simulation simulation;
    final Trace trace;
    final TcpSettings settings;
    final IsnGenerator isn;
    private final SimRandom ephemeral;
    private final Map<Key, TcpConnection> connections = new HashMap<>();
    private final Map<Integer, TcpConnection> listeners = new HashMap<>();
    /** Every connection holding a local port, whatever its state: what bind() checks. */
    private final Map<Integer, List<TcpConnection>> ports = new HashMap<>();
    private int nextSocketId = 1;

    private Tcp(Host host) {
        this.host = host;
        this.simulation = host.network().simulation();
        this.trace = host.network().trace();
        this.settings = new TcpSettings(host.sysctl());
        this.isn = new IsnGenerator(simulation.random(host.name() + "/tcp-isn"));
        this.ephemeral = simulation.random(host.name() + "/tcp-port");
    }

    /** Gives {@code host} a TCP layer. */
    public static Tcp install(Host host) {
        Tcp tcp = new Tcp(host);
        host.register(TcpHeaderView.PROTOCOL, tcp);
        return tcp;
    }

    /** The TCP layer of {@code host}, or null if it has none. */
    public static Tcp of(Host host) {
        return host.protocolHandler(TcpHeaderView.PROTOCOL) instanceof Tcp tcp ? tcp : null;
    }

    public Host host() { return host; }

    /** A new connection in state CLOSED: what {@code socket(AF_INET, SOCK_STREAM, 0)} creates. */
    public TcpConnection newConnection() {
        return new TcpConnection(this, nextSocketId++);
    }

    /** Every connection and listener of this node that holds a port, ordered by socket number (for netstat). */
    public List<TcpConnection> connections() {
        List<TcpConnection> all = new ArrayList<>();
        for (List<TcpConnection> l : ports.values()) all.addAll(l);
        all.sort((a, b) -> Integer.compare(a.id(), b.id()));
        return all;
    }

    // ---- ports ---------------------------------------------------------------------------------------------

    /**
     * Whether {@code c} may take {@code port}. As on Linux: without SO_REUSEADDR any other socket on the port is a
     * conflict (a TIME_WAIT one included: the "server won't restart" effect); with it, only a listener or another
     * socket bound without a connection is.
     */
    boolean portAvailable(int port, TcpConnection c) {
        List<TcpConnection> holders = ports.get(port);
        if (holders == null) return true;
        for (TcpConnection h : holders) {
            if (h == c) continue;
            if (h.state() == TcpState.LISTEN) return false;
            if (h.state() == TcpState.CLOSED) {
                if (!(c.reuseAddress() && h.reuseAddress())) return false; // two bare binds need it on both
            } else if (!c.reuseAddress()) {
                return false;
            }
        }
        return true;
    }

    /** A free port of the ephemeral range, in a seeded order, or -1 when every one is held. */
    int ephemeralPort(TcpConnection c) {
        int span = EPHEMERAL_HIGH - EPHEMERAL_LOW + 1;
        int start = ephemeral.nextInt(span);
        for (int i = 0; i < span; i++) {
            int p = EPHEMERAL_LOW + (start + i) % span;
            if (!ports.containsKey(p)) return p;
        }
        return -1;
    }

    void holdPort(TcpConnection c) {
        ports.computeIfAbsent(c.localPort(), k -> new ArrayList<>(1)).add(c);
    }

    void listen(TcpConnection c) {
        listeners.put(c.localPort(), c);
    }

    void connected(TcpConnection c) {
        connections.put(c.key(), c);
    }

    /** Forgets a connection that reached CLOSED: its four-tuple, its listener entry and its port. */
    void forget(TcpConnection c) {
        if (c.key() != null) connections.remove(c.key(), c);
        listeners.remove(c.localPort(), c);
        List<TcpConnection> holders = ports.get(c.localPort());
        if (holders != null) {
            holders.remove(c);
            if (holders.isEmpty()) ports.remove(c.localPort());
        }
    }

    // ---- receiving -----------------------------------------------------------------------------------------

    @Override
    public void receive(Ipv4Interface in, byte[] packet, int offset) {
        Ipv4HeaderView ip = Ipv4HeaderView.wrap(packet, offset, packet.length - offset);
        TcpHeaderView tcp = TcpHeaderView.wrap(packet, ip.payloadOffset(), ip.payloadLength());
        Malformed problem = tcp.check(ip.source(), ip.destination());
        if (problem != null) {
            host.drop(in, packet, offset, problem.badChecksum() ? DropReason.BAD_CHECKSUM : DropReason.MALFORMED,
                    problem.reason());
            return;
        }
        TcpOptions options = tcp.optionsLength() == 0 ? TcpOptions.NONE : TcpOptions.parse(tcp).valueOrNull();
        if (options == null) {
            host.drop(in, packet, offset, DropReason.MALFORMED, "malformed TCP options");
            return;
        }
        Key key = new Key(ip.destination().value(), tcp.destinationPort(), ip.source().value(), tcp.sourcePort());
        TcpConnection c = connections.get(key);
        if (c == null) c = listeners.get(tcp.destinationPort());
        Incoming seg = new Incoming(ip.source(), ip.destination(), tcp, options, packet, offset, in);
        if (c == null) {
            if (!tcp.rst()) {
                host.drop(in, packet, offset, DropReason.PORT_UNREACHABLE,
                        "no socket on TCP port " + tcp.destinationPort() + ": answered with RST");
            } else {
                host.drop(in, packet, offset, DropReason.PORT_UNREACHABLE,
                        "RST for TCP port " + tcp.destinationPort() + ", where no connection exists");
            }
            sendResetFor(seg);
            return;
        }
        c.segmentArrived(seg);
    }

    /**
     * RFC 9293 3.10.7.1: the reply to a segment no connection wants. An RST is never answered; to a segment with
     * an ACK the RST takes its sequence number from that ACK; otherwise it acknowledges the segment.
     */
    void sendResetFor(Incoming seg) {
        TcpHeaderView h = seg.header();
        if (h.rst()) return;
        TcpSegment rst;
        if (h.ack()) {
            rst = new TcpSegment(h.destinationPort(), h.sourcePort(), h.acknowledgmentNumber(), 0,
                    TcpHeaderView.FLAG_RST, 0, 0, TcpOptions.NONE, Payload.EMPTY);
        } else {
            rst = new TcpSegment(h.destinationPort(), h.sourcePort(), 0, Seq.add(h.sequenceNumber(), seg.sequenceLength()),
                    TcpHeaderView.FLAG_RST | TcpHeaderView.FLAG_ACK, 0, 0, TcpOptions.NONE, Payload.EMPTY);
        }
        transmit(seg.destination(), seg.source(), rst);
    }

    /** Puts a segment on the wire from {@code source}; DF is set, as Linux does for path MTU discovery. */
    SendResult transmit(Ipv4Address source, Ipv4Address destination, TcpSegment segment) {
        byte[] bytes = segment.toBytes(source, destination);
        return host.send(destination, TcpHeaderView.PROTOCOL, bytes, host.defaultTtl(), true);
    }

    /** As {@link #transmit(Ipv4Address, Ipv4Address, TcpSegment)}, the data copied straight from the sender's buffer. */
    SendResult transmit(Ipv4Address source, Ipv4Address destination, TcpSegment segment, int dataLength,
                        TcpSegment.DataSource data) {
        byte[] bytes = segment.toBytes(source, destination, dataLength, data);
        return host.send(destination, TcpHeaderView.PROTOCOL, bytes, host.defaultTtl(), true);
    }

    @Override
    public void icmpError(Ipv4Address from, int type, int code, int nextHopMtu, byte[] quoted, int offset, int length) {
        Ipv4HeaderView ip = Ipv4HeaderView.wrap(quoted, offset, length);
        if (length < ip.headerLength() + 8) return; // RFC 792: at least 8 bytes of the segment are quoted
        int at = offset + ip.headerLength();
        int sourcePort = ((quoted[at] & 0xff) << 8) | (quoted[at + 1] & 0xff);
        int destinationPort = ((quoted[at + 2] & 0xff) << 8) | (quoted[at + 3] & 0xff);
        TcpConnection c = connections.get(new Key(ip.source().value(), sourcePort, ip.destination().value(), destinationPort));
        if (c == null || type != IcmpMessage.DESTINATION_UNREACHABLE) return;
        if (code == IcmpMessage.FRAGMENTATION_NEEDED) c.pathMtuShrank();
        else c.unreachable(code);
    }

    long now() { return simulation.now(); }

    static String millis(long nanos) { return SimTime.formatMillis(nanos); }

    /** A received segment: its header view over the packet and the addresses it travelled between. */
    record Incoming(Ipv4Address source, Ipv4Address destination, TcpHeaderView header, TcpOptions options,
                    byte[] packet, int packetOffset, Ipv4Interface in) {
        long sequenceLength() {
            return header.payloadLength() + (header.syn() ? 1 : 0) + (header.fin() ? 1 : 0);
        }
    }

    Collection<TcpConnection> listeners() { return listeners.values(); }
}
