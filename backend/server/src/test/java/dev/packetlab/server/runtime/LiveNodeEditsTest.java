package dev.packetlab.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.packetlab.stack.lab.LabException;
import dev.packetlab.stack.trace.EventLogWriter;
import dev.packetlab.stack.trace.TraceListener;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Node edits a running lab takes besides addresses and routes: new interfaces and sysctls, and added nodes' names. */
class LiveNodeEditsTest {
    final AtomicLong wall = new AtomicLong(1_000_000_000L);
    final SessionScheduler scheduler = new SessionScheduler(2, wall::get);
    final List<StringWriter> logs = new ArrayList<>();

    @AfterEach
    void stop() {
        scheduler.close();
    }

    LabSession session() {
        return LabSession.create("edits", "two-hosts.yaml", LabSessionTest.LAB, null, scheduler,
                LabSession.Settings.DEFAULT, () -> {
                    StringWriter w = new StringWriter();
                    logs.add(w);
                    return List.<TraceListener>of(new EventLogWriter(w));
                });
    }

    static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(30, TimeUnit.SECONDS);
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
    void anInterfaceCannotBeTakenAwayWhileTheLabRuns() throws Exception {
        LabSession s = session();
        await(s.setNode("pc1", interfaces("eth0", "10.0.0.1/24", "eth1", "192.168.5.1/24")));

        assertThatThrownBy(() -> await(s.setNode("pc1", interfaces("eth0", "10.0.0.1/24"))))
                .cause().isInstanceOf(LabException.class)
                .hasMessageContaining("nodes[0].interfaces: the interfaces eth0, eth1 stay, in this order, while the lab "
                        + "runs; change their ip or add others");
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
}
