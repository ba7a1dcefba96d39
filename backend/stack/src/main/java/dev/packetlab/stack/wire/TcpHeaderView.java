package dev.packetlab.stack.wire;

import static dev.packetlab.stack.wire.NetworkOrder.put16;
import static dev.packetlab.stack.wire.NetworkOrder.u16;
import static dev.packetlab.stack.wire.NetworkOrder.u8;

/**
 * Reads and writes a TCP segment in place (RFC 9293 3.1): ports, sequence and acknowledgment numbers, data offset,
 * flags, window, the checksum over the IPv4 pseudo-header, header and data, the urgent pointer and the options.
 * Wrapped over the IP payload, so the segment's length is the length of the view: TCP has no length field of its own.
 *
 * <p>Sequence and acknowledgment numbers are {@code long}s holding the unsigned 32-bit value, 0..2^32−1, so that
 * they print as Wireshark and the RFC write them. Comparing them is the TCP layer's business: RFC 9293 3.4 sequence
 * space arithmetic is modulo 2^32, never a plain {@code <} on these values.
 *
 * <p>Call {@link #checkStructure()} or {@link #check} before trusting a received segment; getters on unchecked bytes
 * may read past its end.
 */
public final class TcpHeaderView {
    /** Byte offsets of the header fields (RFC 9293 3.1, the header format figure). */
    static final class Field {
        static final int SOURCE_PORT = 0;
        static final int DESTINATION_PORT = 2;
        static final int SEQUENCE = 4;
        static final int ACKNOWLEDGMENT = 8;
        /** Data offset in the top four bits; the bottom four are reserved (RFC 9293 3.1) and sent as zero. */
        static final int DATA_OFFSET = 12;
        static final int FLAGS = 13;
        static final int WINDOW = 14;
        static final int CHECKSUM = 16;
        static final int URGENT_POINTER = 18;
        static final int OPTIONS = 20;
    }

    public static final int MIN_HEADER_LENGTH = Field.OPTIONS;
    /** The data offset is four bits of 32-bit words. */
    public static final int MAX_HEADER_LENGTH = 60;
    public static final int PROTOCOL = Ipv4HeaderView.PROTOCOL_TCP;

    /** Control bits (RFC 9293 3.1; CWR and ECE from RFC 3168 6.1), as they sit in the flags byte. */
    public static final int FLAG_FIN = 0x01;
    public static final int FLAG_SYN = 0x02;
    public static final int FLAG_RST = 0x04;
    public static final int FLAG_PSH = 0x08;
    public static final int FLAG_ACK = 0x10;
    public static final int FLAG_URG = 0x20;
    public static final int FLAG_ECE = 0x40;
    public static final int FLAG_CWR = 0x80;
    /** Names in the order Wireshark lists them ("[FIN, PSH, ACK]", "[SYN, ECE, CWR]"), lowest bit first. */
    private static final String[] FLAG_NAMES = {"FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR"};

    private final byte[] b;
    private final int off;
    private final int len;

    private TcpHeaderView(byte[] b, int off, int len) {
        this.b = b;
        this.off = off;
        this.len = len;
    }

    /** A view of the TCP segment in {@code [offset, offset+length)}: the IP payload, header and data. */
    public static TcpHeaderView wrap(byte[] buffer, int offset, int length) {
        return new TcpHeaderView(buffer, offset, NetworkOrder.available(buffer, offset, length));
    }

    /** "SYN, ACK" for {@code FLAG_SYN | FLAG_ACK}, Wireshark's order; empty for no flags. */
    public static String flagNames(int flags) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < FLAG_NAMES.length; i++) {
            if ((flags & (1 << i)) == 0) continue;
            if (!s.isEmpty()) s.append(", ");
            s.append(FLAG_NAMES[i]);
        }
        return s.toString();
    }

    /**
     * Null when the header fits in the bytes present, its data offset is at least 5 and its options are well formed
     * (see {@link #checkOptions()}); the checksum is not looked at.
     */
    public Malformed checkStructure() {
        if (len < MIN_HEADER_LENGTH) return Malformed.of("TCP", "only " + len + " bytes, a header needs 20");
        int h = headerLength();
        if (h < MIN_HEADER_LENGTH) {
            return Malformed.of("TCP", "data offset " + dataOffset() + " (" + h + " bytes) is below 5 (20 bytes)");
        }
        if (h > len) return Malformed.of("TCP", "header length " + h + " exceeds the " + len + " bytes present");
        return checkOptions();
    }

    /**
     * Null when the segment is well formed and its checksum is right for these addresses (RFC 9293 3.1: the checksum
     * covers the pseudo-header, so a segment delivered to the wrong address fails it). A mismatch is flagged apart.
     */
    public Malformed check(Ipv4Address source, Ipv4Address destination) {
        Malformed m = checkStructure();
        if (m != null) return m;
        long sum = InternetChecksum.pseudoHeaderSum(source.value(), destination.value(), PROTOCOL, len)
                + InternetChecksum.sum(b, off, len);
        if (InternetChecksum.finish(sum) != 0) {
            return Malformed.checksum("TCP", checksum(), expectedChecksum(source, destination));
        }
        return null;
    }

    /**
     * Null when the options region (header bytes 20 up to the data offset) is a well-formed option list, RFC 9293 3.2:
     * End of Option List ends it (the rest is padding), No-Operation is one byte, every other kind has a length byte
     * of at least 2 that stays inside the header. MSS (4), window scale (3, RFC 7323 2.2), SACK-permitted (2,
     * RFC 2018 2) and timestamps (10, RFC 7323 3.2) must have exactly their length; SACK, 2 + 8 per block with at
     * least one block (RFC 2018 3). Unknown kinds are skipped by their length, as RFC 9293 3.2 requires.
     * Assumes the header fits ({@link #checkStructure()} calls this after checking that).
     */
    public Malformed checkOptions() {
        int end = optionsEnd();
        for (int at = optionsOffset(); at < end; ) {
            int kind = u8(b, at);
            if (kind == TcpOptions.KIND_END) return null;
            if (kind == TcpOptions.KIND_NOP) {
                at++;
                continue;
            }
            int where = at - off;
            if (at + 1 >= end) {
                return Malformed.of("TCP", "option kind " + kind + " at byte " + where + " has no length byte");
            }
            int length = u8(b, at + 1);
            if (length < 2) {
                return Malformed.of("TCP", "option kind " + kind + " at byte " + where + " has length " + length + ", below 2");
            }
            if (at + length > end) {
                return Malformed.of("TCP", "option kind " + kind + " at byte " + where + " of length " + length
                        + " runs past the " + headerLength() + "-byte header");
            }
            int fixed = TcpOptions.fixedLength(kind);
            if (fixed != 0 && length != fixed) {
                return Malformed.of("TCP", TcpOptions.kindName(kind) + " option at byte " + where + " has length "
                        + length + ", expected " + fixed);
            }
            if (kind == TcpOptions.KIND_SACK && (length < 10 || (length - 2) % 8 != 0)) {
                return Malformed.of("TCP", "SACK option at byte " + where + " has length " + length
                        + ", expected 2 + 8 per block");
            }
            at += length;
        }
        return null;
    }

    /** The bytes this view covers: the whole segment, header and data. */
    public int length() { return len; }

    public int sourcePort() { return u16(b, off + Field.SOURCE_PORT); }

    public int destinationPort() { return u16(b, off + Field.DESTINATION_PORT); }

    /** SEG.SEQ, unsigned: 0..2^32−1. */
    public long sequenceNumber() { return u32(b, off + Field.SEQUENCE); }

    /** SEG.ACK, unsigned: 0..2^32−1; meaningful only when ACK is set (RFC 9293 3.1). */
    public long acknowledgmentNumber() { return u32(b, off + Field.ACKNOWLEDGMENT); }

    /** The data offset field: the header length in 32-bit words. */
    public int dataOffset() { return u8(b, off + Field.DATA_OFFSET) >>> 4; }

    /** The header length in bytes (data offset × 4), options included. */
    public int headerLength() { return dataOffset() * 4; }

    /** The eight control bits (CWR down to FIN); combine with the {@code FLAG_} constants. */
    public int flags() { return u8(b, off + Field.FLAGS); }

    public boolean cwr() { return (flags() & FLAG_CWR) != 0; }

    public boolean ece() { return (flags() & FLAG_ECE) != 0; }

    public boolean urg() { return (flags() & FLAG_URG) != 0; }

    public boolean ack() { return (flags() & FLAG_ACK) != 0; }

    public boolean psh() { return (flags() & FLAG_PSH) != 0; }

    public boolean rst() { return (flags() & FLAG_RST) != 0; }

    public boolean syn() { return (flags() & FLAG_SYN) != 0; }

    public boolean fin() { return (flags() & FLAG_FIN) != 0; }

    /** SEG.WND as sent, before any window scaling (RFC 7323 2.3: never scaled in a SYN). */
    public int window() { return u16(b, off + Field.WINDOW); }

    public int checksum() { return u16(b, off + Field.CHECKSUM); }

    /** SEG.UP: an offset from SEG.SEQ, meaningful only when URG is set. */
    public int urgentPointer() { return u16(b, off + Field.URGENT_POINTER); }

    /** Where the options start in the buffer. */
    public int optionsOffset() { return off + Field.OPTIONS; }

    /** How many bytes of options (and their padding) the header carries: 0..40. */
    public int optionsLength() { return headerLength() - MIN_HEADER_LENGTH; }

    /** Where the options end in the buffer: the start of the data. */
    public int optionsEnd() { return off + headerLength(); }

    /** The kind of the option at buffer offset {@code at}, inside a checked options region. */
    public int optionKind(int at) { return u8(b, at); }

    /**
     * The length of the option at {@code at} in a checked options region: 1 for No-Operation, the rest of the
     * region for End of Option List (what follows it is padding), otherwise its length byte.
     */
    public int optionLength(int at) {
        int kind = u8(b, at);
        if (kind == TcpOptions.KIND_END) return optionsEnd() - at;
        if (kind == TcpOptions.KIND_NOP) return 1;
        return u8(b, at + 1);
    }

    /** Where the data starts in the buffer. */
    public int payloadOffset() { return off + headerLength(); }

    /** The data's length: what the IP payload holds after the header. */
    public int payloadLength() { return len - headerLength(); }

    /** The checksum this segment should carry for these addresses. */
    public int expectedChecksum(Ipv4Address source, Ipv4Address destination) {
        long sum = InternetChecksum.pseudoHeaderSum(source.value(), destination.value(), PROTOCOL, len)
                + InternetChecksum.sum(b, off, len) - checksum();
        return InternetChecksum.finish(sum);
    }

    public void setSourcePort(int port) { put16(b, off + Field.SOURCE_PORT, port); }

    public void setDestinationPort(int port) { put16(b, off + Field.DESTINATION_PORT, port); }

    /** Writes the low 32 bits of {@code seq}. */
    public void setSequenceNumber(long seq) { put32(b, off + Field.SEQUENCE, seq); }

    public void setAcknowledgmentNumber(long ack) { put32(b, off + Field.ACKNOWLEDGMENT, ack); }

    /** The data offset for a header of {@code headerLength} bytes (a multiple of 4, 20..60); clears the reserved bits. */
    public void setHeaderLength(int headerLength) { b[off + Field.DATA_OFFSET] = (byte) ((headerLength >>> 2) << 4); }

    public void setFlags(int flags) { b[off + Field.FLAGS] = (byte) flags; }

    public void setWindow(int window) { put16(b, off + Field.WINDOW, window); }

    public void setChecksum(int checksum) { put16(b, off + Field.CHECKSUM, checksum); }

    public void setUrgentPointer(int urgentPointer) { put16(b, off + Field.URGENT_POINTER, urgentPointer); }

    /** Computes and writes the checksum over pseudo-header, header and data; everything else must be written. */
    public void updateChecksum(Ipv4Address source, Ipv4Address destination) {
        setChecksum(0);
        setChecksum(expectedChecksum(source, destination));
    }

    /** The buffer under the view, for {@link TcpOptions#parse} to read option values from. */
    byte[] buffer() { return b; }

    /** An unsigned 32-bit big-endian value (sequence numbers, timestamps). */
    static long u32(byte[] b, int at) { return ((long) u16(b, at) << 16) | u16(b, at + 2); }

    static void put32(byte[] b, int at, long v) {
        put16(b, at, (int) (v >>> 16) & 0xffff);
        put16(b, at + 2, (int) v & 0xffff);
    }
}
