package dev.packetlab.stack.link;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.stack.net.Host;
import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.testing.TestNetwork;
import dev.packetlab.stack.trace.Capture;
import dev.packetlab.stack.trace.DropReason;
import dev.packetlab.stack.trace.PcapWriter;
import dev.packetlab.stack.trace.TraceEvent;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Cables and NICs: serialization, propagation, the DropTail queue, loss, and where captures listen. */
class LinkTest {
    private final TestNetwork t = new TestNetwork();

    @AfterEach
    void checksums() {
        t.close();
    }

    @Test
    void aFrameArrivesAfterItsSerializationDelayPlusThePropagationDelay() {
        t.withLinks(new LinkParameters(64_000L, SimTime.millis(10), 0, 0, 1500, 100));
        Host a = t.host("a", "10.0.0.1/24");
        Host b = t.host("b", "10.0.0.2/24");
        t.connect(a, b);
        t.run(a, "ping -c 1 10.0.0.2");
        // a 60-byte ARP request at 64 kbit/s takes 7.5 ms to clock out, then 10 ms on the wire
        assertThat(t.receivedBy("b").get(0).time()).isEqualTo(SimTime.micros(17_500));
    }

    @Test
    void aFullTransmitQueueDropsTheFrameWithThatReason() {
        t.withLinks(new LinkParameters(64_000L, SimTime.millis(1), 0, 0, 1500, 2));
        Host a = t.host("a", "10.0.0.1/24");
        Host b = t.host("b", "10.0.0.2/24");
        t.connect(a, b);
        t.run(a, "ping -c 1 10.0.0.2");
        // 1000-byte pings every millisecond; each takes 128.5 ms to clock out at 64 kbit/s
        t.run(a, "ping -c 6 -i 0.001 -s 1000 -W 5 10.0.0.2");
        assertThat(t.drops()).filteredOn(d -> d.node().equals("a")).extracting(TraceEvent.FrameDropped::reason)
                .containsExactly(DropReason.QUEUE_FULL, DropReason.QUEUE_FULL, DropReason.QUEUE_FULL);
        assertThat(t.drops().get(0).detail()).isEqualTo("queue of 2 frames is full");
    }

    @Test
    void aLinkWithLossOneLosesEveryFrameWithThatReason() {
        t.withLinks(new LinkParameters(100_000_000L, SimTime.millis(1), 0, 1.0, 1500, 100));
        Host a = t.host("a", "10.0.0.1/24");
        Host b = t.host("b", "10.0.0.2/24");
        t.connect(a, b);
        t.run(a, "ping -c 1 10.0.0.2");
        assertThat(t.drops()).extracting(TraceEvent.FrameDropped::reason).containsOnly(DropReason.LINK_LOSS, DropReason.NO_ARP_REPLY);
        assertThat(t.receivedBy("b")).isEmpty();
    }

    @Test
    void jitterDelaysFramesButNeverReordersThem() {
        t.withLinks(new LinkParameters(100_000_000L, SimTime.millis(1), SimTime.millis(5), 0, 1500, 100));
        Host a = t.host("a", "10.0.0.1/24");
        Host b = t.host("b", "10.0.0.2/24");
        t.connect(a, b);
        t.run(a, "ping -c 50 -i 0.001 10.0.0.2");
        var sequences = t.receivedBy("b").stream().map(r -> r.frame())
                .filter(f -> f[12] == 0x08 && f[13] == 0x00)
                .map(f -> ((f[14 + 20 + 6] & 0xff) << 8) | (f[14 + 20 + 7] & 0xff)).toList();
        assertThat(sequences).hasSize(50).isSorted();
    }

    @Test
    void aNodeCaptureSeesWhatItSentAndReceivedAndALinkCaptureBothDirections() {
        Host a = t.host("a", "10.0.0.1/24");
        Host b = t.host("b", "10.0.0.2/24");
        Host c = t.host("c", "10.0.0.3/24");
        Switch sw = t.switchNamed("sw1");
        Link ab = t.connect(a, sw);
        t.connect(b, sw);
        t.connect(c, sw);
        Capture nodeB = Capture.node(t.net.trace(), new PcapWriter(new ByteArrayOutputStream(), PcapWriter.Resolution.MICROSECONDS), "b");
        Capture linkA = Capture.link(t.net.trace(), new PcapWriter(new ByteArrayOutputStream(), PcapWriter.Resolution.MICROSECONDS), ab.name());
        t.run(a, "ping -c 1 10.0.0.2");
        // b: the flooded ARP request, its reply, the echo request and its reply; a's cable carries the same four
        assertThat(nodeB.frames()).isEqualTo(4);
        assertThat(linkA.frames()).isEqualTo(4);
    }
}
