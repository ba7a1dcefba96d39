package dev.packetlab.stack.net;

import dev.packetlab.stack.wire.Ipv4Address;

/**
 * An ICMP echo "socket": sends echo requests with one identifier and hears the replies and errors for it. What
 * {@code ping} and {@code traceroute} are built on (Linux's ICMP datagram sockets do the same job).
 */
public final class EchoEndpoint {
    private final Host host;
    private final int identifier;
    final EchoListener listener;
    private boolean open = true;

    EchoEndpoint(Host host, int identifier, EchoListener listener) {
        this.host = host;
        this.identifier = identifier;
        this.listener = listener;
    }

    public int identifier() { return identifier; }

    /** Sends an echo request carrying {@code dataLength} bytes of data. */
    public SendResult send(Ipv4Address dst, int sequence, int dataLength, int ttl, boolean dontFragment) {
        if (!open) throw new IllegalStateException("endpoint closed");
        return host.icmp().sendEchoRequest(dst, identifier, sequence, dataLength, ttl, dontFragment);
    }

    public void close() {
        if (open) {
            open = false;
            host.icmp().closeEcho(this);
        }
    }
}
