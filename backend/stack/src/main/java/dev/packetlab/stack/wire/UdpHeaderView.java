package dev.packetlab.stack.wire;

/**
 * Reads and writes a UDP header in place (RFC 768): ports, length, and the checksum over the pseudo-header, header
 * and data. A checksum of 0 on receipt means the sender computed none; a computed 0 is sent as 0xffff.
 */
public final class UdpHeaderView {
    static final class Field {
        static final int SOURCE_PORT = 0;
        static final int DESTINATION_PORT = 2;
        static final int LENGTH = 4;
        static final int CHECKSUM = 6;
    }

    public static final int HEADER_LENGTH = 8;
    public static final int PROTOCOL = 17;

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
        return new UdpHeaderView(buffer, offset, Math.max(0, Math.min(length, buffer.length - offset)));
    }

    private int u16(int f) { return ((b[off + f] & 0xff) << 8) | (b[off + f + 1] & 0xff); }

    private void put16(int f, int v) {
        b[off + f] = (byte) (v >>> 8);
        b[off + f + 1] = (byte) v;
    }

    public int sourcePort() { return u16(Field.SOURCE_PORT); }

    public int destinationPort() { return u16(Field.DESTINATION_PORT); }

    /** Header plus data, in bytes. */
    public int length() { return u16(Field.LENGTH); }

    public int checksum() { return u16(Field.CHECKSUM); }

    /** Null when the datagram is well formed and its checksum (if any) is right for these addresses. */
    public Malformed check(Ipv4Address source, Ipv4Address destination) {
        if (len < HEADER_LENGTH) return Malformed.of("UDP", "only " + len + " bytes, a header needs 8");
        int length = length();
        if (length < HEADER_LENGTH) return Malformed.of("UDP", "length " + length + " is below the 8-byte header");
        if (length > len) return Malformed.of("UDP", "length " + length + " exceeds the " + len + " bytes present");
        if (checksum() == 0) return null; // RFC 768: no checksum computed
        long sum = InternetChecksum.pseudoHeaderSum(source, destination, PROTOCOL, length)
                + InternetChecksum.sum(b, off, length);
        if (InternetChecksum.finish(sum) != 0) {
            return Malformed.checksum("UDP", checksum(), expectedChecksum(source, destination));
        }
        return null;
    }

    /** Writes ports and length for {@code dataLength} bytes of data, then the checksum. */
    public void writeHeader(int sourcePort, int destinationPort, int dataLength, Ipv4Address source,
                            Ipv4Address destination) {
        put16(Field.SOURCE_PORT, sourcePort);
        put16(Field.DESTINATION_PORT, destinationPort);
        put16(Field.LENGTH, HEADER_LENGTH + dataLength);
        put16(Field.CHECKSUM, expectedChecksum(source, destination));
    }

    /** The checksum this datagram should carry (never 0: RFC 768 sends a computed 0 as all ones). */
    public int expectedChecksum(Ipv4Address source, Ipv4Address destination) {
        int length = length();
        long sum = InternetChecksum.pseudoHeaderSum(source, destination, PROTOCOL, length)
                + InternetChecksum.sum(b, off, length) - checksum();
        int c = InternetChecksum.finish(sum);
        return c == 0 ? 0xffff : c;
    }
}
