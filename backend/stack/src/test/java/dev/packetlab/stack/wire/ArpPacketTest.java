package dev.packetlab.stack.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ArpPacketTest {
    private static Malformed decodeFailure(byte[] frame) {
        return ArpPacket.decode(frame, 14, frame.length - 14).malformedOrNull();
    }

    @Test
    void aRealArpRequestDecodes() {
        byte[] frame = KnownFrames.arpRequest();
        ArpPacket arp = ArpPacket.decode(frame, 14, frame.length - 14).orThrow();
        assertThat(arp).isEqualTo(new ArpPacket(ArpPacket.REQUEST, KnownFrames.PC_MAC, KnownFrames.PC_IP, MacAddress.ZERO,
                KnownFrames.ROUTER_IP));
        assertThat(arp).isEqualTo(ArpPacket.request(KnownFrames.PC_MAC, KnownFrames.PC_IP, KnownFrames.ROUTER_IP));
        assertThat(arp.isRequest()).isTrue();
        assertThat(arp.isGratuitous()).isFalse();
    }

    @Test
    void theViewReadsEveryField() {
        byte[] frame = KnownFrames.arpRequest();
        ArpView v = ArpView.wrap(frame, 14, 46);
        assertThat(v.check()).isNull();
        assertThat(v.hardwareType()).isEqualTo(1);
        assertThat(v.protocolType()).isEqualTo(0x0800);
        assertThat(v.hardwareLength()).isEqualTo(6);
        assertThat(v.protocolLength()).isEqualTo(4);
        assertThat(v.operation()).isEqualTo(1);
        assertThat(v.senderMac()).isEqualTo(KnownFrames.PC_MAC);
        assertThat(v.senderIp()).isEqualTo(KnownFrames.PC_IP);
        assertThat(v.targetMac()).isEqualTo(MacAddress.ZERO);
        assertThat(v.targetIp()).isEqualTo(KnownFrames.ROUTER_IP);
    }

    @Test
    void emitWritesTheSameBytesAsTheRealRequest() {
        byte[] frame = KnownFrames.arpRequest();
        ArpPacket arp = ArpPacket.decode(frame, 14, 46).orThrow();
        byte[] out = new byte[30];
        assertThat(arp.emit(out, 1)).isEqualTo(28);
        assertThat(Arrays.copyOfRange(out, 1, 29)).isEqualTo(Arrays.copyOfRange(frame, 14, 42));
        assertThat(arp.toBytes()).isEqualTo(Arrays.copyOfRange(frame, 14, 42));
    }

    @Test
    void aReplyRoundTripsThroughEmitAndDecode() {
        ArpPacket reply = ArpPacket.reply(KnownFrames.ROUTER_MAC, KnownFrames.ROUTER_IP, KnownFrames.PC_MAC, KnownFrames.PC_IP);
        byte[] b = reply.toBytes();
        assertThat(b[7]).isEqualTo((byte) 2);
        assertThat(ArpPacket.decode(b, 0, b.length)).isEqualTo(Decoded.of(reply));
    }

    @Test
    void aFrameBuiltForTheWireIsPaddedTo60Bytes() {
        byte[] frame = EthernetFrame.arp(MacAddress.BROADCAST, KnownFrames.PC_MAC,
                ArpPacket.request(KnownFrames.PC_MAC, KnownFrames.PC_IP, KnownFrames.ROUTER_IP));
        assertThat(frame).isEqualTo(KnownFrames.arpRequest());
    }

    @Test
    void aGratuitousArpHasTheSenderIpAsTarget() {
        assertThat(ArpPacket.request(KnownFrames.PC_MAC, KnownFrames.PC_IP, KnownFrames.PC_IP).isGratuitous()).isTrue();
    }

    @Test
    void everyTruncationIsMalformedNamingTheLength() {
        byte[] frame = KnownFrames.arpRequest();
        for (int len = 0; len < 28; len++) {
            assertThat(ArpPacket.decode(frame, 14, len)).as("length %d", len)
                    .isEqualTo(Decoded.failure(new Malformed("ARP", "only " + len + " bytes, a packet needs 28")));
        }
    }

    @Test
    void aNonEthernetHardwareTypeIsMalformedWithTheReason() {
        byte[] ieee802 = KnownFrames.arpRequest();
        ieee802[15] = 6;
        assertThat(decodeFailure(ieee802)).isEqualTo(new Malformed("ARP", "hardware type 6 is not Ethernet (1)"));
    }

    @Test
    void aNonIpv4ProtocolTypeIsMalformedWithTheReason() {
        byte[] ipv6 = KnownFrames.arpRequest();
        ipv6[16] = (byte) 0x86;
        ipv6[17] = (byte) 0xdd;
        assertThat(decodeFailure(ipv6)).isEqualTo(new Malformed("ARP", "protocol type 0x86dd is not IPv4 (0x800)"));
    }

    @Test
    void addressLengthsOtherThanSixAndFourAreMalformed() {
        byte[] eui64 = KnownFrames.arpRequest();
        eui64[18] = 8;
        assertThat(decodeFailure(eui64)).isEqualTo(new Malformed("ARP", "address lengths 8/4 are not 6/4"));
    }

    @Test
    void anOperationOtherThanRequestOrReplyIsMalformed() {
        byte[] rarp = KnownFrames.arpRequest();
        rarp[21] = 3;
        assertThat(decodeFailure(rarp)).isEqualTo(new Malformed("ARP", "operation 3 is neither request (1) nor reply (2)"));
        assertThatThrownBy(() -> new ArpPacket(3, KnownFrames.PC_MAC, KnownFrames.PC_IP, MacAddress.ZERO, KnownFrames.ROUTER_IP))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("operation 3 is neither request (1) nor reply (2)");
    }
}
