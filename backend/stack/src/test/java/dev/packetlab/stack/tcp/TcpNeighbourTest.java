package dev.packetlab.stack.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.testing.Frames;
import org.junit.jupiter.api.Test;

/** TCP's forward progress keeps the next hop's ARP entry fresh (RFC 1122 2.3.2.1), as Linux's dst_confirm does. */
class TcpNeighbourTest {

    @Test
    void aConnectionMakingProgressNeedsNoNewArpRequestWhenTheEntryWouldHaveAgedOut() {
        try (OpenConnection o = new OpenConnection(true)) {
            for (int s = 0; s < 120; s += 10) {
                o.send(new byte[100]);
                o.runFor(s * 1000L + 10_000);
            }

            long requestsFromA = o.p.t.sentBy("a").stream().filter(e -> e.time() >= o.start && Frames.isArp(e.frame())
                    && Frames.arp(e.frame()).operation() == dev.packetlab.stack.wire.ArpPacket.REQUEST).count();
            assertThat(requestsFromA).isZero(); // (b, which only receives and acknowledges, does ask again)
            assertThat(o.p.a.arp().lookup(TcpPair.B)).isNotNull();
        }
    }

    @Test
    void withoutTrafficTheEntryAgesOutAfterGcStaleTime() {
        try (OpenConnection o = new OpenConnection(true)) {
            o.runFor(70_000);
            assertThat(o.p.a.arp().lookup(TcpPair.B)).isNull();
            assertThat(SimTime.seconds(60)).isLessThan(o.since(o.p.t.sim.now()));
        }
    }
}
