package dev.packetlab.stack.app.dns;

import dev.packetlab.stack.wire.DnsName;
import dev.packetlab.stack.wire.DnsRdata;
import dev.packetlab.stack.wire.DnsRecord;
import dev.packetlab.stack.wire.DnsType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A zone a server is authoritative for: its origin, its SOA, and its records by owner name. {@link #find} is the
 * lookup of RFC 1034 4.3.2 inside one zone: an answer (following CNAMEs while they stay in the zone), a referral at
 * a zone cut (NS records below the origin, with glue), or a negative answer with the SOA. Wildcards are not
 * supported.
 */
public final class Zone {
    /** The outcome of a lookup in a zone. */
    public sealed interface Lookup {}

    /** Records for the question, CNAMEs leading to them first; authoritative. */
    public record Answer(List<DnsRecord> records) implements Lookup {}

    /** The name lies in a delegated child zone: its NS records and the addresses of those servers the zone holds. */
    public record Referral(DnsName cut, List<DnsRecord> nameServers, List<DnsRecord> glue) implements Lookup {}

    /** The name does not exist; the SOA tells for how long to believe it (RFC 2308). */
    public record NameError(DnsRecord soa) implements Lookup {}

    /** The name exists without a record of the type asked for. */
    public record NoData(DnsRecord soa) implements Lookup {}

    private final DnsName origin;
    private final DnsRecord soa;
    private final Map<DnsName, List<DnsRecord>> byName = new LinkedHashMap<>();

    /**
     * A zone of {@code records}, which must all lie at or under {@code origin}. Without an SOA at the origin one is
     * made up: {@code ns.<origin>} (or the first NS at the origin) as primary server, {@code hostmaster.<origin>},
     * serial 1, and {@code negativeTtl} as both its TTL and minimum.
     *
     * @throws IllegalArgumentException for a record outside the zone, an SOA elsewhere than at the origin, or a
     *                                  CNAME beside other data (RFC 1034 3.6.2)
     */
    public Zone(DnsName origin, List<DnsRecord> records, long negativeTtl) {
        this.origin = origin;
        DnsRecord givenSoa = null;
        for (DnsRecord r : records) {
            if (!r.name().isSubdomainOf(origin)) {
                throw new IllegalArgumentException(r.name() + " is not in zone " + origin);
            }
            if (r.type() == DnsType.SOA) {
                if (!r.name().equals(origin)) throw new IllegalArgumentException("an SOA belongs at the zone's origin " + origin);
                givenSoa = r;
                continue;
            }
            byName.computeIfAbsent(r.name(), k -> new ArrayList<>()).add(r);
        }
        byName.forEach((name, set) -> {
            boolean cname = set.stream().anyMatch(r -> r.type() == DnsType.CNAME);
            if (cname && set.size() > 1) {
                throw new IllegalArgumentException(name + " has a CNAME and other records; a CNAME must stand alone (RFC 1034 3.6.2)");
            }
        });
        if (givenSoa == null) {
            DnsName primary = origin.child("ns");
            for (DnsRecord r : byName.getOrDefault(origin, List.of())) {
                if (r.data() instanceof DnsRdata.Ns ns) {
                    primary = ns.host();
                    break;
                }
            }
            givenSoa = new DnsRecord(origin, negativeTtl, new DnsRdata.Soa(primary, origin.child("hostmaster"), 1, 3600,
                    900, 604_800, negativeTtl));
        }
        this.soa = givenSoa;
    }

    public DnsName origin() { return origin; }

    public DnsRecord soa() { return soa; }

    /** Every record, the SOA first. */
    public List<DnsRecord> records() {
        List<DnsRecord> all = new ArrayList<>();
        all.add(soa);
        byName.values().forEach(all::addAll);
        return all;
    }

    /** The SOA with the TTL a negative answer carries: the lower of its own and its minimum (RFC 2308 3). */
    public DnsRecord negativeSoa() {
        return soa.withTtl(Math.min(soa.ttl(), ((DnsRdata.Soa) soa.data()).minimum()));
    }

    /** Looks {@code type} records of {@code name} up; {@code name} must lie in the zone. */
    public Lookup find(DnsName name, int type) {
        List<DnsRecord> chain = new ArrayList<>();
        DnsName current = name;
        for (int hops = 0; hops <= DnsCache.MAX_CHAIN; hops++) {
            Referral referral = cutAbove(current);
            if (referral != null) return chain.isEmpty() ? referral : new Answer(chain);
            List<DnsRecord> set = recordsAt(current);
            if (set.isEmpty() && !exists(current)) return chain.isEmpty() ? new NameError(negativeSoa()) : new Answer(chain);
            List<DnsRecord> matching = new ArrayList<>();
            for (DnsRecord r : set) if (r.type() == type || type == DnsType.ANY) matching.add(r);
            if (!matching.isEmpty()) {
                chain.addAll(matching);
                return new Answer(chain);
            }
            DnsRecord alias = set.stream().filter(r -> r.type() == DnsType.CNAME).findFirst().orElse(null);
            if (alias == null) return chain.isEmpty() ? new NoData(negativeSoa()) : new Answer(chain);
            chain.add(alias);
            current = ((DnsRdata.Cname) alias.data()).target();
            if (!current.isSubdomainOf(origin)) return new Answer(chain); // the rest is another zone's to answer
        }
        return new Answer(chain);
    }

    /** The records at {@code name}, with the SOA at the origin. */
    private List<DnsRecord> recordsAt(DnsName name) {
        List<DnsRecord> set = new ArrayList<>(byName.getOrDefault(name, List.of()));
        if (name.equals(origin)) set.add(0, soa);
        return set;
    }

    /** Whether {@code name} has records or lies above names that do (an "empty non-terminal", RFC 8020 2). */
    private boolean exists(DnsName name) {
        if (name.equals(origin)) return true;
        for (DnsName n : byName.keySet()) if (n.isSubdomainOf(name)) return true;
        return false;
    }

    /** The delegation at or above {@code name} and below the origin, if there is one: NS records there. */
    private Referral cutAbove(DnsName name) {
        List<DnsName> path = new ArrayList<>();
        for (DnsName n = name; !n.equals(origin) && n.labelCount() > origin.labelCount(); n = n.parent()) path.add(0, n);
        for (DnsName n : path) {
            List<DnsRecord> ns = new ArrayList<>();
            for (DnsRecord r : byName.getOrDefault(n, List.of())) if (r.type() == DnsType.NS) ns.add(r);
            if (!ns.isEmpty()) return new Referral(n, ns, glueFor(ns));
        }
        return null;
    }

    /** The zone's A and AAAA records for the hosts {@code records} name (NS or MX targets). */
    public List<DnsRecord> glueFor(List<DnsRecord> records) {
        List<DnsRecord> glue = new ArrayList<>();
        for (DnsRecord r : records) {
            DnsName target = switch (r.data()) {
                case DnsRdata.Ns ns -> ns.host();
                case DnsRdata.Mx mx -> mx.exchange();
                default -> null;
            };
            if (target == null || !target.isSubdomainOf(origin)) continue;
            for (DnsRecord a : byName.getOrDefault(target, List.of())) {
                if ((a.type() == DnsType.A || a.type() == DnsType.AAAA) && !glue.contains(a)) glue.add(a);
            }
        }
        return glue;
    }
}
