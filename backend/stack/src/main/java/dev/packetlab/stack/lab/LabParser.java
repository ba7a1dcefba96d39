package dev.packetlab.stack.lab;

import dev.packetlab.stack.lab.NodeSpec.InterfaceSpec;
import dev.packetlab.stack.lab.NodeSpec.Kind;
import dev.packetlab.stack.lab.NodeSpec.Position;
import dev.packetlab.stack.lab.NodeSpec.RouteSpec;
import dev.packetlab.stack.lab.check.Check;
import dev.packetlab.stack.lab.check.CheckParser;
import dev.packetlab.stack.lab.check.TcpAnalysis;
import dev.packetlab.stack.link.LinkParameters;
import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.wire.Ipv4Address;
import dev.packetlab.stack.wire.Ipv4Prefix;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Turns a lab file's tree (maps, lists, strings, numbers and booleans, as a YAML or JSON reader gives them) into a
 * {@link Lab}, or a {@link LabException} naming every problem with its path in the file. The stack reads no YAML
 * itself: the server parses the text and hands the tree here. The format's reference is {@code docs/lab-format.md}.
 *
 * <p>Every problem is collected rather than stopping at the first, but a problem is reported once: a node whose
 * own definition is wrong is still known by its id, so links to it do not add "no node named" on top, and a
 * gateway or route is not checked against an address that did not parse.
 */
public final class LabParser {
    static final Set<String> LAB_KEYS = Set.of("id", "title", "summary", "seed", "nodes", "links", "steps", "sysctl");
    static final Set<String> NODE_KEYS = Set.of("id", "kind", "ip", "gateway", "dns", "hosts", "interfaces",
            "routes", "services", "sysctl", "position");
    static final Set<String> INTERFACE_KEYS = Set.of("name", "ip");
    static final Set<String> ROUTE_KEYS = Set.of("to", "via");
    static final Set<String> POSITION_KEYS = Set.of("x", "y");
    static final Set<String> LINK_KEYS = Set.of("a", "b", "bandwidth", "delay", "jitter", "loss", "mtu", "queue", "up");
    static final Set<String> STEP_KEYS = Set.of("text", "hint", "check");
    static final Set<String> TEXT_KEYS = Set.of("en", "ko");
    /** Only hosts, servers and routers speak IP; a switch or hub with one of these keys is a mistake. */
    private static final List<String> IP_ONLY_KEYS = List.of("ip", "gateway", "dns", "hosts", "interfaces", "routes",
            "services");
    private static final Pattern HOST_NAME = Pattern.compile("(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
            + "(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
    static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    private static final Pattern INTERFACE_NAME = Pattern.compile("[a-z][a-z0-9.]{0,14}");
    private static final long MAX_LINK_DELAY = SimTime.seconds(3600);
    private static final int MAX_QUEUE = 100_000;

    private final List<LabError> errors = new ArrayList<>();
    /** Ids of every node written in the file, valid or not, so a link to a broken node is not a second error. */
    private final Set<String> writtenIds = new HashSet<>();
    /** "node:interface" → the path of its address in the file, to point at the second use of an address. */
    private final Map<String, String> addressPaths = new HashMap<>();
    /** Each accepted link → its path ({@code links[2]}), for the checks made once every link is known. */
    private final Map<LinkSpec, String> linkPaths = new IdentityHashMap<>();

    private LabParser() {}

    /**
     * @param fileName the name to put in front of every error ({@code lab.yaml})
     * @param tree     the parsed document: {@code Map<String,Object>}, {@code List<Object>}, String, Number, Boolean
     * @throws LabException listing every problem found
     */
    public static Lab parse(String fileName, Object tree) {
        LabParser p = new LabParser();
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
        String id = requiredId(top.get("id"), "id");
        LocalizedText title = text(top.get("title"), "title", true);
        LocalizedText summary = text(top.get("summary"), "summary", false);
        long seed = 1;
        if (top.containsKey("seed")) {
            Object s = top.get("seed");
            if (s instanceof Integer || s instanceof Long) seed = ((Number) s).longValue();
            else error("seed", "expected a whole number, got " + describe(s));
        }
        Map<String, String> sysctl = sysctl(top.get("sysctl"), "sysctl");
        List<Object> nodeList = list(top.get("nodes"), "nodes", true);
        for (Object n : nodeList) {
            if (n instanceof Map<?, ?> nm && nm.get("id") instanceof String s) writtenIds.add(s);
        }
        List<NodeSpec> nodes = new ArrayList<>();
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
        checkAddressesUnique(nodes);
        List<LinkSpec> links = links(list(top.get("links"), "links", false), nodes);
        checkHubLoops(nodes, links);
        List<Lab.Step> steps = new ArrayList<>();
        List<Object> stepList = list(top.get("steps"), "steps", false);
        CheckParser checks = new CheckParser(nodes, writtenIds, errors);
        for (int i = 0; i < stepList.size(); i++) {
            Lab.Step s = step(stepList.get(i), "steps[" + i + "]", checks);
            if (s != null) steps.add(s);
        }
        return new Lab(id, title, summary, seed, List.copyOf(nodes), List.copyOf(links), List.copyOf(steps), sysctl);
    }

    /** A step; its check is read by {@link CheckParser}, against the nodes, into the same list of errors. */
    private Lab.Step step(Object value, String path, CheckParser checks) {
        Map<String, Object> s = map(value, path);
        if (s == null) return null;
        keys(s, path, STEP_KEYS);
        LocalizedText text = text(s.get("text"), path + ".text", true);
        LocalizedText hint = text(s.get("hint"), path + ".hint", false);
        Check check = s.containsKey("check") ? checks.parseStep(s.get("check"), path + ".check") : null;
        return new Lab.Step(text, hint, check);
    }

    // ---- nodes -----------------------------------------------------------------------------------------

    private NodeSpec node(Object value, String path) {
        Map<String, Object> m = map(value, path);
        if (m == null) return null;
        keys(m, path, NODE_KEYS);
        String id = requiredId(m.get("id"), path + ".id");
        Kind kind = kind(m.get("kind"), path + ".kind");
        if (id == null || kind == null) return null;
        List<InterfaceSpec> interfaces = List.of();
        Ipv4Address gateway = null;
        List<Ipv4Address> dns = new ArrayList<>();
        Map<String, Ipv4Address> hosts = new java.util.TreeMap<>();
        List<RouteSpec> routes = new ArrayList<>();
        List<Map<String, Object>> services = new ArrayList<>();
        if (!kind.speaksIp()) {
            for (String ipOnly : IP_ONLY_KEYS) {
                if (m.containsKey(ipOnly)) {
                    error(path + "." + ipOnly, "a " + kind.word() + " moves frames and has no " + ipOnly
                            + " (only hosts, servers and routers speak IP)");
                }
            }
        } else {
            int before = errors.size();
            interfaces = interfaces(m, path, id, kind);
            // a gateway or next hop is only judged against addresses that parsed, so one typo is one error
            boolean addressed = errors.size() == before;
            if (m.containsKey("gateway")) {
                gateway = address(m.get("gateway"), path + ".gateway");
                if (gateway != null && addressed && !onASubnet(interfaces, gateway)) {
                    error(path + ".gateway", gateway + " is not on any subnet of " + id + " (" + subnets(interfaces) + ")");
                }
            }
            Object d = m.get("dns");
            if (d instanceof String) {
                Ipv4Address a = address(d, path + ".dns");
                if (a != null) dns.add(a);
            } else {
                List<Object> dnsList = list(d, path + ".dns", false);
                for (int i = 0; i < dnsList.size(); i++) {
                    Ipv4Address a = address(dnsList.get(i), path + ".dns[" + i + "]");
                    if (a != null) dns.add(a);
                }
            }
            if (m.containsKey("hosts")) {
                Map<String, Object> hm = map(m.get("hosts"), path + ".hosts");
                if (hm != null) {
                    hm.forEach((name, address) -> {
                        String at = path + ".hosts." + name;
                        if (!HOST_NAME.matcher(name).matches()) {
                            error(at, "\"" + name + "\" is not a host name (letters, digits, hyphens and dots, e.g. www.example.lab)");
                            return;
                        }
                        Ipv4Address a = address(address, at);
                        if (a != null) hosts.put(name.toLowerCase(java.util.Locale.ROOT), a);
                    });
                }
            }
            List<Object> routeList = list(m.get("routes"), path + ".routes", false);
            for (int i = 0; i < routeList.size(); i++) {
                RouteSpec r = route(routeList.get(i), path + ".routes[" + i + "]", interfaces, addressed);
                if (r != null) routes.add(r);
            }
            List<Object> serviceList = list(m.get("services"), path + ".services", false);
            for (int i = 0; i < serviceList.size(); i++) {
                Map<String, Object> s = service(serviceList.get(i), path + ".services[" + i + "]");
                if (s != null) services.add(s);
            }
        }
        Position position = m.containsKey("position") ? position(m.get("position"), path + ".position") : null;
        return new NodeSpec(id, kind, List.copyOf(interfaces), gateway, List.copyOf(dns), Map.copyOf(hosts), List.copyOf(routes),
                List.copyOf(services),
                sysctl(m.get("sysctl"), path + ".sysctl"), position);
    }

    private Kind kind(Object value, String path) {
        String kinds = String.join(", ", Arrays.stream(Kind.values()).map(Kind::word).toList());
        if (value == null) {
            error(path, "missing (one of " + kinds + ")");
            return null;
        }
        if (value instanceof String s) {
            for (Kind k : Kind.values()) if (k.word().equals(s)) return k;
            String near = nearest(s, Arrays.stream(Kind.values()).map(Kind::word).toList());
            error(path, "unknown kind \"" + s + "\" (" + (near == null ? "" : "did you mean " + near + "? ")
                    + "one of " + kinds + ")");
            return null;
        }
        error(path, "expected one of " + kinds + ", got " + describe(value));
        return null;
    }

    /** The node's interfaces: {@code ip:} is shorthand for one interface {@code eth0}. */
    private List<InterfaceSpec> interfaces(Map<String, Object> m, String path, String id, Kind kind) {
        List<InterfaceSpec> result = new ArrayList<>();
        if (m.containsKey("ip") && m.containsKey("interfaces")) {
            error(path + ".ip", "give either ip (one interface, eth0) or interfaces, not both");
            return result;
        }
        if (m.containsKey("ip")) {
            if (kind == Kind.ROUTER) {
                error(path + ".ip", "a router joins several subnets: list them under interfaces: "
                        + "[{name: eth0, ip: ...}, ...]");
                return result;
            }
            Ipv4Prefix ip = hostAddress(m.get("ip"), path + ".ip");
            result.add(new InterfaceSpec("eth0", ip));
            addressPaths.put(id + ":eth0", path + ".ip");
            return result;
        }
        List<Object> list = list(m.get("interfaces"), path + ".interfaces", false);
        if (list.isEmpty()) {
            if (kind == Kind.ROUTER) error(path + ".interfaces", "a router needs at least one interface");
            else if (!m.containsKey("interfaces")) result.add(new InterfaceSpec("eth0", null)); // unnumbered, cabled
            return result;
        }
        Map<String, Integer> names = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            String p = path + ".interfaces[" + i + "]";
            Map<String, Object> im = map(list.get(i), p);
            if (im == null) continue;
            keys(im, p, INTERFACE_KEYS);
            String name = string(im.get("name"), p + ".name", true);
            if (name == null) continue;
            if (!INTERFACE_NAME.matcher(name).matches()) {
                error(p + ".name", "\"" + name + "\" is not an interface name (lower-case letters, digits and dots, "
                        + "starting with a letter, at most 15)");
                continue;
            }
            Integer before = names.putIfAbsent(name, i);
            if (before != null) {
                error(p + ".name", "duplicate interface name \"" + name + "\" (also interfaces[" + before + "])");
                continue;
            }
            Ipv4Prefix ip = im.containsKey("ip") ? hostAddress(im.get("ip"), p + ".ip") : null;
            for (InterfaceSpec other : result) {
                Ipv4Prefix o = other.ip();
                if (ip != null && o != null && (o.contains(ip.address()) || ip.contains(o.address()))) {
                    error(p + ".ip", ip + " overlaps " + o + " of " + other.name()
                            + " (each interface needs its own subnet)");
                }
            }
            result.add(new InterfaceSpec(name, ip));
            if (ip != null) addressPaths.put(id + ":" + name, p + ".ip");
        }
        return result;
    }

    private RouteSpec route(Object value, String path, List<InterfaceSpec> interfaces, boolean addressed) {
        Map<String, Object> m = map(value, path);
        if (m == null) return null;
        keys(m, path, ROUTE_KEYS);
        Ipv4Prefix to = null;
        Object t = m.get("to");
        if (t == null) {
            error(path + ".to", "missing (a prefix such as 10.0.0.0/8, or default)");
        } else if ("default".equals(t)) {
            to = new Ipv4Prefix(Ipv4Address.ANY, 0);
        } else {
            to = prefix(t, path + ".to");
            if (to != null && !to.address().equals(to.network())) {
                error(path + ".to", to + " has host bits set (did you mean " + to.network() + "/" + to.length() + "?)");
                to = null;
            }
        }
        Ipv4Address via = null;
        if (!m.containsKey("via")) {
            error(path + ".via", "missing (the next router's address)");
        } else {
            via = address(m.get("via"), path + ".via");
            if (via != null && addressed && !onASubnet(interfaces, via)) {
                error(path + ".via", via + " is not on a connected subnet (" + subnets(interfaces)
                        + "), so it cannot be a next hop");
                via = null;
            }
        }
        return to == null || via == null ? null : new RouteSpec(to, via);
    }

    /** A service is kept as written (the applications define them); here only its shape is checked. */
    private Map<String, Object> service(Object value, String path) {
        Map<String, Object> s = map(value, path);
        if (s == null) return null;
        if (s.size() != 1) {
            error(path, "a service is one key naming it, e.g. {http: {port: 80}}, got " + s.size() + " keys ("
                    + String.join(", ", new TreeSet<>(s.keySet())) + ")");
            return null;
        }
        return s;
    }

    private Position position(Object value, String path) {
        Map<String, Object> m = map(value, path);
        if (m == null) return null;
        keys(m, path, POSITION_KEYS);
        double[] xy = new double[2];
        boolean ok = true;
        for (int i = 0; i < 2; i++) {
            String axis = i == 0 ? "x" : "y";
            if (m.get(axis) instanceof Number n) xy[i] = n.doubleValue();
            else {
                error(path + "." + axis, m.containsKey(axis) ? "expected a number, got " + describe(m.get(axis)) : "missing");
                ok = false;
            }
        }
        return ok ? new Position(xy[0], xy[1]) : null;
    }

    private static boolean onASubnet(List<InterfaceSpec> interfaces, Ipv4Address a) {
        return interfaces.stream().anyMatch(i -> i.ip() != null && i.ip().contains(a));
    }

    private static String subnets(List<InterfaceSpec> interfaces) {
        List<String> s = interfaces.stream().filter(i -> i.ip() != null)
                .map(i -> i.ip().network() + "/" + i.ip().length()).toList();
        return s.isEmpty() ? "it has no address" : String.join(", ", s);
    }

    // ---- links -----------------------------------------------------------------------------------------

    /**
     * Resolves every end to an interface, in link order (docs/lab-format.md, "How an end is resolved"), and gives
     * switches and hubs the ports their links use.
     */
    private List<LinkSpec> links(List<Object> list, List<NodeSpec> nodes) {
        Map<String, NodeSpec> byId = new LinkedHashMap<>();
        for (NodeSpec n : nodes) byId.put(n.id(), n);
        Map<String, List<InterfaceSpec>> ports = new HashMap<>();
        Map<String, String> cableOf = new HashMap<>(); // "node:interface" → the path of the link plugged into it
        List<LinkSpec> links = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String path = "links[" + i + "]";
            Map<String, Object> m = map(list.get(i), path);
            if (m == null) continue;
            keys(m, path, LINK_KEYS);
            String aText = string(m.get("a"), path + ".a", true);
            String bText = string(m.get("b"), path + ".b", true);
            if (aText != null && bText != null && nodePart(aText).equals(nodePart(bText))) {
                error(path, "a link from " + nodePart(aText) + " to itself");
                aText = bText = null;
            }
            String[] a = aText == null ? null : end(aText, path + ".a", byId, ports, cableOf, path);
            String[] b = bText == null ? null : end(bText, path + ".b", byId, ports, cableOf, path);
            LinkParameters parameters = linkParameters(m, path);
            boolean up = true;
            if (m.containsKey("up")) {
                if (m.get("up") instanceof Boolean u) up = u;
                else error(path + ".up", "expected true or false, got " + describe(m.get("up")));
            }
            if (a != null && b != null && parameters != null) {
                LinkSpec link = new LinkSpec(a[0], a[1], b[0], b[1], parameters, up);
                links.add(link);
                linkPaths.put(link, path);
            }
        }
        for (int i = 0; i < nodes.size(); i++) {
            NodeSpec n = nodes.get(i);
            if (!n.kind().speaksIp()) {
                nodes.set(i, new NodeSpec(n.id(), n.kind(), List.copyOf(ports.getOrDefault(n.id(), List.of())), null,
                        List.of(), Map.of(), List.of(), List.of(), n.sysctl(), n.position()));
            }
        }
        return links;
    }

    private static String nodePart(String end) {
        int colon = end.indexOf(':');
        return colon < 0 ? end : end.substring(0, colon);
    }

    /** Resolves "node" or "node:interface" to {node, interface}, or null after reporting why it cannot. */
    private String[] end(String text, String path, Map<String, NodeSpec> nodes, Map<String, List<InterfaceSpec>> ports,
                         Map<String, String> cableOf, String linkPath) {
        int colon = text.indexOf(':');
        String nodeId = colon < 0 ? text : text.substring(0, colon);
        String iface = colon < 0 ? null : text.substring(colon + 1);
        NodeSpec node = nodes.get(nodeId);
        if (node == null) {
            if (!writtenIds.contains(nodeId)) {
                error(path, "no node named \"" + nodeId + "\" (known: " + String.join(", ", nodes.keySet()) + ")");
            }
            return null;
        }
        if (iface != null && !INTERFACE_NAME.matcher(iface).matches()) {
            error(path, "\"" + text + "\" is not node or node:interface (an interface name is lower-case letters, "
                    + "digits and dots, starting with a letter)");
            return null;
        }
        if (!node.kind().speaksIp()) {
            List<InterfaceSpec> p = ports.computeIfAbsent(nodeId, k -> new ArrayList<>());
            String name = iface;
            if (name == null) {
                // the lowest pN not taken, so "sw1:p2" written earlier does not collide with a later bare "sw1"
                int n = 1;
                while (cableOf.containsKey(nodeId + ":p" + n)) n++;
                name = "p" + n;
            }
            String used = cableOf.putIfAbsent(nodeId + ":" + name, linkPath);
            if (used != null) {
                error(path, nodeId + ":" + name + " already has a cable (" + used + "); a port takes one cable");
                return null;
            }
            p.add(new InterfaceSpec(name, null));
            return new String[] {nodeId, name};
        }
        List<String> names = node.interfaces().stream().map(InterfaceSpec::name).toList();
        String name = iface;
        if (name == null) {
            name = names.stream().filter(n -> !cableOf.containsKey(nodeId + ":" + n)).findFirst().orElse(null);
            if (name == null) {
                error(path, nodeId + " has no interface left without a cable (" + String.join(", ", names)
                        + " taken); an interface takes one cable: share a segment through a switch or hub");
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
            Object v = m.get("bandwidth");
            long bps = v instanceof String s ? Units.bandwidth(s) : -1;
            if (bps > 0) p = p.withBandwidth(bps);
            else error(path + ".bandwidth", "expected a bandwidth such as 100Mbps, 10Mbps, 1Gbps, 64kbps or 9600bps, got "
                    + describe(v));
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
            if (v instanceof Integer n && n >= 1 && n <= MAX_QUEUE) p = p.withQueueLimit(n);
            else error(path + ".queue", "expected a number of frames from 1 to " + MAX_QUEUE + ", got " + describe(v));
        }
        return errors.size() == before ? p : null;
    }

    private long duration(Object value, String path, long fallback) {
        long d = value instanceof String s ? Units.duration(s) : -1;
        if (d >= 0 && d <= MAX_LINK_DELAY) return d;
        error(path, "expected a duration such as 1ms, 20ms, 1.5s or 10us (at most 3600s), got " + describe(value));
        return fallback;
    }

    // ---- whole-lab checks ------------------------------------------------------------------------------

    private void checkAddressesUnique(List<NodeSpec> nodes) {
        Map<Ipv4Address, String> owner = new HashMap<>();
        for (NodeSpec n : nodes) {
            for (InterfaceSpec iface : n.interfaces()) {
                if (iface.ip() == null) continue;
                String who = n.id() + ":" + iface.name();
                String other = owner.putIfAbsent(iface.ip().address(), who);
                if (other != null) {
                    error(addressPaths.get(who), iface.ip().address() + " is already the address of " + other
                            + " (" + addressPaths.get(other) + ")");
                }
            }
        }
    }

    /**
     * A hub repeats every frame out of every other port, so a loop made only of hubs would repeat one broadcast
     * forever. Each hub-to-hub cable either joins two separate trees of hubs or closes a loop; the loop is the path
     * between its ends through the cables accepted so far.
     */
    private void checkHubLoops(List<NodeSpec> nodes, List<LinkSpec> links) {
        Set<String> hubs = new HashSet<>();
        for (NodeSpec n : nodes) if (n.kind() == Kind.HUB) hubs.add(n.id());
        Map<String, List<String>> cables = new HashMap<>();
        for (LinkSpec l : links) {
            if (!hubs.contains(l.aNode()) || !hubs.contains(l.bNode())) continue;
            List<String> loop = path(cables, l.bNode(), l.aNode());
            if (loop != null) {
                error(linkPaths.get(l), "this cable closes a loop of hubs (" + String.join(", ", loop)
                        + "): a hub repeats every frame, so a broadcast would circle forever");
                continue;
            }
            cables.computeIfAbsent(l.aNode(), k -> new ArrayList<>()).add(l.bNode());
            cables.computeIfAbsent(l.bNode(), k -> new ArrayList<>()).add(l.aNode());
        }
    }

    /** The hubs from {@code from} to {@code to} through {@code cables} (a forest), or null if they are not joined. */
    private static List<String> path(Map<String, List<String>> cables, String from, String to) {
        Map<String, String> cameFrom = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(from));
        cameFrom.put(from, from);
        while (!queue.isEmpty()) {
            String h = queue.poll();
            if (h.equals(to)) {
                List<String> path = new ArrayList<>();
                for (String at = to; !at.equals(from); at = cameFrom.get(at)) path.addFirst(at);
                path.addFirst(from);
                return path;
            }
            for (String next : cables.getOrDefault(h, List.of())) {
                if (cameFrom.putIfAbsent(next, h) == null) queue.add(next);
            }
        }
        return null;
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

    private String requiredId(Object value, String path) {
        String id = string(value, path, true);
        if (id != null && !ID.matcher(id).matches()) {
            error(path, "\"" + id + "\" is not an id (lower-case letters, digits and dashes, starting with a letter, "
                    + "at most 32)");
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
        if (!(value instanceof Map<?, ?>)) {
            error(path, "expected text or {en: ..., ko: ...}, got " + describe(value));
            return null;
        }
        Map<String, Object> m = map(value, path);
        keys(m, path, TEXT_KEYS);
        String en = string(m.get("en"), path + ".en", true);
        String ko = string(m.get("ko"), path + ".ko", false);
        return en == null ? null : new LocalizedText(en, ko);
    }

    /** Tunables by name; their names and ranges are checked when the lab is built, against the nodes' own lists. */
    private Map<String, String> sysctl(Object value, String path) {
        Map<String, String> result = new LinkedHashMap<>();
        if (value == null) return result;
        Map<String, Object> m = map(value, path);
        if (m == null) return result;
        m.forEach((k, v) -> {
            if (v instanceof Number || v instanceof String) result.put(k, String.valueOf(v));
            else error(path + "." + k, "expected a number or text, got " + describe(v));
        });
        return result;
    }

    private Ipv4Address address(Object value, String path) {
        if (!(value instanceof String s)) {
            error(path, "expected an IPv4 address such as 192.168.1.1, got " + describe(value));
            return null;
        }
        try {
            return Ipv4Address.parse(s);
        } catch (IllegalArgumentException e) {
            error(path, e.getMessage() + " (e.g. 192.168.1.1)");
            return null;
        }
    }

    private Ipv4Prefix prefix(Object value, String path) {
        if (!(value instanceof String s)) {
            error(path, "expected an address with a prefix length such as 192.168.1.10/24, got " + describe(value));
            return null;
        }
        try {
            return Ipv4Prefix.parse(s);
        } catch (IllegalArgumentException e) {
            error(path, e.getMessage());
            return null;
        }
    }

    /** An interface address: a host address with its subnet's prefix length, not the network or broadcast address. */
    private Ipv4Prefix hostAddress(Object value, String path) {
        Ipv4Prefix p = prefix(value, path);
        if (p == null) return null;
        // RFC 3021: a /31 has no network or broadcast address; a /32 is a single address
        if (p.length() < 31 && (p.address().equals(p.network()) || p.address().equals(p.broadcast()))) {
            error(path, p + " is the " + (p.address().equals(p.network()) ? "network" : "broadcast")
                    + " address of its subnet; an interface needs a host address");
            return null;
        }
        return p;
    }

    private void keys(Map<String, Object> m, String path, Set<String> allowed) {
        List<String> sorted = new ArrayList<>(allowed);
        sorted.sort(null);
        for (String k : m.keySet()) {
            if (allowed.contains(k)) continue;
            String near = nearest(k, sorted);
            error(path.equals("(top)") ? k : path + "." + k, "unknown key" + (near != null ? " (did you mean " + near + "?)" : "")
                    + "; allowed: " + String.join(", ", sorted));
        }
    }

    /**
     * The candidate a typo most likely meant: fewest edits (a swap of two neighbours counts as one), at most two
     * and at most half the word, the first in {@code candidates}' order on a tie; null if none is that close.
     */
    public static String nearest(String word, List<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = editDistance(word.toLowerCase(), c);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return bestDistance <= 2 && 2 * bestDistance <= word.length() ? best : null;
    }

    /** Optimal string alignment distance: Levenshtein plus transposition of adjacent letters. */
    private static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /** A value as an error message shows it: text in quotes and named as such, since {@code "1"} is not {@code 1}. */
    public static String describe(Object value) {
        if (value == null) return "nothing";
        if (value instanceof String s) return "the text \"" + (s.length() > 40 ? s.substring(0, 37) + "..." : s) + "\"";
        if (value instanceof List<?>) return "a list";
        if (value instanceof Map<?, ?>) return "a mapping";
        return String.valueOf(value);
    }

    /** Every key the parser accepts, by the schema definition ({@code $defs} name, or "lab" for the top) that lists it. */
    static Map<String, Set<String>> keysByObject() {
        Map<String, Set<String>> all = new LinkedHashMap<>();
        all.put("lab", LAB_KEYS);
        all.put("node", NODE_KEYS);
        all.put("interface", INTERFACE_KEYS);
        all.put("route", ROUTE_KEYS);
        all.put("position", POSITION_KEYS);
        all.put("link", LINK_KEYS);
        all.put("step", STEP_KEYS);
        all.put("localized", TEXT_KEYS);
        // a step's check: one key naming it, then each check's own keys (the TCP analysis checks share theirs)
        Map<String, Set<String>> checks = CheckParser.keysByCheck();
        all.put("check", checks.keySet());
        checks.forEach((name, keys) -> {
            if (keys.isEmpty()) return; // all, any, before and not take checks, not keys
            boolean tcpEvent = Arrays.stream(TcpAnalysis.Kind.values()).anyMatch(k -> k.key().equals(name));
            all.put(tcpEvent ? "check-tcp-event" : "check-" + name, keys);
        });
        return all;
    }
}
