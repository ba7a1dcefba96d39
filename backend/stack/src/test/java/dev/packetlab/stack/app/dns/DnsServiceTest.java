package dev.packetlab.stack.app.dns;

import static dev.packetlab.stack.app.dns.NameServerTest.rr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.packetlab.stack.net.Host;
import dev.packetlab.stack.testing.TestNetwork;
import dev.packetlab.stack.wire.DnsRecord;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The lab file's dns service: zone-file names, the design sketch's short form, and mistakes named precisely. */
class DnsServiceTest {
    private final TestNetwork t = new TestNetwork();
    private final Host ns = t.host("ns", "10.0.0.53/24");

    private List<String> records() {
        return NameServer.of(ns).records().stream().map(DnsRecord::toString).toList();
    }

    @Test
    void namesAreRelativeToTheOriginUnlessTheyEndInADot() {
        new DnsService().start(ns, Map.of("ttl", 60, "zones", Map.of("example.lab", List.of(
                rr("@", "NS", "ns"), rr("www", "CNAME", "web.other.lab."), rr("ns", "A", "10.0.0.53")))));

        assertThat(records()).containsExactly(
                "example.lab. 60 IN SOA ns.example.lab. hostmaster.example.lab. 1 3600 900 604800 60",
                "example.lab. 60 IN NS ns.example.lab.",
                "www.example.lab. 60 IN CNAME web.other.lab.",
                "ns.example.lab. 60 IN A 10.0.0.53");
    }

    @Test
    void theDesignSketchsShortFormMakesAZoneOfTheNamesCommonSuffix() {
        new DnsService().start(ns, Map.of("zone", Map.of("www.example.lab", Map.of("A", "10.0.0.80"),
                "mail.example.lab", Map.of("A", List.of("10.0.0.25", "10.0.0.26")))));

        assertThat(NameServer.of(ns).config().zones()).extracting(z -> z.origin().toString()).containsExactly("example.lab.");
        assertThat(records()).contains("www.example.lab. 3600 IN A 10.0.0.80", "mail.example.lab. 3600 IN A 10.0.0.25",
                "mail.example.lab. 3600 IN A 10.0.0.26");
    }

    @Test
    void aRelativeNameThatRepeatsTheZoneIsRefusedWithTheFix() {
        assertThatThrownBy(() -> new DnsService().start(ns, Map.of("zones", Map.of("example.lab", List.of(
                rr("www.example.lab", "A", "10.0.0.80"))))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("zones[\"example.lab\"][0].name: \"www.example.lab\" would be www.example.lab.example.lab. (names are "
                        + "relative to example.lab.); write \"www.example.lab.\" with a final dot, or leave out the zone's name");
    }

    @Test
    void aBadValueIsReportedAtItsRecord() {
        assertThatThrownBy(() -> new DnsService().start(ns, Map.of("zones", Map.of("example.lab", List.of(
                rr("www", "A", "10.0.0"))))))
                .hasMessage("zones[\"example.lab\"][0].value: not an IPv4 address: \"10.0.0\"");
    }

    @Test
    void anUnsupportedTypeIsReportedWithTheTypesAZoneMayHold() {
        assertThatThrownBy(() -> new DnsService().start(ns, Map.of("zones", Map.of("example.lab", List.of(
                rr("www", "SRV", "0 5 80 web"))))))
                .hasMessage("zones[\"example.lab\"][0].type: \"SRV\" is not one a zone here may hold (A, AAAA, CNAME, NS, MX, TXT, SOA, PTR)");
    }

    @Test
    void aCnameBesideOtherDataIsRefused() {
        assertThatThrownBy(() -> new DnsService().start(ns, Map.of("zones", Map.of("example.lab", List.of(
                rr("www", "CNAME", "web"), rr("www", "A", "10.0.0.80"))))))
                .hasMessage("zones[\"example.lab\"]: www.example.lab. has a CNAME and other records; a CNAME must stand alone (RFC 1034 3.6.2)");
    }

    @Test
    void recursionNeedsRootServers() {
        assertThatThrownBy(() -> new DnsService().start(ns, Map.of("recursive", true)))
                .hasMessage("root: a recursive server needs the addresses of root servers, e.g. root: [10.0.0.1]");
    }

    @Test
    void anUnknownParameterIsNamed() {
        assertThatThrownBy(() -> new DnsService().start(ns, Map.of("forwarders", List.of("10.0.0.1"))))
                .hasMessage("forwarders: unknown parameter (known: port, recursive, root, ttl, zone, zones)");
    }
}
