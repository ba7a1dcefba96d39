package dev.packetlab.stack.wire;

/**
 * Reads and writes an ICMP message in place (RFC 792): type, code, checksum over the whole message, and the
 * four "rest of header" bytes: identifier and sequence for echo, the next-hop MTU for "fragmentation needed"
 * (RFC 1191 4).
 */
public final class IcmpView {
    static final class Field {
        static final int TYPE = 0;
        static final int CODE = 1;
        static final int CHECKSUM = 2;
        static final int IDENTIFIER = 4;
        static final int SEQUENCE = 6;
        static final int NEXT_HOP_MTU = 6;
    }

    public static final int HEADER_LENGTH = 8;

    private final byte[] b;
    private final int off;
    private final int len;

    private IcmpView(byte[] b, int off, int len) {
        this.b = b;
        this.off = off;
        this.len = len;
    }

    public static IcmpView wrap(byte[] buffer, int offset, int length) {
        return new IcmpView(buffer, offset, Math.max(0, Math.min(length, buffer.length - offset)));
    }

    /** Null when the message is at least a header long and its checksum is right. */
    public Malformed check() {
        if (len < HEADER_LENGTH) return Malformed.of("ICMP", "only " + len + " bytes, a header needs 8");
        if (InternetChecksum.compute(b, off, len) != 0) {
            long sum = InternetChecksum.sum(b, off, len) - checksum();
            return Malformed.checksum("ICMP", checksum(), InternetChecksum.finish(sum));
        }
        return null;
    }

    private int u16(int f) { return ((b[off + f] & 0xff) << 8) | (b[off + f + 1] & 0xff); }

    private void put16(int f, int v) {
        b[off + f] = (byte) (v >>> 8);
        b[off + f + 1] = (byte) v;
    }

    public int length() { return len; }

    public int type() { return b[off + Field.TYPE] & 0xff; }

    public int code() { return b[off + Field.CODE] & 0xff; }

    public int checksum() { return u16(Field.CHECKSUM); }

    public int identifier() { return u16(Field.IDENTIFIER); }

    public int sequence() { return u16(Field.SEQUENCE); }

    public int nextHopMtu() { return u16(Field.NEXT_HOP_MTU); }

    public void setType(int v) { b[off + Field.TYPE] = (byte) v; }

    public void setCode(int v) { b[off + Field.CODE] = (byte) v; }

    public void setIdentifier(int v) { put16(Field.IDENTIFIER, v); }

    public void setSequence(int v) { put16(Field.SEQUENCE, v); }

    public void setNextHopMtu(int v) { put16(Field.NEXT_HOP_MTU, v); }

    /** Recomputes the checksum over the whole message. */
    public void updateChecksum() {
        put16(Field.CHECKSUM, 0);
        put16(Field.CHECKSUM, InternetChecksum.compute(b, off, len));
    }
}
