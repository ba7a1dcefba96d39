package dev.packetlab.stack.wire;

import static dev.packetlab.stack.wire.NetworkOrder.put16;
import static dev.packetlab.stack.wire.NetworkOrder.u16;
import static dev.packetlab.stack.wire.NetworkOrder.u8;

/**
 * Reads and writes an IPv4 packet's header in place (RFC 791 3.1). A flyweight over a byte range: wrapping
 * allocates nothing but the view. Call {@link #check()} before trusting a received header; getters on unchecked
 * bytes may read past the header's end.
 */
public final class Ipv4HeaderView {
    /** Byte offsets of the header fields (RFC 791 3.1, the header format figure). */
    static final class Field {
        static final int VERSION_IHL = 0;
        /** DSCP in the top six bits (RFC 2474), ECN in the bottom two (RFC 3168). */
        static final int TOS = 1;
        static final int TOTAL_LENGTH = 2;
        static final int IDENTIFICATION = 4;
        static final int FLAGS_FRAGMENT = 6;
        static final int TTL = 8;
        static final int PROTOCOL = 9;
        static final int CHECKSUM = 10;
        static final int SOURCE = 12;
        static final int DESTINATION = 16;
        static final int OPTIONS = 20;
    }

    public static final int MIN_HEADER_LENGTH = Field.OPTIONS;
    /** IHL is four bits of 32-bit words. */
    public static final int MAX_HEADER_LENGTH = 60;
    public static final int MAX_TOTAL_LENGTH = 65_535;
    /** Protocol numbers (IANA "Assigned Internet Protocol Numbers"). */
    public static final int PROTOCOL_ICMP = 1;
    public static final int PROTOCOL_TCP = 6;
    public static final int PROTOCOL_UDP = 17;
    private static final int FLAG_DF = 0x4000;
    private static final int FLAG_MF = 0x2000;
    private static final int OFFSET_MASK = 0x1fff;

    private final byte[] b;
    private final int off;
    private final int len;

    private Ipv4HeaderView(byte[] buffer, int offset, int length) {
        this.b = buffer;
        this.off = offset;
        this.len = length;
    }

    /** A view of the packet in {@code [offset, offset+length)} of {@code buffer}. */
    public static Ipv4HeaderView wrap(byte[] buffer, int offset, int length) {
        return new Ipv4HeaderView(buffer, offset, NetworkOrder.available(buffer, offset, length));
    }

    /**
     * Null when the bytes hold a well-formed IPv4 header whose total length fits in the bytes captured and whose
     * checksum is right; otherwise what is wrong, a checksum mismatch flagged apart (RFC 1812 5.2.2: a router
     * verifies the checksum and drops silently). Bytes after the total length (Ethernet padding) are allowed.
     */
    public Malformed check() {
        Malformed m = checkStructure();
        if (m != null) return m;
        int ihl = headerLength();
        if (InternetChecksum.compute(b, off, ihl) != 0) return Malformed.checksum("IPv4", checksum(), expectedChecksum());
        return null;
    }

    /** As {@link #check()} without verifying the checksum: for packets this host has just built or patched. */
    public Malformed checkStructure() {
        if (len < MIN_HEADER_LENGTH) return Malformed.of("IPv4", "only " + len + " bytes, a header needs 20");
        if (version() != 4) return Malformed.of("IPv4", "version " + version() + ", expected 4");
        int ihl = headerLength();
        if (ihl < MIN_HEADER_LENGTH) {
            return Malformed.of("IPv4", "header length " + ihl + " bytes (IHL " + ihl / 4 + ") is below 20");
        }
        if (ihl > len) return Malformed.of("IPv4", "header length " + ihl + " exceeds the " + len + " bytes captured");
        int total = totalLength();
        if (total < ihl) return Malformed.of("IPv4", "total length " + total + " is less than the header length " + ihl);
        if (total > len) return Malformed.of("IPv4", "total length " + total + " exceeds the " + len + " bytes captured");
        return null;
    }

    /** The bytes this view covers (captured, which may be more than the total length). */
    public int length() { return len; }

    public int version() { return u8(b, off + Field.VERSION_IHL) >>> 4; }

    /** The header length in bytes (IHL × 4); options, if any, are skipped, not interpreted. */
    public int headerLength() { return (u8(b, off + Field.VERSION_IHL) & 0xf) * 4; }

    /** The whole second byte: DSCP and ECN together, as older tools show it. */
    public int tos() { return u8(b, off + Field.TOS); }

    /** Differentiated Services code point (RFC 2474 3). */
    public int dscp() { return tos() >>> 2; }

    /** Explicit Congestion Notification (RFC 3168 5). */
    public int ecn() { return tos() & 3; }

    public int totalLength() { return u16(b, off + Field.TOTAL_LENGTH); }

    public int identification() { return u16(b, off + Field.IDENTIFICATION); }

    public boolean dontFragment() { return (u16(b, off + Field.FLAGS_FRAGMENT) & FLAG_DF) != 0; }

    public boolean moreFragments() { return (u16(b, off + Field.FLAGS_FRAGMENT) & FLAG_MF) != 0; }

    /** The fragment offset in 8-byte units (RFC 791 3.1). */
    public int fragmentOffset() { return u16(b, off + Field.FLAGS_FRAGMENT) & OFFSET_MASK; }

    /** Whether this is a piece of a larger datagram (MF set or a non-zero offset). */
    public boolean isFragment() { return (u16(b, off + Field.FLAGS_FRAGMENT) & (FLAG_MF | OFFSET_MASK)) != 0; }

    public int ttl() { return u8(b, off + Field.TTL); }

    public int protocol() { return u8(b, off + Field.PROTOCOL); }

    public int checksum() { return u16(b, off + Field.CHECKSUM); }

    public Ipv4Address source() { return Ipv4Address.read(b, off + Field.SOURCE); }

    public Ipv4Address destination() { return Ipv4Address.read(b, off + Field.DESTINATION); }

    /** The source as bits, for lookups without allocating. */
    public int sourceBits() { return Ipv4Address.bits(b, off + Field.SOURCE); }

    public int destinationBits() { return Ipv4Address.bits(b, off + Field.DESTINATION); }

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
        setVersionAndHeaderLength(MIN_HEADER_LENGTH);
        b[off + Field.TOS] = 0;
        setTotalLength(totalLength);
        setIdentification(identification);
        put16(b, off + Field.FLAGS_FRAGMENT, dontFragment ? FLAG_DF : 0);
        setTtl(ttl);
        setProtocol(protocol);
        setSource(source);
        setDestination(destination);
        updateChecksum();
    }

    /** Version 4 and the IHL for {@code headerLength} bytes (a multiple of 4, 20..60). */
    public void setVersionAndHeaderLength(int headerLength) { b[off + Field.VERSION_IHL] = (byte) (0x40 | (headerLength >>> 2)); }

    public void setDscpEcn(int dscp, int ecn) { b[off + Field.TOS] = (byte) ((dscp << 2) | (ecn & 3)); }

    public void setTotalLength(int v) { put16(b, off + Field.TOTAL_LENGTH, v); }

    public void setIdentification(int v) { put16(b, off + Field.IDENTIFICATION, v); }

    public void setDontFragment(boolean df) {
        int word = u16(b, off + Field.FLAGS_FRAGMENT);
        put16(b, off + Field.FLAGS_FRAGMENT, df ? word | FLAG_DF : word & ~FLAG_DF);
    }

    /** Sets the fragment offset (8-byte units) and MF, keeping DF. */
    public void setFragment(int offsetUnits, boolean moreFragments) {
        int df = u16(b, off + Field.FLAGS_FRAGMENT) & FLAG_DF;
        put16(b, off + Field.FLAGS_FRAGMENT, df | (moreFragments ? FLAG_MF : 0) | (offsetUnits & OFFSET_MASK));
    }

    /** Sets TTL without touching the checksum; see {@link #setTtlPatchingChecksum(int)} for forwarding. */
    public void setTtl(int ttl) { b[off + Field.TTL] = (byte) ttl; }

    public void setProtocol(int protocol) { b[off + Field.PROTOCOL] = (byte) protocol; }

    public void setSource(Ipv4Address a) { a.write(b, off + Field.SOURCE); }

    public void setDestination(Ipv4Address a) { a.write(b, off + Field.DESTINATION); }

    /** Recomputes the header checksum over the whole header. */
    public void updateChecksum() {
        put16(b, off + Field.CHECKSUM, 0);
        put16(b, off + Field.CHECKSUM, InternetChecksum.compute(b, off, headerLength()));
    }

    /**
     * Sets TTL and patches the checksum incrementally (RFC 1624 eqn. 3), touching three bytes instead of summing
     * the header again. TTL shares its 16-bit word with the protocol, so that whole word is the one that changed.
     */
    public void setTtlPatchingChecksum(int ttl) {
        int oldWord = u16(b, off + Field.TTL);
        b[off + Field.TTL] = (byte) ttl;
        put16(b, off + Field.CHECKSUM, InternetChecksum.update(checksum(), oldWord, u16(b, off + Field.TTL)));
    }

    /** Decrements TTL and patches the checksum incrementally, as a router does on every hop (RFC 1812 5.3.1). */
    public void decrementTtl() { setTtlPatchingChecksum(ttl() - 1); }
}
