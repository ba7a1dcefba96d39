package dev.packetlab.stack.wire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a DNS message with name compression (RFC 1035 4.1.4): each name's longest suffix already written is
 * replaced by a pointer to it. Suffixes are matched exactly, case included, so every name arrives spelt as it was
 * given. A record can be taken back ({@link #mark}, {@link #rewind}) when it does not fit the size limit, its
 * compression targets with it.
 */
final class DnsWriter {
    /** Pointers have 14 bits: a suffix written further in cannot be pointed to. */
    private static final int MAX_POINTER = 0x3fff;

    private byte[] b = new byte[512];
    private int pos;
    private final Map<String, Integer> suffixes = new HashMap<>();
    private final List<String> added = new ArrayList<>();

    int position() { return pos; }

    private void ensure(int n) {
        if (pos + n > b.length) b = Arrays.copyOf(b, Math.max(b.length * 2, pos + n));
    }

    void u8(int v) {
        ensure(1);
        b[pos++] = (byte) v;
    }

    void u16(int v) {
        ensure(2);
        NetworkOrder.put16(b, pos, v);
        pos += 2;
    }

    void u32(long v) {
        ensure(4);
        new Ipv4Address((int) v).write(b, pos);
        pos += 4;
    }

    void put16At(int at, int v) { NetworkOrder.put16(b, at, v); }

    void name(DnsName name) {
        List<String> labels = name.labels();
        for (int i = 0; i < labels.size(); i++) {
            String key = suffixKey(labels, i);
            Integer target = suffixes.get(key);
            if (target != null) {
                u16(0xc000 | target);
                return;
            }
            if (pos <= MAX_POINTER) {
                suffixes.put(key, pos);
                added.add(key);
            }
            String label = labels.get(i);
            u8(label.length());
            octets(label);
        }
        u8(0);
    }

    private static String suffixKey(List<String> labels, int from) {
        StringBuilder k = new StringBuilder();
        for (int i = from; i < labels.size(); i++) k.append(labels.get(i).length()).append(':').append(labels.get(i));
        return k.toString();
    }

    /** A string's chars as octets (each 0–255). */
    void octets(String s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) b[pos++] = (byte) s.charAt(i);
    }

    void question(DnsQuestion q) {
        name(q.name());
        u16(q.type());
        u16(q.dnsClass());
    }

    void record(DnsRecord r) {
        name(r.name());
        u16(r.type());
        u16(r.dnsClass());
        u32(r.ttl());
        int lengthAt = pos;
        u16(0);
        int dataStart = pos;
        switch (r.data()) {
            case DnsRdata.A a -> u32(a.address().value() & 0xffff_ffffL);
            case DnsRdata.Aaaa a -> {
                u32(a.high() >>> 32);
                u32(a.high());
                u32(a.low() >>> 32);
                u32(a.low());
            }
            case DnsRdata.Cname c -> name(c.target());
            case DnsRdata.Ns n -> name(n.host());
            case DnsRdata.Ptr p -> name(p.target());
            case DnsRdata.Mx m -> {
                u16(m.preference());
                name(m.exchange());
            }
            case DnsRdata.Soa s -> {
                name(s.mname());
                name(s.rname());
                u32(s.serial());
                u32(s.refresh());
                u32(s.retry());
                u32(s.expire());
                u32(s.minimum());
            }
            case DnsRdata.Txt t -> {
                for (String s : t.strings()) {
                    u8(s.length());
                    octets(s);
                }
            }
            case DnsRdata.Unknown u -> {
                ensure(u.data().length());
                pos += u.data().copyTo(b, pos);
            }
        }
        put16At(lengthAt, pos - dataStart);
    }

    /** Where the writer is, to {@link #rewind} to. */
    long mark() {
        return ((long) added.size() << 32) | pos;
    }

    /** Takes back everything written since {@code mark}, compression targets included. */
    void rewind(long mark) {
        int keep = (int) (mark >>> 32);
        while (added.size() > keep) suffixes.remove(added.remove(added.size() - 1));
        pos = (int) mark;
    }

    byte[] toBytes() { return Arrays.copyOf(b, pos); }
}
