package dev.packetlab.stack.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * Walks a DNS message's variable-length part, following compression pointers (RFC 1035 4.1.4). Every read checks
 * its bounds; damage ends the walk with {@link Bad}, which {@link DnsMessage#decode} turns into a {@link Malformed}
 * and never lets out. Offsets in reasons count from the start of the message, as Wireshark shows them.
 *
 * <p>A pointer must lead to an earlier position than every position this name has been read from so far, the rule
 * BIND applies: it admits every name a real encoder writes and makes a loop impossible, so a hostile message
 * costs at most one pass over its bytes.
 */
final class DnsReader {
    /** Why the bytes are not a message; stackless, as it is an answer rather than a bug. */
    static final class Bad extends RuntimeException {
        Bad(String reason) {
            super(reason, null, false, false);
        }
    }

    private final byte[] b;
    private final int start;
    private final int end;
    private int pos;

    DnsReader(byte[] b, int off, int len) {
        this.b = b;
        this.start = off;
        this.end = off + NetworkOrder.available(b, off, len);
        this.pos = start;
    }

    /** The current position, counted from the start of the message. */
    int offset() { return pos - start; }

    int length() { return end - start; }

    void seek(int offset) { pos = start + offset; }

    boolean atEnd() { return pos >= end; }

    private void need(int n, String what) {
        if (pos + n > end) {
            throw new Bad(what + " at offset " + offset() + " needs " + n + " bytes, the message ends after " + length());
        }
    }

    int u8(String what) {
        need(1, what);
        return b[pos++] & 0xff;
    }

    int u16(String what) {
        need(2, what);
        int v = NetworkOrder.u16(b, pos);
        pos += 2;
        return v;
    }

    long u32(String what) {
        need(4, what);
        long v = Ipv4Address.bits(b, pos) & 0xffff_ffffL;
        pos += 4;
        return v;
    }

    /** Reads a possibly compressed name; the position moves past it (past its first pointer, if it has one). */
    DnsName name() {
        List<String> labels = new ArrayList<>();
        int p = pos;
        int earliest = pos - start; // a pointer must lead before this
        int resume = -1;
        int wire = 1;
        while (true) {
            if (p >= end) throw new Bad("name at offset " + (pos - start) + " runs past the end of the message");
            int at = p - start;
            int len = b[p] & 0xff;
            switch (len & 0xc0) {
                case 0x00 -> {
                    if (len == 0) {
                        pos = resume >= 0 ? resume : p + 1;
                        return labels.isEmpty() ? DnsName.ROOT : DnsName.of(labels);
                    }
                    if (p + 1 + len > end) {
                        throw new Bad("label of " + len + " bytes at offset " + at + " runs past the end of the message");
                    }
                    wire += 1 + len;
                    if (wire > DnsName.MAX_WIRE_LENGTH) {
                        throw new Bad("name at offset " + (pos - start) + " is longer than 255 bytes (RFC 1035 2.3.4)");
                    }
                    labels.add(new String(b, p + 1, len, java.nio.charset.StandardCharsets.ISO_8859_1));
                    p += 1 + len;
                }
                case 0xc0 -> {
                    if (p + 1 >= end) throw new Bad("compression pointer at offset " + at + " is cut off");
                    int target = ((len & 0x3f) << 8) | (b[p + 1] & 0xff);
                    if (resume < 0) resume = p + 2;
                    if (target == at) {
                        throw new Bad("compression pointer at offset " + at + " points to itself (a loop)");
                    }
                    if (target > at) {
                        throw new Bad("compression pointer at offset " + at + " points forward to " + target
                                + " (RFC 1035 4.1.4: only to a prior name)");
                    }
                    if (target >= earliest) {
                        throw new Bad("compression pointer at offset " + at + " points back to " + target
                                + ", inside the name it is part of (a loop)");
                    }
                    earliest = target;
                    p = start + target;
                }
                default -> throw new Bad("label type 0x" + Integer.toHexString(len & 0xc0) + " at offset " + at
                        + " is not defined (only lengths and 0xc0 pointers are)");
            }
        }
    }

    DnsQuestion question() {
        DnsName name = name();
        int type = u16("question type");
        int dnsClass = u16("question class");
        return new DnsQuestion(name, type, dnsClass);
    }

    DnsRecord record() {
        DnsName name = name();
        int type = u16("record type");
        int dnsClass = u16("record class");
        long ttl = u32("record TTL");
        int rdlength = u16("record data length");
        int dataStart = pos;
        if (pos + rdlength > end) {
            throw new Bad(DnsType.name(type) + " record data of " + rdlength + " bytes at offset " + offset()
                    + " runs past the end of the message (" + length() + " bytes)");
        }
        DnsRdata data = rdata(type, rdlength);
        if (pos != dataStart + rdlength) {
            throw new Bad(DnsType.name(type) + " record data at offset " + (dataStart - start) + " is " + rdlength
                    + " bytes but its fields take " + (pos - dataStart));
        }
        return new DnsRecord(name, dnsClass, ttl, data);
    }

    private DnsRdata rdata(int type, int rdlength) {
        int dataEnd = pos + rdlength;
        return switch (type) {
            case DnsType.A -> {
                exact(type, rdlength, 4);
                Ipv4Address a = Ipv4Address.read(b, pos);
                pos += 4;
                yield new DnsRdata.A(a);
            }
            case DnsType.AAAA -> {
                exact(type, rdlength, 16);
                long high = (u32("AAAA") << 32) | u32("AAAA");
                long low = (u32("AAAA") << 32) | u32("AAAA");
                yield new DnsRdata.Aaaa(high, low);
            }
            case DnsType.CNAME -> new DnsRdata.Cname(nameWithin(dataEnd, type));
            case DnsType.NS -> new DnsRdata.Ns(nameWithin(dataEnd, type));
            case DnsType.PTR -> new DnsRdata.Ptr(nameWithin(dataEnd, type));
            case DnsType.MX -> {
                if (rdlength < 3) throw new Bad("MX record data of " + rdlength + " bytes is too short");
                int preference = u16("MX preference");
                yield new DnsRdata.Mx(preference, nameWithin(dataEnd, type));
            }
            case DnsType.SOA -> {
                DnsName mname = nameWithin(dataEnd, type);
                DnsName rname = nameWithin(dataEnd, type);
                if (pos + 20 > dataEnd) throw new Bad("SOA record data at offset " + offset() + " lacks its 20 bytes of numbers");
                yield new DnsRdata.Soa(mname, rname, u32("SOA serial"), u32("SOA refresh"), u32("SOA retry"),
                        u32("SOA expire"), u32("SOA minimum"));
            }
            case DnsType.TXT -> {
                if (rdlength == 0) throw new Bad("TXT record data is empty; it needs at least one string (RFC 1035 3.3.14)");
                List<String> strings = new ArrayList<>();
                while (pos < dataEnd) {
                    int n = b[pos] & 0xff;
                    if (pos + 1 + n > dataEnd) {
                        throw new Bad("TXT string of " + n + " bytes at offset " + offset() + " runs past its record data");
                    }
                    strings.add(new String(b, pos + 1, n, java.nio.charset.StandardCharsets.ISO_8859_1));
                    pos += 1 + n;
                }
                yield new DnsRdata.Txt(strings);
            }
            default -> {
                Payload p = Payload.copyOf(b, pos, rdlength);
                pos += rdlength;
                yield new DnsRdata.Unknown(type, p);
            }
        };
    }

    private void exact(int type, int rdlength, int expected) {
        if (rdlength != expected) {
            throw new Bad(DnsType.name(type) + " record data is " + rdlength + " bytes, not " + expected);
        }
    }

    /** A name inside record data: its uncompressed part must end within the data. */
    private DnsName nameWithin(int dataEnd, int type) {
        int at = offset();
        DnsName n = name();
        if (pos > dataEnd) {
            throw new Bad(DnsType.name(type) + " record's name at offset " + at + " runs past its record data");
        }
        return n;
    }
}
