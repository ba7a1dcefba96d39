package dev.packetlab.bench;

import dev.packetlab.stack.link.NetDevice;
import dev.packetlab.stack.link.Network;
import dev.packetlab.stack.net.Host;
import dev.packetlab.stack.sim.SimRandom;
import dev.packetlab.stack.trace.DropReason;
import dev.packetlab.stack.wire.EthernetFrame;

/**
 * A host whose network card loses a fraction of the IPv4 packets it receives: W2's loss, placed where ns-3 places it
 * (a {@code RateErrorModel} with {@code ERROR_UNIT_PACKET} as the {@code ReceiveErrorModel} of B's device), so that
 * only packets travelling towards this host are lost, the data and not the ACKs. A cable's own loss would not do: it
 * loses frames in both directions. ARP frames pass untouched, since ns-3's point-to-point links have no ARP to lose.
 * The draws come from a seeded stream of the simulation, so a run is reproducible.
 */
final class LossyReceiver extends Host {
    private final double rate;
    private final SimRandom random;
    private long lost;

    /** @param rate the probability in [0, 1] that an arriving IPv4 packet is lost */
    LossyReceiver(Network network, String name, double rate) {
        super(network, name, false);
        this.rate = rate;
        this.random = simulation.random(name + "/receive-error");
    }

    /** IPv4 packets lost so far. */
    long lost() { return lost; }

    @Override
    protected void receive(NetDevice device, byte[] frame) {
        boolean ipv4 = frame.length >= EthernetFrame.HEADER_LENGTH
                && (((frame[12] & 0xff) << 8) | (frame[13] & 0xff)) == EthernetFrame.TYPE_IPV4;
        if (ipv4 && random.nextDouble() < rate) {
            lost++;
            trace.frameDropped(name(), device.name(), DropReason.LINK_LOSS, "receive error model", frame);
            return;
        }
        super.receive(device, frame);
    }
}
