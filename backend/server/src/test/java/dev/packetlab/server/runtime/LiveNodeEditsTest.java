package dev.packetlab.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.packetlab.stack.lab.LabException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Node edits a running lab takes besides addresses and routes: interfaces added and taken off, name servers, hosts lines,
 * services and sysctls, and the names of removed nodes, links and interfaces used again at once.
 */
class LiveNodeEditsTest extends LoggedTwoHostLab {
    LiveNodeEditsTest() {
        super("edits");
    }

    static Map<String, Object> interfaces(Object... nameIp) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 0; i < nameIp.length; i += 2) list.add(Map.of("name", nameIp[i], "ip", nameIp[i + 1]));
        return Map.of("interfaces", list);
    }

    @Test
    void aRunningHostTakesANewInterfaceWithItsAddressAndConnectedRoute() throws Exception {
        LabSession s = session();
        NodeView pc1 = await(s.setNode("pc1", interfaces("eth0", "10.0.0.1/24", "eth1", "192.168.5.1/24")));

        assertThat(pc1.interfaces()).extracting(NodeView.InterfaceView::name, NodeView.InterfaceView::ip)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("eth0", "10.0.0.1/24"),
                        org.assertj.core.groups.Tuple.tuple("eth1", "192.168.5.1/24"));
        assertThat(await(s.snapshot()).routes()).filteredOn(r -> r.node().equals("pc1"))
                .extracting(Snapshot.RouteRow::destination, Snapshot.RouteRow::device)
                .contains(org.assertj.core.groups.Tuple.tuple("192.168.5.0/24", "eth1"));
        assertThat(await(s.labFile())).contains("name: \"eth1\"").contains("ip: \"192.168.5.1/24\"");
    }

    @Test
    void aNewInterfaceCanBeCabledAndCarriesTraffic() throws Exception {
        LabSession s = session();
        await(s.setNode("srv", interfaces("eth0", "10.0.0.2/24", "eth1", "10.0.1.2/24")));
        await(s.addNode(Map.of("id", "pc3", "kind", "host", "ip", "10.0.1.3/24")));
        await(s.addLink(Map.of("a", "pc3", "b", "srv:eth1")));

        assertThat(await(s.execute("pc3", "ping -c 1 -W 1 10.0.1.2", false, true)).exitCode()).isZero();
    }

    @Test
    void anInterfaceLeftOutOfTheListIsTakenOffWithItsRoutesAndLeavesTheLabFile() throws Exception {
        LabSession s = session();
        await(s.setNode("pc1", interfaces("eth0", "10.0.0.1/24", "eth1", "192.168.5.1/24")));

        NodeView pc1 = await(s.setNode("pc1", interfaces("eth0", "10.0.0.1/24")));

        assertThat(pc1.interfaces()).extracting(NodeView.InterfaceView::name).containsExactly("eth0");
        assertThat(await(s.snapshot()).routes()).filteredOn(r -> r.node().equals("pc1"))
                .extracting(Snapshot.RouteRow::destination).containsExactly("10.0.0.0/24");
        assertThat(await(s.labFile())).doesNotContain("eth1");
    }

    @Test
    void aRemovedInterfacesNameTakesANewInterfaceAtOnce() throws Exception {
        LabSession s = session();
        await(s.setNode("srv", interfaces("eth0", "10.0.0.2/24", "eth1", "10.0.1.2/24")));
        await(s.setNode("srv", interfaces("eth0", "10.0.0.2/24")));
        await(s.setNode("srv", interfaces("eth0", "10.0.0.2/24", "eth1", "10.0.2.2/24")));
        await(s.addNode(Map.of("id", "pc3", "kind", "host", "ip", "10.0.2.3/24")));
        await(s.addLink(Map.of("a", "pc3", "b", "srv:eth1")));

        assertThat(await(s.execute("pc3", "ping -c 1 -W 1 10.0.2.2", false, true)).exitCode()).isZero();
    }

    @Test
    void anInterfaceWithACableCannotBeTakenOffAndTheErrorNamesTheInterfacesList() throws Exception {
        LabSession s = session();
        await(s.setNode("srv", interfaces("eth0", "10.0.0.2/24", "eth1", "10.0.1.2/24")));

        assertThatThrownBy(() -> await(s.setNode("srv", interfaces("eth1", "10.0.1.2/24"))))
                .cause().isInstanceOf(LabException.class)
                .hasMessageContaining("nodes[1].interfaces: srv:eth0 has a cable (srv:eth0-sw1:p2); remove the link "
                        + "before the interface");
    }

    @Test
    void anInterfaceTheGatewayGoesThroughCannotBeTakenOff() throws Exception {
        LabSession s = session();
        await(s.setNode("pc1", Map.of("interfaces", List.of(Map.of("name", "eth0", "ip", "10.0.0.1/24"),
                Map.of("name", "eth1", "ip", "192.168.5.1/24")), "gateway", "192.168.5.254")));

        assertThatThrownBy(() -> await(s.setNode("pc1", interfaces("eth0", "10.0.0.1/24"))))
                .cause().isInstanceOf(LabException.class)
                .hasMessageContaining("nodes[0].gateway: 192.168.5.254 is not on any subnet of pc1 (10.0.0.0/24)");
    }

    @Test
    void theInterfacesThatStayKeepTheirOrder() throws Exception {
        LabSession s = session();
        await(s.setNode("pc1", interfaces("eth0", "10.0.0.1/24", "eth1", "192.168.5.1/24")));

        assertThatThrownBy(() -> await(s.setNode("pc1", interfaces("eth1", "192.168.5.1/24", "eth0", "10.0.0.1/24"))))
                .cause().isInstanceOf(LabException.class)
                .hasMessageContaining("nodes[0].interfaces: the interfaces eth0, eth1 keep their order while the lab "
                        + "runs");
    }

    @Test
    void aRemovedNodesNameIsFreeAtOnceAndTheNewNodeAnswersAPing() throws Exception {
        LabSession s = session();
        await(s.removeNode("srv"));
        await(s.addNode(Map.of("id", "srv", "kind", "server", "ip", "10.0.0.2/24")));
        await(s.addLink(Map.of("a", "srv", "b", "sw1")));

        assertThat(await(s.labFile())).contains("b: \"sw1:p2\"");
        assertThat(await(s.execute("pc1", "ping -c 1 -W 1 10.0.0.2", false, true)).exitCode()).isZero();
    }

    @Test
    void aRemovedLinksEndsTakeANewCableAtOnce() throws Exception {
        LabSession s = session();
        await(s.removeLink(LabSessionTest.PC1_LINK));

        LinkView again = await(s.addLink(Map.of("a", "pc1", "b", "sw1")));

        assertThat(again.name()).isEqualTo(LabSessionTest.PC1_LINK);
        assertThat(await(s.execute("pc1", "ping -c 1 -W 1 10.0.0.2", false, true)).exitCode()).isZero();
    }

    @Test
    void aFrameOnALinkRemovedWhileItIsOnTheWireIsDroppedWithThatReason() throws Exception {
        LabSession s = session();
        await(s.setLink(LabSessionTest.PC1_LINK, Map.of("delay", "100ms")));
        await(s.execute("pc1", "ping -c 1 -W 1 10.0.0.2", true, false));
        await(s.control(new LabSession.Control(LabSession.Control.Action.ADVANCE, null, null, 50_000_000L)));

        await(s.removeLink(LabSessionTest.PC1_LINK));

        assertThat(logs.get(0).toString()).contains("{\"t\":50000000,\"type\":\"frame-dropped\",\"node\":\"sw1\","
                + "\"device\":\"p1\",\"reason\":\"cable removed\",\"detail\":\"lost on pc1:eth0-sw1:p1\"");
    }

    @Test
    void newNameServersAreAskedByTheNextLookup() throws Exception {
        LabSession s = session();
        await(s.addNode(Map.of("id", "ns", "kind", "server", "ip", "10.0.0.53/24", "services", List.of(Map.of("dns",
                Map.of("zones", Map.of("example.lab", List.of(Map.of("name", "www", "type", "A", "value", "10.0.0.2")))))))));
        await(s.addLink(Map.of("a", "ns", "b", "sw1")));
        assertThat(await(s.execute("pc1", "nslookup www.example.lab", false, true)).exitCode()).isNotZero();

        await(s.setNode("pc1", Map.of("dns", List.of("10.0.0.53"))));

        String answer = await(s.execute("pc1", "nslookup www.example.lab", false, true)).output();
        assertThat(answer).contains("Server:\t\t10.0.0.53").contains("Address: 10.0.0.2");
        assertThat(await(s.labFile())).containsPattern("dns:\n *- \"10.0.0.53\"");
    }

    @Test
    void hostsLinesAddedAndTakenAwayAreWhatTheNextLookupFinds() throws Exception {
        LabSession s = session();
        await(s.setNode("pc1", Map.of("hosts", Map.of("web", "10.0.0.2"))));
        assertThat(await(s.execute("pc1", "ping -c 1 -W 1 web", false, true)).exitCode()).isZero();

        Map<String, Object> none = new HashMap<>();
        none.put("hosts", null);
        await(s.setNode("pc1", none));

        JobView gone = await(s.execute("pc1", "ping -c 1 -W 1 web", false, true));
        assertThat(gone.output()).isEqualTo("ping: web: Name or service not known\n");
    }

    @Test
    void aNameServerThatIsNotAnAddressIsRefusedNamingTheField() throws Exception {
        LabSession s = session();

        assertThatThrownBy(() -> await(s.setNode("pc1", Map.of("dns", List.of("10.0.0.300")))))
                .cause().isInstanceOf(LabException.class).hasMessageContaining("nodes[0].dns[0]");
        assertThat(await(s.record()).log()).isEmpty();
    }

    @Test
    void aSysctlSetWhileTheLabRunsChangesWhatTheNodeSends() throws Exception {
        LabSession s = session();
        await(s.setNode("srv", Map.of("sysctl", Map.of("net.ipv4.ip_default_ttl", 42))));

        assertThat(await(s.execute("pc1", "ping -c 1 10.0.0.2", false, true)).output()).contains("ttl=42");
        assertThat(await(s.labFile())).contains("net.ipv4.ip_default_ttl");
    }

    @Test
    void aSysctlTakenAwayGoesBackToItsDefault() throws Exception {
        LabSession s = session();
        await(s.setNode("srv", Map.of("sysctl", Map.of("net.ipv4.ip_default_ttl", 42))));
        Map<String, Object> none = new HashMap<>();
        none.put("sysctl", null);
        await(s.setNode("srv", none));

        assertThat(await(s.execute("pc1", "ping -c 1 10.0.0.2", false, true)).output()).contains("ttl=64");
    }

    @Test
    void anUnknownSysctlOrAValueOutOfRangeIsRefusedInLabFileWords() throws Exception {
        LabSession s = session();
        assertThatThrownBy(() -> await(s.setNode("srv", Map.of("sysctl", Map.of("net.ipv4.ip_default_tll", 42)))))
                .cause().isInstanceOf(LabException.class).hasMessageContaining("nodes[1].sysctl");
        assertThatThrownBy(() -> await(s.setNode("srv", Map.of("sysctl", Map.of("net.ipv4.ip_default_ttl", 999)))))
                .cause().isInstanceOf(LabException.class).hasMessageContaining("999 is outside");
        assertThat(await(s.record()).log()).isEmpty();
    }

    @Test
    void anAddedHostHasItsHostsEntriesAndAResolverWhoseSysctlsItSets() throws Exception {
        LabSession s = session();
        await(s.addNode(Map.of("id", "pc3", "kind", "host", "ip", "10.0.0.3/24", "hosts", Map.of("web", "10.0.0.2"),
                "dns", List.of("10.0.0.2"), "sysctl", Map.of("net.dns.timeout", 5))));
        await(s.addLink(Map.of("a", "pc3", "b", "sw1")));

        assertThat(await(s.execute("pc3", "ping -c 1 -W 1 web", false, true)).exitCode()).isZero();
        assertThat(await(s.execute("pc3", "sysctl net.dns.timeout", false, true)).output())
                .isEqualTo("net.dns.timeout = 5\n");
    }

    @Test
    void removalsReAddsAndResolverEditsAreReplayedByteForByte() throws Exception {
        LabSession s = session();
        await(s.execute("pc1", "ping -c 2 10.0.0.2", false, true));
        await(s.removeNode("srv"));
        await(s.addNode(Map.of("id", "srv", "kind", "server", "ip", "10.0.0.2/24")));
        await(s.addLink(Map.of("a", "srv", "b", "sw1")));
        await(s.setNode("pc1", interfaces("eth0", "10.0.0.1/24", "eth1", "10.0.1.1/24")));
        await(s.setNode("pc1", Map.of("interfaces", List.of(Map.of("name", "eth0", "ip", "10.0.0.1/24")),
                "dns", List.of("10.0.0.2"), "hosts", Map.of("web", "10.0.0.2"))));
        await(s.removeLink(LabSessionTest.PC1_LINK));
        await(s.addLink(Map.of("a", "pc1", "b", "sw1")));
        await(s.execute("srv", "ping -c 2 10.0.0.1", false, true));
        await(s.execute("pc1", "ping -c 1 web", false, true));
        String lab = await(s.labFile());

        await(s.evict());

        assertThat(await(s.labFile())).isEqualTo(lab);
        assertThat(logs.get(1).toString()).isEqualTo(logs.get(0).toString());
    }

    @Test
    void theseEditsAreReplayedByteForByte() throws Exception {
        LabSession s = session();
        await(s.setNode("srv", Map.of("sysctl", Map.of("net.ipv4.ip_default_ttl", 42))));
        await(s.setNode("srv", interfaces("eth0", "10.0.0.2/24", "eth1", "10.0.1.2/24")));
        await(s.addNode(Map.of("id", "pc3", "kind", "host", "ip", "10.0.1.3/24", "hosts", Map.of("web", "10.0.1.2"))));
        await(s.addLink(Map.of("a", "pc3", "b", "srv:eth1")));
        await(s.execute("pc3", "ping -c 2 web", false, true));
        await(s.execute("pc1", "ping -c 1 10.0.0.2", false, true));
        String lab = await(s.labFile());

        await(s.evict());

        assertThat(await(s.labFile())).isEqualTo(lab);
        assertThat(logs.get(1).toString()).isEqualTo(logs.get(0).toString());
    }

    static Map<String, Object> services(Object... list) {
        Map<String, Object> m = new HashMap<>();
        m.put("services", list.length == 0 ? null : List.of(list));
        return m;
    }

    @Test
    void anHttpServiceAddedToARunningNodeAnswersACurlFromAnotherNode() throws Exception {
        LabSession s = session();

        NodeView srv = await(s.setNode("srv", services(Map.of("http", Map.of("port", 8080)))));

        assertThat(srv.id()).isEqualTo("srv");
        JobView curl = await(s.execute("pc1", "curl -sI http://10.0.0.2:8080/", false, true));
        assertThat(curl.output()).startsWith("HTTP/1.1 200 OK\nServer: packetlab-httpd/1.0\n");
        assertThat(await(s.labFile())).containsPattern("services:\n *- http:\n *port: 8080");
    }

    @Test
    void anHttpServiceTakenOutOfTheListStopsListeningAndCurlIsRefused() throws Exception {
        LabSession s = session();
        await(s.setNode("srv", services(Map.of("http", Map.of("port", 8080)))));
        await(s.execute("pc1", "curl -s -o /dev/null http://10.0.0.2:8080/", false, true));

        await(s.setNode("srv", services()));

        JobView curl = await(s.execute("pc1", "curl http://10.0.0.2:8080/", false, true));
        assertThat(curl.exitCode()).isEqualTo(7);
        assertThat(curl.output()).matches("curl: \\(7\\) Failed to connect to 10.0.0.2 port 8080 after \\d+ ms: "
                + "Couldn't connect to server\n");
        assertThat(await(s.labFile())).doesNotContain("services");
    }

    @Test
    void aServiceWhosePortChangesListensOnTheNewPortOnly() throws Exception {
        LabSession s = session();
        await(s.setNode("srv", services(Map.of("http", Map.of("port", 8080)))));

        await(s.setNode("srv", services(Map.of("http", Map.of("port", 80)))));

        assertThat(await(s.execute("pc1", "curl -s -o /dev/null http://10.0.0.2/", false, true)).exitCode()).isZero();
        assertThat(await(s.execute("pc1", "curl -s -o /dev/null http://10.0.0.2:8080/", false, true)).exitCode())
                .isEqualTo(7);
    }

    @Test
    void aDnsServiceAddedToARunningNodeAnswersAndCanBeReplaced() throws Exception {
        LabSession s = session();
        await(s.setNode("pc1", Map.of("dns", List.of("10.0.0.2"))));
        await(s.setNode("srv", services(Map.of("dns", Map.of("zones", Map.of("example.lab",
                List.of(Map.of("name", "www", "type", "A", "value", "10.0.0.80"))))))));
        assertThat(await(s.execute("pc1", "nslookup www.example.lab", false, true)).output()).contains("Address: 10.0.0.80");

        await(s.setNode("srv", services(Map.of("dns", Map.of("zones", Map.of("example.lab",
                List.of(Map.of("name", "www", "type", "A", "value", "10.0.0.81"))))))));

        assertThat(await(s.execute("pc1", "nslookup www.example.lab", false, true)).output()).contains("Address: 10.0.0.81");
    }

    @Test
    void aServicePortOutOfRangeIsRefusedNamingTheServicesParameter() throws Exception {
        LabSession s = session();

        assertThatThrownBy(() -> await(s.setNode("srv", services(Map.of("http", Map.of("port", 70000))))))
                .cause().isInstanceOf(LabException.class)
                .hasMessageContaining("nodes[1].services[0].http.port: 70000 is outside 1..65535");
        assertThat(await(s.record()).log()).isEmpty();
    }

    @Test
    void aServiceWhosePortAProgramHoldsSaysSoOnTheNodesTerminal() throws Exception {
        LabSession s = session();
        JobView server = await(s.execute("srv", "http-server -q -p 8080", true, false));

        await(s.setNode("srv", services(Map.of("http", Map.of("port", 8080)))));

        assertThat(await(s.job(server.job())).output()).isEqualTo("Serving HTTP on 0.0.0.0 port 8080 "
                + "(http://0.0.0.0:8080/) ...\nnodes[1].services[0].http.port: 8080: bind: Address already in use\n");
    }

    @Test
    void aSwitchTakesNoServices() throws Exception {
        LabSession s = session();

        assertThatThrownBy(() -> await(s.setNode("sw1", services(Map.of("http", Map.of("port", 80))))))
                .cause().isInstanceOf(LabException.class).hasMessageContaining("nodes[2].services");
    }

    @Test
    void servicesAddedAndRemovedAreReplayedByteForByte() throws Exception {
        LabSession s = session();
        await(s.setNode("srv", services(Map.of("http", Map.of("port", 8080)))));
        await(s.execute("pc1", "curl -s http://10.0.0.2:8080/", false, true));
        await(s.setNode("srv", services(Map.of("http", Map.of("port", 80)))));
        await(s.execute("pc1", "curl -s http://10.0.0.2/", false, true));
        await(s.setNode("srv", services()));
        await(s.execute("pc1", "curl -s http://10.0.0.2/", false, true));
        String lab = await(s.labFile());

        await(s.evict());

        assertThat(await(s.labFile())).isEqualTo(lab);
        assertThat(logs.get(1).toString()).isEqualTo(logs.get(0).toString());
    }
}
