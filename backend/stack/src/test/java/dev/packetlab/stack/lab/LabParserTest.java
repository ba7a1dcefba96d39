package dev.packetlab.stack.lab;

import static dev.packetlab.stack.lab.LabTrees.host;
import static dev.packetlab.stack.lab.LabTrees.iface;
import static dev.packetlab.stack.lab.LabTrees.l;
import static dev.packetlab.stack.lab.LabTrees.lab;
import static dev.packetlab.stack.lab.LabTrees.link;
import static dev.packetlab.stack.lab.LabTrees.m;
import static dev.packetlab.stack.lab.LabTrees.node;
import static dev.packetlab.stack.lab.LabTrees.router;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.packetlab.stack.lab.NodeSpec.InterfaceSpec;
import dev.packetlab.stack.lab.NodeSpec.Kind;
import dev.packetlab.stack.lab.NodeSpec.Position;
import dev.packetlab.stack.lab.NodeSpec.RouteSpec;
import dev.packetlab.stack.lab.check.Check;
import dev.packetlab.stack.link.LinkParameters;
import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.wire.Ipv4Address;
import dev.packetlab.stack.wire.Ipv4Prefix;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Lab files: the model a valid file gives, and for every mistake a message naming the file, the path and what. */
class LabParserTest {

    private static Lab parse(Object tree) {
        return LabParser.parse("lab.yaml", tree);
    }

    private static String errorOf(Object tree) {
        return catchThrowableOfType(LabException.class, () -> parse(tree)).getMessage();
    }

    /** A lab of two hosts joined by one link with {@code properties}. */
    private static Map<String, Object> cable(Object... properties) {
        return lab(l(host("pc1", "10.0.0.1/24"), host("pc2", "10.0.0.2/24")), l(link("pc1", "pc2", properties)));
    }

    // ---- the model of a valid lab --------------------------------------------------------------------------

    @Test
    void aValidLabResolvesLinkEndsToInterfacesAndSwitchPorts() {
        Lab lab = parse(lab(l(host("pc1", "10.0.0.1/24"), host("pc2", "10.0.0.2/24"), node("sw1", "switch")),
                l(link("pc1", "sw1"), link("sw1", "pc2"))));
        assertThat(lab.links()).extracting(LinkSpec::name).containsExactly("pc1:eth0-sw1:p1", "sw1:p2-pc2:eth0");
        assertThat(lab.node("sw1").interfaces()).containsExactly(new InterfaceSpec("p1", null), new InterfaceSpec("p2", null));
    }

    @Test
    void theShippedTwoRoutersLabParsesToItsTopology() {
        Lab lab = parse(LabTrees.twoRouters());
        assertThat(lab.id()).isEqualTo("two-routers");
        assertThat(lab.nodes()).extracting(NodeSpec::id).containsExactly("pc1", "sw1", "r1", "r2", "hub1", "pc2", "pc3");
        assertThat(lab.links()).extracting(LinkSpec::name).containsExactly("pc1:eth0-sw1:p1", "sw1:p2-r1:eth0",
                "r1:eth1-r2:eth0", "r2:eth1-hub1:p1", "hub1:p2-pc2:eth0", "hub1:p3-pc3:eth0");
        assertThat(lab.node("r1").routes()).containsExactly(
                new RouteSpec(Ipv4Prefix.parse("192.168.2.0/24"), Ipv4Address.parse("10.0.12.2")));
        assertThat(lab.links().get(2).parameters()).isEqualTo(new LinkParameters(10_000_000, SimTime.millis(5), 0, 0, 1500, 100));
    }

    @Test
    void aLinkWithoutPropertiesIs100Mbps1msNoJitterNoLossMtu1500Queue100AndUp() {
        LinkSpec link = parse(cable()).links().getFirst();
        assertThat(link.parameters()).isEqualTo(new LinkParameters(100_000_000, 1_000_000, 0, 0.0, 1500, 100));
        assertThat(link.up()).isTrue();
    }

    @Test
    void linkPropertiesAreConvertedToBitsPerSecondAndNanoseconds() {
        LinkSpec link = parse(cable("bandwidth", "64kbps", "delay", "1.5s", "jitter", "10us", "loss", 0.01,
                "mtu", 576, "queue", 10, "up", false)).links().getFirst();
        assertThat(link.parameters()).isEqualTo(new LinkParameters(64_000, 1_500_000_000L, 10_000, 0.01, 576, 10));
        assertThat(link.up()).isFalse();
    }

    @Test
    void theSeedDefaultsToOne() {
        assertThat(parse(lab(host("pc1", "10.0.0.1/24"))).seed()).isEqualTo(1);
    }

    @Test
    void aWrittenSeedIsKept() {
        Map<String, Object> tree = lab(host("pc1", "10.0.0.1/24"));
        tree.put("seed", 42);
        assertThat(parse(tree).seed()).isEqualTo(42);
    }

    @Test
    void plainTextIsEnglishAndKoreanFallsBackToIt() {
        Map<String, Object> tree = lab(host("pc1", "10.0.0.1/24"));
        tree.put("summary", m("en", "Ping", "ko", "핑"));
        Lab lab = parse(tree);
        assertThat(lab.title()).isEqualTo(new LocalizedText("T", null));
        assertThat(lab.title().in("ko")).isEqualTo("T");
        assertThat(lab.summary().in("ko")).isEqualTo("핑");
        assertThat(lab.summary().in("en")).isEqualTo("Ping");
    }

    @Test
    void aHostWrittenWithIpHasOneInterfaceEth0() {
        assertThat(parse(lab(host("pc1", "10.0.0.1/24"))).node("pc1").interfaces())
                .containsExactly(new InterfaceSpec("eth0", Ipv4Prefix.parse("10.0.0.1/24")));
    }

    @Test
    void aBareRouterEndTakesItsNextInterfaceWithoutACableInDeclaredOrder() {
        Lab lab = parse(lab(l(router("r1", iface("eth0", "10.0.1.1/24"), iface("eth1", "10.0.2.1/24"), iface("eth2", "10.0.3.1/24")),
                host("pc1", "10.0.1.10/24"), host("pc2", "10.0.2.10/24"), host("pc3", "10.0.3.10/24")),
                l(link("r1:eth1", "pc2"), link("r1", "pc1"), link("r1", "pc3"))));
        assertThat(lab.links()).extracting(LinkSpec::name)
                .containsExactly("r1:eth1-pc2:eth0", "r1:eth0-pc1:eth0", "r1:eth2-pc3:eth0");
    }

    @Test
    void aBareSwitchEndTakesTheLowestPortNotNamedByAnotherLink() {
        Lab lab = parse(lab(l(node("sw1", "switch"), host("pc1", "10.0.0.1/24"), host("pc2", "10.0.0.2/24")),
                l(link("sw1:p1", "pc1"), link("sw1", "pc2"))));
        assertThat(lab.links()).extracting(LinkSpec::name).containsExactly("sw1:p1-pc1:eth0", "sw1:p2-pc2:eth0");
    }

    @Test
    void gatewayDnsAndRoutesAreParsedAddresses() {
        Map<String, Object> pc1 = host("pc1", "10.0.0.10/24");
        pc1.put("gateway", "10.0.0.1");
        pc1.put("dns", l("10.0.0.53", "10.0.0.54"));
        pc1.put("routes", l(m("to", "default", "via", "10.0.0.2"), m("to", "172.16.0.0/12", "via", "10.0.0.3")));
        NodeSpec node = parse(lab(pc1)).node("pc1");
        assertThat(node.gateway()).isEqualTo(Ipv4Address.parse("10.0.0.1"));
        assertThat(node.dns()).containsExactly(Ipv4Address.parse("10.0.0.53"), Ipv4Address.parse("10.0.0.54"));
        assertThat(node.routes()).containsExactly(
                new RouteSpec(Ipv4Prefix.parse("0.0.0.0/0"), Ipv4Address.parse("10.0.0.2")),
                new RouteSpec(Ipv4Prefix.parse("172.16.0.0/12"), Ipv4Address.parse("10.0.0.3")));
    }

    @Test
    void oneDnsServerMayBeWrittenWithoutAList() {
        Map<String, Object> pc1 = host("pc1", "10.0.0.10/24");
        pc1.put("dns", "10.0.0.53");
        assertThat(parse(lab(pc1)).node("pc1").dns()).containsExactly(Ipv4Address.parse("10.0.0.53"));
    }

    @Test
    void servicesSysctlAndPositionAreKeptAsWritten() {
        Map<String, Object> web = host("web", "10.0.0.80/24");
        web.put("services", l(m("http", m("port", 80))));
        web.put("sysctl", m("net.ipv4.ip_default_ttl", 32));
        web.put("position", m("x", 120, "y", 40.5));
        NodeSpec node = parse(lab(web)).node("web");
        assertThat(node.services()).containsExactly(Map.of("http", Map.of("port", 80)));
        assertThat(node.sysctl()).containsExactly(Map.entry("net.ipv4.ip_default_ttl", "32"));
        assertThat(node.position()).isEqualTo(new Position(120, 40.5));
    }

    @Test
    void stepsKeepTextHintAndCheck() {
        Map<String, Object> tree = lab(host("pc1", "10.0.0.1/24"));
        tree.put("steps", l(m("text", "Ping pc2", "hint", m("en", "Use ping", "ko", "ping을 쓰세요"),
                "check", m("output", m("node", "pc1", "contains", "0% packet loss")))));
        assertThat(parse(tree).steps()).containsExactly(new Lab.Step(new LocalizedText("Ping pc2", null),
                new LocalizedText("Use ping", "ping을 쓰세요"), new Check.Output("pc1", null, "0% packet loss", null)));
    }

    @Test
    void kindsAreTheFiveLowerCaseWords() {
        assertThat(List.of(Kind.values())).extracting(Kind::word).containsExactly("host", "server", "router", "switch", "hub");
    }

    // ---- keys and types ------------------------------------------------------------------------------------

    @Test
    void anUnknownTopLevelKeySuggestsTheNearestAndListsTheAllowedOnes() {
        Map<String, Object> tree = lab(host("pc1", "10.0.0.1/24"));
        tree.put("step", l());
        assertThat(errorOf(tree)).isEqualTo("lab.yaml: step: unknown key (did you mean steps?); allowed: "
                + "id, links, nodes, seed, steps, summary, sysctl, title");
    }

    @Test
    void anUnknownNodeKeySuggestsTheNearestAndListsTheAllowedOnes() {
        Map<String, Object> pc1 = host("pc1", "10.0.0.1/24");
        pc1.put("gatway", "10.0.0.254");
        assertThat(errorOf(lab(pc1))).isEqualTo("lab.yaml: nodes[0].gatway: unknown key (did you mean gateway?); "
                + "allowed: dns, gateway, hosts, id, interfaces, ip, kind, position, routes, services, sysctl");
    }

    @Test
    void twoSwappedLettersCountAsOneTypo() {
        assertThat(errorOf(cable("dealy", "5ms"))).isEqualTo("lab.yaml: links[0].dealy: unknown key (did you mean delay?); "
                + "allowed: a, b, bandwidth, delay, jitter, loss, mtu, queue, up");
    }

    @Test
    void anUnknownKeyFarFromEveryAllowedOneGetsNoSuggestion() {
        assertThat(errorOf(cable("colour", "red"))).isEqualTo("lab.yaml: links[0].colour: unknown key; "
                + "allowed: a, b, bandwidth, delay, jitter, loss, mtu, queue, up");
    }

    @Test
    void aWrongTypeNamesWhatWasExpectedAndWhatWasGiven() {
        assertThat(errorOf(m("id", "t", "title", "T", "nodes", "pc1")))
                .isEqualTo("lab.yaml: nodes: expected a list, got the text \"pc1\"");
    }

    @Test
    void aNodeThatIsNotAMappingIsNamed() {
        assertThat(errorOf(lab(l("pc1"), l()))).isEqualTo("lab.yaml: nodes[0]: expected a mapping (key: value), got the text \"pc1\"");
    }

    @Test
    void aQuotedNumberIsReportedAsText() {
        assertThat(errorOf(cable("mtu", "1500")))
                .isEqualTo("lab.yaml: links[0].mtu: expected a whole number of bytes from 68 to 9000, got the text \"1500\"");
    }

    @Test
    void theLabIdAndNodesAreRequired() {
        assertThat(errorOf(m("title", "T"))).isEqualTo("lab.yaml: id: missing\nlab.yaml: nodes: missing (a list)");
    }

    @Test
    void theTitleIsRequired() {
        assertThat(errorOf(m("id", "t", "nodes", l()))).isEqualTo("lab.yaml: title: missing (text, or {en: ..., ko: ...})");
    }

    @Test
    void aNodeNeedsAnIdAndAKind() {
        assertThat(errorOf(lab(m("ip", "10.0.0.1/24")))).isEqualTo("""
                lab.yaml: nodes[0].id: missing
                lab.yaml: nodes[0].kind: missing (one of host, server, router, switch, hub)""");
    }

    @Test
    void aLinkNeedsBothEnds() {
        assertThat(errorOf(lab(l(host("pc1", "10.0.0.1/24")), l(m("a", "pc1"))))).isEqualTo("lab.yaml: links[0].b: missing");
    }

    @Test
    void anIdIsLowerCaseLettersDigitsAndDashes() {
        assertThat(errorOf(lab(host("PC 1", "10.0.0.1/24")))).isEqualTo("lab.yaml: nodes[0].id: \"PC 1\" is not an id "
                + "(lower-case letters, digits and dashes, starting with a letter, at most 32)");
    }

    @Test
    void anIdIsAtMost32Characters() {
        String id = "a".repeat(33);
        assertThat(errorOf(m("id", id, "title", "T", "nodes", l()))).isEqualTo("lab.yaml: id: \"" + id + "\" is not an id "
                + "(lower-case letters, digits and dashes, starting with a letter, at most 32)");
    }

    @Test
    void duplicateNodeIdsAreRejected() {
        assertThat(errorOf(lab(host("pc1", "10.0.0.1/24"), host("pc1", "10.0.0.2/24"))))
                .isEqualTo("lab.yaml: nodes[1].id: duplicate node id \"pc1\" (also nodes[0])");
    }

    @Test
    void anUnknownKindListsTheKinds() {
        assertThat(errorOf(lab(node("fw1", "firewall"))))
                .isEqualTo("lab.yaml: nodes[0].kind: unknown kind \"firewall\" (one of host, server, router, switch, hub)");
    }

    @Test
    void aKindInCapitalsSuggestsTheLowerCaseWord() {
        assertThat(errorOf(lab(node("sw1", "Switch")))).isEqualTo("lab.yaml: nodes[0].kind: unknown kind \"Switch\" "
                + "(did you mean switch? one of host, server, router, switch, hub)");
    }

    // ---- addresses -----------------------------------------------------------------------------------------

    @Test
    void anOctetAbove255IsNotAnAddress() {
        assertThat(errorOf(lab(host("pc1", "192.168.1.300/24"))))
                .isEqualTo("lab.yaml: nodes[0].ip: not an IPv4 address: \"192.168.1.300\"");
    }

    @Test
    void aPrefixLengthAbove32IsRejected() {
        assertThat(errorOf(lab(host("pc1", "10.0.0.1/33"))))
                .isEqualTo("lab.yaml: nodes[0].ip: prefix length must be 0..32 in \"10.0.0.1/33\"");
    }

    @Test
    void anInterfaceAddressNeedsItsPrefixLength() {
        assertThat(errorOf(lab(host("pc1", "10.0.0.1"))))
                .isEqualTo("lab.yaml: nodes[0].ip: missing prefix length in \"10.0.0.1\" (e.g. 10.0.0.1/24)");
    }

    @Test
    void theNetworkAddressIsNotAnInterfaceAddress() {
        assertThat(errorOf(lab(host("pc1", "10.0.0.0/24")))).isEqualTo("lab.yaml: nodes[0].ip: 10.0.0.0/24 is the network "
                + "address of its subnet; an interface needs a host address");
    }

    @Test
    void aBadGatewayAddressIsNamed() {
        Map<String, Object> pc1 = host("pc1", "10.0.0.10/24");
        pc1.put("gateway", "10.0.0.1/24");
        assertThat(errorOf(lab(pc1))).isEqualTo("lab.yaml: nodes[0].gateway: not an IPv4 address: \"10.0.0.1/24\" (e.g. 192.168.1.1)");
    }

    @Test
    void aGatewayOutsideTheNodesSubnetsIsRejected() {
        Map<String, Object> pc1 = host("pc1", "10.0.0.1/24");
        pc1.put("gateway", "10.0.1.1");
        assertThat(errorOf(lab(pc1))).isEqualTo("lab.yaml: nodes[0].gateway: 10.0.1.1 is not on any subnet of pc1 (10.0.0.0/24)");
    }

    @Test
    void aGatewayIsNotJudgedAgainstAnAddressThatDidNotParse() {
        Map<String, Object> pc1 = host("pc1", "10.0.0.300/24");
        pc1.put("gateway", "10.0.0.1");
        assertThat(errorOf(lab(pc1))).isEqualTo("lab.yaml: nodes[0].ip: not an IPv4 address: \"10.0.0.300\"");
    }

    @Test
    void aSwitchHasNoIpAddress() {
        Map<String, Object> sw1 = node("sw1", "switch");
        sw1.put("ip", "10.0.0.1/24");
        assertThat(errorOf(lab(sw1))).isEqualTo("lab.yaml: nodes[0].ip: a switch moves frames and has no ip "
                + "(only hosts, servers and routers speak IP)");
    }

    @Test
    void aHubHasNoGatewayOrRoutes() {
        Map<String, Object> hub1 = node("hub1", "hub");
        hub1.put("gateway", "10.0.0.1");
        hub1.put("routes", l());
        assertThat(errorOf(lab(hub1))).isEqualTo("""
                lab.yaml: nodes[0].gateway: a hub moves frames and has no gateway (only hosts, servers and routers speak IP)
                lab.yaml: nodes[0].routes: a hub moves frames and has no routes (only hosts, servers and routers speak IP)""");
    }

    @Test
    void aRouterListsInterfacesInsteadOfOneIp() {
        assertThat(errorOf(lab(m("id", "r1", "kind", "router", "ip", "10.0.0.1/24"))))
                .isEqualTo("lab.yaml: nodes[0].ip: a router joins several subnets: list them under interfaces: "
                        + "[{name: eth0, ip: ...}, ...]");
    }

    @Test
    void aNodeGivesIpOrInterfacesNotBoth() {
        Map<String, Object> pc1 = host("pc1", "10.0.0.1/24");
        pc1.put("interfaces", l(iface("eth1", "10.0.1.1/24")));
        assertThat(errorOf(lab(pc1))).isEqualTo("lab.yaml: nodes[0].ip: give either ip (one interface, eth0) or interfaces, not both");
    }

    @Test
    void duplicateInterfaceNamesAreRejected() {
        assertThat(errorOf(lab(router("r1", iface("eth0", "10.0.0.1/24"), iface("eth0", "10.0.1.1/24")))))
                .isEqualTo("lab.yaml: nodes[0].interfaces[1].name: duplicate interface name \"eth0\" (also interfaces[0])");
    }

    @Test
    void overlappingSubnetsOnOneNodeAreRejected() {
        assertThat(errorOf(lab(router("r1", iface("eth0", "10.0.0.1/16"), iface("eth1", "10.0.5.1/24")))))
                .isEqualTo("lab.yaml: nodes[0].interfaces[1].ip: 10.0.5.1/24 overlaps 10.0.0.1/16 of eth0 "
                        + "(each interface needs its own subnet)");
    }

    @Test
    void theSameAddressOnTwoNodesIsRejected() {
        assertThat(errorOf(lab(host("pc1", "10.0.0.1/24"), router("r1", iface("eth0", "10.0.0.1/24")))))
                .isEqualTo("lab.yaml: nodes[1].interfaces[0].ip: 10.0.0.1 is already the address of pc1:eth0 (nodes[0].ip)");
    }

    @Test
    void aRouteViaAnAddressOffEveryConnectedSubnetIsRejected() {
        Map<String, Object> r1 = router("r1", iface("eth0", "10.0.0.1/24"));
        r1.put("routes", l(m("to", "172.16.0.0/16", "via", "10.9.9.9")));
        assertThat(errorOf(lab(r1))).isEqualTo("lab.yaml: nodes[0].routes[0].via: 10.9.9.9 is not on a connected subnet "
                + "(10.0.0.0/24), so it cannot be a next hop");
    }

    @Test
    void aRouteDestinationWithHostBitsSuggestsTheNetwork() {
        Map<String, Object> r1 = router("r1", iface("eth0", "10.0.0.1/24"));
        r1.put("routes", l(m("to", "172.16.4.1/16", "via", "10.0.0.2")));
        assertThat(errorOf(lab(r1))).isEqualTo("lab.yaml: nodes[0].routes[0].to: 172.16.4.1/16 has host bits set "
                + "(did you mean 172.16.0.0/16?)");
    }

    @Test
    void aRouteNeedsANextHop() {
        Map<String, Object> r1 = router("r1", iface("eth0", "10.0.0.1/24"));
        r1.put("routes", l(m("to", "default")));
        assertThat(errorOf(lab(r1))).isEqualTo("lab.yaml: nodes[0].routes[0].via: missing (the next router's address)");
    }

    // ---- links ---------------------------------------------------------------------------------------------

    @Test
    void linkToUnknownNodeNamesTheKnownNodes() {
        assertThat(errorOf(lab(l(host("pc1", "10.0.0.1/24"), node("sw1", "switch"), router("r1", iface("eth0", "10.0.0.254/24"))),
                l(link("pc1", "sw1"), link("sw1", "r1"), link("sw1", "r9")))))
                .isEqualTo("lab.yaml: links[2].b: no node named \"r9\" (known: pc1, sw1, r1)");
    }

    @Test
    void aLinkToANodeThatHasItsOwnErrorIsNotReportedTwice() {
        assertThat(errorOf(lab(l(host("pc1", "10.0.0.1/24"), node("fw1", "firewall")), l(link("pc1", "fw1")))))
                .isEqualTo("lab.yaml: nodes[1].kind: unknown kind \"firewall\" (one of host, server, router, switch, hub)");
    }

    @Test
    void linkToUnknownInterfaceNamesTheInterfaces() {
        assertThat(errorOf(lab(l(router("r1", iface("eth0", "10.0.0.1/24"), iface("eth1", "10.0.1.1/24")), host("pc1", "10.0.0.2/24")),
                l(link("r1:eth2", "pc1")))))
                .isEqualTo("lab.yaml: links[0].a: r1 has no interface \"eth2\" (known: eth0, eth1)");
    }

    @Test
    void anInterfaceTakesOneCable() {
        assertThat(errorOf(lab(l(host("pc1", "10.0.0.1/24"), host("pc2", "10.0.0.2/24"), host("pc3", "10.0.0.3/24")),
                l(link("pc1", "pc2"), link("pc1:eth0", "pc3")))))
                .isEqualTo("lab.yaml: links[1].a: pc1:eth0 already has a cable (links[0]); an interface takes one cable: "
                        + "share a segment through a switch or hub");
    }

    @Test
    void aBareEndWithEveryInterfaceCabledIsRejected() {
        assertThat(errorOf(lab(l(host("pc1", "10.0.0.1/24"), host("pc2", "10.0.0.2/24"), host("pc3", "10.0.0.3/24")),
                l(link("pc1", "pc2"), link("pc3", "pc1")))))
                .isEqualTo("lab.yaml: links[1].b: pc1 has no interface left without a cable (eth0 taken); an interface "
                        + "takes one cable: share a segment through a switch or hub");
    }

    @Test
    void aSwitchPortTakesOneCable() {
        assertThat(errorOf(lab(l(node("sw1", "switch"), host("pc1", "10.0.0.1/24"), host("pc2", "10.0.0.2/24")),
                l(link("sw1:p1", "pc1"), link("sw1:p1", "pc2")))))
                .isEqualTo("lab.yaml: links[1].a: sw1:p1 already has a cable (links[0]); a port takes one cable");
    }

    @Test
    void aLinkFromANodeToItselfIsRejected() {
        assertThat(errorOf(lab(l(node("sw1", "switch")), l(link("sw1", "sw1:p2")))))
                .isEqualTo("lab.yaml: links[0]: a link from sw1 to itself");
    }

    @Test
    void hubLoopIsRejectedNamingTheHubs() {
        assertThat(errorOf(lab(l(node("hub1", "hub"), node("hub2", "hub"), node("hub3", "hub")),
                l(link("hub1", "hub2"), link("hub2", "hub3"), link("hub3", "hub1")))))
                .isEqualTo("lab.yaml: links[2]: this cable closes a loop of hubs (hub1, hub2, hub3): a hub repeats every "
                        + "frame, so a broadcast would circle forever");
    }

    @Test
    void aHubLoopNamesOnlyTheHubsInTheLoop() {
        assertThat(errorOf(lab(l(node("hub0", "hub"), node("hub1", "hub"), node("hub2", "hub")),
                l(link("hub0", "hub1"), link("hub1", "hub2"), link("hub2", "hub1")))))
                .isEqualTo("lab.yaml: links[2]: this cable closes a loop of hubs (hub1, hub2): a hub repeats every "
                        + "frame, so a broadcast would circle forever");
    }

    @Test
    void aTreeOfHubsAndALoopThroughASwitchAreAllowed() {
        Lab lab = parse(lab(l(node("hub1", "hub"), node("hub2", "hub"), node("hub3", "hub"), node("sw1", "switch")),
                l(link("hub1", "hub2"), link("hub1", "hub3"), link("hub2", "sw1"), link("sw1", "hub3"))));
        assertThat(lab.links()).hasSize(4);
    }

    @Test
    void aBandwidthInAnUnknownUnitIsRejected() {
        assertThat(errorOf(cable("bandwidth", "100 furlongs"))).isEqualTo("lab.yaml: links[0].bandwidth: expected a "
                + "bandwidth such as 100Mbps, 10Mbps, 1Gbps, 64kbps or 9600bps, got the text \"100 furlongs\"");
    }

    @Test
    void aBandwidthWithoutAUnitIsRejected() {
        assertThat(errorOf(cable("bandwidth", 100))).isEqualTo("lab.yaml: links[0].bandwidth: expected a "
                + "bandwidth such as 100Mbps, 10Mbps, 1Gbps, 64kbps or 9600bps, got 100");
    }

    @Test
    void aDelayThatIsNotADurationIsRejected() {
        assertThat(errorOf(cable("delay", "soon"))).isEqualTo("lab.yaml: links[0].delay: expected a duration such as "
                + "1ms, 20ms, 1.5s or 10us (at most 3600s), got the text \"soon\"");
    }

    @Test
    void aJitterWithoutAUnitIsRejected() {
        assertThat(errorOf(cable("jitter", 5))).isEqualTo("lab.yaml: links[0].jitter: expected a duration such as "
                + "1ms, 20ms, 1.5s or 10us (at most 3600s), got 5");
    }

    @Test
    void lossOutsideZeroToOneIsRejected() {
        assertThat(errorOf(cable("loss", 1.5)))
                .isEqualTo("lab.yaml: links[0].loss: expected a probability from 0 to 1 (0.01 is 1 %), got 1.5");
    }

    @Test
    void anMtuOutside68To9000IsRejected() {
        assertThat(errorOf(cable("mtu", 20)))
                .isEqualTo("lab.yaml: links[0].mtu: expected a whole number of bytes from 68 to 9000, got 20");
    }

    @Test
    void anEmptyQueueIsRejected() {
        assertThat(errorOf(cable("queue", 0)))
                .isEqualTo("lab.yaml: links[0].queue: expected a number of frames from 1 to 100000, got 0");
    }

    @Test
    void upIsTrueOrFalse() {
        assertThat(errorOf(cable("up", "yes"))).isEqualTo("lab.yaml: links[0].up: expected true or false, got the text \"yes\"");
    }

    // ---- the rest ------------------------------------------------------------------------------------------

    @Test
    void aSeedThatIsNotAWholeNumberIsRejected() {
        Map<String, Object> tree = lab(host("pc1", "10.0.0.1/24"));
        tree.put("seed", 1.5);
        assertThat(errorOf(tree)).isEqualTo("lab.yaml: seed: expected a whole number, got 1.5");
    }

    @Test
    void aStepNeedsText() {
        Map<String, Object> tree = lab(host("pc1", "10.0.0.1/24"));
        tree.put("steps", l(m("hint", "try ping")));
        assertThat(errorOf(tree)).isEqualTo("lab.yaml: steps[0].text: missing (text, or {en: ..., ko: ...})");
    }

    @Test
    void localizedTextNeedsEnglish() {
        Map<String, Object> tree = lab(host("pc1", "10.0.0.1/24"));
        tree.put("title", m("ko", "제목"));
        assertThat(errorOf(tree)).isEqualTo("lab.yaml: title.en: missing");
    }

    @Test
    void aServiceIsOneKeyNamingIt() {
        Map<String, Object> web = host("web", "10.0.0.80/24");
        web.put("services", l(m("http", m("port", 80), "dns", m())));
        assertThat(errorOf(lab(web))).isEqualTo("lab.yaml: nodes[0].services[0]: a service is one key naming it, "
                + "e.g. {http: {port: 80}}, got 2 keys (dns, http)");
    }

    @Test
    void aPositionNeedsNumbers() {
        Map<String, Object> pc1 = host("pc1", "10.0.0.1/24");
        pc1.put("position", m("x", "left"));
        assertThat(errorOf(lab(pc1))).isEqualTo("""
                lab.yaml: nodes[0].position.x: expected a number, got the text "left"
                lab.yaml: nodes[0].position.y: missing""");
    }

    @Test
    void everyProblemIsReportedNotOnlyTheFirst() {
        LabException e = catchThrowableOfType(LabException.class, () -> parse(lab(
                l(host("pc1", "10.0.0.1/33"), node("sw1", "swich")),
                l(link("pc1", "sw9", "loss", -1)))));
        assertThat(e.file()).isEqualTo("lab.yaml");
        assertThat(e.errors()).containsExactly(
                new LabError("nodes[0].ip", "prefix length must be 0..32 in \"10.0.0.1/33\""),
                new LabError("nodes[1].kind", "unknown kind \"swich\" (did you mean switch? one of host, server, router, switch, hub)"),
                new LabError("links[0].b", "no node named \"sw9\" (known: pc1)"),
                new LabError("links[0].loss", "expected a probability from 0 to 1 (0.01 is 1 %), got -1"));
    }

    @Test
    void aSysctlThatDoesNotFitIsReportedWhenTheLabIsBuilt() {
        Map<String, Object> pc1 = host("pc1", "10.0.0.1/24");
        pc1.put("sysctl", m("net.ipv4.ip_default_ttl", 300));
        Lab lab = parse(lab(pc1));
        assertThatThrownBy(() -> LabBuilder.build("lab.yaml", lab)).isInstanceOf(LabException.class)
                .hasMessage("lab.yaml: nodes[0].sysctl.net.ipv4.ip_default_ttl: net.ipv4.ip_default_ttl: 300 is outside 1..255 on pc1");
    }
}
