package dev.packetlab.stack.socket;

import dev.packetlab.stack.wire.Ipv4Address;

/** An IPv4 address and a port, as {@code struct sockaddr_in} holds them. */
public record SocketAddress(Ipv4Address address, int port) {
    public SocketAddress {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port " + port + " is outside 0..65535");
    }

    @Override
    public String toString() { return address + ":" + port; }
}
