package dev.packetlab.stack.link;

/**
 * A hub: a repeater that sends every frame it receives out of every other port. It knows nothing of addresses, so
 * every host behind it sees every frame (and its NIC discards those not addressed to it). Modelled without
 * collisions: each port has its own full-duplex cable.
 */
public final class Hub extends Node {
    public Hub(Network network, String name) {
        super(network, name);
    }

    /** Adds a port named {@code pN}: the lowest N from 1 that no port has (one taken off leaves its N free). */
    public NetDevice addPort() {
        int n = 1;
        while (device("p" + n) != null) n++;
        return addDevice("p" + n);
    }

    @Override
    protected boolean promiscuous() { return true; }

    @Override
    protected void receive(NetDevice in, byte[] frame) {
        for (NetDevice out : devices()) {
            if (out != in) out.send(frame);
        }
    }
}
