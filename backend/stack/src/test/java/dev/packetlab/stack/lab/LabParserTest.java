package dev.packetlab.stack.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.packetlab.stack.lab.NodeSpec.InterfaceSpec;
import dev.packetlab.stack.sim.SimTime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Lab files: every mistake gets a message naming the file, the path inside it and what is wrong. */
class LabParserTest {
    /** A mutable tree, as a YAML reader gives it: "key", value, "key", value… */
    private static Map<String, Object> m(Object... kv) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) map.put((String) kv[i], kv[i + 1]);
        return map;
    }

    private static List<Object> l(Object... items) {
        return new ArrayList<>(List.of(items));
    }

    private static Map<String, Object> lab(List<Object> nodes, List<Object> links) {
        return m("id", "t", "title", "T", "nodes", nodes, "links", links);
    }

    private static Map<String, Object> host(String id, String ip) {
        return m("id", id, "kind", "host", "ip", ip);
    }

    private static String errorOf(Object tree) {
        return org.assertj.core.api.Assertions.catchThrowableOfType(LabException.class,
                () -> LabParser.parse("lab.yaml", tree)).getMessage();
    }

    @Test
    void aValidLabResolvesLinkEndsToInterfacesAndSwitchPorts() {
        Lab lab = LabParser.parse("lab.yaml", lab(
                l(host("pc1", "10.0.0.1/24"), host("pc2", "10.0.0.2/24"), m("id", "sw1", "kind", "switch")),
                l(m("a", "pc1", "b", "sw1", "bandwidth", "10Mbps", "delay", "20ms"), m("a", "sw1", "b", "pc2"))));
        assertThat(lab.links()).extracting(LinkSpec::name).containsExactly("pc1:eth0-sw1:p1", "sw1:p2-pc2:eth0");
        assertThat(lab.links().get(0).parameters().bandwidth()).isEqualTo(10_000_000L);
        assertThat(lab.links().get(0).parameters().delay()).isEqualTo(SimTime.millis(20));
        assertThat(lab.links().get(1).parameters().bandwidth()).isEqualTo(100_000_000L);
        assertThat(lab.node("sw1").interfaces()).extracting(InterfaceSpec::name).containsExactly("p1", "p2");
        assertThat(lab.seed()).isEqualTo(1);
    }

    @Test
    void linkToAnUnknownNodeNamesTheKnownNodes() {
        assertThat(errorOf(lab(l(host("pc1", "10.0.0.1/24"), m("id", "sw1", "kind", "switch"), m("id", "r1", "kind", "router",
                "interfaces", l(m("name", "eth0", "ip", "10.0.0.254/24")))),
                l(m("a", "pc1", "b", "sw1"), m("a", "sw1", "b", "r1"), m("a", "sw1", "b", "r9")))))
                .isEqualTo("lab.yaml: links[2].b: no node named \"r9\" (known: pc1, sw1, r1)");
    }

    @Test
    void linkToAnUnknownInterfaceNamesTheInterfaces() {
        assertThat(errorOf(lab(l(host("pc1", "10.0.0.1/24"), host("pc2", "10.0.0.2/24")), l(m("a", "pc1:eth7", "b", "pc2")))))
                .isEqualTo("lab.yaml: links[0].a: pc1 has no interface \"eth7\" (known: eth0)");
    }

    @Test
    void anInterfaceTakesOneCable() {
        assertThat(errorOf(lab(l(host("pc1", "10.0.0.1/24"), host("pc2", "10.0.0.2/24"), host("pc3", "10.0.0.3/24")),
                l(m("a", "pc1", "b", "pc2"), m("a", "pc1:eth0", "b", "pc3")))))
                .isEqualTo("lab.yaml: links[1].a: pc1:eth0 already has a cable (links[0]); an interface takes one cable: "
                        + "share a segment through a switch or hub");
    }

    @Test
    void aLinkFromANodeToItselfIsRejected() {
        assertThat(errorOf(lab(l(m("id", "sw1", "kind", "switch")), l(m("a", "sw1", "b", "sw1")))))
                .isEqualTo("lab.yaml: links[0]: a link from sw1 to itself");
    }

    @Test
    void hubLoopIsRejectedNamingTheHubs() {
        assertThat(errorOf(lab(l(m("id", "hub1", "kind", "hub"), m("id", "hub2", "kind", "hub"), m("id", "hub3", "kind", "hub")),
                l(m("a", "hub1", "b", "hub2"), m("a", "hub2", "b", "hub3"), m("a", "hub3", "b", "hub1")))))
                .isEqualTo("lab.yaml: links[2]: this cable closes a loop of hubs (hub1, hub2, hub3): a hub repeats every "
                        + "frame, so a broadcast would circle forever");
    }

    @Test
    void duplicateNodeIdsAreRejected() {
        assertThat(errorOf(lab(l(host("pc1", "10.0.0.1/24"), host("pc1", "10.0.0.2/24")), l())))
                .isEqualTo("lab.yaml: nodes[1].id: duplicate node id \"pc1\" (also nodes[0])");
    }

    @Test
    void anInvalidAddressOrPrefixIsNamed() {
        assertThat(errorOf(lab(l(host("pc1", "192.168.1.300/24")), l())))
                .isEqualTo("lab.yaml: nodes[0].ip: not an IPv4 address: \"192.168.1.300\"");
        assertThat(errorOf(lab(l(host("pc1", "10.0.0.1/33")), l())))
                .isEqualTo("lab.yaml: nodes[0].ip: prefix length must be 0..32 in \"10.0.0.1/33\"");
        assertThat(errorOf(lab(l(host("pc1", "10.0.0.1")), l())))
                .isEqualTo("lab.yaml: nodes[0].ip: missing prefix length in \"10.0.0.1\" (e.g. 10.0.0.1/24)");
        assertThat(errorOf(lab(l(host("pc1", "10.0.0.0/24")), l())))
                .isEqualTo("lab.yaml: nodes[0].ip: 10.0.0.0/24 is the network address of its subnet; an interface needs a host address");
    }

    @Test
    void aGatewayOutsideTheNodesSubnetsIsRejected() {
        Map<String, Object> pc1 = host("pc1", "10.0.0.1/24");
        pc1.put("gateway", "10.0.1.1");
        assertThat(errorOf(lab(l(pc1), l())))
                .isEqualTo("lab.yaml: nodes[0].gateway: 10.0.1.1 is not on any subnet of pc1 (10.0.0.0/24)");
    }

    @Test
    void aSwitchHasNoIpAddress() {
        assertThat(errorOf(lab(l(m("id", "sw1", "kind", "switch", "ip", "10.0.0.1/24")), l())))
                .isEqualTo("lab.yaml: nodes[0].ip: a switch moves frames and has no ip (only hosts, servers and routers speak IP)");
    }

    @Test
    void aRouterListsInterfacesInsteadOfOneIp() {
        assertThat(errorOf(lab(l(m("id", "r1", "kind", "router", "ip", "10.0.0.1/24")), l())))
                .isEqualTo("lab.yaml: nodes[0].ip: a router joins several subnets: list them under interfaces: "
                        + "[{name: eth0, ip: ...}, ...]");
    }

    @Test
    void overlappingSubnetsOnOneRouterAreRejected() {
        assertThat(errorOf(lab(l(m("id", "r1", "kind", "router", "interfaces",
                l(m("name", "eth0", "ip", "10.0.0.1/16"), m("name", "eth1", "ip", "10.0.5.1/24")))), l())))
                .isEqualTo("lab.yaml: nodes[0].interfaces[1].ip: 10.0.5.1/24 overlaps 10.0.0.1/16 of eth0 (each interface needs its own subnet)");
    }

    @Test
    void theSameAddressOnTwoNodesIsRejected() {
        assertThat(errorOf(lab(l(host("pc1", "10.0.0.1/24"), host("pc2", "10.0.0.1/24")), l())))
                .isEqualTo("lab.yaml: nodes[1]: address 10.0.0.1 is already used by pc1:eth0");
    }

    @Test
    void aRouteViaAnAddressOffEveryConnectedSubnetIsRejected() {
        assertThat(errorOf(lab(l(m("id", "r1", "kind", "router", "interfaces", l(m("name", "eth0", "ip", "10.0.0.1/24")),
                "routes", l(m("to", "172.16.0.0/16", "via", "10.9.9.9")))), l())))
                .isEqualTo("lab.yaml: nodes[0].routes[0].via: 10.9.9.9 is not on a connected subnet, so it cannot be a next hop");
    }

    @Test
    void anUnknownKeySuggestsTheNearestAndListsTheAllowedOnes() {
        Map<String, Object> pc1 = host("pc1", "10.0.0.1/24");
        pc1.put("gatway", "10.0.0.254");
        assertThat(errorOf(lab(l(pc1), l())))
                .isEqualTo("lab.yaml: nodes[0].gatway: unknown key (did you mean gateway?); allowed: dns, gateway, id, "
                        + "interfaces, ip, kind, position, routes, services, sysctl");
    }

    @Test
    void anUnknownKindListsTheKinds() {
        assertThat(errorOf(lab(l(m("id", "fw1", "kind", "firewall")), l())))
                .isEqualTo("lab.yaml: nodes[0].kind: unknown kind \"firewall\" (one of host, server, router, switch, hub)");
    }

    @Test
    void badUnitsLossAndMtuAreNamed() {
        assertThat(errorOf(lab(l(host("pc1", "10.0.0.1/24"), host("pc2", "10.0.0.2/24")),
                l(m("a", "pc1", "b", "pc2", "bandwidth", "100 furlongs", "delay", "soon", "loss", 1.5, "mtu", 20)))))
                .isEqualTo("""
                        lab.yaml: links[0].bandwidth: expected a bandwidth such as 100Mbps, 10Mbps, 1Gbps or 64kbps, got "100 furlongs"
                        lab.yaml: links[0].delay: expected a duration such as 1ms, 20ms, 1.5s or 10us, got "soon"
                        lab.yaml: links[0].loss: expected a probability from 0 to 1 (0.01 is 1 %), got 1.5
                        lab.yaml: links[0].mtu: expected a whole number of bytes from 68 to 9000, got 20""");
    }

    @Test
    void wrongTypesAndMissingFieldsAreNamed() {
        assertThat(errorOf(m("id", "Bad Id", "title", "T", "nodes", "pc1", "seed", "one")))
                .isEqualTo("""
                        lab.yaml: id: "Bad Id" is not an id (lower-case letters, digits and dashes, starting with a letter, at most 32)
                        lab.yaml: seed: expected a whole number, got "one"
                        lab.yaml: nodes: expected a list, got "pc1\"""");
        assertThat(errorOf(m("title", "T"))).isEqualTo("lab.yaml: id: missing\nlab.yaml: nodes: missing (a list)");
    }

    @Test
    void aStepNeedsText() {
        Map<String, Object> tree = lab(l(host("pc1", "10.0.0.1/24")), l());
        tree.put("steps", l(m("hint", "try ping")));
        assertThat(errorOf(tree)).isEqualTo("lab.yaml: steps[0].text: missing (text, or {en: ..., ko: ...})");
    }

    @Test
    void everyKeyTheParserAcceptsIsInTheJsonSchema() throws Exception {
        String schema = Files.readString(Path.of("../../docs/lab.schema.json"));
        for (String key : LabParser.allKeys()) assertThat(schema).as("schema has \"%s\"", key).contains("\"" + key + "\"");
    }

    @Test
    void aSysctlThatDoesNotFitIsReportedWhenTheLabIsBuilt() {
        Map<String, Object> pc1 = host("pc1", "10.0.0.1/24");
        pc1.put("sysctl", m("net.ipv4.ip_default_ttl", 300));
        Lab lab = LabParser.parse("lab.yaml", lab(l(pc1), l()));
        assertThatThrownBy(() -> LabBuilder.build("lab.yaml", lab)).isInstanceOf(LabException.class)
                .hasMessage("lab.yaml: nodes[0].sysctl.net.ipv4.ip_default_ttl: net.ipv4.ip_default_ttl: 300 is outside 1..255 on pc1");
    }
}
