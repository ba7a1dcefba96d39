package dev.packetlab.stack.wire;

/**
 * A UDP datagram as a value (RFC 768): ports and data. Length and checksum are not fields: the checksum covers
 * the IPv4 pseudo-header, so {@link #decode} and {@link #emit} take the addresses it is sent between, as smoltcp's
 * {@code UdpRepr} does.
 */
public record UdpDatagram(int sourcePort, int destinationPort, Payload data) {
    public static final int HEADER_LENGTH = UdpHeaderView.HEADER_LENGTH;
    /** The most data a datagram's 16-bit length field can describe; IPv4's own limit is 20 bytes lower still. */
    public static final int MAX_DATA = 65_535 - HEADER_LENGTH;

    public UdpDatagram {
        if ((sourcePort & ~0xffff) != 0) throw new IllegalArgumentException("source port must be 0..65535, got " + sourcePort);
        if ((destinationPort & ~0xffff) != 0) {
            throw new IllegalArgumentException("destination port must be 0..65535, got " + destinationPort);
        }
        if (data == null) throw new IllegalArgumentException("null data");
        if (data.length() > MAX_DATA) throw new IllegalArgumentException(data.length() + " bytes of data exceed " + MAX_DATA);
    }

    /**
     * Reads the datagram in {@code b[off, off+len)} (the IP payload) sent from {@code source} to {@code destination}.
     * Data is cut at the length field; a checksum of 0 is accepted as "none" (RFC 768), any other must be right.
     */
    public static Decoded<UdpDatagram> decode(byte[] b, int off, int len, Ipv4Address source, Ipv4Address destination) {
        UdpHeaderView v = UdpHeaderView.wrap(b, off, len);
        Malformed m = v.check(source, destination);
        if (m != null) return Decoded.failure(m);
        return Decoded.of(new UdpDatagram(v.sourcePort(), v.destinationPort(), Payload.copyOf(b, v.dataOffset(), v.dataLength())));
    }

    public int length() { return HEADER_LENGTH + data.length(); }

    /** Writes header, data and checksum at {@code off}; returns {@link #length()}. */
    public int emit(byte[] b, int off, Ipv4Address source, Ipv4Address destination) {
        UdpHeaderView v = UdpHeaderView.wrap(b, off, length());
        v.setSourcePort(sourcePort);
        v.setDestinationPort(destinationPort);
        v.setLength(length());
        data.copyTo(b, v.dataOffset());
        v.updateChecksum(source, destination);
        return length();
    }

    public byte[] toBytes(Ipv4Address source, Ipv4Address destination) {
        byte[] b = new byte[length()];
        emit(b, 0, source, destination);
        return b;
    }
}
