package dev.packetlab.stack.app.dns;

import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.sim.Simulation;
import dev.packetlab.stack.wire.DnsName;
import dev.packetlab.stack.wire.DnsRdata;
import dev.packetlab.stack.wire.DnsRecord;
import dev.packetlab.stack.wire.DnsType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers remembered for their time to live, on the simulation clock: record sets by owner and type (RFC 2181 5.2:
 * a set shares one TTL, the lowest of its records), and negative answers (RFC 2308): a name that does not exist
 * (NXDOMAIN, for every type) or a type the name does not have (NODATA), each for the lower of the SOA record's TTL
 * and its minimum field. An entry served from the cache carries the TTL it has left, as a caching server's answers
 * count down.
 */
public final class DnsCache {
    /** CNAME chains are followed at most this far (BIND's limit is similar), so a loop of aliases ends. */
    static final int MAX_CHAIN = 8;

    private record Entry(List<DnsRecord> records, long storedAt, long expiresAt) {}

    /** A cached negative answer: whether the name is gone entirely, and the SOA that says for how long. */
    public record Negative(boolean nameError, DnsRecord soa) {}

    private final Simulation simulation;
    private final Map<String, Entry> sets = new HashMap<>();
    private final Map<String, Entry> negatives = new HashMap<>();

    public DnsCache(Simulation simulation) {
        this.simulation = simulation;
    }

    private static String key(DnsName name, int type) {
        return name.canonical() + "/" + type;
    }

    /** RFC 2181 8: a TTL with the top bit set is taken as zero. */
    static long ttlOf(DnsRecord r) {
        return r.ttl() > DnsRecord.MAX_TTL ? 0 : r.ttl();
    }

    /** Remembers every record set among {@code records} (grouped by owner and type); TTL 0 is not remembered. */
    public void put(List<DnsRecord> records) {
        Map<String, List<DnsRecord>> groups = new HashMap<>();
        for (DnsRecord r : records) groups.computeIfAbsent(key(r.name(), r.type()), k -> new ArrayList<>()).add(r);
        groups.forEach((k, set) -> {
            long ttl = set.stream().mapToLong(DnsCache::ttlOf).min().orElse(0);
            if (ttl == 0) return;
            long now = simulation.now();
            sets.put(k, new Entry(List.copyOf(set), now, now + ttl * SimTime.SECOND));
        });
    }

    /**
     * Remembers that {@code name} does not exist ({@code type} &lt; 0) or has no {@code type} record, for the
     * negative TTL {@code soa} gives (RFC 2308 5); without an SOA nothing is remembered (RFC 2308 5: "SHOULD NOT").
     */
    public void putNegative(DnsName name, int type, DnsRecord soa) {
        if (soa == null || !(soa.data() instanceof DnsRdata.Soa s)) return;
        long ttl = Math.min(ttlOf(soa), s.minimum());
        if (ttl == 0) return;
        long now = simulation.now();
        negatives.put(key(name, type < 0 ? -1 : type), new Entry(List.of(soa.withTtl(ttl)), now, now + ttl * SimTime.SECOND));
    }

    /** The record set of {@code name} and {@code type}, TTLs counted down, or null when none is live. */
    public List<DnsRecord> get(DnsName name, int type) {
        Entry e = live(sets, key(name, type));
        return e == null ? null : counted(e);
    }

    /** The negative answer cached for {@code name} and {@code type} (a cached NXDOMAIN covers every type), or null. */
    public Negative negative(DnsName name, int type) {
        Entry e = live(negatives, key(name, -1));
        if (e != null) return new Negative(true, counted(e).get(0));
        e = live(negatives, key(name, type));
        return e == null ? null : new Negative(false, counted(e).get(0));
    }

    /**
     * What the cache can answer for {@code name} and {@code type} alone: the record set, or the CNAME chain that
     * leads to it; null when some link is missing.
     */
    public List<DnsRecord> answer(DnsName name, int type) {
        List<DnsRecord> chain = new ArrayList<>();
        DnsName current = name;
        for (int hops = 0; hops <= MAX_CHAIN; hops++) {
            List<DnsRecord> set = get(current, type);
            if (set != null) {
                chain.addAll(set);
                return chain;
            }
            List<DnsRecord> alias = type == DnsType.CNAME ? null : get(current, DnsType.CNAME);
            if (alias == null) return null;
            chain.addAll(alias);
            current = ((DnsRdata.Cname) alias.get(0).data()).target();
        }
        return null;
    }

    /** Forgets everything (what {@code resolvectl flush-caches} does). */
    public void clear() {
        sets.clear();
        negatives.clear();
    }

    /** How many record sets and negative answers are live. */
    public int size() {
        sets.values().removeIf(e -> e.expiresAt <= simulation.now());
        negatives.values().removeIf(e -> e.expiresAt <= simulation.now());
        return sets.size() + negatives.size();
    }

    private Entry live(Map<String, Entry> map, String key) {
        Entry e = map.get(key);
        if (e == null) return null;
        if (e.expiresAt <= simulation.now()) {
            map.remove(key);
            return null;
        }
        return e;
    }

    private List<DnsRecord> counted(Entry e) {
        long elapsed = (simulation.now() - e.storedAt) / SimTime.SECOND;
        List<DnsRecord> out = new ArrayList<>(e.records.size());
        for (DnsRecord r : e.records) out.add(r.withTtl(Math.max(0, ttlOf(r) - elapsed)));
        return out;
    }
}
