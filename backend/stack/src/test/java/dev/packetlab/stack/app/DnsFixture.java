package dev.packetlab.stack.app;

import dev.packetlab.stack.app.dns.DnsService;
import dev.packetlab.stack.app.dns.StubResolver;
import dev.packetlab.stack.net.Host;
import dev.packetlab.stack.testing.TestNetwork;
import dev.packetlab.stack.wire.Ipv4Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small Internet for the DNS tools, on one switch: root (10.0.0.2, a.root-servers.lab.) delegates lab. to tld
 * (10.0.0.3, ns.lab.), which delegates example.lab. to auth (10.0.0.4, ns.example.lab.); the root also holds the PTR
 * record of 10.0.1.80; resolver (10.0.0.53) recurses from the root; pc1 (10.0.0.1) has dns: 10.0.0.53.
 */
final class DnsFixture {
    final TestNetwork t = new TestNetwork();
    final Host pc1 = t.host("pc1", "10.0.0.1/24");

    DnsFixture() {
        Host root = t.host("root", "10.0.0.2/24");
        Host tld = t.host("tld", "10.0.0.3/24");
        Host auth = t.host("auth", "10.0.0.4/24");
        Host resolver = t.host("resolver", "10.0.0.53/24");
        t.switchNamed("sw1");
        for (Host h : List.of(pc1, root, tld, auth, resolver)) t.connect(h, t.net.node("sw1"));
        new DnsService().start(root, Map.of("zones", Map.of(".", List.of(
                rr("@", "NS", "a.root-servers.lab."), rr("a.root-servers.lab.", "A", "10.0.0.2"),
                rr("lab", "NS", "ns.lab."), rr("ns.lab.", "A", "10.0.0.3"),
                rr("80.1.0.10.in-addr.arpa.", "PTR", "www.example.lab.")))));
        new DnsService().start(tld, Map.of("zones", Map.of("lab", List.of(
                rr("example", "NS", "ns.example"), rr("ns.example", "A", "10.0.0.4")))));
        List<Object> example = new ArrayList<>(List.of(
                Map.of("name", "www", "type", "A", "value", "10.0.1.80", "ttl", 300),
                rr("@", "MX", "10 mail"), rr("mail", "A", "10.0.1.25"), rr("web", "CNAME", "www"),
                rr("www", "AAAA", "2001:db8::80")));
        for (int i = 1; i <= 40; i++) example.add(rr("big", "A", "10.0.2." + i));
        new DnsService().start(auth, Map.of("zones", Map.of("example.lab", example)));
        new DnsService().start(resolver, Map.of("recursive", true, "root", List.of("10.0.0.2")));
        StubResolver.install(pc1, List.of(Ipv4Address.parse("10.0.0.53")));
    }

    static Map<String, Object> rr(String name, String type, String value) {
        return Map.of("name", name, "type", type, "value", value);
    }

    /** Runs {@code command} on pc1 and returns its output with tabs shown as → (so columns can be asserted). */
    String run(String command) {
        return t.run(pc1, command).replace('\t', '→');
    }

    /** The ID the next query from pc1 carries, drawn as its resolver will draw it. */
    int idAfter(int idsDrawn) {
        var random = t.sim.random("dns-id/pc1");
        int id = 0;
        for (int i = 0; i <= idsDrawn; i++) id = random.nextInt(0x10000);
        return id;
    }
}
