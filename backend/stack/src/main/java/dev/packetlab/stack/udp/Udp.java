package dev.packetlab.stack.udp;

import dev.packetlab.stack.wire.IcmpMessage;
import dev.packetlab.stack.link.Sysctl;
import dev.packetlab.stack.net.Host;
import dev.packetlab.stack.net.IpProtocolHandler;
import dev.packetlab.stack.net.Ipv4Interface;
import dev.packetlab.stack.net.SendResult;
import dev.packetlab.stack.sim.SimRandom;
import dev.packetlab.stack.trace.DropReason;
import dev.packetlab.stack.wire.Ipv4Address;
import dev.packetlab.stack.wire.Ipv4HeaderView;
import dev.packetlab.stack.wire.Malformed;
import dev.packetlab.stack.wire.UdpHeaderView;
import java.util.HashMap;
import java.util.Map;

/**
 * UDP for one node (RFC 768): demultiplexes datagrams to endpoints by destination port, answers a datagram to a port
 * nobody listens on with ICMP port unreachable (RFC 1122 4.1.3.1), and reports such errors back to the endpoint that
 * sent the datagram. Ephemeral ports come from {@code net.ipv4.ip_local_port_range}, in a seeded order.
 */
public final class Udp implements IpProtocolHandler {
    private static final int EPHEMERAL_LOW = 32768;
    private static final int EPHEMERAL_HIGH = 60999;

    private final Host host;
    private final Map<Integer, UdpEndpoint> endpoints = new HashMap<>();
    private final SimRandom ephemeral;
    private final Sysctl.Tunable ttl;

    private Udp(Host host) {
        this.host = host;
        this.ephemeral = host.network().simulation().random(host.name() + "/udp-port");
        this.ttl = host.sysctl().get("net.ipv4.ip_default_ttl");
    }

    /** Gives {@code host} a UDP layer. */
    public static Udp install(Host host) {
        Udp udp = new Udp(host);
        host.register(UdpHeaderView.PROTOCOL, udp);
        return udp;
    }

    /** The UDP layer of {@code host}, or null if it has none. */
    public static Udp of(Host host) {
        return host.protocolHandler(UdpHeaderView.PROTOCOL) instanceof Udp udp ? udp : null;
    }

    /**
     * Opens an endpoint on {@code port}, or on a free ephemeral port when {@code port} is 0.
     *
     * @return the endpoint, or null when the port is taken (EADDRINUSE)
     */
    public UdpEndpoint open(int port, UdpListener listener) {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port " + port + " is outside 0..65535");
        if (port == 0) port = freeEphemeralPort();
        if (port < 0 || endpoints.containsKey(port)) return null;
        UdpEndpoint e = new UdpEndpoint(this, port, listener);
        endpoints.put(port, e);
        return e;
    }

    /** A random free port of the ephemeral range, or -1 when all are taken. */
    private int freeEphemeralPort() {
        int span = EPHEMERAL_HIGH - EPHEMERAL_LOW + 1;
        int start = ephemeral.nextInt(span);
        for (int i = 0; i < span; i++) {
            int p = EPHEMERAL_LOW + (start + i) % span;
            if (!endpoints.containsKey(p)) return p;
        }
        return -1;
    }

    void release(UdpEndpoint e) {
        endpoints.remove(e.port(), e);
    }

    int defaultTtl() {
        return (int) ttl.value();
    }

    SendResult send(int sourcePort, Ipv4Address destination, int destinationPort, byte[] data, int ttl) {
        Ipv4Address source = host.isLocal(destination) ? destination : host.sourceAddressFor(destination);
        if (source == null) source = Ipv4Address.ANY; // no route: IPv4 refuses it below and traces the drop
        byte[] datagram = new byte[UdpHeaderView.HEADER_LENGTH + data.length];
        System.arraycopy(data, 0, datagram, UdpHeaderView.HEADER_LENGTH, data.length);
        UdpHeaderView.wrap(datagram, 0, datagram.length).writeHeader(sourcePort, destinationPort, data.length, source, destination);
        return host.send(destination, UdpHeaderView.PROTOCOL, datagram, ttl, false);
    }

    @Override
    public void receive(Ipv4Interface in, byte[] packet, int offset) {
        Ipv4HeaderView ip = Ipv4HeaderView.wrap(packet, offset, packet.length - offset);
        UdpHeaderView udp = UdpHeaderView.wrap(packet, ip.payloadOffset(), ip.payloadLength());
        Malformed problem = udp.check(ip.source(), ip.destination());
        if (problem != null) {
            host.drop(in, packet, offset, problem.badChecksum() ? DropReason.BAD_CHECKSUM : DropReason.MALFORMED,
                    problem.reason());
            return;
        }
        UdpEndpoint e = endpoints.get(udp.destinationPort());
        if (e == null || !e.accepts(ip.source(), udp.sourcePort())) {
            host.drop(in, packet, offset, DropReason.PORT_UNREACHABLE, "no socket on UDP port " + udp.destinationPort());
            host.sendDestinationUnreachable(IcmpMessage.PORT_UNREACHABLE, packet, offset);
            return;
        }
        int dataAt = ip.payloadOffset() + UdpHeaderView.HEADER_LENGTH;
        byte[] data = java.util.Arrays.copyOfRange(packet, dataAt, dataAt + udp.length() - UdpHeaderView.HEADER_LENGTH);
        if (!e.listener.datagram(ip.source(), udp.sourcePort(), data)) {
            host.drop(in, packet, offset, DropReason.QUEUE_FULL, "receive buffer of UDP port " + e.port() + " is full");
        }
    }

    @Override
    public void icmpError(Ipv4Address from, int type, int code, int nextHopMtu, byte[] quoted, int offset, int length) {
        Ipv4HeaderView ip = Ipv4HeaderView.wrap(quoted, offset, length);
        UdpHeaderView udp = UdpHeaderView.wrap(quoted, offset + ip.headerLength(), UdpHeaderView.HEADER_LENGTH);
        UdpEndpoint e = endpoints.get(udp.sourcePort());
        if (e != null) e.listener.error(from, type, code, ip.destination(), udp.destinationPort());
    }
}
