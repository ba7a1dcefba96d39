package dev.packetlab.stack.lab;

import dev.packetlab.stack.lab.NodeSpec.InterfaceSpec;
import dev.packetlab.stack.lab.NodeSpec.Kind;
import dev.packetlab.stack.lab.NodeSpec.RouteSpec;
import dev.packetlab.stack.link.LinkParameters;
import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.wire.Ipv4Address;
import dev.packetlab.stack.wire.Ipv4Prefix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a lab file's tree (maps, lists, strings, numbers and booleans, as a YAML or JSON reader gives them) into a
 * {@link Lab}, or a {@link LabException} naming every problem with its path in the file. The stack reads no YAML
 * itself: the server parses the text and hands the tree here.
 */
public final class LabParser {
    static final Set<String> LAB_KEYS = Set.of("id", "title", "summary", "seed", "nodes", "links", "steps", "sysctl");
    static final Set<String> NODE_KEYS = Set.of("id", "kind", "ip", "gateway", "dns", "interfaces", "routes",
            "services", "sysctl", "position");
    static final Set<String> INTERFACE_KEYS = Set.of("name", "ip");
    static final Set<String> ROUTE_KEYS = Set.of("to", "via");
    static final Set<String> LINK_KEYS = Set.of("a", "b", "bandwidth", "delay", "jitter", "loss", "mtu", "queue", "up");
    static final Set<String> STEP_KEYS = Set.of("text", "hint", "check");
    static final Set<String> TEXT_KEYS = Set.of("en", "ko");
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    private static final Pattern INTERFACE_NAME = Pattern.compile("[a-z][a-z0-9.]{0,14}");

    private final String file;
    private final List<LabError> errors = new ArrayList<>();

    private LabParser(String file) {
        this.file = file;
    }

    /**
     * @param fileName the name to put in front of every error ({@code lab.yaml})
     * @param tree     the parsed document
     * @throws LabException listing every problem found
     */
    public static Lab parse(String fileName, Object tree) {
        LabParser p = new LabParser(fileName);
        Lab lab = p.lab(tree);
        if (!p.errors.isEmpty()) throw new LabException(fileName, p.errors);
        return lab;
    }

    private void error(String path, String message) {
        errors.add(new LabError(path, message));
    }

    // ---- the document -----------------------------------------------------------------------------------

    private Lab lab(Object tree) {
        Map<String, Object> top = map(tree, "(top)");
        if (top == null) return null;
        keys(top, "(top)", LAB_KEYS);
        String id = requiredId(top, "id", "id");
        LocalizedText title = text(top.get("title"), "title", true);
        LocalizedText summary = text(top.get("summary"), "summary", false);
        long seed = 1;
        if (top.containsKey("seed")) {
            Object s = top.get("seed");
            if (s instanceof Integer || s instanceof Long) seed = ((Number) s).longValue();
            else error("seed", "expected a whole number, got " + describe(s));
        }
        Map<String, String> sysctl = sysctl(top.get("sysctl"), "sysctl");
        List<NodeSpec> nodes = new ArrayList<>();
        List<Object> nodeList = list(top.get("nodes"), "nodes", true);
        Map<String, Integer> seenIds = new HashMap<>();
        for (int i = 0; i < nodeList.size(); i++) {
            NodeSpec n = node(nodeList.get(i), "nodes[" + i + "]");
            if (n == null) continue;
            Integer before = seenIds.putIfAbsent(n.id(), i);
            if (before != null) {
                error("nodes[" + i + "].id", "duplicate node id \"" + n.id() + "\" (also nodes[" + before + "])");
                continue;
            }
            nodes.add(n);
        }
        checkAddressesUnique(nodes, nodeList);
        List<LinkSpec> links = links(list(top.get("links"), "links", false), nodes);
        checkHubLoops(nodes, links);
        List<Lab.Step> steps = new ArrayList<>();
        List<Object> stepList = list(top.get("steps"), "steps", false);
        for (int i = 0; i < stepList.size(); i++) {
            String path = "steps[" + i + "]";
            Map<String, Object> s = map(stepList.get(i), path);
            if (s == null) continue;
            keys(s, path, STEP_KEYS);
            LocalizedText text = text(s.get("text"), path + ".text", true);
            LocalizedText hint = text(s.get("hint"), path + ".hint", false);
            Map<String, Object> check = s.containsKey("check") ? map(s.get("check"), path + ".check") : null;
            steps.add(new Lab.Step(text, hint, check));
        }
        return new Lab(id, title, summary, seed, nodes, links, steps, sysctl);
    }

    private NodeSpec node(Object value, String path) {
        Map<String, Object> m = map(value, path);
        if (m == null) return null;
        keys(m, path, NODE_KEYS);
        String id = requiredId(m, "id", path + ".id");
        Kind kind = null;
        Object k = m.get("kind");
        if (k == null) {
            error(path + ".kind", "missing (one of host, server, router, switch, hub)");
        } else {
            try {
                kind = Kind.valueOf(String.valueOf(k).toUpperCase());
            } catch (IllegalArgumentException e) {
                error(path + ".kind", "unknown kind \"" + k + "\" (one of host, server, router, switch, hub)");
            }
        }
        if (id == null || kind == null) return null;
        List<InterfaceSpec> interfaces = new ArrayList<>();
        Ipv4Address gateway = null;
        List<Ipv4Address> dns = new ArrayList<>();
        List<RouteSpec> routes = new ArrayList<>();
        if (!kind.speaksIp()) {
            for (String ipOnly : List.of("ip", "gateway", "dns", "interfaces", "routes", "services")) {
                if (m.containsKey(ipOnly)) {
                    error(path + "." + ipOnly, "a " + kind.word() + " moves frames and has no " + ipOnly
                            + " (only hosts, servers and routers speak IP)");
                }
            }
        } else {
            interfaces = interfaces(m, path, kind);
            if (m.containsKey("gateway")) {
                Ipv4Address gw = address(m.get("gateway"), path + ".gateway");
                gateway = gw;
                if (gw != null && interfaces.stream().noneMatch(i -> i.ip() != null && i.ip().contains(gw))) {
                    error(path + ".gateway", gw + " is not on any subnet of " + id + " ("
                            + String.join(", ", interfaces.stream().filter(i -> i.ip() != null)
                            .map(i -> i.ip().network() + "/" + i.ip().length()).toList()) + ")");
                }
            }
            List<Object> dnsList = m.get("dns") instanceof String ? List.of(m.get("dns")) : list(m.get("dns"), path + ".dns", false);
            for (int i = 0; i < dnsList.size(); i++) {
                Ipv4Address a = address(dnsList.get(i), path + ".dns" + (m.get("dns") instanceof String ? "" : "[" + i + "]"));
                if (a != null) dns.add(a);
            }
            List<Object> routeList = list(m.get("routes"), path + ".routes", false);
            for (int i = 0; i < routeList.size(); i++) {
                RouteSpec r = route(routeList.get(i), path + ".routes[" + i + "]", interfaces);
                if (r != null) routes.add(r);
            }
        }
        List<Map<String, Object>> services = new ArrayList<>();
        List<Object> serviceList = list(m.get("services"), path + ".services", false);
        for (int i = 0; i < serviceList.size(); i++) {
            Map<String, Object> s = map(serviceList.get(i), path + ".services[" + i + "]");
            if (s == null) continue;
            if (s.size() != 1) error(path + ".services[" + i + "]", "a service is one key naming it, e.g. {http: {port: 80}}");
            else services.add(s);
        }
        if (m.containsKey("position")) {
            Map<String, Object> pos = map(m.get("position"), path + ".position");
            if (pos != null) {
                keys(pos, path + ".position", Set.of("x", "y"));
                for (String axis : List.of("x", "y")) {
                    if (!(pos.get(axis) instanceof Number)) error(path + ".position." + axis, "expected a number, got " + describe(pos.get(axis)));
                }
            }
        }
        return new NodeSpec(id, kind, interfaces, gateway, dns, routes, services, sysctl(m.get("sysctl"), path + ".sysctl"));
    }

    private List<InterfaceSpec> interfaces(Map<String, Object> m, String path, Kind kind) {
        List<InterfaceSpec> result = new ArrayList<>();
        if (m.containsKey("ip") && m.containsKey("interfaces")) {
            error(path, "give either ip (one interface, eth0) or interfaces, not both");
            return result;
        }
        if (m.containsKey("ip")) {
            if (kind == Kind.ROUTER) {
                error(path + ".ip", "a router joins several subnets: list them under interfaces: [{name: eth0, ip: ...}, ...]");
                return result;
            }
            Ipv4Prefix ip = hostAddress(m.get("ip"), path + ".ip");
            result.add(new InterfaceSpec("eth0", ip));
            return result;
        }
        List<Object> list = list(m.get("interfaces"), path + ".interfaces", false);
        if (list.isEmpty()) {
            if (kind == Kind.ROUTER) error(path + ".interfaces", "a router needs at least one interface");
            else result.add(new InterfaceSpec("eth0", null));
            return result;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String p = path + ".interfaces[" + i + "]";
            Map<String, Object> im = map(list.get(i), p);
            if (im == null) continue;
            keys(im, p, INTERFACE_KEYS);
            String name = string(im.get("name"), p + ".name", true);
            if (name == null) continue;
            if (!INTERFACE_NAME.matcher(name).matches()) {
                error(p + ".name", "\"" + name + "\" is not an interface name (lower-case letters, digits and dots, starting with a letter)");
                continue;
            }
            if (!names.add(name)) {
                error(p + ".name", "duplicate interface name \"" + name + "\"");
                continue;
            }
            Ipv4Prefix ip = im.containsKey("ip") ? hostAddress(im.get("ip"), p + ".ip") : null;
            for (int j = 0; ip != null && j < result.size(); j++) {
                Ipv4Prefix other = result.get(j).ip();
                if (other != null && (other.contains(ip.address()) || ip.contains(other.address()))) {
                    error(p + ".ip", ip + " overlaps " + other + " of " + result.get(j).name()
                            + " (each interface needs its own subnet)");
                }
            }
            result.add(new InterfaceSpec(name, ip));
        }
        return result;
    }

    private RouteSpec route(Object value, String path, List<InterfaceSpec> interfaces) {
        Map<String, Object> m = map(value, path);
        if (m == null) return null;
        keys(m, path, ROUTE_KEYS);
        Ipv4Prefix to = null;
        Object t = m.get("to");
        if (t == null) error(path + ".to", "missing (a prefix such as 10.0.0.0/8, or default)");
        else if ("default".equals(t)) to = new Ipv4Prefix(Ipv4Address.ANY, 0);
        else to = prefix(t, path + ".to");
        Ipv4Address via = m.containsKey("via") ? address(m.get("via"), path + ".via") : null;
        if (!m.containsKey("via")) error(path + ".via", "missing (the next router's address)");
        if (via != null && interfaces.stream().noneMatch(i -> i.ip() != null && i.ip().contains(via))) {
            error(path + ".via", via + " is not on a connected subnet, so it cannot be a next hop");
            return null;
        }
        return to == null || via == null ? null : new RouteSpec(to, via);
    }

    // ---- links -----------------------------------------------------------------------------------------

    private List<LinkSpec> links(List<Object> list, List<NodeSpec> nodes) {
        Map<String, NodeSpec> byId = new LinkedHashMap<>();
        for (NodeSpec n : nodes) byId.put(n.id(), n);
        Map<String, List<InterfaceSpec>> ports = new HashMap<>();
        Map<String, String> cableOf = new HashMap<>(); // "node:iface" -> the path of the link that uses it
        List<LinkSpec> links = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String path = "links[" + i + "]";
            Map<String, Object> m = map(list.get(i), path);
            if (m == null) continue;
            keys(m, path, LINK_KEYS);
            String[] a = end(m.get("a"), path + ".a", byId, ports, cableOf, path);
            String[] b = end(m.get("b"), path + ".b", byId, ports, cableOf, path);
            LinkParameters parameters = linkParameters(m, path);
            if (a == null || b == null || parameters == null) continue;
            if (a[0].equals(b[0])) {
                error(path, "a link from " + a[0] + " to itself");
                continue;
            }
            boolean up = true;
            if (m.containsKey("up")) {
                if (m.get("up") instanceof Boolean u) up = u;
                else error(path + ".up", "expected true or false, got " + describe(m.get("up")));
            }
            links.add(new LinkSpec(a[0], a[1], b[0], b[1], parameters, up));
        }
        // switch and hub ports exist because links use them: give the nodes their ports, in link order
        for (int i = 0; i < nodes.size(); i++) {
            NodeSpec n = nodes.get(i);
            if (!n.kind().speaksIp()) {
                nodes.set(i, new NodeSpec(n.id(), n.kind(), ports.getOrDefault(n.id(), List.of()), null, List.of(),
                        List.of(), n.services(), n.sysctl()));
            }
        }
        return links;
    }

    /** Resolves "node" or "node:interface" to {node, interface}; see docs/lab-format.md for the rules. */
    private String[] end(Object value, String path, Map<String, NodeSpec> nodes, Map<String, List<InterfaceSpec>> ports,
                         Map<String, String> cableOf, String linkPath) {
        String text = string(value, path, true);
        if (text == null) return null;
        int colon = text.indexOf(':');
        String nodeId = colon < 0 ? text : text.substring(0, colon);
        String iface = colon < 0 ? null : text.substring(colon + 1);
        NodeSpec node = nodes.get(nodeId);
        if (node == null) {
            error(path, "no node named \"" + nodeId + "\" (known: " + String.join(", ", nodes.keySet()) + ")");
            return null;
        }
        if (!node.kind().speaksIp()) {
            List<InterfaceSpec> p = ports.computeIfAbsent(nodeId, k -> new ArrayList<>());
            String name = iface != null ? iface : "p" + (p.size() + 1);
            if (p.stream().anyMatch(x -> x.name().equals(name))) {
                error(path, nodeId + ":" + name + " already has a cable (" + cableOf.get(nodeId + ":" + name) + ")");
                return null;
            }
            p.add(new InterfaceSpec(name, null));
            cableOf.put(nodeId + ":" + name, linkPath);
            return new String[] {nodeId, name};
        }
        List<String> names = node.interfaces().stream().map(InterfaceSpec::name).toList();
        String name = iface;
        if (name == null) {
            name = names.stream().filter(n -> !cableOf.containsKey(nodeId + ":" + n)).findFirst().orElse(null);
            if (name == null) {
                error(path, nodeId + " has no interface left without a cable (" + String.join(", ", names)
                        + "; an interface takes one cable: share a segment through a switch or hub)");
                return null;
            }
        } else if (!names.contains(name)) {
            error(path, nodeId + " has no interface \"" + name + "\" (known: " + String.join(", ", names) + ")");
            return null;
        }
        String used = cableOf.putIfAbsent(nodeId + ":" + name, linkPath);
        if (used != null) {
            error(path, nodeId + ":" + name + " already has a cable (" + used
                    + "); an interface takes one cable: share a segment through a switch or hub");
            return null;
        }
        return new String[] {nodeId, name};
    }

    private LinkParameters linkParameters(Map<String, Object> m, String path) {
        LinkParameters p = LinkParameters.DEFAULT;
        int before = errors.size();
        if (m.containsKey("bandwidth")) {
            long bps = bandwidth(m.get("bandwidth"), path + ".bandwidth");
            if (bps > 0) p = p.withBandwidth(bps);
        }
        if (m.containsKey("delay")) p = p.withDelay(duration(m.get("delay"), path + ".delay", p.delay()));
        if (m.containsKey("jitter")) p = p.withJitter(duration(m.get("jitter"), path + ".jitter", p.jitter()));
        if (m.containsKey("loss")) {
            Object l = m.get("loss");
            if (l instanceof Number n && n.doubleValue() >= 0 && n.doubleValue() <= 1) p = p.withLoss(n.doubleValue());
            else error(path + ".loss", "expected a probability from 0 to 1 (0.01 is 1 %), got " + describe(l));
        }
        if (m.containsKey("mtu")) {
            Object v = m.get("mtu");
            if (v instanceof Integer n && n >= 68 && n <= 9000) p = p.withMtu(n);
            else error(path + ".mtu", "expected a whole number of bytes from 68 to 9000, got " + describe(v));
        }
        if (m.containsKey("queue")) {
            Object v = m.get("queue");
            if (v instanceof Integer n && n >= 1 && n <= 100_000) p = p.withQueueLimit(n);
            else error(path + ".queue", "expected a number of frames from 1 to 100000, got " + describe(v));
        }
        return errors.size() == before ? p : null;
    }

    private long bandwidth(Object value, String path) {
        if (value instanceof Number n && n.longValue() > 0) return n.longValue();
        String text = String.valueOf(value).strip();
        int i = 0;
        while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) i++;
        long scale = switch (text.substring(i).strip()) {
            case "bps" -> 1L;
            case "kbps", "Kbps" -> 1_000L;
            case "Mbps" -> 1_000_000L;
            case "Gbps" -> 1_000_000_000L;
            default -> -1;
        };
        try {
            double v = Double.parseDouble(text.substring(0, i));
            if (scale > 0 && v > 0 && v * scale <= 400e9) return Math.round(v * scale);
        } catch (NumberFormatException e) {
            // reported below
        }
        error(path, "expected a bandwidth such as 100Mbps, 10Mbps, 1Gbps or 64kbps, got " + describe(value));
        return -1;
    }

    private long duration(Object value, String path, long fallback) {
        try {
            if (value instanceof String || value instanceof Number) {
                long d = SimTime.parseDuration(String.valueOf(value));
                if (d >= 0 && d <= SimTime.seconds(3600)) return d;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        error(path, "expected a duration such as 1ms, 20ms, 1.5s or 10us, got " + describe(value));
        return fallback;
    }

    // ---- whole-lab checks ------------------------------------------------------------------------------

    private void checkAddressesUnique(List<NodeSpec> nodes, List<Object> raw) {
        Map<Ipv4Address, String> owner = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            for (InterfaceSpec iface : nodes.get(i).interfaces()) {
                if (iface.ip() == null) continue;
                String who = nodes.get(i).id() + ":" + iface.name();
                String other = owner.putIfAbsent(iface.ip().address(), who);
                if (other != null) {
                    error("nodes[" + indexOf(raw, nodes.get(i).id()) + "]", "address " + iface.ip().address()
                            + " is already used by " + other);
                }
            }
        }
    }

    private static int indexOf(List<Object> raw, String id) {
        for (int i = 0; i < raw.size(); i++) {
            if (raw.get(i) instanceof Map<?, ?> m && id.equals(m.get("id"))) return i;
        }
        return -1;
    }

    /** Hubs repeat every frame out of every other port: a loop made only of hubs repeats a broadcast forever. */
    private void checkHubLoops(List<NodeSpec> nodes, List<LinkSpec> links) {
        Map<String, String> parent = new HashMap<>();
        for (NodeSpec n : nodes) if (n.kind() == Kind.HUB) parent.put(n.id(), n.id());
        for (LinkSpec l : links) {
            if (!parent.containsKey(l.aNode()) || !parent.containsKey(l.bNode())) continue;
            String ra = root(parent, l.aNode());
            String rb = root(parent, l.bNode());
            if (ra.equals(rb)) {
                List<String> inLoop = parent.keySet().stream().filter(h -> root(parent, h).equals(ra)).sorted().toList();
                error("links[" + links.indexOf(l) + "]", "this cable closes a loop of hubs (" + String.join(", ", inLoop)
                        + "): a hub repeats every frame, so a broadcast would circle forever");
            } else {
                parent.put(ra, rb);
            }
        }
    }

    private static String root(Map<String, String> parent, String n) {
        while (!parent.get(n).equals(n)) n = parent.get(n);
        return n;
    }

    // ---- values ----------------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(Object value, String path) {
        if (value instanceof Map<?, ?> m) return (Map<String, Object>) m;
        error(path, "expected a mapping (key: value), got " + describe(value));
        return null;
    }

    @SuppressWarnings("unchecked")
    private List<Object> list(Object value, String path, boolean required) {
        if (value == null) {
            if (required) error(path, "missing (a list)");
            return List.of();
        }
        if (value instanceof List<?> l) return (List<Object>) l;
        error(path, "expected a list, got " + describe(value));
        return List.of();
    }

    private String string(Object value, String path, boolean required) {
        if (value == null) {
            if (required) error(path, "missing");
            return null;
        }
        if (value instanceof String s) return s;
        error(path, "expected text, got " + describe(value));
        return null;
    }

    private String requiredId(Map<String, Object> m, String key, String path) {
        String id = string(m.get(key), path, true);
        if (id != null && !ID.matcher(id).matches()) {
            error(path, "\"" + id + "\" is not an id (lower-case letters, digits and dashes, starting with a letter, at most 32)");
            return null;
        }
        return id;
    }

    private LocalizedText text(Object value, String path, boolean required) {
        if (value == null) {
            if (required) error(path, "missing (text, or {en: ..., ko: ...})");
            return null;
        }
        if (value instanceof String s) return new LocalizedText(s, null);
        Map<String, Object> m = map(value, path);
        if (m == null) return null;
        keys(m, path, TEXT_KEYS);
        String en = string(m.get("en"), path + ".en", true);
        String ko = string(m.get("ko"), path + ".ko", false);
        return en == null ? null : new LocalizedText(en, ko);
    }

    private Map<String, String> sysctl(Object value, String path) {
        Map<String, String> result = new LinkedHashMap<>();
        if (value == null) return result;
        Map<String, Object> m = map(value, path);
        if (m == null) return result;
        m.forEach((k, v) -> {
            if (v instanceof Number || v instanceof String) result.put(k, String.valueOf(v));
            else error(path + "." + k, "expected a number, got " + describe(v));
        });
        return result;
    }

    private Ipv4Address address(Object value, String path) {
        try {
            return Ipv4Address.parse(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            error(path, "\"" + value + "\" is not an IPv4 address (e.g. 192.168.1.1)");
            return null;
        }
    }

    private Ipv4Prefix prefix(Object value, String path) {
        try {
            return Ipv4Prefix.parse(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            error(path, e.getMessage());
            return null;
        }
    }

    /** An interface address: a host address with its subnet's prefix length, not the network or broadcast address. */
    private Ipv4Prefix hostAddress(Object value, String path) {
        Ipv4Prefix p = prefix(value, path);
        if (p == null) return null;
        if (p.length() < 31 && (p.address().equals(p.network()) || p.address().equals(p.broadcast()))) {
            error(path, p + " is the " + (p.address().equals(p.network()) ? "network" : "broadcast")
                    + " address of its subnet; an interface needs a host address");
            return null;
        }
        return p;
    }

    private void keys(Map<String, Object> m, String path, Set<String> allowed) {
        for (String k : m.keySet()) {
            if (allowed.contains(k)) continue;
            String near = allowed.stream().filter(a -> closeTo(k, a)).findFirst().orElse(null);
            List<String> sorted = new ArrayList<>(allowed);
            sorted.sort(null);
            error(path.equals("(top)") ? k : path + "." + k, "unknown key" + (near != null ? " (did you mean " + near + "?)" : "")
                    + "; allowed: " + String.join(", ", sorted));
        }
    }

    private static boolean closeTo(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 2) return false;
        int[] prev = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            int[] cur = new int[b.length() + 1];
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            prev = cur;
        }
        return prev[b.length()] <= 2;
    }

    private static String describe(Object value) {
        if (value == null) return "nothing";
        if (value instanceof String s) return "\"" + s + "\"";
        if (value instanceof List<?>) return "a list";
        if (value instanceof Map<?, ?>) return "a mapping";
        return String.valueOf(value);
    }

    /** All keys the parser accepts, for the schema drift test. */
    static Set<String> allKeys() {
        Set<String> all = new HashSet<>();
        for (Set<String> s : Arrays.asList(LAB_KEYS, NODE_KEYS, INTERFACE_KEYS, ROUTE_KEYS, LINK_KEYS, STEP_KEYS, TEXT_KEYS)) {
            all.addAll(s);
        }
        return all;
    }
}
