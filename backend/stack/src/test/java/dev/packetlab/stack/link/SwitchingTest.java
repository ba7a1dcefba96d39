package dev.packetlab.stack.link;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.stack.net.Host;
import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.testing.Frames;
import dev.packetlab.stack.testing.TestNetwork;
import dev.packetlab.stack.trace.DropReason;
import dev.packetlab.stack.trace.TraceEvent;
import dev.packetlab.stack.trace.TraceEvent.Change;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** CONFORMANCE 3 and 4: hubs repeat, switches learn, flood, forward and age; frames over the MTU are dropped. */
class SwitchingTest {
    private final TestNetwork t = new TestNetwork();

    @AfterEach
    void checksums() {
        t.close();
    }

    /** pc1 (.10), pc2 (.20) and pc3 (.30) on 192.168.1.0/24, each cabled to {@code center}; returns pc1. */
    private Host threeHostsOn(Node center) {
        Host pc1 = t.host("pc1", "192.168.1.10/24");
        t.connect(pc1, center);
        t.connect(t.host("pc2", "192.168.1.20/24"), center);
        t.connect(t.host("pc3", "192.168.1.30/24"), center);
        return pc1;
    }

    @Test
    void hubRepeatsEveryFrameOutOfEveryOtherPort() {
        Host pc1 = threeHostsOn(t.hub("hub1"));
        t.run(pc1, "ping -c 1 192.168.1.20");
        t.sim.runUntil(t.sim.now() + SimTime.seconds(1)); // let the reply's copy towards pc3 arrive too
        // pc3 saw all four frames of the exchange: ARP request and reply, echo request and reply
        assertThat(t.receivedBy("pc3")).hasSize(4);
        assertThat(t.sentBy("hub1")).hasSize(8); // each of the 4 frames repeated to the 2 other ports
        // and its NIC discarded the three unicast ones, which were not addressed to it
        assertThat(t.drops()).filteredOn(d -> d.node().equals("pc3")).extracting(TraceEvent.FrameDropped::reason)
                .containsExactly(DropReason.NOT_FOR_US, DropReason.NOT_FOR_US, DropReason.NOT_FOR_US);
    }

    @Test
    void switchFloodsAFrameToAnUnknownDestinationThenForwardsOnlyToTheLearnedPort() {
        Switch sw = t.switchNamed("sw1");
        Host pc1 = threeHostsOn(sw);
        Host pc2 = (Host) t.net.node("pc2");
        t.run(pc1, "ping -c 2 192.168.1.20");
        // pc3 got only the broadcast ARP request: the switch learned pc1 and pc2 from it and from the reply
        assertThat(t.receivedBy("pc3")).hasSize(1);
        assertThat(Frames.isArp(t.receivedBy("pc3").get(0).frame())).isTrue();
        assertThat(t.sentBy("sw1").stream().filter(s -> s.device().equals("p3"))).hasSize(1);
        assertThat(sw.macTable()).extracting(e -> e.mac() + "@" + e.port())
                .containsExactly(pc1.device("eth0").mac() + "@p1", pc2.device("eth0").mac() + "@p2");
    }

    @Test
    void switchFiltersAFrameWhoseDestinationIsOnThePortItCameFrom() {
        Host pc1 = t.host("pc1", "192.168.1.10/24");
        Host pc2 = t.host("pc2", "192.168.1.20/24");
        Hub hub = t.hub("hub1");
        Switch sw = t.switchNamed("sw1");
        Host pc3 = t.host("pc3", "192.168.1.30/24");
        t.connect(pc1, hub);
        t.connect(pc2, hub);
        t.connect(hub, sw);
        t.connect(pc3, sw);
        t.run(pc1, "ping -c 2 192.168.1.20");
        // only the first broadcast crossed to pc3; the unicast pc1<->pc2 frames that reached sw1 via the hub were
        // filtered, because both addresses were learned on p1
        assertThat(t.receivedBy("pc3")).hasSize(1);
    }

    @Test
    void macEntriesAgeOutAfter300SecondsWithAnEvent() {
        Host pc1 = t.host("pc1", "192.168.1.10/24");
        Host pc2 = t.host("pc2", "192.168.1.20/24");
        Switch sw = t.switchNamed("sw1");
        t.connect(pc1, sw);
        t.connect(pc2, sw);
        t.run(pc1, "ping -c 1 192.168.1.20");
        // pc1 was last seen when its echo request reached the switch, pc2 when its echo reply did
        long pc1LastSeen = t.receivedBy("sw1").stream().filter(r -> r.device().equals("p1")).reduce((a, b) -> b)
                .orElseThrow().time();
        long pc2LastSeen = t.receivedBy("sw1").stream().filter(r -> r.device().equals("p2")).reduce((a, b) -> b)
                .orElseThrow().time();
        assertThat(pc1LastSeen).isEqualTo(5_027_040L);
        assertThat(pc2LastSeen).isEqualTo(7_042_720L);
        t.sim.runUntil(pc1LastSeen + SimTime.seconds(300) - 1);
        assertThat(sw.macTable()).hasSize(2);
        t.sim.runUntil(pc2LastSeen + SimTime.seconds(300));
        assertThat(sw.macTable()).isEmpty();
        assertThat(t.events(TraceEvent.MacTableChanged.class))
                .extracting(e -> e.change() + "@" + e.time())
                .containsExactly("ADDED@1004800", "ADDED@3014400", "EXPIRED@" + (pc1LastSeen + SimTime.seconds(300)),
                        "EXPIRED@" + (pc2LastSeen + SimTime.seconds(300)));
    }

    @Test
    void showMacListsTheTableByPort() {
        Host pc1 = t.host("pc1", "192.168.1.10/24");
        Host pc2 = t.host("pc2", "192.168.1.20/24");
        Switch sw = t.switchNamed("sw1");
        t.connect(pc1, sw);
        t.connect(pc2, sw);
        t.run(pc1, "ping -c 1 192.168.1.20");
        t.sim.runUntil(SimTime.seconds(5));
        assertThat(t.run(sw, "show mac")).isEqualTo("""
                MAC address         Port   Age
                02:00:00:00:00:01   p1     4s
                02:00:00:00:00:02   p2     4s
                2 entries, ageing time 300 s
                """);
    }

    @Test
    void aFrameLargerThanTheLinkMtuIsDroppedWithThatReason() {
        Host pc1 = t.host("pc1", "192.168.1.10/24");
        Switch sw = t.switchNamed("sw1");
        Host pc2 = t.host("pc2", "192.168.1.20/24");
        t.connect(pc1, sw);
        t.withLinks(new LinkParameters(100_000_000L, SimTime.millis(1), 0, 0, 1000, 100));
        t.connect(sw, pc2);
        // pc1's own link has MTU 1500, so it sends 1500-byte packets; the switch cannot put them on the 1000 link
        String out = t.run(pc1, "ping -c 1 -W 1 -s 1472 192.168.1.20");
        assertThat(t.drops()).filteredOn(d -> d.reason() == DropReason.MTU_EXCEEDED).singleElement()
                .satisfies(d -> {
                    assertThat(d.node()).isEqualTo("sw1");
                    assertThat(d.device()).isEqualTo("p2");
                    assertThat(d.detail()).isEqualTo("1500 bytes > MTU 1000");
                });
        assertThat(out).contains("1 packets transmitted, 0 received, 100% packet loss");
    }

    @Test
    void aDownLinkDropsWithThatReason() {
        Host pc1 = t.host("pc1", "192.168.1.10/24");
        Host pc2 = t.host("pc2", "192.168.1.20/24");
        Link cable = t.connect(pc1, pc2);
        cable.setUp(false);
        String out = t.run(pc1, "ping -c 1 192.168.1.20");
        // the route stays (the interface is up, only the cable is not), so ARP tries three times into a dead cable
        assertThat(t.drops()).extracting(TraceEvent.FrameDropped::reason).containsExactly(DropReason.LINK_DOWN,
                DropReason.LINK_DOWN, DropReason.LINK_DOWN, DropReason.NO_ARP_REPLY);
        assertThat(out).contains("From 192.168.1.10 icmp_seq=1 Destination Host Unreachable");
    }
}
