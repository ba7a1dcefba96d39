package dev.packetlab.stack.app.dns;

import static dev.packetlab.stack.app.dns.NameServerTest.rr;
import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.stack.net.Host;
import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.testing.TestNetwork;
import dev.packetlab.stack.wire.DnsMessage;
import dev.packetlab.stack.wire.DnsName;
import dev.packetlab.stack.wire.DnsRecord;
import dev.packetlab.stack.wire.DnsType;
import dev.packetlab.stack.wire.Ipv4Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A recursive server walks the delegation chain: root (10.0.0.2) refers to lab. (10.0.0.3), which refers to
 * example.lab. (10.0.0.4), which answers; pc1 asks the resolver (10.0.0.53) only.
 */
class RecursionTest {
    private final TestNetwork t = new TestNetwork();
    private final Host pc1 = t.host("pc1", "10.0.0.1/24");
    private final List<StubResolver.Result> results = new ArrayList<>();
    private final StubResolver stub;

    RecursionTest() {
        t.switchNamed("sw1");
        Host root = t.host("root", "10.0.0.2/24");
        Host tld = t.host("tld", "10.0.0.3/24");
        Host auth = t.host("auth", "10.0.0.4/24");
        Host resolver = t.host("resolver", "10.0.0.53/24");
        for (Host h : List.of(pc1, root, tld, auth, resolver)) t.connect(h, t.net.node("sw1"));
        new DnsService().start(root, Map.of("zones", Map.of(".", List.of(
                rr("lab", "NS", "ns.lab."), rr("ns.lab.", "A", "10.0.0.3")))));
        new DnsService().start(tld, Map.of("zones", Map.of("lab", List.of(
                rr("example", "NS", "ns.example"), rr("ns.example", "A", "10.0.0.4"),
                rr("broken", "NS", "ns.nowhere.lab."), rr("ns.nowhere", "A", "10.0.0.2")))));
        new DnsService().start(auth, Map.of("zones", Map.of("example.lab", List.of(
                rr("www", "A", "10.0.1.80"), rr("mail", "A", "10.0.1.25"), rr("alias", "CNAME", "www")))));
        new DnsService().start(resolver, Map.of("recursive", true, "root", List.of("10.0.0.2")));
        stub = StubResolver.install(pc1, List.of(Ipv4Address.parse("10.0.0.53")));
    }

    private void resolve(String name) {
        stub.resolve(DnsName.parse(name), DnsType.A, results::add);
        t.sim.runUntil(t.sim.now() + SimTime.seconds(30));
    }

    @Test
    void theResolverWalksFromTheRootThroughLabToExampleLab() {
        resolve("www.example.lab");

        assertThat(results.get(0).addresses()).containsExactly(Ipv4Address.parse("10.0.1.80"));
        assertThat(DnsWire.all(t).stream().filter(DnsWire::isQuery).map(w -> w.node() + " -> " + w.destination()
                + " " + (w.message().recursionDesired() ? "rd" : "no rd")).toList()).containsExactly(
                "pc1 -> 10.0.0.53:53 rd",
                "resolver -> 10.0.0.2:53 no rd",
                "resolver -> 10.0.0.3:53 no rd",
                "resolver -> 10.0.0.4:53 no rd");
    }

    @Test
    void theAnswerToTheClientHasRaButNotAa() {
        resolve("www.example.lab");

        DnsWire last = DnsWire.sentBy(t, "resolver").getLast();
        assertThat(last.destination()).startsWith("10.0.0.1:");
        assertThat(last.message().flagNames()).isEqualTo("qr rd ra");
        assertThat(last.message().answers()).extracting(DnsRecord::toString)
                .containsExactly("www.example.lab. 3600 IN A 10.0.1.80");
    }

    @Test
    void aSecondNameInTheSameZoneGoesStraightToItsServerFromTheCache() {
        resolve("www.example.lab");
        int before = DnsWire.all(t).size();

        resolve("mail.example.lab");

        assertThat(DnsWire.all(t).subList(before, DnsWire.all(t).size()).stream().filter(DnsWire::isQuery)
                .map(w -> w.node() + " -> " + w.destination()).toList())
                .containsExactly("pc1 -> 10.0.0.53:53", "resolver -> 10.0.0.4:53");
        assertThat(results.get(1).addresses()).containsExactly(Ipv4Address.parse("10.0.1.25"));
    }

    @Test
    void theSameNameAgainIsAnsweredFromTheResolversCache() {
        resolve("www.example.lab");
        stub.cache().clear();
        int before = DnsWire.all(t).size();

        resolve("www.example.lab");

        assertThat(DnsWire.all(t).subList(before, DnsWire.all(t).size()).stream().filter(DnsWire::isQuery)
                .map(DnsWire::node).toList()).containsExactly("pc1");
    }

    @Test
    void aMissingNameComesBackNxdomainFromTheAuthority() {
        resolve("nowhere.example.lab");

        assertThat(results.get(0).outcome()).isEqualTo(StubResolver.Outcome.NXDOMAIN);
        assertThat(results.get(0).records()).extracting(DnsRecord::type).containsExactly(DnsType.SOA);
    }

    @Test
    void anAliasIsResolvedToItsTarget() {
        resolve("alias.example.lab");

        assertThat(results.get(0).records()).extracting(DnsRecord::toString).containsExactly(
                "alias.example.lab. 3600 IN CNAME www.example.lab.", "www.example.lab. 3600 IN A 10.0.1.80");
    }

    @Test
    void aLameDelegationToAServerThatRefusesEndsInServfail() {
        resolve("x.broken.lab"); // lab. sends it to 10.0.0.2, the root server, which refuses names it has no zone for

        assertThat(results.get(0).outcome()).isEqualTo(StubResolver.Outcome.SERVER_FAILURE);
        // root, lab., then the lame server twice; pc1 asks three times (SERVFAIL moves on, as glibc does), and
        // the later walks start at the delegation the resolver has cached
        assertThat(DnsWire.sentBy(t, "resolver").stream().filter(DnsWire::isQuery).map(DnsWire::destination).toList())
                .containsExactly("10.0.0.2:53", "10.0.0.3:53", "10.0.0.2:53", "10.0.0.2:53",
                        "10.0.0.2:53", "10.0.0.2:53", "10.0.0.2:53", "10.0.0.2:53");
        assertThat(DnsWire.sentBy(t, "pc1")).hasSize(3);
    }
}
