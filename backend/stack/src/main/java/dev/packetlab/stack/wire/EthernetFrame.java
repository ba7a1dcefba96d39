package dev.packetlab.stack.wire;

/**
 * An Ethernet II frame as a value: destination, source, EtherType and payload.
 *
 * <p>Frames on PacketLab's wires carry no FCS: NICs strip it before the host (and pcap, with link type
 * {@code LINKTYPE_ETHERNET}) sees a frame, so a capture with no FCS is what Wireshark expects, and a simulated cable
 * does not corrupt bits that a CRC would have to catch. Frames are padded with zeros to the 60-byte minimum
 * (64 on the wire with the FCS, IEEE 802.3 4.2.3.3) so that what a learner sees matches a real capture, and so
 * that a short ARP frame keeps its realistic size on a bandwidth-limited link.
 */
public record EthernetFrame(MacAddress destination, MacAddress source, int etherType, Payload payload) {
    public static final int HEADER_LENGTH = EthernetView.HEADER_LENGTH;
    /** The minimum frame without FCS (IEEE 802.3 4.2.3.3: 64 bytes with it). */
    public static final int MIN_LENGTH = 60;
    public static final int TYPE_IPV4 = 0x0800;
    public static final int TYPE_ARP = 0x0806;

    public EthernetFrame {
        if (destination == null || source == null || payload == null) throw new IllegalArgumentException("null field");
        if ((etherType & ~0xffff) != 0) throw new IllegalArgumentException("EtherType must be 16 bits, got " + etherType);
    }

    /** Reads a frame; the payload is everything after the header, padding included (Ethernet II has no length). */
    public static Decoded<EthernetFrame> decode(byte[] b, int off, int len) {
        EthernetView v = EthernetView.wrap(b, off, len);
        Malformed m = v.check();
        if (m != null) return Decoded.failure(m);
        return Decoded.of(new EthernetFrame(v.destination(), v.source(), v.etherType(),
                Payload.copyOf(b, v.payloadOffset(), v.payloadLength())));
    }

    /** Header plus payload, padded to {@link #MIN_LENGTH}. */
    public int length() { return paddedLength(payload.length()); }

    /** The size of a frame carrying {@code payloadLength} bytes: header plus payload, at least {@link #MIN_LENGTH}. */
    public static int paddedLength(int payloadLength) { return Math.max(MIN_LENGTH, HEADER_LENGTH + payloadLength); }

    /** Writes the frame at {@code off}, zero padding included; returns {@link #length()}. */
    public int emit(byte[] b, int off) {
        int n = length();
        EthernetView v = EthernetView.wrap(b, off, n);
        v.setDestination(destination);
        v.setSource(source);
        v.setEtherType(etherType);
        int end = off + HEADER_LENGTH + payload.copyTo(b, off + HEADER_LENGTH);
        java.util.Arrays.fill(b, end, off + n, (byte) 0);
        return n;
    }

    public byte[] toBytes() {
        byte[] b = new byte[length()];
        emit(b, 0);
        return b;
    }

    /** Writes the 14-byte header at the start of {@code frame}. */
    public static void writeHeader(byte[] frame, MacAddress destination, MacAddress source, int etherType) {
        EthernetView v = EthernetView.wrap(frame, 0, HEADER_LENGTH);
        v.setDestination(destination);
        v.setSource(source);
        v.setEtherType(etherType);
    }

    /** A whole frame carrying an ARP packet, padded to the minimum size. */
    public static byte[] arp(MacAddress destination, MacAddress source, ArpPacket packet) {
        byte[] frame = new byte[MIN_LENGTH];
        writeHeader(frame, destination, source, TYPE_ARP);
        packet.emit(frame, HEADER_LENGTH);
        return frame;
    }
}
