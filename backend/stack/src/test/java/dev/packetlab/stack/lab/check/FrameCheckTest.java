package dev.packetlab.stack.lab.check;

import static dev.packetlab.stack.lab.check.Runs.m;
import static dev.packetlab.stack.lab.check.Runs.routed;
import static dev.packetlab.stack.lab.check.Runs.step;
import static dev.packetlab.stack.lab.check.Runs.switched;
import static dev.packetlab.stack.lab.check.Runs.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.stack.lab.check.Runs.Run;
import dev.packetlab.stack.trace.TraceEvent;
import dev.packetlab.stack.wire.DnsMessage;
import dev.packetlab.stack.wire.DnsName;
import dev.packetlab.stack.wire.DnsQuestion;
import dev.packetlab.stack.wire.DnsType;
import dev.packetlab.stack.wire.FrameBuilder;
import dev.packetlab.stack.wire.Ipv4Address;
import dev.packetlab.stack.wire.MacAddress;
import dev.packetlab.stack.wire.Payload;
import dev.packetlab.stack.wire.TcpHeaderView;
import dev.packetlab.stack.wire.TcpOptions;
import dev.packetlab.stack.wire.TcpSegment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code frame:}, {@code drop:} and {@code count:} over frames: which frames a filter sees, and where. */
class FrameCheckTest {
    private static final String PING_PC2 = "pc1: ping -c 3 192.168.2.20\n";

    private static StepResult routedVerdict(Map<String, Object> check, String script) {
        return verdict(routed(step(check)), script);
    }

    /** Each echo request crosses r1, r2 and the hub, but pc1 made it once: by default it counts once. */
    @Test
    void aPacketCrossingTwoRoutersAndAHubCountsOnceWhereItWasMade() {
        StepResult r = routedVerdict(m("count", m("icmp-type", "echo-request", "from", "pc1", "to", "pc2",
                "exactly", 3)), PING_PC2);
        assertThat(r.passed()).isTrue();
        assertThat(r.why()).isEqualTo("seen 3 times (exactly 3 wanted): pc1 sent ICMP 192.168.1.10 → 192.168.2.20 "
                + "Echo (ping) request  id=0x0940, seq=1, ttl=64 at 0.002009 s (3 times in all)");
    }

    @Test
    void sentByCountsTheCopiesARouterForwards() {
        StepResult r = routedVerdict(m("frame", m("icmp-type", "echo-request", "sent-by", "r2")), PING_PC2);
        assertThat(r.why()).isEqualTo("r2 sent ICMP 192.168.1.10 → 192.168.2.20 Echo (ping) request  id=0x0940, seq=1, "
                + "ttl=62 at 0.010054 s (3 times in all)");
    }

    @Test
    void receivedByCountsWhatAHubRepeatedToAHostItWasNotFor() {
        StepResult r = routedVerdict(m("count", m("icmp-type", "echo-request", "to", "pc2", "received-by", "pc3",
                "at-least", 3)), PING_PC2);
        assertThat(r.passed()).isTrue();
        assertThat(r.why())
                .startsWith("seen 3 times (at least 3 wanted): pc3 received ICMP 192.168.1.10 → 192.168.2.20");
    }

    @Test
    void aDropNamesWhereAndWhy() {
        StepResult r = routedVerdict(m("drop", m("icmp-type", "echo-reply", "at", "pc3", "reason", "not-for-us")),
                PING_PC2);
        assertThat(r.why()).isEqualTo("pc3 dropped ICMP 192.168.2.20 → 192.168.1.10 Echo (ping) reply  id=0x0940, "
                + "seq=1, ttl=64 (not addressed to this interface) at 0.014085 s (3 times in all)");
    }

    /** A packet that found no route never got a source address or a frame: the drop holds the bare packet. */
    @Test
    void aPacketWithNoRouteIsADropOfAnIpv4PacketWithoutFrame() {
        StepResult r = verdict(switched(step(m("drop", m("to", "10.9.9.9", "reason", "no-route")))),
                "pc1: ping -c 1 10.9.9.9\n");
        assertThat(r.why())
                .isEqualTo("pc1 dropped an IPv4 packet 0.0.0.0 → 10.9.9.9 (no route to 10.9.9.9) at 0.000000 s");
    }

    @Test
    void aFilterNobodyMatchedSaysWhatWasLookedFor() {
        StepResult r = routedVerdict(m("frame", m("icmp-type", "echo-request", "from", "pc1", "to", "pc3")), PING_PC2);
        assertThat(r.passed()).isFalse();
        assertThat(r.at()).isEqualTo(-1);
        assertThat(r.why()).isEqualTo("not seen: an ICMP echo-request from pc1 to pc3");
    }

    /** A check passes only on what happened: the same check fails on a run where the ping went elsewhere. */
    @Test
    void theSameCheckFailsWhenThePingWentToAnotherHost() {
        Map<String, Object> check = m("frame", m("icmp-type", "echo-reply", "from", "pc2", "to", "pc1"));
        assertThat(routedVerdict(check, PING_PC2).passed()).isTrue();
        assertThat(routedVerdict(check, "pc1: ping -c 3 192.168.2.30\n").passed()).isFalse();
    }

    @Test
    void arpRequestsAreBroadcastAndRepliesAreNot() {
        String script = "pc1: ping -c 1 10.0.0.2\n";
        assertThat(verdict(switched(step(m("frame", m("arp", "request", "broadcast", true, "from", "pc1",
                "to", "srv")))), script).why()).isEqualTo("pc1 sent ARP 02:00:00:00:00:01 → Broadcast "
                + "(ff:ff:ff:ff:ff:ff) Who has 10.0.0.2? Tell 10.0.0.1 at 0.000000 s");
        assertThat(verdict(switched(step(m("frame", m("arp", "reply", "broadcast", true)))), script).passed())
                .isFalse();
    }

    /**
     * {@code flags} is the exact set, {@code has-flags} the flags that must be among them. The connection is S, SA,
     * A, PA (hello), FA from srv, FA from pc1 acknowledging both, and srv's last A: two pure ACKs, six with ACK.
     */
    @Test
    void flagsAreExactAndHasFlagsAreAtLeast() {
        String script = "srv: echo hello | nc -l 8888 &\npc1: nc srv 8888\n";
        assertThat(verdict(switched(step(m("count", m("flags", "A", "port", 8888, "exactly", 2)))), script).passed())
                .isTrue();
        assertThat(verdict(switched(step(m("count", m("has-flags", "A", "port", 8888, "exactly", 6)))), script)
                .passed()).isTrue();
        assertThat(verdict(switched(step(m("count", m("flags", "FA", "exactly", 2)))), script).passed()).isTrue();
    }

    @Test
    void containsLooksInThePayload() {
        String script = "srv: echo hello | nc -l 8888 &\npc1: nc srv 8888\n";
        assertThat(verdict(switched(step(m("frame", m("contains", "hello", "from", "srv")))), script).why())
                .isEqualTo("srv sent TCP 10.0.0.2 → 10.0.0.1 8888 → 38186 [PSH, ACK] Seq=1315974912 Ack=2443999899 "
                        + "Win=65535 Len=6 at 0.010048 s");
        assertThat(verdict(switched(step(m("frame", m("contains", "hello", "from", "pc1")))), script).passed())
                .isFalse();
    }

    // ---- DNS and HTTP, from frames built here (the programs that send them are not part of this test) -------

    private static final MacAddress PC1 = MacAddress.parse("02:00:00:00:00:01");
    private static final MacAddress SRV = MacAddress.parse("02:00:00:00:00:02");

    /** Puts frames on pc1's wire as if pc1's NIC had sent them, and returns the only step's verdict. */
    private static StepResult sent(Map<String, Object> check, List<byte[]> frames) {
        Run run = new Run(switched(step(check)));
        for (byte[] f : frames) {
            boolean fromPc1 = (f[6 + 5] & 0xff) == 1;
            run.instance.network().trace().emit(new TraceEvent.FrameSent(0, fromPc1 ? "pc1" : "srv", "eth0",
                    "pc1:eth0-sw1:p1", f));
        }
        return run.result();
    }

    private static byte[] dns(boolean fromPc1, DnsMessage message) {
        FrameBuilder b = fromPc1 ? FrameBuilder.ethernet(SRV, PC1).ipv4(ip("10.0.0.1"), ip("10.0.0.2"))
                : FrameBuilder.ethernet(PC1, SRV).ipv4(ip("10.0.0.2"), ip("10.0.0.1"));
        byte[] bytes = message.toBytes();
        return b.udp(fromPc1 ? 40000 : 53, fromPc1 ? 53 : 40000, bytes, 0, bytes.length);
    }

    private static byte[] http(boolean fromPc1, String text) {
        FrameBuilder b = fromPc1 ? FrameBuilder.ethernet(SRV, PC1).ipv4(ip("10.0.0.1"), ip("10.0.0.2"))
                : FrameBuilder.ethernet(PC1, SRV).ipv4(ip("10.0.0.2"), ip("10.0.0.1"));
        return b.tcp(new TcpSegment(fromPc1 ? 40000 : 80, fromPc1 ? 80 : 40000, 1000, 2000,
                TcpHeaderView.FLAG_PSH | TcpHeaderView.FLAG_ACK, 65535, 0, TcpOptions.NONE, Payload.ascii(text)));
    }

    private static Ipv4Address ip(String text) { return Ipv4Address.parse(text); }

    private static final DnsMessage QUERY = DnsMessage.query(0x1234,
            new DnsQuestion(DnsName.parse("www.example.lab"), DnsType.A), true);

    @Test
    void aDnsQueryIsFoundByTheNameItAsksFor() {
        assertThat(sent(m("frame", m("dns", "query", "dns-name", "WWW.Example.lab.", "from", "pc1")),
                List.of(dns(true, QUERY))).passed()).isTrue();
        assertThat(sent(m("frame", m("dns-name", "mail.example.lab")), List.of(dns(true, QUERY))).passed()).isFalse();
        assertThat(sent(m("frame", m("dns", "response")), List.of(dns(true, QUERY))).passed()).isFalse();
    }

    @Test
    void anNxdomainAnswerIsFoundByItsCode() {
        DnsMessage nx = DnsMessage.responseTo(QUERY).rcode(DnsMessage.NXDOMAIN).build();
        assertThat(sent(m("frame", m("dns-rcode", "NXDOMAIN", "to", "pc1")), List.of(dns(true, QUERY), dns(false, nx)))
                .passed()).isTrue();
        assertThat(sent(m("frame", m("dns-rcode", "NOERROR")), List.of(dns(true, QUERY), dns(false, nx))).passed())
                .isFalse();
    }

    @Test
    void anHttpRequestIsFoundByItsMethodAndAResponseByItsStatus() {
        List<byte[]> exchange = List.of(http(true, "GET /index.html HTTP/1.1\r\nHost: srv\r\n\r\n"),
                http(false, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"));
        assertThat(sent(m("frame", m("http-method", "GET", "from", "pc1", "to", "srv")), exchange).passed()).isTrue();
        assertThat(sent(m("frame", m("http-method", "POST")), exchange).passed()).isFalse();
        assertThat(sent(m("frame", m("http-status", 404, "from", "srv")), exchange).passed()).isTrue();
        assertThat(sent(m("frame", m("http-status", 200)), exchange).passed()).isFalse();
    }

    @Test
    void aBodyThatMentionsHttpIsNoHttpMessage() {
        assertThat(sent(m("frame", m("proto", "http")), List.of(http(true, "hello HTTP/1.1 200 OK\r\n"))).passed())
                .isFalse();
    }
}
