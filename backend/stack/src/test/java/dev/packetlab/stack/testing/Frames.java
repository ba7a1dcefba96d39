package dev.packetlab.stack.testing;

import dev.packetlab.stack.wire.ArpPacket;
import dev.packetlab.stack.wire.EthernetFrame;
import dev.packetlab.stack.wire.IcmpView;
import dev.packetlab.stack.wire.InternetChecksum;
import dev.packetlab.stack.wire.Ipv4HeaderView;
import dev.packetlab.stack.wire.MacAddress;

/** Reading frames in tests: short descriptions to assert on, and checksum verification. */
public final class Frames {
    private Frames() {}

    public static MacAddress destination(byte[] frame) { return MacAddress.read(frame, 0); }

    public static MacAddress source(byte[] frame) { return MacAddress.read(frame, 6); }

    public static int etherType(byte[] frame) { return ((frame[12] & 0xff) << 8) | (frame[13] & 0xff); }

    public static boolean isArp(byte[] frame) { return etherType(frame) == EthernetFrame.TYPE_ARP; }

    public static ArpPacket arp(byte[] frame) {
        return ArpPacket.decode(frame, 14, frame.length - 14).orThrow();
    }

    public static Ipv4HeaderView ip(byte[] frame) {
        return Ipv4HeaderView.wrap(frame, 14, frame.length - 14);
    }

    /** The ICMP message of an unfragmented (or first-fragment) IPv4 frame. */
    public static IcmpView icmp(byte[] frame) {
        Ipv4HeaderView ip = ip(frame);
        return IcmpView.wrap(frame, ip.payloadOffset(), ip.payloadLength());
    }

    public static boolean isIcmp(byte[] frame) {
        return etherType(frame) == EthernetFrame.TYPE_IPV4 && ip(frame).protocol() == 1;
    }

    public static boolean isTcp(byte[] frame) {
        return etherType(frame) == EthernetFrame.TYPE_IPV4 && ip(frame).protocol() == 6 && !ip(frame).isFragment();
    }

    /** Null when the frame's IPv4, (whole) ICMP and TCP checksums are right, else what is wrong. */
    public static String checksumProblem(byte[] frame) {
        if (etherType(frame) != EthernetFrame.TYPE_IPV4) return null;
        Ipv4HeaderView ip = ip(frame);
        if (InternetChecksum.compute(frame, 14, ip.headerLength()) != 0) return "a bad IPv4 header checksum";
        if (ip.protocol() == 1 && !ip.isFragment()
                && InternetChecksum.compute(frame, ip.payloadOffset(), ip.payloadLength()) != 0) {
            return "a bad ICMP checksum";
        }
        if (isTcp(frame)) {
            dev.packetlab.stack.wire.Malformed m = dev.packetlab.stack.wire.TcpHeaderView
                    .wrap(frame, ip.payloadOffset(), ip.payloadLength()).check(ip.source(), ip.destination());
            if (m != null) return "a bad TCP segment: " + m.reason();
        }
        return null;
    }
}
