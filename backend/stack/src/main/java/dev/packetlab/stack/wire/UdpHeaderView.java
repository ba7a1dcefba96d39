package dev.packetlab.stack.wire;

import static dev.packetlab.stack.wire.NetworkOrder.put16;
import static dev.packetlab.stack.wire.NetworkOrder.u16;

/**
 * Reads and writes a UDP datagram in place (RFC 768): ports, length, and the checksum over the pseudo-header,
 * header and data. A checksum of 0 on receipt means the sender computed none; a computed 0 is sent as 0xffff.
 */
public final class UdpHeaderView {
    static final class Field {
        static final int SOURCE_PORT = 0;
        static final int DESTINATION_PORT = 2;
        static final int LENGTH = 4;
        static final int CHECKSUM = 6;
        static final int DATA = 8;
    }

    public static final int HEADER_LENGTH = Field.DATA;
    public static final int PROTOCOL = Ipv4HeaderView.PROTOCOL_UDP;
    /** RFC 768: a transmitted checksum of zero means "no checksum". */
    public static final int NO_CHECKSUM = 0;

    private final byte[] b;
    private final int off;
    private final int len;

    private UdpHeaderView(byte[] b, int off, int len) {
        this.b = b;
        this.off = off;
        this.len = len;
    }

    /** A view of the UDP datagram in {@code [offset, offset+length)} (the IP payload). */
    public static UdpHeaderView wrap(byte[] buffer, int offset, int length) {
        return new UdpHeaderView(buffer, offset, NetworkOrder.available(buffer, offset, length));
    }

    public int sourcePort() { return u16(b, off + Field.SOURCE_PORT); }

    public int destinationPort() { return u16(b, off + Field.DESTINATION_PORT); }

    /** Header plus data, in bytes. */
    public int length() { return u16(b, off + Field.LENGTH); }

    public int checksum() { return u16(b, off + Field.CHECKSUM); }

    /** Where the data starts in the buffer. */
    public int dataOffset() { return off + Field.DATA; }

    /** The data's length according to the length field. */
    public int dataLength() { return length() - HEADER_LENGTH; }

    /** Null when the header fits and its length field is consistent with the bytes present; checksum not looked at. */
    public Malformed checkStructure() {
        if (len < HEADER_LENGTH) return Malformed.of("UDP", "only " + len + " bytes, a header needs 8");
        int length = length();
        if (length < HEADER_LENGTH) return Malformed.of("UDP", "length " + length + " is below the 8-byte header");
        if (length > len) return Malformed.of("UDP", "length " + length + " exceeds the " + len + " bytes present");
        return null;
    }

    /** Null when the datagram is well formed and its checksum (if any) is right for these addresses. */
    public Malformed check(Ipv4Address source, Ipv4Address destination) {
        Malformed m = checkStructure();
        if (m != null) return m;
        if (checksum() == NO_CHECKSUM) return null; // RFC 768: the sender computed none
        int length = length();
        long sum = InternetChecksum.pseudoHeaderSum(source.value(), destination.value(), PROTOCOL, length)
                + InternetChecksum.sum(b, off, length);
        if (InternetChecksum.finish(sum) != 0) {
            return Malformed.checksum("UDP", checksum(), expectedChecksum(source, destination));
        }
        return null;
    }

    public void setSourcePort(int port) { put16(b, off + Field.SOURCE_PORT, port); }

    public void setDestinationPort(int port) { put16(b, off + Field.DESTINATION_PORT, port); }

    public void setLength(int length) { put16(b, off + Field.LENGTH, length); }

    public void setChecksum(int checksum) { put16(b, off + Field.CHECKSUM, checksum); }

    /** Writes ports and length for {@code dataLength} bytes of data, then the checksum. */
    public void writeHeader(int sourcePort, int destinationPort, int dataLength, Ipv4Address source,
                            Ipv4Address destination) {
        setSourcePort(sourcePort);
        setDestinationPort(destinationPort);
        setLength(HEADER_LENGTH + dataLength);
        updateChecksum(source, destination);
    }

    /** Computes and writes the checksum over pseudo-header, header and data (the length field must be set). */
    public void updateChecksum(Ipv4Address source, Ipv4Address destination) {
        setChecksum(NO_CHECKSUM);
        setChecksum(expectedChecksum(source, destination));
    }

    /** The checksum this datagram should carry (never 0: RFC 768 sends a computed 0 as all ones). */
    public int expectedChecksum(Ipv4Address source, Ipv4Address destination) {
        int length = length();
        long sum = InternetChecksum.pseudoHeaderSum(source.value(), destination.value(), PROTOCOL, length)
                + InternetChecksum.sum(b, off, length) - checksum();
        int c = InternetChecksum.finish(sum);
        return c == 0 ? 0xffff : c;
    }
}
