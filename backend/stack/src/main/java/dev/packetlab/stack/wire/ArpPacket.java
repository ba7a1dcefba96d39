package dev.packetlab.stack.wire;

/** An ARP packet for Ethernet and IPv4 (RFC 826): 28 bytes after the Ethernet header. */
public record ArpPacket(int operation, MacAddress senderMac, Ipv4Address senderIp, MacAddress targetMac,
                        Ipv4Address targetIp) {
    static final class Field {
        static final int HARDWARE_TYPE = 0;
        static final int PROTOCOL_TYPE = 2;
        static final int HARDWARE_LENGTH = 4;
        static final int PROTOCOL_LENGTH = 5;
        static final int OPERATION = 6;
        static final int SENDER_MAC = 8;
        static final int SENDER_IP = 14;
        static final int TARGET_MAC = 18;
        static final int TARGET_IP = 24;
    }

    public static final int LENGTH = 28;
    public static final int REQUEST = 1;
    public static final int REPLY = 2;
    private static final int HARDWARE_ETHERNET = 1;

    /** "Who has {@code targetIp}?" — the target MAC is left zero (RFC 826). */
    public static ArpPacket request(MacAddress senderMac, Ipv4Address senderIp, Ipv4Address targetIp) {
        return new ArpPacket(REQUEST, senderMac, senderIp, new MacAddress(0), targetIp);
    }

    public static ArpPacket reply(MacAddress senderMac, Ipv4Address senderIp, MacAddress targetMac, Ipv4Address targetIp) {
        return new ArpPacket(REPLY, senderMac, senderIp, targetMac, targetIp);
    }

    public static Decoded<ArpPacket> decode(byte[] b, int off, int len) {
        if (len < LENGTH || off + LENGTH > b.length) {
            return Decoded.failure(Malformed.of("ARP", "only " + Math.max(0, len) + " bytes, a packet needs 28"));
        }
        int hardware = u16(b, off + Field.HARDWARE_TYPE);
        int protocol = u16(b, off + Field.PROTOCOL_TYPE);
        if (hardware != HARDWARE_ETHERNET) return Decoded.failure(Malformed.of("ARP", "hardware type " + hardware + " is not Ethernet (1)"));
        if (protocol != EthernetFrame.TYPE_IPV4) return Decoded.failure(Malformed.of("ARP", String.format("protocol type 0x%04x is not IPv4", protocol)));
        if (b[off + Field.HARDWARE_LENGTH] != 6 || b[off + Field.PROTOCOL_LENGTH] != 4) {
            return Decoded.failure(Malformed.of("ARP", "address lengths " + b[off + Field.HARDWARE_LENGTH] + "/"
                    + b[off + Field.PROTOCOL_LENGTH] + " are not 6/4"));
        }
        int op = u16(b, off + Field.OPERATION);
        if (op != REQUEST && op != REPLY) return Decoded.failure(Malformed.of("ARP", "operation " + op + " is neither request (1) nor reply (2)"));
        return Decoded.of(new ArpPacket(op, MacAddress.read(b, off + Field.SENDER_MAC), Ipv4Address.read(b, off + Field.SENDER_IP),
                MacAddress.read(b, off + Field.TARGET_MAC), Ipv4Address.read(b, off + Field.TARGET_IP)));
    }

    /** Writes the 28 bytes at {@code off}; returns the length written. */
    public int emit(byte[] b, int off) {
        b[off] = 0;
        b[off + 1] = HARDWARE_ETHERNET;
        b[off + 2] = (byte) (EthernetFrame.TYPE_IPV4 >>> 8);
        b[off + 3] = (byte) EthernetFrame.TYPE_IPV4;
        b[off + 4] = 6;
        b[off + 5] = 4;
        b[off + 6] = 0;
        b[off + 7] = (byte) operation;
        senderMac.write(b, off + Field.SENDER_MAC);
        senderIp.write(b, off + Field.SENDER_IP);
        targetMac.write(b, off + Field.TARGET_MAC);
        targetIp.write(b, off + Field.TARGET_IP);
        return LENGTH;
    }

    private static int u16(byte[] b, int at) { return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff); }
}
