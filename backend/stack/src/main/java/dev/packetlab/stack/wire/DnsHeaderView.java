package dev.packetlab.stack.wire;

import static dev.packetlab.stack.wire.NetworkOrder.put16;
import static dev.packetlab.stack.wire.NetworkOrder.u16;

/**
 * Reads and writes the fixed 12-byte header of a DNS message in place (RFC 1035 4.1.1): the ID, the flags word
 * (QR, opcode, AA, TC, RD, RA, the Z/AD/CD bits, RCODE) and the four section counts. The sections after it are
 * variable-length and read by {@link DnsMessage#decode}.
 */
public final class DnsHeaderView {
    static final class Field {
        static final int ID = 0;
        static final int FLAGS = 2;
        static final int QDCOUNT = 4;
        static final int ANCOUNT = 6;
        static final int NSCOUNT = 8;
        static final int ARCOUNT = 10;
    }

    public static final int HEADER_LENGTH = 12;
    /** The well-known port, over UDP and TCP alike (RFC 1035 4.2). */
    public static final int PORT = 53;
    /** RFC 1035 4.2.1: the most a UDP message may carry without EDNS; a longer answer is truncated and TC set. */
    public static final int MAX_UDP_LENGTH = 512;

    private final byte[] b;
    private final int off;
    private final int len;

    private DnsHeaderView(byte[] b, int off, int len) {
        this.b = b;
        this.off = off;
        this.len = len;
    }

    /** A view of the message in {@code [offset, offset+length)} (a UDP payload, or a TCP message after its length). */
    public static DnsHeaderView wrap(byte[] buffer, int offset, int length) {
        return new DnsHeaderView(buffer, offset, NetworkOrder.available(buffer, offset, length));
    }

    /** Null when the 12 header bytes are present. */
    public Malformed checkStructure() {
        return len < HEADER_LENGTH ? Malformed.of("DNS", "only " + len + " bytes, a header needs 12") : null;
    }

    public int id() { return u16(b, off + Field.ID); }

    /** The whole flags word. */
    public int flags() { return u16(b, off + Field.FLAGS); }

    public boolean isResponse() { return (flags() & DnsMessage.QR) != 0; }

    public int opcode() { return (flags() >>> 11) & 0xf; }

    public boolean truncated() { return (flags() & DnsMessage.TC) != 0; }

    public int rcode() { return flags() & 0xf; }

    public int questionCount() { return u16(b, off + Field.QDCOUNT); }

    public int answerCount() { return u16(b, off + Field.ANCOUNT); }

    public int authorityCount() { return u16(b, off + Field.NSCOUNT); }

    public int additionalCount() { return u16(b, off + Field.ARCOUNT); }

    /** The bytes present for the whole message. */
    public int length() { return len; }

    public void setId(int id) { put16(b, off + Field.ID, id); }

    public void setFlags(int flags) { put16(b, off + Field.FLAGS, flags); }

    /** Writes the four section counts. */
    public void setCounts(int questions, int answers, int authorities, int additionals) {
        put16(b, off + Field.QDCOUNT, questions);
        put16(b, off + Field.ANCOUNT, answers);
        put16(b, off + Field.NSCOUNT, authorities);
        put16(b, off + Field.ARCOUNT, additionals);
    }
}
