package dev.packetlab.stack.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * The DNS layer of a {@link Dissection}, with Wireshark's field names ({@code dns.id}, {@code dns.flags.rcode},
 * {@code dns.qry.name}, {@code dns.a}…) and its Info column ("Standard query response 0x1a2b A www.example.lab A
 * 10.0.1.80"), so a learner who filters here can filter the same way in Wireshark. A message that does not decode
 * keeps the layers below it and says why.
 */
final class DnsDissector {
    private DnsDissector() {}

    /**
     * Adds the DNS layer for the message in {@code frame[at, at+length)}; {@code lengthPrefix} is true over TCP,
     * where two bytes of length come first (RFC 1035 4.2.2).
     */
    static Dissection dissect(byte[] frame, List<Dissection.Layer> layers, int at, int length, boolean lengthPrefix,
                              String s, String d) {
        int start = lengthPrefix ? at + 2 : at;
        int len = lengthPrefix ? length - 2 : length;
        Decoded<DnsMessage> decoded = DnsMessage.decode(frame, start, len);
        if (decoded instanceof Decoded.Failure<DnsMessage> f) {
            return new Dissection("DNS", s, d, "malformed: " + f.malformed().reason(), layers, f.malformed());
        }
        DnsMessage m = decoded.orThrow();
        List<Dissection.Field> fields = new ArrayList<>();
        if (lengthPrefix) fields.add(Dissection.Field.bytes("dns.length", "Length", Integer.toString(len), at, 2));
        boolean response = m.isResponse();
        fields.add(Dissection.Field.bytes("dns.id", "Transaction ID", String.format("0x%04x", m.id()), start, 2));
        fields.add(Dissection.Field.bytes("dns.flags", "Flags", String.format("0x%04x %s", m.flags(), flagsSummary(m)), start + 2, 2));
        fields.add(new Dissection.Field("dns.flags.response", "Response", response ? "Message is a response" : "Message is a query",
                start + 2, 2, DnsMessage.QR));
        fields.add(new Dissection.Field("dns.flags.opcode", "Opcode", opcodeText(m.opcode()), start + 2, 2, 0x7800));
        if (response) {
            fields.add(new Dissection.Field("dns.flags.authoritative", "Authoritative", m.authoritative()
                    ? "Server is an authority for domain" : "Server is not an authority for domain", start + 2, 2, DnsMessage.AA));
        }
        fields.add(new Dissection.Field("dns.flags.truncated", "Truncated", m.truncated() ? "Message is truncated"
                : "Message is not truncated", start + 2, 2, DnsMessage.TC));
        fields.add(new Dissection.Field("dns.flags.recdesired", "Recursion desired", m.recursionDesired()
                ? "Do query recursively" : "Do not query recursively", start + 2, 2, DnsMessage.RD));
        if (response) {
            fields.add(new Dissection.Field("dns.flags.recavail", "Recursion available", m.recursionAvailable()
                    ? "Server can do recursive queries" : "Server can't do recursive queries", start + 2, 2, DnsMessage.RA));
            fields.add(new Dissection.Field("dns.flags.rcode", "Reply code", rcodeText(m.rcode()) + " (" + m.rcode() + ")",
                    start + 2, 2, 0x000f));
        }
        fields.add(Dissection.Field.bytes("dns.count.queries", "Questions", Integer.toString(m.questions().size()), start + 4, 2));
        fields.add(Dissection.Field.bytes("dns.count.answers", "Answer RRs", Integer.toString(m.answers().size()), start + 6, 2));
        fields.add(Dissection.Field.bytes("dns.count.auth_rr", "Authority RRs", Integer.toString(m.authorities().size()), start + 8, 2));
        fields.add(Dissection.Field.bytes("dns.count.add_rr", "Additional RRs", Integer.toString(m.additionals().size()), start + 10, 2));
        DnsReader r = new DnsReader(frame, start, len);
        r.seek(DnsHeaderView.HEADER_LENGTH);
        StringBuilder info = new StringBuilder(response ? "Standard query response " : "Standard query ")
                .append(String.format("0x%04x", m.id()));
        if (response && m.rcode() != DnsMessage.NOERROR) info.append(' ').append(rcodeText(m.rcode()));
        for (DnsQuestion q : m.questions()) {
            int nameAt = start + r.offset();
            r.name();
            int typeAt = start + r.offset();
            r.seek(typeAt - start + 4); // past type and class
            fields.add(Dissection.Field.bytes("dns.qry.name", "Name", show(q.name()), nameAt, typeAt - nameAt));
            fields.add(Dissection.Field.bytes("dns.qry.type", "Type", DnsType.name(q.type()) + " (" + q.type() + ")", typeAt, 2));
            fields.add(Dissection.Field.bytes("dns.qry.class", "Class", DnsType.className(q.dnsClass())
                    + String.format(" (0x%04x)", q.dnsClass()), typeAt + 2, 2));
            info.append(' ').append(DnsType.name(q.type())).append(' ').append(show(q.name()));
        }
        for (List<DnsRecord> section : List.of(m.answers(), m.authorities(), m.additionals())) {
            for (DnsRecord rec : section) {
                int nameAt = start + r.offset();
                r.name();
                int typeAt = start + r.offset();
                r.seek(nameAt - start);
                r.record();
                int end = start + r.offset();
                fields.add(Dissection.Field.bytes("dns.resp.name", "Name", show(rec.name()), nameAt, typeAt - nameAt));
                fields.add(Dissection.Field.bytes("dns.resp.type", "Type", DnsType.name(rec.type()) + " (" + rec.type() + ")", typeAt, 2));
                fields.add(Dissection.Field.bytes("dns.resp.class", "Class", DnsType.className(rec.dnsClass())
                        + String.format(" (0x%04x)", rec.dnsClass()), typeAt + 2, 2));
                fields.add(Dissection.Field.bytes("dns.resp.ttl", "Time to live", Long.toString(rec.ttl()), typeAt + 4, 4));
                fields.add(Dissection.Field.bytes("dns.resp.len", "Data length", Integer.toString(end - typeAt - 10), typeAt + 8, 2));
                data(rec, typeAt + 10, end - typeAt - 10, fields);
                info.append(' ').append(DnsType.name(rec.type())).append(' ').append(shortData(rec.data()));
            }
        }
        layers.add(new Dissection.Layer("Domain Name System (" + (response ? "response" : "query") + ")", at,
                lengthPrefix ? length : len, fields));
        return new Dissection("DNS", s, d, info.toString(), layers, null);
    }

    /** The record's data as Wireshark's fields for its type. */
    private static void data(DnsRecord rec, int at, int len, List<Dissection.Field> fields) {
        switch (rec.data()) {
            case DnsRdata.A a -> fields.add(Dissection.Field.bytes("dns.a", "Address", a.address().toString(), at, len));
            case DnsRdata.Aaaa a -> fields.add(Dissection.Field.bytes("dns.aaaa", "AAAA Address", a.toString(), at, len));
            case DnsRdata.Cname c -> fields.add(Dissection.Field.bytes("dns.cname", "CNAME", show(c.target()), at, len));
            case DnsRdata.Ns n -> fields.add(Dissection.Field.bytes("dns.ns", "Name Server", show(n.host()), at, len));
            case DnsRdata.Ptr p -> fields.add(Dissection.Field.bytes("dns.ptr.domain_name", "Domain Name", show(p.target()), at, len));
            case DnsRdata.Mx mx -> {
                fields.add(Dissection.Field.bytes("dns.mx.preference", "Preference", Integer.toString(mx.preference()), at, 2));
                fields.add(Dissection.Field.bytes("dns.mx.mail_exchange", "Mail Exchange", show(mx.exchange()), at + 2, len - 2));
            }
            case DnsRdata.Txt t -> fields.add(Dissection.Field.bytes("dns.txt", "TXT", t.toString(), at, len));
            case DnsRdata.Soa soa -> {
                fields.add(Dissection.Field.bytes("dns.soa.mname", "Primary name server", show(soa.mname()), at, len - 20));
                fields.add(Dissection.Field.bytes("dns.soa.rname", "Responsible authority's mailbox", show(soa.rname()), at, len - 20));
                int n = at + len - 20;
                fields.add(Dissection.Field.bytes("dns.soa.serial_number", "Serial Number", Long.toString(soa.serial()), n, 4));
                fields.add(Dissection.Field.bytes("dns.soa.refresh_interval", "Refresh Interval", Long.toString(soa.refresh()), n + 4, 4));
                fields.add(Dissection.Field.bytes("dns.soa.retry_interval", "Retry Interval", Long.toString(soa.retry()), n + 8, 4));
                fields.add(Dissection.Field.bytes("dns.soa.expire_limit", "Expire limit", Long.toString(soa.expire()), n + 12, 4));
                fields.add(Dissection.Field.bytes("dns.soa.minimum_ttl", "Minimum TTL", Long.toString(soa.minimum()), n + 16, 4));
            }
            case DnsRdata.Unknown u -> fields.add(Dissection.Field.bytes("dns.data", "Data", u.toString(), at, len));
        }
    }

    /** How Wireshark's Info column shows a record's data: an address or a name, without the final dot. */
    private static String shortData(DnsRdata data) {
        return switch (data) {
            case DnsRdata.A a -> a.address().toString();
            case DnsRdata.Aaaa a -> a.toString();
            case DnsRdata.Cname c -> show(c.target());
            case DnsRdata.Ns n -> show(n.host());
            case DnsRdata.Ptr p -> show(p.target());
            case DnsRdata.Mx mx -> mx.preference() + " " + show(mx.exchange());
            case DnsRdata.Soa soa -> show(soa.mname());
            case DnsRdata.Txt t -> t.toString();
            case DnsRdata.Unknown u -> "";
        };
    }

    /** A name as Wireshark shows it: no final dot; the root as {@code <Root>}. */
    static String show(DnsName name) {
        String s = name.toString();
        return name.isRoot() ? "<Root>" : s.substring(0, s.length() - 1);
    }

    private static String opcodeText(int opcode) {
        return opcode == DnsMessage.OPCODE_QUERY ? "Standard query (0)" : DnsMessage.opcodeName(opcode) + " (" + opcode + ")";
    }

    /** Wireshark's words for response codes. */
    static String rcodeText(int rcode) {
        return switch (rcode) {
            case DnsMessage.NOERROR -> "No error";
            case DnsMessage.FORMERR -> "Format error";
            case DnsMessage.SERVFAIL -> "Server failure";
            case DnsMessage.NXDOMAIN -> "No such name";
            case DnsMessage.NOTIMP -> "Not implemented";
            case DnsMessage.REFUSED -> "Refused";
            default -> DnsMessage.rcodeName(rcode);
        };
    }

    private static String flagsSummary(DnsMessage m) {
        return m.isResponse() ? "Standard query response, " + rcodeText(m.rcode()) : "Standard query";
    }
}
