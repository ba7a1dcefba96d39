package dev.packetlab.stack.lab;

import static dev.packetlab.stack.lab.LabTrees.host;
import static dev.packetlab.stack.lab.LabTrees.lab;
import static dev.packetlab.stack.lab.LabTrees.m;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.packetlab.stack.app.HostsFile;
import dev.packetlab.stack.wire.Ipv4Address;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A node's static /etc/hosts entries, written {@code hosts: {www.example.lab: 10.0.1.80}}. */
class LabHostsTest {

    @Test
    void staticEntriesJoinTheNodesHostsFile() {
        Map<String, Object> pc1 = host("pc1", "10.0.0.1/24");
        pc1.put("hosts", m("www.Example.lab", "10.0.1.80"));
        LabInstance instance = LabBuilder.build("lab.yaml", LabParser.parse("lab.yaml", lab(pc1, host("pc2", "10.0.0.2/24"))));

        var node = instance.network().node("pc1");
        assertThat(HostsFile.resolve(node, "www.example.lab")).isEqualTo(Ipv4Address.parse("10.0.1.80"));
        assertThat(HostsFile.resolve(node, "pc2")).isEqualTo(Ipv4Address.parse("10.0.0.2"));
        assertThat(HostsFile.resolve(instance.network().node("pc2"), "www.example.lab")).isNull();
    }

    @Test
    void aBadNameOrAddressIsReportedAtItsPath() {
        Map<String, Object> pc1 = host("pc1", "10.0.0.1/24");
        pc1.put("hosts", m("bad_name", "10.0.1.80", "www", "10.0.1"));

        assertThatThrownBy(() -> LabParser.parse("lab.yaml", lab(pc1)))
                .isInstanceOf(LabException.class)
                .hasMessageContaining("nodes[0].hosts.bad_name: \"bad_name\" is not a host name")
                .hasMessageContaining("nodes[0].hosts.www: ");
    }
}
