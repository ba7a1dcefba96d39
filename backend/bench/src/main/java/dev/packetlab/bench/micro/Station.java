package dev.packetlab.bench.micro;

import dev.packetlab.stack.link.NetDevice;
import dev.packetlab.stack.link.Network;
import dev.packetlab.stack.link.Node;

/**
 * An end station with one NIC ({@code eth0}) and nothing above it: it counts the frames its NIC accepts (addressed
 * to it, broadcast or multicast). Lets a benchmark time the link layer alone, with no IP stack at either end.
 */
final class Station extends Node {
    private long received;

    Station(Network network, String name) {
        super(network, name);
        addDevice("eth0");
    }

    NetDevice nic() { return device("eth0"); }

    /** Frames accepted so far. */
    long received() { return received; }

    @Override
    protected boolean promiscuous() { return false; }

    @Override
    protected void receive(NetDevice device, byte[] frame) {
        received++;
    }
}
