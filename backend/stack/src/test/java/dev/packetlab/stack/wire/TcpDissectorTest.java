package dev.packetlab.stack.wire;

import static dev.packetlab.stack.wire.KnownFrames.PC_IP;
import static dev.packetlab.stack.wire.KnownFrames.ROUTER_IP;
import static dev.packetlab.stack.wire.TcpHeaderView.FLAG_ACK;
import static dev.packetlab.stack.wire.TcpHeaderView.FLAG_PSH;
import static dev.packetlab.stack.wire.TcpHeaderView.FLAG_SYN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** TCP in the packet list and the inspector, worded like Wireshark with raw sequence numbers. */
class TcpDissectorTest {
    private static byte[] frame(TcpSegment s) {
        return FrameBuilder.ethernet(KnownFrames.ROUTER_MAC, KnownFrames.PC_MAC).ipv4(PC_IP, ROUTER_IP).tcp(s);
    }

    private static Dissection.Field field(Dissection d, String key) {
        return d.layers().get(2).fields().stream().filter(f -> f.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void aSynWithAnMssReadsLikeWiresharksInfoColumn() {
        Dissection d = Dissector.dissect(frame(new TcpSegment(52000, 80, 123456, 0, FLAG_SYN, 65535, 0,
                TcpOptions.NONE.withMss(1460), Payload.EMPTY)));
        assertThat(d.protocol()).isEqualTo("TCP");
        assertThat(d.source()).isEqualTo("192.168.1.100");
        assertThat(d.destination()).isEqualTo("192.168.1.1");
        assertThat(d.summary()).isEqualTo("52000 → 80 [SYN] Seq=123456 Win=65535 Len=0 MSS=1460");
        assertThat(d.problem()).isNull();
    }

    @Test
    void theKnownSynShowsEveryFieldAndWhereItSits() {
        Dissection d = Dissector.dissect(KnownTcpFrames.syn());
        assertThat(d.summary()).isEqualTo("52000 → 80 [SYN] Seq=123456 Win=64240 Len=0 MSS=1460 SACK_PERM TSval=1000 TSecr=0 WS=128");
        Dissection.Layer tcp = d.layers().get(2);
        assertThat(tcp.name()).isEqualTo("Transmission Control Protocol");
        assertThat(tcp.offset()).isEqualTo(34);
        assertThat(tcp.length()).isEqualTo(40);
        assertThat(tcp.fields()).extracting(Dissection.Field::key).containsExactly("tcp.srcport", "tcp.dstport", "tcp.seq",
                "tcp.ack", "tcp.hdr_len", "tcp.flags", "tcp.window_size_value", "tcp.checksum", "tcp.urgent_pointer",
                "tcp.options", "tcp.options.mss_val", "tcp.options.sack_perm", "tcp.options.timestamp.tsval",
                "tcp.options.timestamp.tsecr", "tcp.options.nop", "tcp.options.wscale.shift");
        assertThat(tcp.fields()).extracting(Dissection.Field::value).containsExactly("52000", "80", "123456", "0",
                "40 bytes (10)", "0x002 [SYN]", "64240", "0x17bf [correct]", "0", "20 bytes", "1460", "present", "1000", "0",
                "", "7 (multiply by 128)");
        assertThat(field(d, "tcp.seq")).isEqualTo(new Dissection.Field("tcp.seq", "Sequence number (raw)", "123456", 38, 4, 0));
        assertThat(field(d, "tcp.hdr_len").bitMask()).isEqualTo(0xf0);
        assertThat(field(d, "tcp.flags")).extracting(Dissection.Field::offset, Dissection.Field::length, Dissection.Field::bitMask)
                .containsExactly(46, 2, 0x0fff);
        assertThat(field(d, "tcp.options.mss_val")).extracting(Dissection.Field::offset, Dissection.Field::length).containsExactly(56, 2);
        assertThat(field(d, "tcp.options.wscale.shift")).extracting(Dissection.Field::offset, Dissection.Field::length)
                .containsExactly(73, 1);
    }

    @Test
    void aSynAckAndADataSegmentShowTheirAckAndLength() {
        assertThat(Dissector.dissect(frame(KnownTcpFrames.segment(FLAG_SYN | FLAG_ACK, 4000000000L, 123457, 65160,
                TcpOptions.NONE.withMss(1460), ""))).summary())
                .isEqualTo("52000 → 80 [SYN, ACK] Seq=4000000000 Ack=123457 Win=65160 Len=0 MSS=1460");
        Dissection data = Dissector.dissect(frame(KnownTcpFrames.segment(FLAG_PSH | FLAG_ACK, 123457, 1, 502,
                TcpOptions.NONE.withTimestamps(5, 6).withSackBlocks(List.of(new TcpOptions.SackBlock(10, 20))), "hello")));
        assertThat(data.summary()).isEqualTo("52000 → 80 [PSH, ACK] Seq=123457 Ack=1 Win=502 Len=5 TSval=5 TSecr=6 SLE=10 SRE=20");
        assertThat(field(data, "tcp.flags").value()).isEqualTo("0x018 [PSH, ACK]");
        assertThat(field(data, "tcp.options.sack_le").value()).isEqualTo("10");
        assertThat(field(data, "tcp.options.sack_re").value()).isEqualTo("20");
    }

    @Test
    void aBadChecksumIsShownWithTheValueItShouldHave() {
        byte[] f = KnownTcpFrames.syn();
        f[51] = (byte) 0xc0; // 0x17bf → 0x17c0
        Dissection d = Dissector.dissect(f);
        assertThat(d.protocol()).isEqualTo("TCP");
        assertThat(d.summary()).endsWith("WS=128 [bad checksum]");
        assertThat(d.problem()).isEqualTo(new Malformed("TCP", "bad checksum 0x17c0 (should be 0x17bf)", true));
        assertThat(field(d, "tcp.checksum").value()).isEqualTo("0x17c0 [incorrect, should be 0x17bf]");
    }

    @Test
    void malformedOptionsStopTheDissectionWithTheReason() {
        byte[] f = KnownTcpFrames.syn();
        f[55] = 1;
        Dissection d = Dissector.dissect(KnownTcpFrames.withFixedChecksum(f, PC_IP, ROUTER_IP));
        assertThat(d.protocol()).isEqualTo("TCP");
        assertThat(d.summary()).isEqualTo("malformed: option kind 2 at byte 20 has length 1, below 2");
        assertThat(d.layers()).hasSize(2);
        assertThat(d.problem().badChecksum()).isFalse();
    }

    @Test
    void aDataOffsetBelowFiveIsMalformedInTheList() {
        byte[] f = KnownTcpFrames.syn();
        f[46] = 0x40;
        assertThat(Dissector.dissect(f).summary()).isEqualTo("malformed: data offset 4 (16 bytes) is below 5 (20 bytes)");
    }
}
