package dev.packetlab.stack.wire;

import java.util.HexFormat;

/**
 * Frames with known-correct bytes, assembled field by field in the layout Wireshark shows for a Windows ping of
 * 192.168.1.1 from 192.168.1.100 (the classic "abcdefghijklmnopqrstuvwabcdefghi" echo, ICMP checksum 0x4d5a, its
 * reply 0x555a). Every checksum here was computed outside PacketLab and is re-derived from first principles by
 * {@link #referenceChecksum}, so a bug in {@link InternetChecksum} cannot hide in these vectors.
 */
final class KnownFrames {
    private KnownFrames() {}

    static byte[] hex(String s) { return HexFormat.of().parseHex(s.replace(" ", "")); }

    static final MacAddress PC_MAC = MacAddress.parse("00:0c:29:3e:5b:7c");
    static final MacAddress ROUTER_MAC = MacAddress.parse("00:50:56:e8:91:2c");
    static final Ipv4Address PC_IP = Ipv4Address.parse("192.168.1.100");
    static final Ipv4Address ROUTER_IP = Ipv4Address.parse("192.168.1.1");
    static final String PING_DATA = "abcdefghijklmnopqrstuvwabcdefghi";

    /** "Who has 192.168.1.1? Tell 192.168.1.100", padded to 60 bytes. */
    static byte[] arpRequest() {
        return hex("ffffffffffff 000c293e5b7c 0806"     // Ethernet: broadcast, from the PC, ARP
                + "0001 0800 06 04 0001"               // Ethernet/IPv4, 6/4-byte addresses, request
                + "000c293e5b7c c0a80164"              // sender 00:0c:29:3e:5b:7c 192.168.1.100
                + "000000000000 c0a80101"              // target unknown, 192.168.1.1
                + "000000000000000000000000000000000000"); // padding to 60
    }

    /** Echo request id 1 seq 1: IPv4 id 0x1a2b, TTL 128, header checksum 0x9ce0; ICMP checksum 0x4d5a. */
    static byte[] echoRequest() {
        return hex("0050 56e8 912c 000c 293e 5b7c 0800"
                + "4500 003c 1a2b 0000 8001 9ce0 c0a8 0164 c0a8 0101"
                + "0800 4d5a 0001 0001"
                + "6162 6364 6566 6768 696a 6b6c 6d6e 6f70 7172 7374 7576 7761 6263 6465 6667 6869");
    }

    /** The reply: IPv4 id 0x3c4d, TTL 64, header checksum 0xbabe; ICMP type 0, checksum 0x555a. */
    static byte[] echoReply() {
        return hex("000c 293e 5b7c 0050 56e8 912c 0800"
                + "4500 003c 3c4d 0000 4001 babe c0a8 0101 c0a8 0164"
                + "0000 555a 0001 0001"
                + "6162 6364 6566 6768 696a 6b6c 6d6e 6f70 7172 7374 7576 7761 6263 6465 6667 6869");
    }

    static final Ipv4Address UDP_SOURCE = Ipv4Address.parse("10.0.0.1");
    static final Ipv4Address UDP_DESTINATION = Ipv4Address.parse("10.0.0.53");
    static final MacAddress HOST_MAC = MacAddress.parse("02:00:00:00:00:01");
    static final MacAddress SERVER_MAC = MacAddress.parse("02:00:00:00:00:35");

    /** UDP 10.0.0.1:33000 → 10.0.0.53:53 carrying "hello": IPv4 id 7, checksum 0x6690; UDP checksum 0x26af. */
    static byte[] udpHello() {
        return hex("0200 0000 0035 0200 0000 0001 0800"
                + "4500 0021 0007 0000 4011 6690 0a00 0001 0a00 0035"
                + "80e8 0035 000d 26af 6865 6c6c 6f"
                + "00 0000 0000 0000 0000 0000 0000"); // 13 bytes of padding to 60
    }

    /** RFC 1071 from first principles: add 16-bit big-endian words in an int, fold the carries, complement. */
    static int referenceChecksum(byte[] b, int off, int len) {
        int sum = 0;
        for (int i = 0; i < len; i += 2) {
            int hi = b[off + i] & 0xff;
            int lo = i + 1 < len ? b[off + i + 1] & 0xff : 0;
            sum += (hi << 8) | lo;
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return ~sum & 0xffff;
    }
}
