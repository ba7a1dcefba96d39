package dev.packetlab.stack.lab.check;

import dev.packetlab.stack.wire.Ipv4Address;

/**
 * A TCP connection by its two ends, client (the end that sent the SYN, or the one not on the server port) first.
 */
record Connection(int client, int clientPort, int server, int serverPort) {

    /** The connection of a segment sent by the client ({@code fromClient}) or by the server. */
    static Connection of(DecodedFrame f, boolean fromClient) {
        return fromClient ? new Connection(f.ipSource, f.sourcePort, f.ipDestination, f.destinationPort)
                : new Connection(f.ipDestination, f.destinationPort, f.ipSource, f.sourcePort);
    }

    /** Whether the ends fit what a check asks for; null parts match anything. */
    boolean fits(Peer clientPeer, Peer serverPeer, Integer port) {
        return (clientPeer == null || clientPeer.is(client)) && (serverPeer == null || serverPeer.is(server))
                && (port == null || port == serverPort);
    }

    @Override
    public String toString() {
        return new Ipv4Address(client) + ":" + clientPort + " → " + new Ipv4Address(server) + ":" + serverPort;
    }
}
