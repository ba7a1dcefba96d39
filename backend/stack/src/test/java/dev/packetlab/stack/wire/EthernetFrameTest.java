package dev.packetlab.stack.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EthernetFrameTest {
    @Test
    void aRealArpFrameDecodesWithThePaddingInItsPayload() {
        byte[] frame = KnownFrames.arpRequest();
        EthernetFrame eth = EthernetFrame.decode(frame, 0, frame.length).orThrow();
        assertThat(eth.destination()).isEqualTo(MacAddress.BROADCAST);
        assertThat(eth.source()).isEqualTo(KnownFrames.PC_MAC);
        assertThat(eth.etherType()).isEqualTo(EthernetFrame.TYPE_ARP);
        assertThat(eth.payload().length()).isEqualTo(46);
        assertThat(eth.payload()).isEqualTo(Payload.copyOf(frame, 14, 46));
    }

    @Test
    void theViewReadsAndWritesFieldsInPlace() {
        byte[] frame = KnownFrames.echoRequest();
        EthernetView v = EthernetView.wrap(frame, 0, frame.length);
        assertThat(v.check()).isNull();
        assertThat(v.destination()).isEqualTo(KnownFrames.ROUTER_MAC);
        assertThat(v.destinationBits()).isEqualTo(0x0050_56e8_912cL);
        assertThat(v.sourceBits()).isEqualTo(0x000c_293e_5b7cL);
        assertThat(v.etherType()).isEqualTo(0x0800);
        assertThat(v.payloadOffset()).isEqualTo(14);
        assertThat(v.payloadLength()).isEqualTo(60);
        v.setEtherType(EthernetFrame.TYPE_ARP);
        v.setDestination(MacAddress.BROADCAST);
        assertThat(Arrays.copyOfRange(frame, 0, 14)).isEqualTo(KnownFrames.hex("ffffffffffff 000c293e5b7c 0806"));
    }

    @Test
    void emitPadsAShortFrameWithZerosTo60Bytes() {
        EthernetFrame f = new EthernetFrame(MacAddress.BROADCAST, KnownFrames.HOST_MAC, EthernetFrame.TYPE_ARP,
                Payload.of(new byte[28]));
        byte[] out = new byte[64];
        Arrays.fill(out, (byte) 0x55);
        assertThat(f.length()).isEqualTo(60);
        assertThat(f.emit(out, 2)).isEqualTo(60);
        assertThat(Arrays.copyOfRange(out, 2 + 14, 62)).containsOnly(0);
        assertThat(out[62]).isEqualTo((byte) 0x55);
        assertThat(out[1]).isEqualTo((byte) 0x55);
    }

    @Test
    void aFrameOverTheMinimumIsNotPadded() {
        EthernetFrame f = new EthernetFrame(KnownFrames.ROUTER_MAC, KnownFrames.PC_MAC, EthernetFrame.TYPE_IPV4,
                Payload.of(new byte[100]));
        assertThat(f.toBytes()).hasSize(114);
        assertThat(EthernetFrame.paddedLength(46)).isEqualTo(60);
        assertThat(EthernetFrame.paddedLength(45)).isEqualTo(60);
        assertThat(EthernetFrame.paddedLength(47)).isEqualTo(61);
    }

    @Test
    void emitThenDecodeGivesTheSameFrame() {
        EthernetFrame f = new EthernetFrame(KnownFrames.ROUTER_MAC, KnownFrames.PC_MAC, 0x88b5, Payload.ascii("x".repeat(46)));
        byte[] b = f.toBytes();
        assertThat(EthernetFrame.decode(b, 0, b.length)).isEqualTo(Decoded.of(f));
        assertThat(EthernetFrame.decode(KnownFrames.echoRequest(), 0, 74).orThrow().toBytes()).isEqualTo(KnownFrames.echoRequest());
    }

    @Test
    void everyLengthShorterThanTheHeaderIsMalformedNamingTheLength() {
        byte[] frame = KnownFrames.arpRequest();
        for (int len = 0; len < 14; len++) {
            assertThat(EthernetFrame.decode(frame, 0, len)).as("length %d", len)
                    .isEqualTo(Decoded.failure(new Malformed("Ethernet", "only " + len + " bytes, a header needs 14")));
        }
        assertThat(EthernetFrame.decode(frame, 0, 14).isSuccess()).isTrue();
    }

    @Test
    void aRangePastTheBufferIsTreatedAsTruncatedNotAsAnIndexError() {
        byte[] frame = KnownFrames.arpRequest();
        assertThat(EthernetFrame.decode(frame, 50, 60).malformedOrNull()).isEqualTo(new Malformed("Ethernet", "only 10 bytes, a header needs 14"));
        assertThat(EthernetFrame.decode(frame, 61, 10).malformedOrNull()).isEqualTo(new Malformed("Ethernet", "only 0 bytes, a header needs 14"));
        assertThat(EthernetFrame.decode(frame, -1, 60).malformedOrNull()).isEqualTo(new Malformed("Ethernet", "only 0 bytes, a header needs 14"));
        assertThat(EthernetFrame.decode(frame, 0, -5).malformedOrNull()).isEqualTo(new Malformed("Ethernet", "only 0 bytes, a header needs 14"));
    }
}
