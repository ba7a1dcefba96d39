package dev.packetlab.stack.wire;

import static dev.packetlab.stack.wire.NetworkOrder.put16;
import static dev.packetlab.stack.wire.NetworkOrder.u16;
import static dev.packetlab.stack.wire.NetworkOrder.u8;

/**
 * Reads and writes an ICMP message in place (RFC 792): type, code, checksum over the whole message, and the
 * four "rest of header" bytes: identifier and sequence for echo, the next-hop MTU for "fragmentation needed"
 * (RFC 1191 4), unused (zero) for the other errors.
 */
public final class IcmpView {
    static final class Field {
        static final int TYPE = 0;
        static final int CODE = 1;
        static final int CHECKSUM = 2;
        static final int REST_OF_HEADER = 4;
        static final int IDENTIFIER = 4;
        static final int SEQUENCE = 6;
        static final int NEXT_HOP_MTU = 6;
        static final int DATA = 8;
    }

    public static final int HEADER_LENGTH = Field.DATA;

    private final byte[] b;
    private final int off;
    private final int len;

    private IcmpView(byte[] b, int off, int len) {
        this.b = b;
        this.off = off;
        this.len = len;
    }

    /** A view of the message in {@code [offset, offset+length)}: the IP payload, whose length the checksum covers. */
    public static IcmpView wrap(byte[] buffer, int offset, int length) {
        return new IcmpView(buffer, offset, NetworkOrder.available(buffer, offset, length));
    }

    /** Null when the message is at least a header long and its checksum is right. */
    public Malformed check() {
        if (len < HEADER_LENGTH) return Malformed.of("ICMP", "only " + len + " bytes, a header needs 8");
        if (InternetChecksum.compute(b, off, len) != 0) return Malformed.checksum("ICMP", checksum(), expectedChecksum());
        return null;
    }

    public int length() { return len; }

    public int type() { return u8(b, off + Field.TYPE); }

    public int code() { return u8(b, off + Field.CODE); }

    public int checksum() { return u16(b, off + Field.CHECKSUM); }

    /** Bytes 4–7 as one unsigned 32-bit value held in an int. */
    public int restOfHeader() { return Ipv4Address.bits(b, off + Field.REST_OF_HEADER); }

    public int identifier() { return u16(b, off + Field.IDENTIFIER); }

    public int sequence() { return u16(b, off + Field.SEQUENCE); }

    public int nextHopMtu() { return u16(b, off + Field.NEXT_HOP_MTU); }

    /** Where the echo data, or the datagram an error quotes, starts in the buffer. */
    public int dataOffset() { return off + Field.DATA; }

    public int dataLength() { return len - Field.DATA; }

    /** The checksum the message should carry. */
    public int expectedChecksum() {
        return InternetChecksum.finish(InternetChecksum.sum(b, off, len) - checksum());
    }

    public void setType(int v) { b[off + Field.TYPE] = (byte) v; }

    public void setCode(int v) { b[off + Field.CODE] = (byte) v; }

    public void setRestOfHeader(int v) {
        put16(b, off + Field.REST_OF_HEADER, v >>> 16);
        put16(b, off + Field.REST_OF_HEADER + 2, v);
    }

    public void setIdentifier(int v) { put16(b, off + Field.IDENTIFIER, v); }

    public void setSequence(int v) { put16(b, off + Field.SEQUENCE, v); }

    public void setNextHopMtu(int v) { put16(b, off + Field.NEXT_HOP_MTU, v); }

    /** Recomputes the checksum over the whole message (RFC 792: from the type to the end of the data). */
    public void updateChecksum() {
        put16(b, off + Field.CHECKSUM, 0);
        put16(b, off + Field.CHECKSUM, InternetChecksum.compute(b, off, len));
    }
}
