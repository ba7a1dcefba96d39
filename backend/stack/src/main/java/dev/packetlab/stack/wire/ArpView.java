package dev.packetlab.stack.wire;

import static dev.packetlab.stack.wire.NetworkOrder.put16;
import static dev.packetlab.stack.wire.NetworkOrder.u16;
import static dev.packetlab.stack.wire.NetworkOrder.u8;

/**
 * Reads and writes an ARP packet in place (RFC 826), for Ethernet hardware and IPv4 protocol addresses only: the
 * only kind PacketLab's links carry, so any other kind is reported as malformed rather than half-understood.
 */
public final class ArpView {
    /** Byte offsets of the fields, for 6-byte hardware and 4-byte protocol addresses. */
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
        static final int END = 28;
    }

    public static final int LENGTH = Field.END;
    /** ar$hrd for Ethernet (IANA "Hardware Types"). */
    public static final int HARDWARE_ETHERNET = 1;

    private final byte[] b;
    private final int off;
    private final int len;

    private ArpView(byte[] b, int off, int len) {
        this.b = b;
        this.off = off;
        this.len = len;
    }

    public static ArpView wrap(byte[] buffer, int offset, int length) {
        return new ArpView(buffer, offset, NetworkOrder.available(buffer, offset, length));
    }

    /** Null when the bytes are an Ethernet/IPv4 request or reply. Bytes after the 28 (frame padding) are ignored. */
    public Malformed check() {
        if (len < LENGTH) return Malformed.of("ARP", "only " + len + " bytes, a packet needs 28");
        int hardware = hardwareType();
        if (hardware != HARDWARE_ETHERNET) return Malformed.of("ARP", "hardware type " + hardware + " is not Ethernet (1)");
        int protocol = protocolType();
        if (protocol != EthernetFrame.TYPE_IPV4) {
            return Malformed.of("ARP", "protocol type 0x" + Integer.toHexString(protocol) + " is not IPv4 (0x800)");
        }
        if (hardwareLength() != MacAddress.LENGTH || protocolLength() != Ipv4Address.LENGTH) {
            return Malformed.of("ARP", "address lengths " + hardwareLength() + "/" + protocolLength() + " are not 6/4");
        }
        int op = operation();
        if (op != ArpPacket.REQUEST && op != ArpPacket.REPLY) {
            return Malformed.of("ARP", "operation " + op + " is neither request (1) nor reply (2)");
        }
        return null;
    }

    public int hardwareType() { return u16(b, off + Field.HARDWARE_TYPE); }

    public int protocolType() { return u16(b, off + Field.PROTOCOL_TYPE); }

    public int hardwareLength() { return u8(b, off + Field.HARDWARE_LENGTH); }

    public int protocolLength() { return u8(b, off + Field.PROTOCOL_LENGTH); }

    public int operation() { return u16(b, off + Field.OPERATION); }

    public MacAddress senderMac() { return MacAddress.read(b, off + Field.SENDER_MAC); }

    public Ipv4Address senderIp() { return Ipv4Address.read(b, off + Field.SENDER_IP); }

    public MacAddress targetMac() { return MacAddress.read(b, off + Field.TARGET_MAC); }

    public Ipv4Address targetIp() { return Ipv4Address.read(b, off + Field.TARGET_IP); }

    /** Writes the fixed part for Ethernet/IPv4: hardware and protocol types and address lengths. */
    public void setEthernetIpv4() {
        put16(b, off + Field.HARDWARE_TYPE, HARDWARE_ETHERNET);
        put16(b, off + Field.PROTOCOL_TYPE, EthernetFrame.TYPE_IPV4);
        b[off + Field.HARDWARE_LENGTH] = MacAddress.LENGTH;
        b[off + Field.PROTOCOL_LENGTH] = Ipv4Address.LENGTH;
    }

    public void setHardwareType(int v) { put16(b, off + Field.HARDWARE_TYPE, v); }

    public void setOperation(int op) { put16(b, off + Field.OPERATION, op); }

    public void setSenderMac(MacAddress a) { a.write(b, off + Field.SENDER_MAC); }

    public void setSenderIp(Ipv4Address a) { a.write(b, off + Field.SENDER_IP); }

    public void setTargetMac(MacAddress a) { a.write(b, off + Field.TARGET_MAC); }

    public void setTargetIp(Ipv4Address a) { a.write(b, off + Field.TARGET_IP); }
}
