package dev.packetlab.stack.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.packetlab.stack.lab.LabBuilder;
import dev.packetlab.stack.lab.LabInstance;
import dev.packetlab.stack.lab.LabParser;
import dev.packetlab.stack.net.Host;
import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.testing.TestNetwork;
import dev.packetlab.stack.trace.TraceEvent;
import dev.packetlab.stack.wire.Ipv4Address;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** /etc/hosts: what a lab writes into it, lookups both ways, and the programs that take names. */
class HostsFileTest {
    private final TestNetwork t = new TestNetwork();
    private final Host pc1 = t.host("pc1", "10.0.0.1/24");
    private final Host r1 = t.router("r1", "10.0.0.254/24", "10.1.0.1/24");

    HostsFileTest() {
        t.connect(pc1, t.switchNamed("sw1"));
        t.connect(r1, t.net.node("sw1"));
    }

    @Test
    void everyHostAndRouterNamesEveryNodeByTheAddressOfItsFirstAddressedInterface() {
        HostsFile.installAll(t.net);

        Map<String, Ipv4Address> expected = Map.of("pc1", Ipv4Address.parse("10.0.0.1"), "r1",
                Ipv4Address.parse("10.0.0.254"));
        assertThat(HostsFile.of(pc1).entries()).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(HostsFile.of(r1).entries()).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(HostsFile.of(t.net.node("sw1"))).isNull();
    }

    @Test
    void aRemovedLineIsNoLongerFoundAndItsAddressKeepsItsOtherName() {
        HostsFile.installAll(t.net);
        HostsFile file = HostsFile.of(pc1);
        file.add("gateway", Ipv4Address.parse("10.0.0.254"));

        file.remove("R1");

        assertThat(HostsFile.resolve(pc1, "r1")).isNull();
        assertThat(HostsFile.nameOf(pc1, Ipv4Address.parse("10.0.0.254"))).isEqualTo("gateway");
    }

    @Test
    void aNameIsFoundWhateverItsCase() {
        HostsFile.installAll(t.net);

        assertThat(HostsFile.resolve(pc1, "R1")).isEqualTo(Ipv4Address.parse("10.0.0.254"));
    }

    @Test
    void aDottedQuadStandsForItselfAndAnUnknownNameForNothing() {
        HostsFile.installAll(t.net);

        assertThat(HostsFile.resolve(pc1, "10.9.9.9")).isEqualTo(Ipv4Address.parse("10.9.9.9"));
        assertThat(HostsFile.resolve(pc1, "nowhere")).isNull();
    }

    @Test
    void aNodeWithoutAHostsFileKnowsNoNames() {
        assertThat(HostsFile.resolve(pc1, "r1")).isNull();
        assertThat(HostsFile.nameOf(pc1, Ipv4Address.parse("10.0.0.254"))).isEqualTo("10.0.0.254");
    }

    @Test
    void aReverseLookupGivesTheFirstNameOfAnAddressAndNeverNamesTheWildcard() {
        HostsFile.installAll(t.net);
        HostsFile.of(pc1).add("gateway", Ipv4Address.parse("10.0.0.254"));

        assertThat(HostsFile.resolve(pc1, "gateway")).isEqualTo(Ipv4Address.parse("10.0.0.254"));
        assertThat(HostsFile.nameOf(pc1, Ipv4Address.parse("10.0.0.254"))).isEqualTo("r1");
        assertThat(HostsFile.nameOf(pc1, Ipv4Address.parse("10.0.0.99"))).isEqualTo("10.0.0.99");
        assertThat(HostsFile.nameOf(pc1, Ipv4Address.ANY)).isEqualTo("0.0.0.0");
    }

    @Test
    void aNameAlreadyPresentKeepsItsAddress() {
        HostsFile file = HostsFile.install(pc1);
        file.add("srv", Ipv4Address.parse("10.0.0.2"));
        file.add("SRV", Ipv4Address.parse("10.0.0.3"));

        assertThat(file.entries()).containsExactly(entry("srv", Ipv4Address.parse("10.0.0.2")));
    }

    @Test
    void aLabGivesEveryHostAHostsFileSoThatPingTakesANodeName() {
        List<String> out = new ArrayList<>();
        LabInstance lab = LabBuilder.build("lab.yaml", LabParser.parse("lab.yaml", twoHosts()), 1,
                List.of(e -> {
                    if (e instanceof TraceEvent.TerminalOutput o && o.node().equals("pc1")) out.add(o.text());
                }));
        int[] exit = {-1};

        lab.shell("pc1").execute("ping -c 1 pc2", code -> exit[0] = code);
        lab.simulation().runUntil(SimTime.seconds(5));

        assertThat(exit[0]).isZero();
        assertThat(String.join("", out)).startsWith("""
                $ ping -c 1 pc2
                PING pc2 (10.0.0.2) 56(84) bytes of data.
                64 bytes from pc2 (10.0.0.2): icmp_seq=1 ttl=64 time=""").contains("--- pc2 ping statistics ---\n");
    }

    @Test
    void pingToAnAddressPrintsNoNames() {
        HostsFile.installAll(t.net);

        assertThat(t.run(pc1, "ping -c 1 10.0.0.254")).startsWith("""
                PING 10.0.0.254 (10.0.0.254) 56(84) bytes of data.
                64 bytes from 10.0.0.254: icmp_seq=1 ttl=64 time=""");
    }

    @Test
    void pingToAnUnknownNameIsNotKnown() {
        HostsFile.installAll(t.net);

        assertThat(t.run(pc1, "ping nowhere")).isEqualTo("ping: nowhere: Name or service not known\n");
        assertThat(t.lastExitCode).isEqualTo(2);
    }

    /** The tree the server's YAML reader would give for two hosts on a switch. */
    private static Map<String, Object> twoHosts() {
        return map("id", "t", "title", "T", "nodes", new ArrayList<>(List.of(
                        map("id", "pc1", "kind", "host", "ip", "10.0.0.1/24"),
                        map("id", "pc2", "kind", "host", "ip", "10.0.0.2/24"),
                        map("id", "sw1", "kind", "switch"))),
                "links", new ArrayList<>(List.of(map("a", "pc1", "b", "sw1"), map("a", "pc2", "b", "sw1"))));
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return m;
    }

    @Test
    void tracerouteTakesANameAndShowsTheAddressItStandsFor() {
        HostsFile.installAll(t.net);

        String out = t.run(pc1, "traceroute -n -q 1 r1");
        assertThat(out).startsWith("traceroute to r1 (10.0.0.254), 30 hops max, 60 byte packets\n");
        assertThat(t.run(pc1, "traceroute nowhere")).startsWith("nowhere: Name or service not known\n");
    }
}
