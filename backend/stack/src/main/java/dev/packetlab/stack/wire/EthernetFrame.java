package dev.packetlab.stack.wire;

/**
 * The Ethernet II header (destination, source, EtherType) and the frames built from it. Frames on PacketLab's
 * wires carry no FCS — as captures from most NICs show them, and as pcap stores them — and are padded to the
 * 60-byte minimum (64 on the wire with the FCS, IEEE 802.3 4.2.3.3).
 */
public record EthernetFrame(MacAddress destination, MacAddress source, int etherType, int payloadOffset) {
    public static final int HEADER_LENGTH = 14;
    public static final int MIN_LENGTH = 60;
    public static final int TYPE_IPV4 = 0x0800;
    public static final int TYPE_ARP = 0x0806;

    public static Decoded<EthernetFrame> decode(byte[] b, int off, int len) {
        if (len < HEADER_LENGTH || off + HEADER_LENGTH > b.length) {
            return Decoded.failure(Malformed.of("Ethernet", "only " + Math.max(0, len) + " bytes, a header needs 14"));
        }
        int type = ((b[off + 12] & 0xff) << 8) | (b[off + 13] & 0xff);
        return Decoded.of(new EthernetFrame(MacAddress.read(b, off), MacAddress.read(b, off + 6), type, off + HEADER_LENGTH));
    }

    /** Writes the 14-byte header at the start of {@code frame}. */
    public static void writeHeader(byte[] frame, MacAddress destination, MacAddress source, int etherType) {
        destination.write(frame, 0);
        source.write(frame, 6);
        frame[12] = (byte) (etherType >>> 8);
        frame[13] = (byte) etherType;
    }

    /** A whole frame carrying an ARP packet, padded to the minimum size. */
    public static byte[] arp(MacAddress destination, MacAddress source, ArpPacket packet) {
        byte[] frame = new byte[MIN_LENGTH];
        writeHeader(frame, destination, source, TYPE_ARP);
        packet.emit(frame, HEADER_LENGTH);
        return frame;
    }
}
