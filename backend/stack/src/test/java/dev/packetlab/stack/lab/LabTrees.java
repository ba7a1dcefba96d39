package dev.packetlab.stack.lab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lab trees built by hand, shaped as the server's YAML reader gives them: mutable maps in written order, lists,
 * strings, numbers and booleans. Mutable so a test can add the one key it is about.
 */
final class LabTrees {
    private LabTrees() {}

    /** A mapping from alternating keys and values: {@code m("id", "pc1", "kind", "host")}. */
    static Map<String, Object> m(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return map;
    }

    static List<Object> l(Object... items) {
        return new ArrayList<>(List.of(items));
    }

    /** The smallest valid top level around {@code nodes} and {@code links}. */
    static Map<String, Object> lab(List<Object> nodes, List<Object> links) {
        return m("id", "t", "title", "T", "nodes", nodes, "links", links);
    }

    static Map<String, Object> lab(Object... nodes) {
        return lab(l(nodes), l());
    }

    static Map<String, Object> host(String id, String ip) {
        return m("id", id, "kind", "host", "ip", ip);
    }

    static Map<String, Object> node(String id, String kind) {
        return m("id", id, "kind", kind);
    }

    static Map<String, Object> router(String id, Object... interfaces) {
        return m("id", id, "kind", "router", "interfaces", l(interfaces));
    }

    static Map<String, Object> iface(String name, String ip) {
        return m("name", name, "ip", ip);
    }

    static Map<String, Object> link(String a, String b, Object... properties) {
        Map<String, Object> link = m("a", a, "b", b);
        link.putAll(m(properties));
        return link;
    }

    /** labs/two-routers.yaml as the YAML reader gives it. */
    static Map<String, Object> twoRouters() {
        return m("id", "two-routers",
                "title", m("en", "Two subnets, two routers", "ko", "두 개의 서브넷과 두 대의 라우터"),
                "seed", 1,
                "nodes", l(
                        m("id", "pc1", "kind", "host", "ip", "192.168.1.10/24", "gateway", "192.168.1.1"),
                        node("sw1", "switch"),
                        m("id", "r1", "kind", "router",
                                "interfaces", l(iface("eth0", "192.168.1.1/24"), iface("eth1", "10.0.12.1/30")),
                                "routes", l(m("to", "192.168.2.0/24", "via", "10.0.12.2"))),
                        m("id", "r2", "kind", "router",
                                "interfaces", l(iface("eth0", "10.0.12.2/30"), iface("eth1", "192.168.2.1/24")),
                                "routes", l(m("to", "192.168.1.0/24", "via", "10.0.12.1"))),
                        node("hub1", "hub"),
                        m("id", "pc2", "kind", "host", "ip", "192.168.2.20/24", "gateway", "192.168.2.1"),
                        m("id", "pc3", "kind", "host", "ip", "192.168.2.30/24", "gateway", "192.168.2.1")),
                "links", l(
                        link("pc1", "sw1", "bandwidth", "100Mbps", "delay", "1ms"),
                        link("sw1", "r1:eth0", "bandwidth", "100Mbps", "delay", "1ms"),
                        link("r1:eth1", "r2:eth0", "bandwidth", "10Mbps", "delay", "5ms"),
                        link("r2:eth1", "hub1", "bandwidth", "100Mbps", "delay", "1ms"),
                        link("hub1", "pc2", "bandwidth", "100Mbps", "delay", "1ms"),
                        link("hub1", "pc3", "bandwidth", "100Mbps", "delay", "1ms")),
                "steps", l(m("text", m("en", "On pc1 run `ping -c 3 192.168.2.20`.",
                        "ko", "pc1에서 `ping -c 3 192.168.2.20`을 실행하세요."))));
    }
}
