package dev.packetlab.stack.wire;

/** An entry of a message's question section: the name, the type and class asked for (RFC 1035 4.1.2). */
public record DnsQuestion(DnsName name, int type, int dnsClass) {
    public DnsQuestion {
        if (name == null) throw new IllegalArgumentException("null name");
        if ((type & ~0xffff) != 0 || (dnsClass & ~0xffff) != 0) throw new IllegalArgumentException("type and class are 16-bit");
    }

    /** A question of class IN. */
    public DnsQuestion(DnsName name, int type) {
        this(name, type, DnsType.CLASS_IN);
    }

    /** As dig's QUESTION SECTION shows it: {@code ;www.example.lab.		IN	A}. */
    @Override
    public String toString() {
        return ";" + name + " " + DnsType.className(dnsClass) + " " + DnsType.name(type);
    }
}
