package dev.packetlab.stack.lab;

import static dev.packetlab.stack.lab.LabTrees.host;
import static dev.packetlab.stack.lab.LabTrees.l;
import static dev.packetlab.stack.lab.LabTrees.lab;
import static dev.packetlab.stack.lab.LabTrees.m;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.packetlab.stack.app.Resolver;
import dev.packetlab.stack.app.dns.StubResolver;
import dev.packetlab.stack.wire.Ipv4Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A node's {@code dns:} becomes its stub resolver's servers, and the resolver's sysctls can be set in the file. */
class LabDnsTest {
    @Test
    void everyHostGetsAStubResolverAskingItsDnsServersInOrder() {
        Map<String, Object> pc1 = host("pc1", "10.0.0.1/24");
        pc1.put("dns", l("10.0.0.53", "10.0.0.54"));
        Map<String, Object> pc2 = host("pc2", "10.0.0.2/24");
        LabInstance built = LabBuilder.build("lab.yaml", LabParser.parse("lab.yaml", lab(pc1, pc2)));

        assertThat(StubResolver.of(built.network().node("pc1")).servers())
                .containsExactly(Ipv4Address.parse("10.0.0.53"), Ipv4Address.parse("10.0.0.54"));
        assertThat(StubResolver.of(built.network().node("pc2")).servers()).isEmpty();
    }

    @Test
    void theResolverTimeoutIsASysctlTheLabFileCanSet() {
        Map<String, Object> pc1 = host("pc1", "10.0.0.1/24");
        pc1.put("sysctl", m("net.dns.timeout", 5));
        LabInstance built = LabBuilder.build("lab.yaml", LabParser.parse("lab.yaml", lab(pc1)));

        assertThat(StubResolver.of(built.network().node("pc1")).timeout()).isEqualTo(5_000_000_000L);
        assertThat(StubResolver.of(built.network().node("pc1")).attempts()).isEqualTo(3);
    }

    @Test
    void aDnsServiceInTheFileAnswersTheHostsThatNameIt() {
        Map<String, Object> pc1 = host("pc1", "10.0.0.1/24");
        pc1.put("dns", "10.0.0.53");
        Map<String, Object> ns = host("ns", "10.0.0.53/24");
        ns.put("services", l(m("dns", m("zones", m("example.lab", l(m("name", "www", "type", "A", "value", "10.0.0.80")))))));
        LabInstance built = LabBuilder.build("lab.yaml", LabParser.parse("lab.yaml",
                lab(l(pc1, ns), l(m("a", "pc1", "b", "ns")))));
        List<String> answers = new ArrayList<>();

        Resolver.lookup(built.network().node("pc1"), "www.example.lab", new Resolver.Handler() {
            @Override
            public void resolved(Ipv4Address address) { answers.add(address.toString()); }

            @Override
            public void failed(String message) { answers.add(message); }
        });
        built.simulation().runUntil(1_000_000_000L);

        assertThat(answers).containsExactly("10.0.0.80");
    }

    @Test
    void aMistakeInTheDnsServiceIsReportedAtItsPathInTheFile() {
        Map<String, Object> ns = host("ns", "10.0.0.53/24");
        ns.put("services", l(m("dns", m("zones", m("example.lab", l(m("name", "www", "type", "A", "value", "x")))))));
        Lab parsed = LabParser.parse("lab.yaml", lab(ns));

        assertThatThrownBy(() -> LabBuilder.build("lab.yaml", parsed)).isInstanceOf(LabException.class)
                .hasMessageContaining("nodes[0].services[0].dns.zones[\"example.lab\"][0].value: not an IPv4 address: \"x\"");
    }
}
