package dev.packetlab.stack.app.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.stack.net.Host;
import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.socket.SocketTable;
import dev.packetlab.stack.testing.TestNetwork;
import dev.packetlab.stack.wire.DnsName;
import dev.packetlab.stack.wire.DnsType;
import dev.packetlab.stack.wire.Ipv4Address;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CONFORMANCE 26-27: the stub resolver's retries, cache, negative cache and TCP fallback, in simulated time. */
class StubResolverTest {
    private final TestNetwork t = new TestNetwork();
    private final Host pc1 = t.host("pc1", "10.0.0.1/24");
    private final Host ns = t.host("ns", "10.0.0.53/24");
    private final Host ns2 = t.host("ns2", "10.0.0.54/24");
    private final List<StubResolver.Result> results = new ArrayList<>();
    private final List<Long> resultTimes = new ArrayList<>();

    StubResolverTest() {
        t.connect(pc1, t.switchNamed("sw1"));
        t.connect(ns, t.net.node("sw1"));
        t.connect(ns2, t.net.node("sw1"));
    }

    private static Map<String, Object> record(String name, String type, Object value, int ttl) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("name", name);
        r.put("type", type);
        r.put("value", value);
        r.put("ttl", ttl);
        return r;
    }

    /** ns serves example.lab: www A 10.0.1.80 (TTL 300), an SOA whose negative TTL is 60, and 40 addresses for big. */
    private void serveExampleLab() {
        List<Object> records = new ArrayList<>(List.of(
                record("@", "SOA", "ns hostmaster 1 3600 900 604800 60", 3600),
                record("www", "A", "10.0.1.80", 300)));
        for (int i = 1; i <= 40; i++) records.add(record("big", "A", "10.0.2." + i, 300));
        new DnsService().start(ns, Map.of("zones", Map.of("example.lab", records)));
    }

    private void resolve(StubResolver r, String name) {
        r.resolve(DnsName.parse(name), DnsType.A, result -> {
            results.add(result);
            resultTimes.add(t.sim.now());
        });
    }

    private long queriesSentByPc1() {
        return DnsWire.sentBy(t, "pc1").stream().filter(DnsWire::isQuery).count();
    }

    @Test
    void aSilentServerIsAskedAt0And2And4SecondsAndTheLookupFailsAt6() {
        // a socket on port 53 that never reads: the queries arrive, nothing answers, not even ICMP
        SocketTable s = t.sockets(ns);
        s.bind(s.socket(SocketTable.Type.DGRAM).value(), 53);
        StubResolver r = StubResolver.install(pc1, List.of(Ipv4Address.parse("10.0.0.53")));
        t.run(pc1, "ping -c 1 10.0.0.53"); // ARP is resolved, so each query leaves the moment it is sent
        long start = t.sim.now();

        resolve(r, "www.example.lab");
        t.sim.runUntil(start + SimTime.seconds(10));

        List<Long> sent = DnsWire.sentBy(t, "pc1").stream().map(w -> w.time() - start).toList();
        assertThat(sent).containsExactly(0L, SimTime.seconds(2), SimTime.seconds(4));
        assertThat(resultTimes).containsExactly(start + SimTime.seconds(6));
        assertThat(results.get(0).outcome()).isEqualTo(StubResolver.Outcome.NO_ANSWER);
    }

    @Test
    void theTimeoutAndAttemptsComeFromTheNodesSysctls() {
        SocketTable s = t.sockets(ns);
        s.bind(s.socket(SocketTable.Type.DGRAM).value(), 53);
        StubResolver r = StubResolver.install(pc1, List.of(Ipv4Address.parse("10.0.0.53")));
        pc1.sysctl().set("net.dns.timeout", "5");
        pc1.sysctl().set("net.dns.attempts", "2");
        t.run(pc1, "ping -c 1 10.0.0.53");
        long start = t.sim.now();

        resolve(r, "www.example.lab");
        t.sim.runUntil(start + SimTime.seconds(20));

        assertThat(DnsWire.sentBy(t, "pc1").stream().map(w -> w.time() - start).toList())
                .containsExactly(0L, SimTime.seconds(5));
        assertThat(resultTimes).containsExactly(start + SimTime.seconds(10));
    }

    @Test
    void eachAttemptGoesToTheNextServerInTurn() {
        StubResolver r = StubResolver.install(pc1, List.of(Ipv4Address.parse("10.0.0.53"), Ipv4Address.parse("10.0.0.54")));
        for (Host h : List.of(ns, ns2)) {
            SocketTable s = t.sockets(h);
            s.bind(s.socket(SocketTable.Type.DGRAM).value(), 53);
        }

        resolve(r, "www.example.lab");
        t.sim.runUntil(SimTime.seconds(20));

        assertThat(DnsWire.sentBy(t, "pc1").stream().map(DnsWire::destination).toList()).containsExactly(
                "10.0.0.53:53", "10.0.0.54:53", "10.0.0.53:53", "10.0.0.54:53", "10.0.0.53:53", "10.0.0.54:53");
        assertThat(resultTimes).containsExactly(SimTime.seconds(12));
    }

    @Test
    void anAnswerIsTakenFromTheCacheWithinItsTtlAndAskedForAgainWhenItExpires() {
        serveExampleLab();
        StubResolver r = StubResolver.install(pc1, List.of(Ipv4Address.parse("10.0.0.53")));
        resolve(r, "www.example.lab");
        t.sim.runUntil(SimTime.seconds(1));
        long answeredAt = resultTimes.get(0);

        t.sim.runUntil(answeredAt + SimTime.seconds(100));
        resolve(r, "www.example.lab");
        t.sim.runUntil(answeredAt + SimTime.seconds(300) - 1);
        resolve(r, "www.example.lab");
        t.sim.runUntil(answeredAt + SimTime.seconds(300));
        resolve(r, "www.example.lab");
        t.sim.runUntil(answeredAt + SimTime.seconds(310));

        assertThat(results).extracting(StubResolver.Result::fromCache).containsExactly(false, true, true, false);
        assertThat(results.get(1).records().get(0).ttl()).isEqualTo(200); // 300 s, 100 s later
        assertThat(results).allSatisfy(x -> assertThat(x.addresses()).containsExactly(Ipv4Address.parse("10.0.1.80")));
        assertThat(queriesSentByPc1()).isEqualTo(2);
    }

    @Test
    void nxdomainIsCachedForTheSoaMinimumAndThenAskedAgain() {
        serveExampleLab();
        StubResolver r = StubResolver.install(pc1, List.of(Ipv4Address.parse("10.0.0.53")));
        resolve(r, "nowhere.example.lab");
        t.sim.runUntil(SimTime.seconds(1));
        long answeredAt = resultTimes.get(0);

        t.sim.runUntil(answeredAt + SimTime.seconds(60) - 1);
        resolve(r, "nowhere.example.lab");
        t.sim.runUntil(answeredAt + SimTime.seconds(60));
        resolve(r, "nowhere.example.lab");
        t.sim.runUntil(answeredAt + SimTime.seconds(70));

        assertThat(results).extracting(StubResolver.Result::outcome).containsOnly(StubResolver.Outcome.NXDOMAIN);
        assertThat(results).extracting(StubResolver.Result::fromCache).containsExactly(false, true, false);
        assertThat(results.get(0).records().get(0).ttl()).isEqualTo(60); // min(SOA TTL 3600, minimum 60)
        assertThat(queriesSentByPc1()).isEqualTo(2);
    }

    @Test
    void aNameWithoutTheTypeAskedForIsNodataAndCachedToo() {
        serveExampleLab();
        StubResolver r = StubResolver.install(pc1, List.of(Ipv4Address.parse("10.0.0.53")));
        List<StubResolver.Result> got = new ArrayList<>();

        r.resolve(DnsName.parse("www.example.lab"), DnsType.MX, got::add);
        t.sim.runUntil(SimTime.seconds(10));
        r.resolve(DnsName.parse("www.example.lab"), DnsType.MX, got::add);

        assertThat(got).extracting(StubResolver.Result::outcome).containsExactly(StubResolver.Outcome.NODATA,
                StubResolver.Outcome.NODATA);
        assertThat(got).extracting(StubResolver.Result::fromCache).containsExactly(false, true);
    }

    @Test
    void aTruncatedAnswerIsAskedAgainOverTcpAndArrivesWhole() {
        serveExampleLab();
        StubResolver r = StubResolver.install(pc1, List.of(Ipv4Address.parse("10.0.0.53")));

        resolve(r, "big.example.lab");
        t.sim.runUntil(SimTime.seconds(5));

        List<DnsWire> exchange = DnsWire.all(t);
        assertThat(exchange).extracting(DnsWire::node, DnsWire::transport).containsExactly(
                org.assertj.core.groups.Tuple.tuple("pc1", "udp"), org.assertj.core.groups.Tuple.tuple("ns", "udp"),
                org.assertj.core.groups.Tuple.tuple("pc1", "tcp"), org.assertj.core.groups.Tuple.tuple("ns", "tcp"));
        assertThat(exchange.get(1).message().truncated()).isTrue();
        assertThat(exchange.get(1).message().answers()).hasSize(29);
        assertThat(exchange.get(3).message().truncated()).isFalse();
        assertThat(results.get(0).addresses()).hasSize(40);
    }

    @Test
    void aRefusingServerIsPassedOverForTheNext() {
        serveExampleLab();
        new DnsService().start(ns2, Map.of()); // no zones, no recursion: REFUSED for everything
        StubResolver r = StubResolver.install(pc1, List.of(Ipv4Address.parse("10.0.0.54"), Ipv4Address.parse("10.0.0.53")));

        resolve(r, "www.example.lab");
        t.sim.runUntil(SimTime.seconds(5));

        assertThat(results.get(0).outcome()).isEqualTo(StubResolver.Outcome.ANSWER);
        assertThat(results.get(0).server()).isEqualTo(Ipv4Address.parse("10.0.0.53"));
        assertThat(queriesSentByPc1()).isEqualTo(2);
    }

    @Test
    void aNodeWithoutNameServersAnswersNothingAndSendsNothing() {
        StubResolver r = StubResolver.install(pc1, List.of());

        resolve(r, "www.example.lab");

        assertThat(results.get(0).outcome()).isEqualTo(StubResolver.Outcome.NO_ANSWER);
        assertThat(t.sentBy("pc1")).isEmpty();
    }

    @Test
    void newServersAreAskedByTheNextLookupAndTheCacheIsFlushed() {
        serveExampleLab();
        new DnsService().start(ns2, Map.of("zones", Map.of("example.lab", List.of(
                record("@", "SOA", "ns2 hostmaster 1 3600 900 604800 60", 3600),
                record("www", "A", "10.0.9.80", 300)))));
        StubResolver r = StubResolver.install(pc1, List.of(Ipv4Address.parse("10.0.0.53")));
        resolve(r, "www.example.lab");
        t.sim.runUntil(SimTime.seconds(1));

        r.setServers(List.of(Ipv4Address.parse("10.0.0.54")));
        resolve(r, "www.example.lab");
        t.sim.runUntil(SimTime.seconds(2));

        assertThat(results).extracting(StubResolver.Result::fromCache).containsExactly(false, false);
        assertThat(results).extracting(StubResolver.Result::server)
                .containsExactly(Ipv4Address.parse("10.0.0.53"), Ipv4Address.parse("10.0.0.54"));
        assertThat(results.get(1).addresses()).containsExactly(Ipv4Address.parse("10.0.9.80"));
    }

    @Test
    void settingTheSameServersAgainKeepsTheCache() {
        serveExampleLab();
        StubResolver r = StubResolver.install(pc1, List.of(Ipv4Address.parse("10.0.0.53")));
        resolve(r, "www.example.lab");
        t.sim.runUntil(SimTime.seconds(1));

        r.setServers(List.of(Ipv4Address.parse("10.0.0.53")));
        resolve(r, "www.example.lab");
        t.sim.runUntil(SimTime.seconds(2));

        assertThat(results).extracting(StubResolver.Result::fromCache).containsExactly(false, true);
    }

    @Test
    void aLookupUnderWayKeepsTheServersItStartedWith() {
        SocketTable s = t.sockets(ns); // ns never answers: the lookup is still retrying when the servers change
        s.bind(s.socket(SocketTable.Type.DGRAM).value(), 53);
        StubResolver r = StubResolver.install(pc1, List.of(Ipv4Address.parse("10.0.0.53")));
        resolve(r, "www.example.lab");
        t.sim.runUntil(SimTime.seconds(1));

        r.setServers(List.of(Ipv4Address.parse("10.0.0.54")));
        t.sim.runUntil(SimTime.seconds(10));

        assertThat(DnsWire.sentBy(t, "pc1")).extracting(DnsWire::destination)
                .containsExactly("10.0.0.53:53", "10.0.0.53:53", "10.0.0.53:53");
    }
}
