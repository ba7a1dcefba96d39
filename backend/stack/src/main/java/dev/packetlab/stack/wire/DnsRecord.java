package dev.packetlab.stack.wire;

/**
 * A resource record (RFC 1035 4.1.3): owner name, class, time to live in seconds, and typed data, from which the
 * record's type comes, so a record cannot claim one type and hold another's data.
 */
public record DnsRecord(DnsName name, int dnsClass, long ttl, DnsRdata data) {
    /** RFC 2181 8: TTLs are 31-bit; a larger value received is treated as zero. */
    public static final long MAX_TTL = 0x7fff_ffffL;

    public DnsRecord {
        if (name == null || data == null) throw new IllegalArgumentException("null name or data");
        if ((dnsClass & ~0xffff) != 0) throw new IllegalArgumentException("class must be 0..65535");
        if (ttl < 0 || ttl > 0xffff_ffffL) throw new IllegalArgumentException("TTL must be a 32-bit unsigned number, got " + ttl);
    }

    /** A record of class IN. */
    public DnsRecord(DnsName name, long ttl, DnsRdata data) {
        this(name, DnsType.CLASS_IN, ttl, data);
    }

    public int type() { return data.type(); }

    /** The same record with another TTL (a cache hands out what is left of it). */
    public DnsRecord withTtl(long newTtl) {
        return new DnsRecord(name, dnsClass, newTtl, data);
    }

    /** Master-file form, one space between fields: {@code www.example.lab. 300 IN A 10.0.1.80}. */
    @Override
    public String toString() {
        return name + " " + ttl + " " + DnsType.className(dnsClass) + " " + DnsType.name(type()) + " " + data;
    }
}
