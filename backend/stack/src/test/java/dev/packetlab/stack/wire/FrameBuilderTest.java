package dev.packetlab.stack.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FrameBuilderTest {
    private static final Payload DATA = Payload.ascii(KnownFrames.PING_DATA);

    @Test
    void buildsTheKnownEchoRequestByteForByte() {
        byte[] frame = FrameBuilder.ethernet(KnownFrames.ROUTER_MAC, KnownFrames.PC_MAC)
                .ipv4(KnownFrames.PC_IP, KnownFrames.ROUTER_IP).ttl(128).identification(0x1a2b)
                .icmp(new IcmpMessage.EchoRequest(1, 1, DATA));
        assertThat(frame).isEqualTo(KnownFrames.echoRequest());
    }

    @Test
    void buildsTheKnownEchoReplyByteForByte() {
        byte[] frame = FrameBuilder.ethernet(KnownFrames.PC_MAC, KnownFrames.ROUTER_MAC)
                .ipv4(KnownFrames.ROUTER_IP, KnownFrames.PC_IP).identification(0x3c4d)
                .icmp(new IcmpMessage.EchoReply(1, 1, DATA));
        assertThat(frame).isEqualTo(KnownFrames.echoReply());
    }

    @Test
    void buildsTheKnownUdpFramePaddedTo60Bytes() {
        FrameBuilder b = FrameBuilder.ethernet(KnownFrames.SERVER_MAC, KnownFrames.HOST_MAC)
                .ipv4(KnownFrames.UDP_SOURCE, KnownFrames.UDP_DESTINATION).identification(7);
        assertThat(b.udp(new UdpDatagram(33000, 53, Payload.ascii("hello")))).isEqualTo(KnownFrames.udpHello());
        byte[] hello = "xhellox".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(b.udp(33000, 53, hello, 1, 5)).isEqualTo(KnownFrames.udpHello());
    }

    @Test
    void buildsTheKnownArpFrame() {
        byte[] frame = FrameBuilder.ethernet(MacAddress.BROADCAST, KnownFrames.PC_MAC)
                .arp(ArpPacket.request(KnownFrames.PC_MAC, KnownFrames.PC_IP, KnownFrames.ROUTER_IP));
        assertThat(frame).isEqualTo(KnownFrames.arpRequest());
    }

    @Test
    void aLargeFrameIsExactlyHeadersPlusPayloadAndDecodesLayerByLayer() {
        Payload data = Payload.of(new byte[1472]);
        byte[] frame = FrameBuilder.ethernet(KnownFrames.SERVER_MAC, KnownFrames.HOST_MAC)
                .ipv4(KnownFrames.UDP_SOURCE, KnownFrames.UDP_DESTINATION).dontFragment(true).dscpEcn(46, 0).ttl(1)
                .udp(new UdpDatagram(5000, 5001, data));
        assertThat(frame).hasSize(14 + 20 + 8 + 1472);
        EthernetFrame eth = EthernetFrame.decode(frame, 0, frame.length).orThrow();
        assertThat(eth.etherType()).isEqualTo(EthernetFrame.TYPE_IPV4);
        Ipv4Packet ip = Ipv4Packet.decode(frame, 14, frame.length - 14).orThrow();
        assertThat(ip).isEqualTo(new Ipv4Packet(46, 0, 0, true, false, 0, 1, 17, KnownFrames.UDP_SOURCE,
                KnownFrames.UDP_DESTINATION, Payload.copyOf(frame, 34, 1480)));
        assertThat(UdpDatagram.decode(frame, 34, 1480, KnownFrames.UDP_SOURCE, KnownFrames.UDP_DESTINATION))
                .isEqualTo(Decoded.of(new UdpDatagram(5000, 5001, data)));
    }

    @Test
    void anIcmpErrorFrameCarriesAValidQuoteAndChecksums() {
        byte[] offending = KnownFrames.udpHello();
        byte[] frame = FrameBuilder.ethernet(KnownFrames.HOST_MAC, KnownFrames.SERVER_MAC)
                .ipv4(KnownFrames.UDP_DESTINATION, KnownFrames.UDP_SOURCE)
                .icmp(IcmpMessage.destinationUnreachable(IcmpMessage.PORT_UNREACHABLE, offending, 14, offending.length - 14));
        assertThat(frame).hasSize(14 + 20 + 8 + 28);
        assertThat(KnownFrames.referenceChecksum(frame, 14, 20)).isZero();
        assertThat(KnownFrames.referenceChecksum(frame, 34, 36)).isZero();
        IcmpMessage m = IcmpMessage.decode(frame, 34, 36).orThrow();
        assertThat(m).isEqualTo(new IcmpMessage.DestinationUnreachable(3, 0, Payload.copyOf(offending, 14, 28)));
    }

    @Test
    void aRawPayloadIsCarriedAsGivenUnderTheProtocolNumber() {
        byte[] frame = FrameBuilder.ethernet(KnownFrames.SERVER_MAC, KnownFrames.HOST_MAC)
                .ipv4(KnownFrames.UDP_SOURCE, KnownFrames.UDP_DESTINATION).ipv4(6, new byte[] {9, 8, 7}, 1, 2);
        Ipv4Packet ip = Ipv4Packet.decode(frame, 14, frame.length - 14).orThrow();
        assertThat(ip.protocol()).isEqualTo(6);
        assertThat(ip.payload()).isEqualTo(Payload.of(new byte[] {8, 7}));
        assertThat(frame).hasSize(60);
    }

    @Test
    void anIpv4FrameNeedsAddressesFirst() {
        assertThatThrownBy(() -> FrameBuilder.ethernet(KnownFrames.SERVER_MAC, KnownFrames.HOST_MAC)
                .icmp(new IcmpMessage.EchoRequest(1, 1, Payload.EMPTY)))
                .isInstanceOf(IllegalStateException.class).hasMessage("call ipv4(source, destination) before building an IPv4 frame");
    }

    @Test
    void aPayloadTooBigForIpv4IsRefused() {
        FrameBuilder b = FrameBuilder.ethernet(KnownFrames.SERVER_MAC, KnownFrames.HOST_MAC).ipv4(KnownFrames.UDP_SOURCE, KnownFrames.UDP_DESTINATION);
        assertThatThrownBy(() -> b.ipv4(17, new byte[65_516], 0, 65_516))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a 65516-byte payload exceeds the 65515 an IPv4 packet holds");
        assertThatThrownBy(() -> b.ttl(256)).hasMessage("TTL must be 0..255, got 256");
    }
}
