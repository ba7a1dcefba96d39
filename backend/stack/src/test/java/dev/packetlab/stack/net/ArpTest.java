package dev.packetlab.stack.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.testing.Frames;
import dev.packetlab.stack.testing.TestNetwork;
import dev.packetlab.stack.trace.DropReason;
import dev.packetlab.stack.trace.TraceEvent;
import dev.packetlab.stack.trace.TraceEvent.Change;
import dev.packetlab.stack.wire.ArpPacket;
import dev.packetlab.stack.wire.MacAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** CONFORMANCE 1 and 2 [RFC 826, RFC 1122 2.3.2.2]. */
class ArpTest {
    private final TestNetwork t = new TestNetwork();
    private final Host pc1 = t.host("pc1", "192.168.1.10/24");
    private final Host pc2 = t.host("pc2", "192.168.1.20/24");

    @AfterEach
    void checksums() {
        t.close();
    }

    @Test
    void arpRequestIsBroadcastAndTheReplyIsUnicastToTheAsker() {
        t.connect(pc1, t.switchNamed("sw1"));
        t.connect(pc2, t.net.node("sw1"));
        t.run(pc1, "ping -c 1 192.168.1.20");
        TraceEvent.FrameSent request = t.sentBy("pc1").get(0);
        TraceEvent.FrameSent reply = t.sentBy("pc2").get(0);
        assertThat(Frames.destination(request.frame())).isEqualTo(MacAddress.BROADCAST);
        assertThat(Frames.arp(request.frame())).isEqualTo(ArpPacket.request(pc1.device("eth0").mac(),
                pc1.iface("eth0").ip(), pc2.iface("eth0").ip()));
        assertThat(Frames.destination(reply.frame())).isEqualTo(pc1.device("eth0").mac());
        assertThat(Frames.arp(reply.frame())).isEqualTo(ArpPacket.reply(pc2.device("eth0").mac(),
                pc2.iface("eth0").ip(), pc1.device("eth0").mac(), pc1.iface("eth0").ip()));
    }

    @Test
    void thePacketThatCausedTheRequestWaitsAndLeavesWhenTheReplyArrives() {
        t.connect(pc1, pc2);
        t.run(pc1, "ping -c 1 192.168.1.20");
        // request out at 0; it reaches pc2 after 4.8 us serialization + 1 ms; the reply is back at 2.0096 ms
        assertThat(t.sentBy("pc1")).extracting(s -> s.time() + (Frames.isArp(s.frame()) ? " arp" : " ip"))
                .containsExactly("0 arp", "2009600 ip");
        assertThat(t.receivedBy("pc1").get(0).time()).isEqualTo(2_009_600L);
    }

    @Test
    void withNoReplyThreeRequestsOneSecondApartThenTheQueueIsDroppedAndPingSaysHostUnreachable() {
        t.connect(pc1, t.switchNamed("sw1"));
        String out = t.run(pc1, "ping -c 2 192.168.1.99");
        assertThat(t.sentBy("pc1")).extracting(TraceEvent.FrameSent::time)
                .containsExactly(0L, SimTime.seconds(1), SimTime.seconds(2));
        assertThat(t.drops()).filteredOn(d -> d.reason() == DropReason.NO_ARP_REPLY)
                .extracting(TraceEvent.FrameDropped::time, TraceEvent.FrameDropped::detail)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(SimTime.seconds(3), "no reply from 192.168.1.99 after 3 ARP requests"),
                        org.assertj.core.groups.Tuple.tuple(SimTime.seconds(3), "no reply from 192.168.1.99 after 3 ARP requests"));
        assertThat(out).isEqualTo("""
                PING 192.168.1.99 (192.168.1.99) 56(84) bytes of data.
                From 192.168.1.10 icmp_seq=1 Destination Host Unreachable
                From 192.168.1.10 icmp_seq=2 Destination Host Unreachable

                --- 192.168.1.99 ping statistics ---
                2 packets transmitted, 0 received, +2 errors, 100% packet loss, time 3000ms
                """);
        assertThat(t.lastExitCode).isEqualTo(1);
    }

    @Test
    void entriesExpireSixtySecondsAfterTheyWereLastConfirmed() {
        t.connect(pc1, pc2);
        t.run(pc1, "ping -c 1 192.168.1.20");
        long learned = 2_009_600L;
        t.sim.runUntil(learned + SimTime.seconds(60) - 1);
        assertThat(pc1.arp().lookup(pc2.iface("eth0").ip())).isEqualTo(pc2.device("eth0").mac());
        t.sim.runUntil(learned + SimTime.seconds(60));
        assertThat(pc1.arp().entries()).isEmpty();
        assertThat(t.events(TraceEvent.ArpCacheChanged.class)).filteredOn(e -> e.node().equals("pc1"))
                .extracting(e -> e.change() + "@" + e.time() + " " + e.mac())
                .containsExactly("ADDED@0 null", "UPDATED@2009600 02:00:00:00:00:02", "EXPIRED@60002009600 02:00:00:00:00:02");
    }

    @Test
    void arpDashNShowsResolvedAndIncompleteEntries() {
        t.connect(pc1, pc2);
        t.run(pc1, "ping -c 1 192.168.1.20");
        t.shell(pc1).execute("ping -c 1 192.168.1.77", code -> { });
        t.sim.runUntil(t.sim.now() + SimTime.millis(500));
        assertThat(t.run(pc1, "arp -n")).isEqualTo("""
                Address                  HWtype  HWaddress           Flags Mask            Iface
                192.168.1.20             ether   02:00:00:00:00:02   C                     eth0
                192.168.1.77                     (incomplete)                              eth0
                """);
    }

    @Test
    void theTargetLearnsTheAskerFromTheRequestSoItNeedsNoRequestOfItsOwn() {
        t.connect(pc1, pc2);
        t.run(pc1, "ping -c 1 192.168.1.20");
        assertThat(t.sentBy("pc2")).filteredOn(s -> Frames.isArp(s.frame())).hasSize(1); // only the reply
        assertThat(t.events(TraceEvent.ArpCacheChanged.class)).filteredOn(e -> e.node().equals("pc2"))
                .extracting(TraceEvent.ArpCacheChanged::change).containsExactly(Change.ADDED);
    }
}
