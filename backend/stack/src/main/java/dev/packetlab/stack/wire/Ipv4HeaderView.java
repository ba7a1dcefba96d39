package dev.packetlab.stack.wire;

/**
 * Reads and writes the fields of an IPv4 header in place (RFC 791 3.1). A flyweight over a byte range: wrapping
 * allocates nothing but the view. Call {@link #check()} before trusting a received header; getters on unchecked bytes
 * may read past the header's end.
 */
public final class Ipv4HeaderView {
    /** Byte offsets of the header fields. */
    static final class Field {
        static final int VERSION_IHL = 0;
        static final int TOS = 1;
        static final int TOTAL_LENGTH = 2;
        static final int IDENTIFICATION = 4;
        static final int FLAGS_FRAGMENT = 6;
        static final int TTL = 8;
        static final int PROTOCOL = 9;
        static final int CHECKSUM = 10;
        static final int SOURCE = 12;
        static final int DESTINATION = 16;
    }

    public static final int MIN_HEADER_LENGTH = 20;
    private static final int FLAG_DF = 0x4000;
    private static final int FLAG_MF = 0x2000;

    private final byte[] b;
    private final int off;
    private final int len;

    private Ipv4HeaderView(byte[] buffer, int offset, int length) {
        this.b = buffer;
        this.off = offset;
        this.len = length;
    }

    /** A view of the bytes {@code [offset, offset+length)} of {@code buffer}. */
    public static Ipv4HeaderView wrap(byte[] buffer, int offset, int length) {
        return new Ipv4HeaderView(buffer, offset, Math.max(0, Math.min(length, buffer.length - offset)));
    }

    /**
     * Null when the bytes hold a well-formed IPv4 header whose total length fits in the buffer and whose checksum
     * is right; otherwise what is wrong. Bytes after the total length (Ethernet padding) are allowed.
     */
    public Malformed check() {
        if (len < MIN_HEADER_LENGTH) return Malformed.of("IPv4", "only " + len + " bytes, a header needs 20");
        if (version() != 4) return Malformed.of("IPv4", "version " + version() + ", expected 4");
        int ihl = headerLength();
        if (ihl < MIN_HEADER_LENGTH) return Malformed.of("IPv4", "header length " + ihl + " bytes is below 20");
        if (ihl > len) return Malformed.of("IPv4", "header length " + ihl + " exceeds the " + len + " bytes present");
        int total = totalLength();
        if (total < ihl) return Malformed.of("IPv4", "total length " + total + " is less than the header length " + ihl);
        if (total > len) return Malformed.of("IPv4", "total length " + total + " exceeds the " + len + " bytes present");
        if (InternetChecksum.compute(b, off, ihl) != 0) {
            return Malformed.checksum("IPv4", checksum(), expectedChecksum());
        }
        return null;
    }

    private int u8(int field) { return b[off + field] & 0xff; }

    private int u16(int field) { return ((b[off + field] & 0xff) << 8) | (b[off + field + 1] & 0xff); }

    private void put16(int field, int v) {
        b[off + field] = (byte) (v >>> 8);
        b[off + field + 1] = (byte) v;
    }

    public int version() { return u8(Field.VERSION_IHL) >>> 4; }

    /** The header length in bytes (IHL × 4); options, if any, are skipped, not interpreted. */
    public int headerLength() { return (u8(Field.VERSION_IHL) & 0xf) * 4; }

    public int tos() { return u8(Field.TOS); }

    public int totalLength() { return u16(Field.TOTAL_LENGTH); }

    public int identification() { return u16(Field.IDENTIFICATION); }

    public boolean dontFragment() { return (u16(Field.FLAGS_FRAGMENT) & FLAG_DF) != 0; }

    public boolean moreFragments() { return (u16(Field.FLAGS_FRAGMENT) & FLAG_MF) != 0; }

    /** The fragment offset in 8-byte units. */
    public int fragmentOffset() { return u16(Field.FLAGS_FRAGMENT) & 0x1fff; }

    /** Whether this is a piece of a larger datagram (MF set or a non-zero offset). */
    public boolean isFragment() { return (u16(Field.FLAGS_FRAGMENT) & (FLAG_MF | 0x1fff)) != 0; }

    public int ttl() { return u8(Field.TTL); }

    public int protocol() { return u8(Field.PROTOCOL); }

    public int checksum() { return u16(Field.CHECKSUM); }

    public Ipv4Address source() { return Ipv4Address.read(b, off + Field.SOURCE); }

    public Ipv4Address destination() { return Ipv4Address.read(b, off + Field.DESTINATION); }

    /** The offset in the buffer where the payload starts. */
    public int payloadOffset() { return off + headerLength(); }

    /** The payload's length according to the header. */
    public int payloadLength() { return totalLength() - headerLength(); }

    /** The checksum the header should carry. */
    public int expectedChecksum() {
        long sum = InternetChecksum.sum(b, off, headerLength()) - checksum();
        return InternetChecksum.finish(sum);
    }

    /** Writes a 20-byte header without options, checksum included. */
    public void writeHeader(int totalLength, int identification, boolean dontFragment, int ttl, int protocol,
                            Ipv4Address source, Ipv4Address destination) {
        b[off + Field.VERSION_IHL] = 0x45;
        b[off + Field.TOS] = 0;
        put16(Field.TOTAL_LENGTH, totalLength);
        put16(Field.IDENTIFICATION, identification);
        put16(Field.FLAGS_FRAGMENT, dontFragment ? FLAG_DF : 0);
        b[off + Field.TTL] = (byte) ttl;
        b[off + Field.PROTOCOL] = (byte) protocol;
        source.write(b, off + Field.SOURCE);
        destination.write(b, off + Field.DESTINATION);
        updateChecksum();
    }

    public void setTotalLength(int v) { put16(Field.TOTAL_LENGTH, v); }

    /** Sets the fragment offset (8-byte units) and MF, keeping DF. */
    public void setFragment(int offsetUnits, boolean moreFragments) {
        int df = u16(Field.FLAGS_FRAGMENT) & FLAG_DF;
        put16(Field.FLAGS_FRAGMENT, df | (moreFragments ? FLAG_MF : 0) | (offsetUnits & 0x1fff));
    }

    public void setTtl(int ttl) { b[off + Field.TTL] = (byte) ttl; }

    /** Recomputes the header checksum over the whole header. */
    public void updateChecksum() {
        put16(Field.CHECKSUM, 0);
        put16(Field.CHECKSUM, InternetChecksum.compute(b, off, headerLength()));
    }

    /** Decrements TTL and patches the checksum incrementally (RFC 1624), as a router does on every hop. */
    public void decrementTtl() {
        int oldWord = u16(Field.TTL);
        b[off + Field.TTL] = (byte) (ttl() - 1);
        put16(Field.CHECKSUM, InternetChecksum.update(checksum(), oldWord, u16(Field.TTL)));
    }
}
