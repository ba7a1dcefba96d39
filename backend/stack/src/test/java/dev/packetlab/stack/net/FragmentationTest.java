package dev.packetlab.stack.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.stack.link.LinkParameters;
import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.testing.Frames;
import dev.packetlab.stack.testing.TestNetwork;
import dev.packetlab.stack.trace.DropReason;
import dev.packetlab.stack.trace.TraceEvent;
import dev.packetlab.stack.wire.IcmpView;
import dev.packetlab.stack.wire.Ipv4HeaderView;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** CONFORMANCE 7 [RFC 791, RFC 1191]. */
class FragmentationTest {
    private final TestNetwork t = new TestNetwork();

    @AfterEach
    void checksums() {
        t.close();
    }

    private List<Ipv4HeaderView> ipSentBy(String node) {
        return t.sentBy(node).stream().filter(s -> !Frames.isArp(s.frame())).map(s -> Frames.ip(s.frame())).toList();
    }

    @Test
    void a4000ByteEchoLeavesAsThreeFragmentsAtOffsets0And185And370() {
        Host a = t.host("a", "10.0.0.1/24");
        Host b = t.host("b", "10.0.0.2/24");
        t.connect(a, b);
        // 3972 bytes of data + 8 ICMP + 20 IP = a 4000-byte datagram
        String out = t.run(a, "ping -c 1 -s 3972 10.0.0.2");
        List<Ipv4HeaderView> fragments = ipSentBy("a");
        assertThat(fragments).extracting(Ipv4HeaderView::fragmentOffset).containsExactly(0, 185, 370);
        assertThat(fragments).extracting(Ipv4HeaderView::moreFragments).containsExactly(true, true, false);
        assertThat(fragments).extracting(Ipv4HeaderView::totalLength).containsExactly(1500, 1500, 1040);
        assertThat(fragments).extracting(Ipv4HeaderView::identification).containsOnly(fragments.get(0).identification());
        // b reassembled the request and its 3980-byte reply was fragmented the same way
        assertThat(ipSentBy("b")).extracting(Ipv4HeaderView::fragmentOffset).containsExactly(0, 185, 370);
        assertThat(out).contains("3980 bytes from 10.0.0.2: icmp_seq=1 ttl=64");
    }

    @Test
    void aMissingFragmentTimesOutAfter30SecondsAndTheDatagramIsDropped() {
        Host a = t.host("a", "10.0.0.1/24");
        Host b = t.host("b", "10.0.0.2/24");
        t.connect(a, b);
        t.run(a, "ping -c 1 10.0.0.2"); // resolve ARP both ways
        List<TraceEvent.FrameSent> sent = t.sentBy("a");
        t.events.clear();
        t.shell(a).execute("ping -c 1 -s 3972 -W 40 10.0.0.2", code -> { });
        // let the first fragment through, lose the second and third on the cable
        t.sim.step();
        a.device("eth0").link().setParameters(a.device("eth0").link().parameters().withLoss(1.0));
        long start = t.sim.now();
        t.sim.runUntil(start + SimTime.seconds(31));
        assertThat(t.drops()).filteredOn(d -> d.reason() == DropReason.REASSEMBLY_TIMEOUT).singleElement()
                .satisfies(d -> {
                    assertThat(d.node()).isEqualTo("b");
                    assertThat(d.time()).isEqualTo(t.receivedBy("b").get(0).time() + SimTime.seconds(30));
                });
        // and b tells a with time exceeded, code 1 (fragment reassembly time exceeded)
        IcmpView error = Frames.icmp(t.sentBy("b").get(0).frame());
        assertThat(error.type()).isEqualTo(11);
        assertThat(error.code()).isEqualTo(1);
        assertThat(sent).isNotEmpty();
    }

    /** a (10.0.0.1) — MTU 1500 — r — MTU 576 — b (10.0.1.2); returns a. */
    private Host hostBehindANarrowerLink() {
        Host a = t.host("a", "10.0.0.1/24", "10.0.0.254");
        Host r = t.router("r", "10.0.0.254/24", "10.0.1.254/24");
        Host b = t.host("b", "10.0.1.2/24", "10.0.1.254");
        t.connect(a, r);
        t.withLinks(new LinkParameters(100_000_000L, SimTime.millis(1), 0, 0, 576, 100));
        t.connect(r, b);
        return a;
    }

    @Test
    void withDfSetTheRouterAnswersFragmentationNeededWithTheNextHopMtu() {
        Host a = hostBehindANarrowerLink();
        String out = t.run(a, "ping -c 1 -M do -s 1000 10.0.1.2");
        byte[] error = t.sentBy("r").stream().filter(s -> Frames.isIcmp(s.frame())).findFirst().orElseThrow().frame();
        IcmpView icmp = Frames.icmp(error);
        assertThat(icmp.type()).isEqualTo(3);
        assertThat(icmp.code()).isEqualTo(4);
        assertThat(icmp.nextHopMtu()).isEqualTo(576);
        assertThat(t.drops()).filteredOn(d -> d.node().equals("r")).extracting(TraceEvent.FrameDropped::reason)
                .containsExactly(DropReason.FRAGMENTATION_NEEDED);
        assertThat(out).contains("From 10.0.0.254 icmp_seq=1 Frag needed and DF set (mtu = 576)\n");
    }

    @Test
    void withoutDfTheRouterFragmentsForTheSmallerLink() {
        Host a = hostBehindANarrowerLink();
        String out = t.run(a, "ping -c 1 -s 1000 10.0.1.2");
        List<Ipv4HeaderView> towardsB = t.sentBy("r").stream().filter(s -> s.device().equals("eth1"))
                .filter(s -> !Frames.isArp(s.frame())).map(s -> Frames.ip(s.frame())).toList();
        // 1028-byte datagram over MTU 576: 552 + 456 bytes of data at offsets 0 and 69 (69 × 8 = 552)
        assertThat(towardsB).extracting(Ipv4HeaderView::fragmentOffset).containsExactly(0, 69);
        assertThat(towardsB).extracting(Ipv4HeaderView::totalLength).containsExactly(572, 476);
        assertThat(towardsB).extracting(Ipv4HeaderView::ttl).containsOnly(63);
        assertThat(out).contains("1008 bytes from 10.0.1.2: icmp_seq=1 ttl=63");
    }

    @Test
    void aLocalSenderWithDfAndAnOversizedPacketGetsMessageTooLong() {
        Host a = t.host("a", "10.0.0.1/24");
        Host b = t.host("b", "10.0.0.2/24");
        t.connect(a, b);
        String out = t.run(a, "ping -c 1 -W 1 -M do -s 2000 10.0.0.2");
        assertThat(out).contains("ping: local error: message too long, mtu=1500\n");
        assertThat(t.sentBy("a")).isEmpty();
    }

    @Test
    void afterFragmentationNeededTheSenderKeepsToThePathMtu() {
        Host a = hostBehindANarrowerLink();
        t.run(a, "ping -c 1 -M do -s 1000 10.0.1.2");
        String out = t.run(a, "ping -c 1 -W 1 -M do -s 1000 10.0.1.2");

        assertThat(out).contains("ping: local error: message too long, mtu=576\n");
        assertThat(a.mtuTowards(dev.packetlab.stack.wire.Ipv4Address.parse("10.0.1.2"))).isEqualTo(576);
        assertThat(a.mtuTowards(dev.packetlab.stack.wire.Ipv4Address.parse("10.0.0.254"))).isEqualTo(1500);
    }

    @Test
    void withoutDfASenderThatLearnedThePathMtuFragmentsAtTheSource() {
        Host a = hostBehindANarrowerLink();
        t.run(a, "ping -c 1 -M do -s 1000 10.0.1.2");
        int before = t.sentBy("a").size();
        t.run(a, "ping -c 1 -s 1000 10.0.1.2");

        List<Ipv4HeaderView> fromA = t.sentBy("a").subList(before, t.sentBy("a").size()).stream()
                .filter(s -> !Frames.isArp(s.frame())).map(s -> Frames.ip(s.frame())).toList();
        assertThat(fromA).extracting(Ipv4HeaderView::totalLength).containsExactly(572, 476);
    }

    @Test
    void aLearnedPathMtuAgesOutAfterMtuExpires() {
        Host a = hostBehindANarrowerLink();
        t.run(a, "ping -c 1 -M do -s 1000 10.0.1.2");
        t.sim.runUntil(t.sim.now() + SimTime.seconds(601));

        assertThat(a.mtuTowards(dev.packetlab.stack.wire.Ipv4Address.parse("10.0.1.2"))).isEqualTo(1500);
    }
}
