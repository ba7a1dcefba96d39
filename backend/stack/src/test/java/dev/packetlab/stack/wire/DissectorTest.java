package dev.packetlab.stack.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.stack.net.Host;
import dev.packetlab.stack.sim.SimRandom;
import dev.packetlab.stack.testing.Frames;
import dev.packetlab.stack.testing.TestNetwork;
import dev.packetlab.stack.trace.TraceEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The packet list's columns and the inspector's layer tree, with the byte range of every field. */
class DissectorTest {
    private static List<TraceEvent.FrameSent> pingThroughARouter(String command) {
        TestNetwork t = new TestNetwork();
        Host pc1 = t.host("pc1", "10.0.0.1/24", "10.0.0.254");
        Host r = t.router("r", "10.0.0.254/24", "10.0.1.254/24");
        Host pc2 = t.host("pc2", "10.0.1.2/24", "10.0.1.254");
        t.connect(pc1, r);
        t.connect(r, pc2);
        t.run(pc1, command);
        t.close();
        return t.events(TraceEvent.FrameSent.class);
    }

    @Test
    void anArpRequestReadsLikeWireshark() {
        Dissection d = Dissector.dissect(pingThroughARouter("ping -c 1 10.0.1.2").get(0).frame());
        assertThat(d.protocol()).isEqualTo("ARP");
        assertThat(d.summary()).isEqualTo("Who has 10.0.0.254? Tell 10.0.0.1");
        assertThat(d.destination()).isEqualTo("Broadcast (ff:ff:ff:ff:ff:ff)");
        assertThat(d.layers()).extracting(Dissection.Layer::name)
                .containsExactly("Ethernet II", "Address Resolution Protocol (request)");
        assertThat(d.problem()).isNull();
    }

    @Test
    void anEchoRequestShowsEveryLayerAndWhereEachFieldSits() {
        byte[] frame = pingThroughARouter("ping -c 1 10.0.1.2").stream().filter(s -> Frames.isIcmp(s.frame()))
                .findFirst().orElseThrow().frame();
        Dissection d = Dissector.dissect(frame);
        assertThat(d.protocol()).isEqualTo("ICMP");
        assertThat(d.source()).isEqualTo("10.0.0.1");
        assertThat(d.destination()).isEqualTo("10.0.1.2");
        assertThat(d.summary()).matches("Echo \\(ping\\) request  id=0x[0-9a-f]{4}, seq=1, ttl=64");
        Dissection.Layer ip = d.layers().get(1);
        assertThat(ip.offset()).isEqualTo(14);
        assertThat(ip.length()).isEqualTo(20);
        assertThat(ip.fields()).filteredOn(f -> f.key().equals("ip.ttl")).singleElement()
                .satisfies(f -> {
                    assertThat(f.value()).isEqualTo("64");
                    assertThat(f.offset()).isEqualTo(22);
                    assertThat(f.length()).isEqualTo(1);
                });
        assertThat(ip.fields()).filteredOn(f -> f.key().equals("ip.checksum")).singleElement()
                .extracting(Dissection.Field::value).asString().endsWith("[correct]");
        assertThat(d.layers().get(2).fields()).extracting(Dissection.Field::key)
                .containsExactly("icmp.type", "icmp.code", "icmp.checksum", "icmp.ident", "icmp.seq");
    }

    @Test
    void timeExceededNamesTypeAndCode() {
        byte[] frame = pingThroughARouter("ping -c 1 -t 1 10.0.1.2").stream()
                .filter(s -> s.node().equals("r") && Frames.isIcmp(s.frame())).findFirst().orElseThrow().frame();
        assertThat(Dissector.dissect(frame).summary()).isEqualTo("Time-to-live exceeded (Time to live exceeded in transit)");
    }

    @Test
    void aBadHeaderChecksumIsShownWithTheRightValue() {
        byte[] frame = pingThroughARouter("ping -c 1 10.0.1.2").stream().filter(s -> Frames.isIcmp(s.frame()))
                .findFirst().orElseThrow().frame().clone();
        frame[22] = 9;
        Dissection d = Dissector.dissect(frame);
        assertThat(d.summary()).isEqualTo("bad header checksum");
        assertThat(d.problem().badChecksum()).isTrue();
        assertThat(d.layers().get(1).fields()).filteredOn(f -> f.key().equals("ip.checksum")).singleElement()
                .extracting(Dissection.Field::value).asString().contains("incorrect, should be 0x");
    }

    @Test
    void aUdpProbeShowsItsPorts() {
        byte[] frame = pingThroughARouter("traceroute -U -q 1 -m 1 10.0.1.2").stream()
                .filter(s -> !Frames.isArp(s.frame()) && Frames.ip(s.frame()).protocol() == 17).findFirst().orElseThrow().frame();
        Dissection d = Dissector.dissect(frame);
        assertThat(d.protocol()).isEqualTo("UDP");
        assertThat(d.summary()).matches("\\d+ → 33434 Len=32");
    }

    @Test
    void randomBytesNeverThrow() {
        SimRandom r = SimRandom.of(3, "dissector-fuzz");
        for (int i = 0; i < 5000; i++) {
            byte[] b = new byte[r.nextInt(120)];
            for (int j = 0; j < b.length; j++) b[j] = (byte) r.nextInt(256);
            if (b.length > 14) {
                b[12] = 0x08;
                b[13] = (byte) (r.nextInt(2) == 0 ? 0x00 : 0x06);
                b[14] = 0x45;
            }
            assertThat(Dissector.dissect(b)).isNotNull();
        }
    }
}
