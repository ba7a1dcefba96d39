package dev.packetlab.stack.net;

import dev.packetlab.stack.link.Sysctl;
import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.sim.Timer;
import dev.packetlab.stack.trace.DropReason;
import dev.packetlab.stack.wire.IcmpMessage;
import dev.packetlab.stack.wire.Ipv4HeaderView;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * Reassembles fragmented IPv4 datagrams addressed to this node (RFC 791 3.2, RFC 1122 3.3.2). Fragments are keyed by
 * source, destination, protocol and identification; the datagram is delivered once every 8-byte unit up to the last
 * fragment's end has arrived. A datagram still incomplete after {@code net.ipv4.ipfrag_time} is dropped with reason
 * "reassembly timeout", and its sender gets ICMP time exceeded (code 1) if the first fragment had arrived.
 */
final class Reassembly {
    private record Key(int source, int destination, int protocol, int identification) {}

    private static final class Datagram {
        byte[] header;
        byte[] data = new byte[0];
        final BitSet units = new BitSet();
        int totalData = -1;
        Timer timeout;
        Ipv4Interface in;
        byte[] firstFragment;
        byte[] latestFragment;
    }

    private final Host host;
    private final Map<Key, Datagram> pending = new HashMap<>();
    private final Sysctl.Tunable timeout;

    Reassembly(Host host) {
        this.host = host;
        timeout = host.sysctl().define("net.ipv4.ipfrag_time", 30, 1, 3600, "s",
                "seconds to wait for the missing fragments of a datagram before dropping it");
    }

    /** Takes one fragment (inside a received frame). */
    void accept(Ipv4Interface in, byte[] frame) {
        int at = Host.ETHERNET_HEADER;
        Ipv4HeaderView ip = Ipv4HeaderView.wrap(frame, at, frame.length - at);
        Key key = new Key(ip.source().value(), ip.destination().value(), ip.protocol(), ip.identification());
        Datagram d = pending.get(key);
        if (d == null) {
            d = new Datagram();
            d.in = in;
            Datagram started = d;
            d.timeout = host.network().simulation().schedule(timeout.value() * SimTime.SECOND,
                    () -> expire(key, started));
            pending.put(key, d);
        }
        int header = ip.headerLength();
        int length = ip.totalLength() - header;
        int start = ip.fragmentOffset() * 8;
        int end = start + length;
        if (end > 65_535 - header || (ip.moreFragments() && length % 8 != 0)) {
            host.drop(in, frame, at, DropReason.MALFORMED, "fragment at offset " + start + " with " + length
                    + " bytes of data cannot be part of a datagram");
            return;
        }
        if (d.data.length < end) d.data = Arrays.copyOf(d.data, Math.max(end, d.data.length * 2));
        System.arraycopy(frame, at + header, d.data, start, length);
        d.units.set(start / 8, (end + 7) / 8);
        d.latestFragment = frame;
        if (start == 0) {
            d.header = Arrays.copyOfRange(frame, at, at + header);
            d.firstFragment = frame;
        }
        if (!ip.moreFragments()) d.totalData = end;
        if (d.header != null && d.totalData >= 0 && d.units.nextClearBit(0) * 8 >= d.totalData) {
            pending.remove(key);
            host.network().simulation().cancel(d.timeout);
            host.deliver(in, assemble(d), 0);
        }
    }

    private static byte[] assemble(Datagram d) {
        int header = d.header.length;
        byte[] packet = new byte[header + d.totalData];
        System.arraycopy(d.header, 0, packet, 0, header);
        System.arraycopy(d.data, 0, packet, header, d.totalData);
        Ipv4HeaderView ip = Ipv4HeaderView.wrap(packet, 0, packet.length);
        ip.setTotalLength(packet.length);
        ip.setFragment(0, false);
        ip.updateChecksum();
        return packet;
    }

    private void expire(Key key, Datagram d) {
        pending.remove(key);
        String detail = "datagram " + key.identification() + " incomplete after " + timeout.value() + " s";
        if (d.firstFragment != null) {
            host.drop(d.in, d.firstFragment, Host.ETHERNET_HEADER, DropReason.REASSEMBLY_TIMEOUT, detail);
            host.icmp().sendError(IcmpMessage.TIME_EXCEEDED, IcmpMessage.FRAGMENT_REASSEMBLY_TIME_EXCEEDED, 0, d.firstFragment,
                    Host.ETHERNET_HEADER);
        } else {
            host.drop(d.in, d.latestFragment, Host.ETHERNET_HEADER, DropReason.REASSEMBLY_TIMEOUT, detail);
        }
    }
}
