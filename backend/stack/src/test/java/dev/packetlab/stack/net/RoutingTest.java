package dev.packetlab.stack.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.stack.link.LinkParameters;
import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.testing.Frames;
import dev.packetlab.stack.testing.TestNetwork;
import dev.packetlab.stack.trace.DropReason;
import dev.packetlab.stack.trace.TraceEvent;
import dev.packetlab.stack.wire.IcmpView;
import dev.packetlab.stack.wire.Ipv4Address;
import dev.packetlab.stack.wire.Ipv4Prefix;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * CONFORMANCE 5, 6 and 9 on two subnets joined by two routers:
 * pc1 (192.168.1.10) — r1 — 10.0.12.0/30 — r2 — pc2 (192.168.2.20), every cable 100 Mbit/s and 1 ms.
 */
class RoutingTest {
    private final TestNetwork t = new TestNetwork();
    private final Host pc1 = t.host("pc1", "192.168.1.10/24", "192.168.1.1");
    private final Host r1 = t.router("r1", "192.168.1.1/24", "10.0.12.1/30");
    private final Host r2 = t.router("r2", "10.0.12.2/30", "192.168.2.1/24");
    private final Host pc2 = t.host("pc2", "192.168.2.20/24", "192.168.2.1");

    RoutingTest() {
        t.connect(pc1, r1);
        t.connect(r1, r2);
        t.connect(r2, pc2);
        r1.addRoute(Ipv4Prefix.parse("192.168.2.0/24"), Ipv4Address.parse("10.0.12.2"));
        r2.addRoute(Ipv4Prefix.parse("192.168.1.0/24"), Ipv4Address.parse("10.0.12.1"));
    }

    @AfterEach
    void checksums() {
        t.close();
    }

    @Test
    void longestPrefixWinsOverShorterOnesAndTheDefaultRoute() {
        r1.addRoute(Ipv4Prefix.parse("192.168.0.0/16"), Ipv4Address.parse("192.168.1.10"));
        r1.addRoute(Ipv4Prefix.parse("0.0.0.0/0"), Ipv4Address.parse("192.168.1.10"));
        assertThat(r1.routes().lookup(Ipv4Address.parse("192.168.2.7")).via()).isEqualTo(Ipv4Address.parse("10.0.12.2"));
        assertThat(r1.routes().lookup(Ipv4Address.parse("192.168.9.7")).destination()).isEqualTo(Ipv4Prefix.parse("192.168.0.0/16"));
        assertThat(r1.routes().lookup(Ipv4Address.parse("8.8.8.8")).destination().length()).isZero();
        assertThat(r1.routes().lookup(Ipv4Address.parse("10.0.12.2")).origin()).isEqualTo(Route.Origin.CONNECTED);
    }

    @Test
    void pingAcrossTwoRoutersPrintsLikeLinux() {
        String out = t.run(pc1, "ping -c 3 192.168.2.20");
        assertThat(out).isEqualTo("""
                PING 192.168.2.20 (192.168.2.20) 56(84) bytes of data.
                64 bytes from 192.168.2.20: icmp_seq=1 ttl=62 time=12.1 ms
                64 bytes from 192.168.2.20: icmp_seq=2 ttl=62 time=6.05 ms
                64 bytes from 192.168.2.20: icmp_seq=3 ttl=62 time=6.05 ms

                --- 192.168.2.20 ping statistics ---
                3 packets transmitted, 3 received, 0% packet loss, time 2006ms
                rtt min/avg/max/mdev = 6.047/8.057/12.076/2.842 ms
                """);
        assertThat(t.lastExitCode).isZero();
    }

    @Test
    void aRouterDecrementsTtlOnEveryHop() {
        t.run(pc1, "ping -c 1 192.168.2.20");
        int sentTtl = Frames.ip(t.sentBy("pc1").get(1).frame()).ttl();
        int arrivedTtl = Frames.ip(t.receivedBy("pc2").get(1).frame()).ttl();
        assertThat(sentTtl).isEqualTo(64);
        assertThat(arrivedTtl).isEqualTo(62);
    }

    @Test
    void ttlReachingZeroDropsThePacketAndSendsTimeExceeded() {
        String out = t.run(pc1, "ping -c 1 -t 1 192.168.2.20");
        assertThat(t.drops()).singleElement().satisfies(d -> {
            assertThat(d.node()).isEqualTo("r1");
            assertThat(d.reason()).isEqualTo(DropReason.TTL_EXPIRED);
        });
        byte[] error = t.sentBy("r1").stream().filter(s -> Frames.isIcmp(s.frame())).findFirst().orElseThrow().frame();
        IcmpView icmp = Frames.icmp(error);
        assertThat(icmp.type()).isEqualTo(11);
        assertThat(icmp.code()).isEqualTo(0);
        assertThat(Frames.ip(error).source()).isEqualTo(Ipv4Address.parse("192.168.1.1"));
        assertThat(out).contains("From 192.168.1.1 icmp_seq=1 Time to live exceeded\n");
    }

    /** The first probe of each hop waits for that hop's ARP (2.0096 ms); then each hop adds 1.00592 ms each way. */
    @Test
    void tracerouteShowsEveryHopWithThreeTimes() {
        String out = t.run(pc1, "traceroute 192.168.2.20");
        assertThat(out).isEqualTo("""
                traceroute to 192.168.2.20 (192.168.2.20), 30 hops max, 60 byte packets
                 1  192.168.1.1 (192.168.1.1)  4.021 ms  2.012 ms  2.012 ms
                 2  10.0.12.2 (10.0.12.2)  6.033 ms  4.023 ms  4.023 ms
                 3  192.168.2.20 (192.168.2.20)  8.045 ms  6.036 ms  6.036 ms
                """);
    }

    /** UDP probes end with the destination's port unreachable, 4 bytes shorter than an echo reply: 1 us sooner. */
    @Test
    void tracerouteWithUdpProbesEndsAtTheDestinationsPortUnreachable() {
        String out = t.run(pc1, "traceroute -U -n 192.168.2.20");
        assertThat(out).isEqualTo("""
                traceroute to 192.168.2.20 (192.168.2.20), 30 hops max, 60 byte packets
                 1  192.168.1.1  4.021 ms  2.012 ms  2.012 ms
                 2  10.0.12.2  6.033 ms  4.023 ms  4.023 ms
                 3  192.168.2.20  8.044 ms  6.035 ms  6.035 ms
                """);
        assertThat(t.drops()).filteredOn(d -> d.node().equals("pc2")).extracting(TraceEvent.FrameDropped::reason)
                .containsOnly(DropReason.PORT_UNREACHABLE);
    }

    @Test
    void noRouteAtARouterEarnsTheSenderNetUnreachable() {
        pc1.addRoute(Ipv4Prefix.parse("172.16.0.0/16"), Ipv4Address.parse("192.168.1.1"));
        String out = t.run(pc1, "ping -c 1 172.16.0.1");
        assertThat(t.drops()).singleElement().satisfies(d -> {
            assertThat(d.node()).isEqualTo("r1");
            assertThat(d.reason()).isEqualTo(DropReason.NO_ROUTE);
        });
        assertThat(out).contains("From 192.168.1.1 icmp_seq=1 Destination Net Unreachable\n");
    }

    @Test
    void noRouteForALocalSenderIsNetworkUnreachable() {
        Host lonely = t.host("lonely", "10.9.9.9/24");
        String out = t.run(lonely, "ping -c 1 192.168.2.20");
        assertThat(out).isEqualTo("""
                PING 192.168.2.20 (192.168.2.20) 56(84) bytes of data.
                ping: connect: Network is unreachable
                """);
        assertThat(t.lastExitCode).isEqualTo(2);
        assertThat(t.drops()).singleElement().extracting(TraceEvent.FrameDropped::reason).isEqualTo(DropReason.NO_ROUTE);
    }

    @Test
    void aPacketWithABadHeaderChecksumIsDroppedWithThatReason() {
        t.run(pc1, "ping -c 1 192.168.2.20"); // resolve ARP first
        byte[] frame = t.sentBy("pc1").get(1).frame().clone();
        frame[14 + 8] = 5; // change the TTL without fixing the checksum
        t.events.clear();
        t.inject(pc1.device("eth0"), frame);
        t.sim.runUntil(t.sim.now() + SimTime.seconds(1));
        assertThat(t.drops()).singleElement().satisfies(d -> {
            assertThat(d.node()).isEqualTo("r1");
            assertThat(d.reason()).isEqualTo(DropReason.BAD_CHECKSUM);
            assertThat(d.detail()).startsWith("bad checksum 0x");
        });
    }

    @Test
    void ipRouteListsConnectedAndStaticRoutes() {
        assertThat(t.run(r1, "ip route")).isEqualTo("""
                10.0.12.0/30 dev eth1 proto kernel scope link src 10.0.12.1
                192.168.1.0/24 dev eth0 proto kernel scope link src 192.168.1.1
                192.168.2.0/24 via 10.0.12.2 dev eth1
                """);
        assertThat(t.run(pc1, "ip route")).isEqualTo("""
                default via 192.168.1.1 dev eth0
                192.168.1.0/24 dev eth0 proto kernel scope link src 192.168.1.10
                """);
    }

    @Test
    void aSlowLinkShowsInTheRoundTripTime() {
        TestNetwork slow = new TestNetwork().withLinks(new LinkParameters(10_000_000L, SimTime.millis(5), 0, 0, 1500, 100));
        Host a = slow.host("a", "10.0.0.1/24");
        Host b = slow.host("b", "10.0.0.2/24");
        slow.connect(a, b);
        slow.run(a, "ping -c 1 10.0.0.2");
        // 98-byte frames at 10 Mbit/s take 78.4 us each way, plus 5 ms propagation each way
        assertThat(slow.run(a, "ping -c 1 10.0.0.2")).contains("time=10.2 ms");
        slow.close();
    }
}
