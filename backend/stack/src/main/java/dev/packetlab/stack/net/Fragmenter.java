package dev.packetlab.stack.net;

import dev.packetlab.stack.wire.EthernetFrame;
import dev.packetlab.stack.wire.Ipv4HeaderView;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an IPv4 packet that is larger than an MTU into fragments (RFC 791 3.2, "fragmentation procedure"): each
 * carries a copy of the header with its own total length, the fragment offset in 8-byte units and MF set on all but
 * the last; the data of every fragment but the last is a multiple of 8 bytes.
 */
final class Fragmenter {
    private Fragmenter() {}

    /** Fragments the packet at offset 14 of {@code frame}; returns frames with room for the Ethernet header. */
    static List<byte[]> fragment(byte[] frame, int mtu) {
        Ipv4HeaderView ip = Ipv4HeaderView.wrap(frame, Host.ETHERNET_HEADER, frame.length - Host.ETHERNET_HEADER);
        int header = ip.headerLength();
        int data = ip.totalLength() - header;
        int perFragment = (mtu - header) & ~7;
        int baseOffset = ip.fragmentOffset();
        boolean lastOfOriginal = !ip.moreFragments();
        List<byte[]> fragments = new ArrayList<>();
        for (int done = 0; done < data; done += perFragment) {
            int size = Math.min(perFragment, data - done);
            boolean last = done + size == data;
            byte[] f = new byte[Math.max(EthernetFrame.MIN_LENGTH, Host.ETHERNET_HEADER + header + size)];
            System.arraycopy(frame, Host.ETHERNET_HEADER, f, Host.ETHERNET_HEADER, header);
            System.arraycopy(frame, Host.ETHERNET_HEADER + header + done, f, Host.ETHERNET_HEADER + header, size);
            Ipv4HeaderView h = Ipv4HeaderView.wrap(f, Host.ETHERNET_HEADER, header + size);
            h.setTotalLength(header + size);
            h.setFragment(baseOffset + done / 8, !(last && lastOfOriginal));
            h.updateChecksum();
            fragments.add(f);
        }
        return fragments;
    }
}
