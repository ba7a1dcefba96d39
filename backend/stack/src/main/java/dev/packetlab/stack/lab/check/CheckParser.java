package dev.packetlab.stack.lab.check;

import static dev.packetlab.stack.lab.LabParser.describe;
import static dev.packetlab.stack.lab.LabParser.nearest;

import dev.packetlab.stack.lab.LabError;
import dev.packetlab.stack.lab.NodeSpec;
import dev.packetlab.stack.lab.NodeSpec.InterfaceSpec;
import dev.packetlab.stack.lab.NodeSpec.Kind;
import dev.packetlab.stack.lab.check.FrameFilter.Condition;
import dev.packetlab.stack.lab.check.FrameFilter.Where;
import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.tcp.TcpState;
import dev.packetlab.stack.trace.DropReason;
import dev.packetlab.stack.wire.DnsMessage;
import dev.packetlab.stack.wire.DnsName;
import dev.packetlab.stack.wire.DnsQuestion;
import dev.packetlab.stack.wire.Ipv4Address;
import dev.packetlab.stack.wire.Ipv4HeaderView;
import dev.packetlab.stack.wire.MacAddress;
import dev.packetlab.stack.wire.TcpHeaderView;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a step's {@code check:} from the lab file's tree into a {@link Check}, reporting every mistake with its
 * path in the file ({@code steps[2].check.tcp-handshake.port: ...}) as every other lab error is. Node names are
 * checked against the lab's nodes and resolved to their addresses here. The vocabulary's reference is the "Checks"
 * section of {@code docs/lab-format.md}.
 */
public final class CheckParser {
    /** The keys of a frame filter, in the order a description lists them. */
    static final List<String> FILTER_KEYS = List.of("proto", "flags", "has-flags", "icmp-type", "icmp-code", "arp",
            "broadcast", "fragment", "from", "to", "port", "src-port", "dst-port", "dns", "dns-name", "dns-rcode",
            "http-method", "http-status", "contains", "sent-by", "received-by");
    static final List<String> PROTOCOLS = List.of("arp", "ip", "icmp", "udp", "tcp", "dns", "http");
    private static final List<String> COUNT_BOUNDS = List.of("at-least", "at-most", "exactly");
    private static final String FLAG_LETTERS = "FSRPAUEC"; // bit 0 (FIN) to bit 7 (CWR), RFC 9293 3.1 and RFC 3168
    private static final Map<String, Integer> ICMP_TYPES = Map.of("echo-reply", 0, "destination-unreachable", 3,
            "echo-request", 8, "time-exceeded", 11);
    private static final Map<String, Set<String>> KEYS = vocabulary();

    private final Map<String, NodeSpec> nodes = new LinkedHashMap<>();
    private final Set<String> writtenIds;
    private final Addresses addresses;
    private final List<LabError> errors;

    /**
     * @param nodes      the lab's nodes that parsed (switch and hub ports already resolved from the links)
     * @param writtenIds every node id written in the file, valid or not: a check naming a node whose own entry is
     *                   wrong is not reported again
     * @param errors     where to add the problems found, after those already there
     */
    public CheckParser(List<NodeSpec> nodes, Set<String> writtenIds, List<LabError> errors) {
        for (NodeSpec n : nodes) this.nodes.put(n.id(), n);
        this.writtenIds = Set.copyOf(writtenIds);
        this.addresses = new Addresses(nodes);
        this.errors = errors;
    }

    /**
     * Reads the check of a step; a check that would pass on a run where nothing happened is an error, since it
     * would pass for a learner who did nothing.
     *
     * @param path where the check is in the file: {@code steps[2].check}
     * @return the check, or null when it has errors (they are added to the list given to the constructor)
     */
    public Check parseStep(Object tree, String path) {
        int before = errors.size();
        Check c = check(tree, path);
        if (c == null || errors.size() != before) return null;
        if (c.passesOnAnEmptyRun()) {
            error(path, "this check passes on a run where nothing happened (not: and at-most: do): put it in all: "
                    + "with a check of what the learner must make happen");
            return null;
        }
        return c;
    }

    /** The keys each check accepts, by its name: for the schema test, and for the error messages. */
    public static Map<String, Set<String>> keysByCheck() { return KEYS; }

    private static Map<String, Set<String>> vocabulary() {
        Map<String, Set<String>> k = new LinkedHashMap<>();
        k.put("frame", new LinkedHashSet<>(FILTER_KEYS));
        Set<String> drop = new LinkedHashSet<>(FILTER_KEYS);
        drop.removeAll(List.of("sent-by", "received-by"));
        drop.addAll(List.of("reason", "at"));
        k.put("drop", drop);
        k.put("tcp-handshake", Set.of("client", "server", "port"));
        k.put("tcp-close", Set.of("client", "server", "port", "first"));
        k.put("socket-state", Set.of("node", "protocol", "port", "remote-port", "remote", "state"));
        for (TcpAnalysis.Kind kind : TcpAnalysis.Kind.values()) k.put(kind.key(), Set.of("from", "to", "port"));
        k.put("tcp-variable", Set.of("node", "port", "variable", "at-least", "at-most", "equals"));
        k.put("arp-entry", Set.of("node", "address", "mac"));
        k.put("mac-entry", Set.of("node", "mac", "port"));
        k.put("output", Set.of("node", "command", "contains", "matches"));
        // count takes bounds and either a frame filter's keys or one countable check: every leaf above
        Set<String> count = new LinkedHashSet<>(COUNT_BOUNDS);
        count.addAll(FILTER_KEYS);
        count.addAll(k.keySet());
        k.put("count", count);
        k.put("before", Set.of());
        k.put("all", Set.of());
        k.put("any", Set.of());
        k.put("not", Set.of());
        Map<String, Set<String>> frozen = new LinkedHashMap<>();
        k.forEach((name, keys) -> frozen.put(name, Collections.unmodifiableSet(keys)));
        return Collections.unmodifiableMap(frozen);
    }

    private void error(String path, String message) {
        errors.add(new LabError(path, message));
    }

    // ---- checks ----------------------------------------------------------------------------------------

    private Check check(Object tree, String path) {
        Map<String, Object> m = map(tree, path);
        if (m == null) return null;
        if (m.size() != 1) {
            error(path, "expected one check, such as {frame: {proto: arp}}, got " + (m.isEmpty() ? "an empty mapping"
                    : m.size() + " keys (" + String.join(", ", m.keySet())
                    + "); to require several, list them under all:"));
            return null;
        }
        String name = m.keySet().iterator().next();
        String at = path + "." + name;
        Object body = m.get(name);
        if (!KEYS.containsKey(name)) {
            String near = nearest(name, List.copyOf(KEYS.keySet()));
            error(at, "unknown check" + (near == null ? "" : " (did you mean " + near + "?)") + "; known: "
                    + String.join(", ", new TreeSet<>(KEYS.keySet())));
            return null;
        }
        switch (name) {
            case "before", "all", "any" -> {
                return combination(name, body, at);
            }
            case "not" -> {
                Check inner = check(body, at);
                return inner == null ? null : new Check.Not(inner);
            }
            default -> { }
        }
        Map<String, Object> b = map(body, at);
        if (b == null) return null;
        if (!name.equals("count")) keys(b, at, KEYS.get(name));
        int before = errors.size();
        Check c = switch (name) {
            case "frame" -> frame(b, at);
            case "drop" -> drop(b, at);
            case "tcp-handshake" -> new Check.TcpHandshake(peer(b, "client", at), peer(b, "server", at),
                    port(b, "port", at));
            case "tcp-close" -> new Check.TcpClose(peer(b, "client", at), peer(b, "server", at), port(b, "port", at),
                    node(b, "first", at, false, true));
            case "socket-state" -> socketState(b, at);
            case "tcp-variable" -> tcpVariable(b, at);
            case "arp-entry" -> arpEntry(b, at);
            case "mac-entry" -> macEntry(b, at);
            case "output" -> output(b, at);
            case "count" -> count(b, at);
            default -> tcpEvent(TcpAnalysis.Kind.valueOf(name.toUpperCase().replace('-', '_')), b, at);
        };
        return errors.size() == before ? c : null;
    }

    private Check combination(String name, Object body, String path) {
        List<Object> list = list(body, path);
        if (list == null) return null;
        int least = name.equals("before") ? 2 : 1;
        if (list.size() < least) {
            error(path, name + " needs " + (least == 2 ? "at least two checks, in the order they must happen"
                    : "at least one check") + ", got " + list.size());
            return null;
        }
        List<Check> parts = new ArrayList<>();
        int before = errors.size();
        for (int i = 0; i < list.size(); i++) parts.add(check(list.get(i), path + "[" + i + "]"));
        if (errors.size() != before) return null;
        return switch (name) {
            case "before" -> new Check.Before(List.copyOf(parts));
            case "all" -> new Check.All(List.copyOf(parts));
            default -> new Check.Any(List.copyOf(parts));
        };
    }

    private Check frame(Map<String, Object> m, String path) {
        if (m.isEmpty()) {
            error(path, "an empty filter matches every frame: say what to look for, e.g. {proto: arp}");
            return null;
        }
        FrameFilter f = filter(m, path);
        return f == null ? null : new Check.Frame(f);
    }

    private Check drop(Map<String, Object> m, String path) {
        DropReason reason = null;
        if (m.containsKey("reason")) {
            Object v = m.get("reason");
            List<String> names = Arrays.stream(DropReason.values()).map(CheckParser::word).toList();
            for (DropReason r : DropReason.values()) if (word(r).equals(v)) reason = r;
            if (reason == null) {
                String near = v instanceof String s ? nearest(s, names) : null;
                error(path + ".reason", "unknown reason " + describe(v)
                        + (near == null ? "" : " (did you mean " + near + "?)") + "; one of "
                        + String.join(", ", names));
            }
        }
        String at = node(m, "at", path, false, false);
        Map<String, Object> rest = new LinkedHashMap<>(m);
        rest.remove("reason");
        rest.remove("at");
        FrameFilter f = filter(rest, path);
        return f == null ? null : new Check.Drop(f, reason, at);
    }

    /** A drop reason as a lab file writes it: {@code TTL_EXPIRED} is {@code ttl-expired}. */
    private static String word(DropReason r) { return r.name().toLowerCase().replace('_', '-'); }

    private Check socketState(Map<String, Object> m, String path) {
        String node = node(m, "node", path, true, true);
        String protocol = "tcp";
        if (m.containsKey("protocol")) {
            Object p = m.get("protocol");
            if ("tcp".equals(p) || "udp".equals(p)) protocol = (String) p;
            else error(path + ".protocol", "expected tcp or udp, got " + describe(p));
        }
        String state = null;
        Object s = m.get("state");
        if (s == null) {
            error(path + ".state", "missing (a socket state such as LISTEN, ESTABLISHED or TIME_WAIT)");
        } else if (!(s instanceof String text)) {
            error(path + ".state", "expected a socket state such as TIME_WAIT, got " + describe(s));
        } else {
            state = protocol.equals("tcp") ? tcpState(text, path + ".state") : udpState(text, path + ".state");
        }
        return new Check.SocketState(node, protocol, port(m, "port", path), port(m, "remote-port", path),
                peer(m, "remote", path), state);
    }

    /** A TCP state by RFC 9293's name with underscores, or as netstat or ss print it (TIME-WAIT, ESTAB, SYN_RECV). */
    private String tcpState(String text, String path) {
        String t = text.toUpperCase().replace('-', '_');
        for (TcpState st : TcpState.values()) {
            if (st.name().equals(t) || st.netstatName().equals(t) || st.ssName().replace('-', '_').equals(t)) {
                return st.name();
            }
        }
        List<String> names = Arrays.stream(TcpState.values()).map(Enum::name).toList();
        String near = nearest(t, names.stream().map(String::toLowerCase).toList()); // nearest compares lower case
        if (near != null) near = near.toUpperCase();
        error(path, "unknown TCP state \"" + text + "\"" + (near == null ? "" : " (did you mean " + near + "?)")
                + "; one of " + String.join(", ", names));
        return null;
    }

    private String udpState(String text, String path) {
        String t = text.toUpperCase();
        if (List.of("UNCONN", "ESTABLISHED", "CLOSED").contains(t)) return t;
        error(path, "unknown UDP socket state \"" + text
                + "\"; one of UNCONN (bound), ESTABLISHED (connected), CLOSED");
        return null;
    }

    private Check tcpEvent(TcpAnalysis.Kind kind, Map<String, Object> m, String path) {
        return new Check.TcpEvent(kind, peer(m, "from", path), peer(m, "to", path), port(m, "port", path));
    }

    private Check tcpVariable(Map<String, Object> m, String path) {
        String node = node(m, "node", path, true, true);
        Integer port = port(m, "port", path);
        TcpVariableName variable = null;
        Object v = m.get("variable");
        List<String> names = Arrays.stream(TcpVariableName.values()).map(TcpVariableName::key).toList();
        if (v instanceof String s && TcpVariableName.byKey(s) != null) {
            variable = TcpVariableName.byKey(s);
        } else {
            String near = v instanceof String s ? nearest(s, names) : null;
            error(path + ".variable", (v == null ? "missing" : "unknown variable " + describe(v))
                    + (near == null ? "" : " (did you mean " + near + "?)") + "; one of " + String.join(", ", names));
        }
        if (variable == null) return null;
        Long equals = bound(m, "equals", path, variable, null);
        Long atLeast = bound(m, "at-least", path, variable, equals);
        Long atMost = bound(m, "at-most", path, variable, equals);
        if (m.containsKey("equals") && (m.containsKey("at-least") || m.containsKey("at-most"))) {
            error(path + ".equals", "give equals, or at-least and at-most, not both");
        } else if (!m.containsKey("equals") && !m.containsKey("at-least") && !m.containsKey("at-most")) {
            error(path, "say which values pass: at-least, at-most or equals");
        } else if (atLeast != null && atMost != null && atLeast > atMost) {
            error(path + ".at-most", "is below at-least, so no value could pass");
        }
        return new Check.TcpVariable(node, port, variable, atLeast, atMost);
    }

    /** The bound under {@code key}, or {@code otherwise} when there is none. */
    private Long bound(Map<String, Object> m, String key, String path, TcpVariableName variable, Long otherwise) {
        return m.containsKey(key) ? variableValue(m.get(key), path + "." + key, variable) : otherwise;
    }

    private Long variableValue(Object value, String path, TcpVariableName variable) {
        if (variable.time()) {
            if (value instanceof String s && s.strip().matches("[0-9]+(\\.[0-9]+)? ?(ns|us|µs|ms|s)")) {
                return SimTime.parseDuration(s);
            }
            error(path, "expected a duration such as 200ms or 1s, got " + describe(value));
            return null;
        }
        if ((value instanceof Integer || value instanceof Long) && ((Number) value).longValue() >= 0) {
            return ((Number) value).longValue();
        }
        error(path, "expected a whole number of bytes, got " + describe(value));
        return null;
    }

    private Check arpEntry(Map<String, Object> m, String path) {
        String node = node(m, "node", path, true, true);
        Peer address = peer(m, "address", path);
        if (address == null && !m.containsKey("address")) {
            error(path + ".address", "missing (a node or an IPv4 address)");
        }
        MacAddress mac = null;
        String macOf = null;
        if (m.containsKey("mac")) {
            Object v = m.get("mac");
            if (v instanceof String s && s.contains(":")) mac = mac(s, path + ".mac");
            else macOf = node(m, "mac", path, true, false);
        }
        return new Check.ArpEntry(node, address, mac, macOf);
    }

    private Check macEntry(Map<String, Object> m, String path) {
        String node = node(m, "node", path, true, false);
        if (node != null && nodes.get(node).kind() != Kind.SWITCH) {
            error(path + ".node", node + " is a " + nodes.get(node).kind().word()
                    + "; only a switch learns MAC addresses (a hub repeats every frame without a table)");
        }
        MacAddress mac = null;
        String macOf = null;
        Object v = m.get("mac");
        if (v == null) error(path + ".mac", "missing (a node, or a MAC address such as 02:00:00:00:00:01)");
        else if (v instanceof String s && s.contains(":")) mac = mac(s, path + ".mac");
        else macOf = node(m, "mac", path, true, false);
        String port = null;
        if (m.containsKey("port")) {
            Object p = m.get("port");
            List<String> ports = node == null ? List.of()
                    : nodes.get(node).interfaces().stream().map(InterfaceSpec::name).toList();
            if (p instanceof String s && (node == null || ports.contains(s))) port = s;
            else error(path + ".port", "expected a port of " + node + " (" + String.join(", ", ports) + "), got "
                    + describe(p));
        }
        return new Check.MacEntry(node, mac, macOf, port);
    }

    private MacAddress mac(String text, String path) {
        try {
            return MacAddress.parse(text);
        } catch (IllegalArgumentException e) {
            error(path, "\"" + text + "\" is not a MAC address (six hex octets, 02:00:00:00:00:01) or a node");
            return null;
        }
    }

    private Check output(Map<String, Object> m, String path) {
        String node = node(m, "node", path, true, false);
        String command = null;
        if (m.containsKey("command")) {
            Object c = m.get("command");
            if (c instanceof String s && s.matches("[A-Za-z0-9._-]+")) command = s;
            else error(path + ".command", "expected the name of a program such as ping or nc, got " + describe(c));
        }
        String contains = null;
        Pattern matches = null;
        if (m.containsKey("contains") == m.containsKey("matches")) {
            error(path, "give contains: (a text) or matches: (a regular expression), one of them");
        } else if (m.containsKey("contains")) {
            Object c = m.get("contains");
            if (c instanceof String s && !s.isEmpty() && s.indexOf('\n') < 0) contains = s;
            else error(path + ".contains", "expected a non-empty text on one line, got " + describe(c));
        } else {
            Object r = m.get("matches");
            if (r instanceof String s && !s.isEmpty()) {
                try {
                    matches = Pattern.compile(s);
                } catch (PatternSyntaxException e) {
                    error(path + ".matches", "not a regular expression: " + e.getDescription() + " at index "
                            + e.getIndex());
                }
            } else {
                error(path + ".matches", "expected a regular expression, got " + describe(r));
            }
        }
        return new Check.Output(node, command, contains, matches);
    }

    /**
     * {@code count}: bounds, and either one countable check ({@code {tcp-handshake: {...}, exactly: 1}}) or the keys
     * of a frame filter ({@code {proto: icmp, icmp-type: echo-request, at-least: 3}}).
     */
    private Check count(Map<String, Object> m, String path) {
        Map<String, Object> rest = new LinkedHashMap<>(m);
        COUNT_BOUNDS.forEach(rest::remove);
        Check counted;
        if (rest.size() == 1 && KEYS.containsKey(rest.keySet().iterator().next())) {
            counted = check(rest, path);
            if (counted != null && !counted.countable()) {
                error(path + "." + rest.keySet().iterator().next(), "count counts occurrences of one check such as "
                        + "frame, retransmission or tcp-handshake; all, any, not, before and count cannot be counted");
                counted = null;
            }
        } else {
            Set<String> allowed = new LinkedHashSet<>(COUNT_BOUNDS);
            allowed.addAll(FILTER_KEYS);
            keys(m, path, allowed);
            counted = rest.isEmpty() ? null : frame(rest, path);
            if (rest.isEmpty()) {
                error(path, "say what to count: a frame filter's keys, or one check such as {retransmission: {}}");
            }
        }
        long atLeast = 0;
        long atMost = Long.MAX_VALUE;
        if (m.containsKey("exactly")) {
            if (m.containsKey("at-least") || m.containsKey("at-most")) {
                error(path + ".exactly", "give exactly, or at-least and at-most, not both");
            }
            atLeast = atMost = bound(m.get("exactly"), path + ".exactly");
        } else {
            if (m.containsKey("at-least")) atLeast = bound(m.get("at-least"), path + ".at-least");
            if (m.containsKey("at-most")) atMost = bound(m.get("at-most"), path + ".at-most");
            if (!m.containsKey("at-least") && !m.containsKey("at-most")) {
                error(path, "say how many: at-least, at-most or exactly");
            } else if (atLeast > atMost) {
                error(path + ".at-most", "is below at-least, so no count could pass");
            }
        }
        return counted == null ? null : new Check.Count(counted, atLeast, atMost);
    }

    private long bound(Object value, String path) {
        if ((value instanceof Integer || value instanceof Long) && ((Number) value).longValue() >= 0) {
            return ((Number) value).longValue();
        }
        error(path, "expected a whole number from 0, got " + describe(value));
        return 0;
    }

    // ---- the frame filter ------------------------------------------------------------------------------

    private FrameFilter filter(Map<String, Object> m, String path) {
        int before = errors.size();
        String proto = null;
        if (m.containsKey("proto")) {
            Object p = m.get("proto");
            if (p instanceof String s && PROTOCOLS.contains(s.toLowerCase())) {
                proto = s.toLowerCase();
            } else {
                String near = p instanceof String s ? nearest(s, PROTOCOLS) : null;
                error(path + ".proto", "unknown protocol " + describe(p)
                        + (near == null ? "" : " (did you mean " + near + "?)") + "; one of "
                        + String.join(", ", PROTOCOLS));
                return null;
            }
        }
        String implied = implied(m, path, proto);
        if (errors.size() != before) return null;
        String effective = proto != null ? proto : implied;
        List<Condition> conditions = new ArrayList<>();
        if (effective != null) conditions.add(new Condition(protocol(effective)));
        for (String key : FILTER_KEYS) {
            if (!m.containsKey(key) || List.of("proto", "sent-by", "received-by").contains(key)) continue;
            Condition c = condition(key, m.get(key), path + "." + key, m);
            if (c != null) conditions.add(c);
        }
        Where where = Where.ORIGIN;
        String node = null;
        if (m.containsKey("sent-by") && m.containsKey("received-by")) {
            error(path + ".received-by", "give sent-by or received-by, not both");
        } else if (m.containsKey("sent-by")) {
            where = Where.SENT_BY;
            node = node(m, "sent-by", path, false, false);
        } else if (m.containsKey("received-by")) {
            where = Where.RECEIVED_BY;
            node = node(m, "received-by", path, false, false);
        }
        if (errors.size() != before) return null;
        return new FrameFilter(noun(effective, m), nounKo(effective, m), conditions, where, node);
    }

    /**
     * The protocol the other keys imply ({@code flags} are TCP's), or null; a key that does not fit the written
     * {@code proto} is an error, since the filter could then match nothing.
     */
    private String implied(Map<String, Object> m, String path, String proto) {
        String implied = null;
        String by = null;
        for (String key : m.keySet()) {
            String needs = switch (key) {
                case "flags", "has-flags" -> "tcp";
                case "icmp-type", "icmp-code" -> "icmp";
                case "arp" -> "arp";
                case "dns", "dns-name", "dns-rcode" -> "dns";
                case "http-method", "http-status" -> "http";
                default -> null;
            };
            if (needs == null) continue;
            if (implied != null && !implied.equals(needs)) {
                error(path + "." + key, key + " is about " + needs.toUpperCase() + " but " + by + " is about "
                        + implied.toUpperCase() + ": no frame is both");
                return null;
            }
            implied = needs;
            by = key;
        }
        if (proto != null && implied != null && !proto.equals(implied) && !fits(implied, proto)) {
            error(path + "." + by, by + " is about " + implied.toUpperCase() + ", but proto is " + proto);
        }
        boolean ports = m.containsKey("port") || m.containsKey("src-port") || m.containsKey("dst-port")
                || m.containsKey("contains");
        String layer = proto != null ? proto : implied;
        if (ports && layer != null && List.of("arp", "icmp").contains(layer)) {
            error(path + "." + (m.containsKey("contains") && !m.containsKey("port") ? "contains" : "port"),
                    layer.toUpperCase() + " has no ports or payload to look in; they are TCP's and UDP's");
        }
        return implied;
    }

    /** Whether a key about {@code detail} can hold for frames of {@code proto} (DNS runs over UDP, HTTP over TCP). */
    private static boolean fits(String detail, String proto) {
        return proto.equals("ip") && !detail.equals("arp") || detail.equals("dns") && proto.equals("udp")
                || detail.equals("http") && proto.equals("tcp");
    }

    private static Predicate<DecodedFrame> protocol(String proto) {
        return switch (proto) {
            case "arp" -> DecodedFrame::arp;
            case "ip" -> f -> f.ip;
            case "icmp" -> f -> f.ip && f.ipProtocol == Ipv4HeaderView.PROTOCOL_ICMP;
            case "udp" -> f -> f.ip && f.ipProtocol == Ipv4HeaderView.PROTOCOL_UDP;
            case "tcp" -> f -> f.ip && f.ipProtocol == Ipv4HeaderView.PROTOCOL_TCP;
            case "dns" -> f -> f.dns() != null;
            default -> f -> f.httpMethod() != null || f.httpStatus() != DecodedFrame.NONE;
        };
    }

    private static String noun(String proto, Map<String, Object> m) {
        if (proto == null) return m.containsKey("port") || m.containsKey("src-port") || m.containsKey("dst-port")
                || m.containsKey("contains") ? "TCP or UDP packet" : "frame";
        return switch (proto) {
            case "arp" -> "ARP " + (m.get("arp") instanceof String a && List.of("request", "reply").contains(a) ? a
                    : "packet");
            case "ip" -> "IPv4 packet";
            case "icmp" -> "ICMP " + (m.get("icmp-type") instanceof String t && ICMP_TYPES.containsKey(t) ? t
                    : "message");
            case "udp" -> "UDP datagram";
            case "tcp" -> "TCP segment";
            case "dns" -> "DNS " + (m.get("dns") instanceof String d && List.of("query", "response").contains(d) ? d
                    : "message");
            default -> "HTTP " + (m.containsKey("http-method") ? "request"
                    : m.containsKey("http-status") ? "response" : "message");
        };
    }

    /** The noun in Korean: "TCP 세그먼트", "ARP 요청"; ICMP types stay as the lab file writes them. */
    private static String nounKo(String proto, Map<String, Object> m) {
        if (proto == null) return m.containsKey("port") || m.containsKey("src-port") || m.containsKey("dst-port")
                || m.containsKey("contains") ? "TCP 또는 UDP 패킷" : "프레임";
        return switch (proto) {
            case "arp" -> "ARP " + ("request".equals(m.get("arp")) ? "요청" : "reply".equals(m.get("arp")) ? "응답" : "패킷");
            case "ip" -> "IPv4 패킷";
            case "icmp" -> "ICMP " + (m.get("icmp-type") instanceof String t && ICMP_TYPES.containsKey(t) ? t
                    : "메시지");
            case "udp" -> "UDP 데이터그램";
            case "tcp" -> "TCP 세그먼트";
            case "dns" -> "DNS " + ("query".equals(m.get("dns")) ? "질의" : "response".equals(m.get("dns")) ? "응답"
                    : "메시지");
            default -> "HTTP " + (m.containsKey("http-method") ? "요청" : m.containsKey("http-status") ? "응답" : "메시지");
        };
    }

    private Condition condition(String key, Object v, String path, Map<String, Object> m) {
        switch (key) {
            case "flags", "has-flags" -> {
                int mask = flags(v, path);
                if (mask < 0) return null;
                String names = TcpHeaderView.flagNames(mask);
                return key.equals("flags")
                        ? new Condition("with flags " + (mask == 0 ? "none" : names),
                                "플래그가 " + (mask == 0 ? "하나도 없는" : names + "인"), f -> f.tcp && f.tcpFlags == mask)
                        : new Condition("with " + names + " set", names + " 플래그가 켜진",
                                f -> f.tcp && (f.tcpFlags & mask) == mask);
            }
            case "icmp-type" -> {
                Integer t = icmpType(v, path);
                if (t == null) return null;
                // a type written by name is in the noun already ("an ICMP echo-reply")
                return new Condition(v instanceof String ? "" : "of type " + t, v instanceof String ? "" : "유형이 " + t + "인",
                        f -> f.icmpType == t);
            }
            case "icmp-code" -> {
                Integer c = wholeNumber(v, path, 0, 255, "an ICMP code from 0 to 255");
                return c == null ? null : new Condition("with code " + c, "코드가 " + c + "인", f -> f.icmpCode == c);
            }
            case "arp" -> {
                if ("request".equals(v)) return new Condition(DecodedFrame::arpRequest);
                if ("reply".equals(v)) return new Condition(f -> f.arp() && !f.arpRequest());
                error(path, "expected request or reply, got " + describe(v));
                return null;
            }
            case "broadcast", "fragment" -> {
                if (!(v instanceof Boolean b)) {
                    error(path, "expected true or false, got " + describe(v));
                    return null;
                }
                if (key.equals("broadcast")) {
                    return new Condition(b ? "to the broadcast MAC address" : "not to the broadcast MAC address",
                            b ? "브로드캐스트 MAC 주소로 가는" : "브로드캐스트 MAC 주소로 가지 않는",
                            f -> f.ethernet && f.ethSource != DecodedFrame.NONE && f.broadcast() == b);
                }
                return new Condition(b ? "that is a fragment" : "that is not a fragment", b ? "단편인" : "단편이 아닌",
                        f -> f.ip && f.fragment == b);
            }
            case "from", "to" -> {
                Peer p = peer(m, key, path.substring(0, path.lastIndexOf('.')));
                if (p == null) return null;
                boolean from = key.equals("from");
                return new Condition(key + " " + p.describe(),
                        from ? p.describe() + "에서 온" : Korean.toward(p.describe()) + " 가는", f -> f.ip ? p.is(from ? f.ipSource : f.ipDestination)
                        : f.arp() && p.is(from ? f.arpSender : f.arpTarget));
            }
            case "port", "src-port", "dst-port" -> {
                Integer p = port(m, key, path.substring(0, path.lastIndexOf('.')));
                if (p == null) return null;
                return switch (key) {
                    case "port" -> new Condition("on port " + p, "포트가 " + p + "인", f -> (f.tcp || f.udp) && f.port(p));
                    case "src-port" -> new Condition("from port " + p, "출발 포트가 " + p + "인", f -> (f.tcp || f.udp) && f.sourcePort == p);
                    default -> new Condition("to port " + p, "목적지 포트가 " + p + "인", f -> (f.tcp || f.udp) && f.destinationPort == p);
                };
            }
            case "dns" -> {
                if (!"query".equals(v) && !"response".equals(v)) {
                    error(path, "expected query or response, got " + describe(v));
                    return null;
                }
                boolean response = v.equals("response");
                return new Condition(f -> f.dns() != null && f.dns().isResponse() == response);
            }
            case "dns-name" -> {
                DnsName name;
                try {
                    if (!(v instanceof String s)) throw new IllegalArgumentException("expected a domain name");
                    name = DnsName.parse(s);
                } catch (IllegalArgumentException e) {
                    error(path, "expected a domain name such as www.example.lab, got " + describe(v));
                    return null;
                }
                return new Condition("for " + name, name + "에 대한", f -> f.dns() != null
                        && f.dns().questions().stream().map(DnsQuestion::name).anyMatch(name::equals));
            }
            case "dns-rcode" -> {
                Integer rcode = null;
                for (int r = 0; r < 16; r++) if (DnsMessage.rcodeName(r).equalsIgnoreCase(String.valueOf(v))) rcode = r;
                if (rcode == null) {
                    error(path, "expected a response code such as NOERROR, NXDOMAIN, SERVFAIL or REFUSED, got "
                            + describe(v));
                    return null;
                }
                int code = rcode;
                return new Condition("answering " + DnsMessage.rcodeName(code),
                        Korean.toward(DnsMessage.rcodeName(code)) + " 응답하는",
                        f -> f.dns() != null && f.dns().isResponse() && f.dns().rcode() == code);
            }
            case "http-method" -> {
                if (!(v instanceof String s) || !s.matches("[A-Z]+")) {
                    error(path, "expected a method in capitals such as GET or POST, got " + describe(v));
                    return null;
                }
                return new Condition("with method " + s, "메서드가 " + s + "인", f -> s.equals(f.httpMethod()));
            }
            case "http-status" -> {
                Integer s = wholeNumber(v, path, 100, 599, "a status code from 100 to 599");
                return s == null ? null : new Condition("with status " + s, "상태 코드가 " + s + "인", f -> f.httpStatus() == s);
            }
            case "contains" -> {
                if (!(v instanceof String s) || s.isEmpty()) {
                    error(path, "expected a non-empty text, got " + describe(v));
                    return null;
                }
                byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
                return new Condition("carrying \"" + s + "\"", Korean.object("\"" + s + "\"") + " 담은", f -> f.payloadContains(bytes));
            }
            default -> throw new IllegalStateException(key);
        }
    }

    /** TCP flags as letters, {@code SA} for SYN+ACK; -1 after reporting a bad one. */
    private int flags(Object v, String path) {
        if (!(v instanceof String s) || s.isEmpty()) {
            error(path, "expected flags as letters, such as S (SYN), SA (SYN+ACK), FA (FIN+ACK), R (RST), PA, A; got "
                    + describe(v));
            return -1;
        }
        int mask = 0;
        for (char c : s.toUpperCase().toCharArray()) {
            int bit = FLAG_LETTERS.indexOf(c);
            if (bit < 0) {
                error(path, "'" + c + "' is not a TCP flag; the letters are S (SYN), A (ACK), F (FIN), R (RST), "
                        + "P (PSH), U (URG), E (ECE), C (CWR)");
                return -1;
            }
            mask |= 1 << bit;
        }
        return mask;
    }

    private Integer icmpType(Object v, String path) {
        if (v instanceof String s && ICMP_TYPES.containsKey(s)) return ICMP_TYPES.get(s);
        if (v instanceof Integer n && n >= 0 && n <= 255) return n;
        String near = v instanceof String s ? nearest(s, List.copyOf(new TreeSet<>(ICMP_TYPES.keySet()))) : null;
        error(path, "expected an ICMP type: " + String.join(", ", new TreeSet<>(ICMP_TYPES.keySet()))
                + " or a number from 0 to 255" + (near == null ? "" : " (did you mean " + near + "?)") + "; got "
                + describe(v));
        return null;
    }

    // ---- values ----------------------------------------------------------------------------------------

    /**
     * The node named under {@code key}, or null (reported if it is required, not a node, or not one that speaks IP
     * when {@code ip} is asked for).
     */
    private String node(Map<String, Object> m, String key, String path, boolean required, boolean ip) {
        Object v = m.get(key);
        String p = path + "." + key;
        if (v == null) {
            if (required) error(p, "missing (a node: " + String.join(", ", nodes.keySet()) + ")");
            return null;
        }
        if (!(v instanceof String id)) {
            error(p, "expected a node, got " + describe(v));
            return null;
        }
        NodeSpec n = nodes.get(id);
        if (n == null) {
            if (!writtenIds.contains(id)) {
                error(p, "no node named \"" + id + "\" (known: " + String.join(", ", nodes.keySet()) + ")");
            }
            return null;
        }
        if (ip && !n.kind().speaksIp()) {
            error(p, id + " is a " + n.kind().word() + ", which has no IP stack (only hosts, servers and routers do)");
            return null;
        }
        return id;
    }

    /** A node (all its addresses) or an IPv4 address, under {@code key}; null when absent or wrong. */
    private Peer peer(Map<String, Object> m, String key, String path) {
        Object v = m.get(key);
        String p = path + "." + key;
        if (v == null) return null;
        if (v instanceof String s && !s.isEmpty() && Character.isDigit(s.charAt(0))) {
            try {
                return new Peer(s, Set.of(Ipv4Address.parse(s).value()));
            } catch (IllegalArgumentException e) {
                error(p, e.getMessage() + " (a node, or an address such as 192.168.1.1)");
                return null;
            }
        }
        String id = node(m, key, path, false, true);
        if (id == null) return null;
        Set<Integer> own = addresses.of(id);
        if (own.isEmpty()) {
            error(p, id + " has no IPv4 address, so no packet can be from or to it");
            return null;
        }
        return new Peer(id, own);
    }

    private Integer port(Map<String, Object> m, String key, String path) {
        if (!m.containsKey(key)) return null;
        return wholeNumber(m.get(key), path + "." + key, 1, 65535, "a port from 1 to 65535");
    }

    private Integer wholeNumber(Object v, String path, int min, int max, String what) {
        if (v instanceof Integer n && n >= min && n <= max) return n;
        error(path, "expected " + what + ", got " + describe(v));
        return null;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(Object value, String path) {
        if (value instanceof Map<?, ?> m) return (Map<String, Object>) m;
        error(path, "expected a mapping (key: value), got " + describe(value));
        return null;
    }

    @SuppressWarnings("unchecked")
    private List<Object> list(Object value, String path) {
        if (value instanceof List<?> l) return (List<Object>) l;
        error(path, "expected a list of checks, got " + describe(value));
        return null;
    }

    private void keys(Map<String, Object> m, String path, Set<String> allowed) {
        List<String> sorted = new ArrayList<>(allowed);
        sorted.sort(null);
        for (String k : m.keySet()) {
            if (allowed.contains(k)) continue;
            String near = nearest(k, sorted);
            error(path + "." + k, "unknown key" + (near != null ? " (did you mean " + near + "?)" : "")
                    + "; allowed: " + String.join(", ", sorted));
        }
    }
}
