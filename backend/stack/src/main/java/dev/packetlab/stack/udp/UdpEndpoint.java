package dev.packetlab.stack.udp;

import dev.packetlab.stack.net.SendResult;
import dev.packetlab.stack.wire.Ipv4Address;

/**
 * One UDP port on a node: datagrams to the port reach its listener; what it sends leaves from it. Connecting fixes
 * the peer (datagrams from anyone else are not delivered, and ICMP errors about the peer are reported), as a
 * connected UDP socket does.
 */
public final class UdpEndpoint {
    private final Udp udp;
    private final int port;
    final UdpListener listener;
    private Ipv4Address peer;
    private int peerPort;
    private boolean open = true;

    UdpEndpoint(Udp udp, int port, UdpListener listener) {
        this.udp = udp;
        this.port = port;
        this.listener = listener;
    }

    public int port() { return port; }

    /** The connected peer, or null. */
    public Ipv4Address peer() { return peer; }

    public int peerPort() { return peerPort; }

    public void connect(Ipv4Address address, int port) {
        this.peer = address;
        this.peerPort = port;
    }

    /** Sends one datagram: no handshake, no retransmission (RFC 768). */
    public SendResult send(Ipv4Address destination, int destinationPort, byte[] data) {
        return send(destination, destinationPort, data, udp.defaultTtl());
    }

    /** Sends one datagram with a chosen TTL (traceroute's probes). */
    public SendResult send(Ipv4Address destination, int destinationPort, byte[] data, int ttl) {
        if (!open) throw new IllegalStateException("endpoint on port " + port + " is closed");
        return udp.send(port, destination, destinationPort, data, ttl);
    }

    /** Whether a datagram from this source is for this endpoint (a connected one takes only its peer's). */
    boolean accepts(Ipv4Address source, int sourcePort) {
        return peer == null || (peer.equals(source) && peerPort == sourcePort);
    }

    public void close() {
        if (open) {
            open = false;
            udp.release(this);
        }
    }
}
