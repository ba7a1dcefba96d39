package dev.packetlab.stack.app.dns;

import dev.packetlab.stack.app.Service;
import dev.packetlab.stack.net.Host;
import dev.packetlab.stack.wire.DnsName;
import dev.packetlab.stack.wire.DnsRdata;
import dev.packetlab.stack.wire.DnsRecord;
import dev.packetlab.stack.wire.DnsType;
import dev.packetlab.stack.wire.Ipv4Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The lab file's {@code dns} service: a {@link NameServer} with the zones, recursion and root servers written in
 * the file. docs/dns.md and docs/lab-format.md describe the parameters:
 *
 * <pre>
 * services:
 *   - dns:
 *       zones:
 *         example.lab:
 *           - {name: www, type: A, value: 10.0.1.80, ttl: 300}
 *           - {name: "@", type: MX, value: "10 mail"}
 *       recursive: true          # resolve other names for clients (default false)
 *       root: [10.0.0.1]         # root servers recursion starts from
 *       ttl: 3600                # TTL of records that give none (default 3600)
 *       port: 53
 * </pre>
 *
 * Names in a zone are written as in a zone file: relative to the zone's origin unless they end with a dot, and
 * {@code @} for the origin. The shorter form of the design sketch, {@code zone: {www.example.lab: {A: 10.0.0.80}}}
 * (absolute names, type → value or list of values), is accepted too: its origin is the longest common suffix of
 * the names (their parent, for one name).
 */
public final class DnsService implements Service {
    private static final Set<String> KEYS = Set.of("zones", "zone", "recursive", "root", "ttl", "port");
    private static final Set<String> RECORD_KEYS = Set.of("name", "type", "value", "ttl");

    @Override
    public String name() { return "dns"; }

    @Override
    public Running start(Host host, Map<String, Object> parameters) {
        for (String k : parameters.keySet()) {
            if (!KEYS.contains(k)) {
                throw new IllegalArgumentException(k + ": unknown parameter (known: port, recursive, root, ttl, zone, zones)");
            }
        }
        long ttl = number(parameters, "ttl", 3600, 0, DnsRecord.MAX_TTL);
        int port = (int) number(parameters, "port", 53, 1, 65_535);
        boolean recursive = bool(parameters, "recursive");
        List<Ipv4Address> roots = addresses(parameters.get("root"));
        if (recursive && roots.isEmpty()) {
            throw new IllegalArgumentException("root: a recursive server needs the addresses of root servers, e.g. root: [10.0.0.1]");
        }
        List<Zone> zones = new ArrayList<>();
        if (parameters.get("zones") != null) zones.addAll(zones(parameters.get("zones"), ttl));
        if (parameters.get("zone") != null) zones.add(shorthandZone(parameters.get("zone"), ttl));
        return NameServer.start(host, new NameServer.Config(zones, recursive, roots, port))::stop;
    }

    private static long number(Map<String, Object> p, String key, long fallback, long min, long max) {
        Object v = p.get(key);
        if (v == null) return fallback;
        long n;
        try {
            n = Long.parseLong(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": \"" + v + "\" is not a whole number");
        }
        if (n < min || n > max) throw new IllegalArgumentException(key + ": " + n + " is outside " + min + ".." + max);
        return n;
    }

    private static boolean bool(Map<String, Object> p, String key) {
        Object v = p.get(key);
        if (v == null) return false;
        if (v instanceof Boolean b) return b;
        return switch (v.toString()) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> throw new IllegalArgumentException(key + ": expected true or false, got \"" + v + "\"");
        };
    }

    private static List<Ipv4Address> addresses(Object v) {
        if (v == null) return List.of();
        List<?> items = v instanceof List<?> l ? l : List.of(v);
        List<Ipv4Address> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            try {
                out.add(Ipv4Address.parse(String.valueOf(items.get(i))));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("root[" + i + "]: " + e.getMessage());
            }
        }
        return out;
    }

    private static List<Zone> zones(Object v, long defaultTtl) {
        if (!(v instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("zones: expected a map of zone names to record lists, e.g. {example.lab: [...]}");
        }
        List<Zone> zones = new ArrayList<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String at = "zones[\"" + e.getKey() + "\"]";
            DnsName origin = name(String.valueOf(e.getKey()), DnsName.ROOT, at);
            if (!(e.getValue() instanceof List<?> list)) {
                throw new IllegalArgumentException(at + ": expected a list of records, e.g. [{name: www, type: A, value: 10.0.0.80}]");
            }
            List<DnsRecord> records = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) records.add(record(list.get(i), origin, defaultTtl, at + "[" + i + "]"));
            zones.add(zone(origin, records, defaultTtl, at));
        }
        return zones;
    }

    private static Zone zone(DnsName origin, List<DnsRecord> records, long ttl, String at) {
        try {
            return new Zone(origin, records, Math.min(ttl, 300));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(at + ": " + e.getMessage());
        }
    }

    private static DnsRecord record(Object item, DnsName origin, long defaultTtl, String at) {
        if (!(item instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(at + ": expected a record, e.g. {name: www, type: A, value: 10.0.0.80}");
        }
        for (Object k : m.keySet()) {
            if (!RECORD_KEYS.contains(String.valueOf(k))) {
                throw new IllegalArgumentException(at + "." + k + ": unknown key (known: name, type, value, ttl)");
            }
        }
        DnsName owner = name(m.get("name") == null ? "@" : String.valueOf(m.get("name")), origin, at + ".name");
        if (m.get("type") == null) throw new IllegalArgumentException(at + ".type: missing (A, AAAA, CNAME, NS, MX, TXT, SOA, PTR)");
        String typeText = String.valueOf(m.get("type"));
        if (m.get("value") == null) throw new IllegalArgumentException(at + ".value: missing");
        long ttl = number(castMap(m), "ttl", defaultTtl, 0, DnsRecord.MAX_TTL);
        return new DnsRecord(owner, ttl, rdata(typeText, m.get("value"), origin, at));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    /** Data of a record from the lab file's text, in master-file presentation form (RFC 1035 5.1). */
    static DnsRdata rdata(String typeText, Object value, DnsName origin, String at) {
        int type = DnsType.parse(typeText);
        String text = value instanceof List<?> ? "" : String.valueOf(value).trim();
        String where = at + ".value";
        try {
            return switch (type) {
                case DnsType.A -> new DnsRdata.A(Ipv4Address.parse(text));
                case DnsType.AAAA -> DnsRdata.Aaaa.parse(text);
                case DnsType.CNAME -> new DnsRdata.Cname(name(text, origin, where));
                case DnsType.NS -> new DnsRdata.Ns(name(text, origin, where));
                case DnsType.PTR -> new DnsRdata.Ptr(name(text, origin, where));
                case DnsType.MX -> {
                    String[] f = text.split("\\s+");
                    if (f.length != 2 || !f[0].chars().allMatch(Character::isDigit) || f[0].length() > 5) {
                        throw new IllegalArgumentException("MX is \"PREFERENCE HOST\", e.g. \"10 mail\"; got \"" + text + "\"");
                    }
                    yield new DnsRdata.Mx(Integer.parseInt(f[0]), name(f[1], origin, where));
                }
                case DnsType.TXT -> {
                    List<String> strings = new ArrayList<>();
                    if (value instanceof List<?> l) for (Object o : l) strings.add(String.valueOf(o));
                    else strings.add(text);
                    yield new DnsRdata.Txt(strings);
                }
                case DnsType.SOA -> {
                    String[] f = text.split("\\s+");
                    if (f.length != 7) {
                        throw new IllegalArgumentException("SOA is \"MNAME RNAME SERIAL REFRESH RETRY EXPIRE MINIMUM\"; got \"" + text + "\"");
                    }
                    long[] n = new long[5];
                    for (int i = 0; i < 5; i++) n[i] = Long.parseLong(f[2 + i]);
                    yield new DnsRdata.Soa(name(f[0], origin, where), name(f[1], origin, where), n[0], n[1], n[2], n[3], n[4]);
                }
                default -> throw new IllegalArgumentException("type: \"" + typeText
                        + "\" is not one a zone here may hold (A, AAAA, CNAME, NS, MX, TXT, SOA, PTR)");
            };
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            throw new IllegalArgumentException(m.startsWith(at) ? m : (m.startsWith("type:") ? at + "." + m : where + ": " + m));
        }
    }

    /**
     * A name as a zone file reads it: absolute with a final dot, {@code @} for the origin, otherwise relative to the
     * origin. A relative name that already ends with the origin is refused, since it would come out doubled
     * ({@code www.example.lab.example.lab.}), the classic zone-file mistake.
     */
    static DnsName name(String text, DnsName origin, String at) {
        try {
            if (text.equals("@")) return origin;
            if (text.endsWith(".")) return DnsName.parse(text);
            DnsName relative = DnsName.parse(text);
            if (!origin.isRoot() && relative.isSubdomainOf(origin)) {
                throw new IllegalArgumentException("\"" + text + "\" would be " + relative + origin + " (names are relative to "
                        + origin + "); write \"" + text + ".\" with a final dot, or leave out the zone's name");
            }
            List<String> labels = new ArrayList<>(relative.labels());
            labels.addAll(origin.labels());
            return DnsName.of(labels);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(at + ": " + e.getMessage());
        }
    }

    /** The design sketch's {@code zone: {www.example.lab: {A: 10.0.0.80}}}: absolute names, type → value(s). */
    private static Zone shorthandZone(Object v, long ttl) {
        if (!(v instanceof Map<?, ?> map) || map.isEmpty()) {
            throw new IllegalArgumentException("zone: expected a map of names to records, e.g. {www.example.lab: {A: 10.0.0.80}}");
        }
        record Item(DnsName name, String type, Object value, String at) {}
        List<Item> items = new ArrayList<>();
        DnsName origin = null;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String at = "zone[\"" + e.getKey() + "\"]";
            DnsName owner = name(String.valueOf(e.getKey()).endsWith(".") ? String.valueOf(e.getKey())
                    : e.getKey() + ".", DnsName.ROOT, at);
            origin = origin == null ? owner : commonSuffix(origin, owner);
            if (!(e.getValue() instanceof Map<?, ?> types)) {
                throw new IllegalArgumentException(at + ": expected a map of types to values, e.g. {A: 10.0.0.80}");
            }
            for (Map.Entry<?, ?> t : types.entrySet()) {
                List<?> values = t.getValue() instanceof List<?> l && !String.valueOf(t.getKey()).equalsIgnoreCase("TXT")
                        ? l : List.of(t.getValue());
                for (Object value : values) items.add(new Item(owner, String.valueOf(t.getKey()).toUpperCase(Locale.ROOT), value, at + "." + t.getKey()));
            }
        }
        if (map.size() == 1) origin = origin.parent();
        List<DnsRecord> records = new ArrayList<>();
        // relative to the root, every value is absolute: a final dot is implied
        for (Item i : items) records.add(new DnsRecord(i.name, ttl, rdata(i.type, i.value, DnsName.ROOT, i.at)));
        return zone(origin, records, ttl, "zone");
    }

    private static DnsName commonSuffix(DnsName a, DnsName b) {
        DnsName n = a;
        while (!b.isSubdomainOf(n)) n = n.parent();
        return n;
    }
}
