package dev.packetlab.stack.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ArpPacketTest {
    /** "Who has 192.168.1.1? Tell 192.168.1.100", as a real NIC sends it (broadcast, EtherType 0806). */
    private static final byte[] REQUEST = HexFormat.of().parseHex((
            "ffffffffffff 000c293e5b7c 0806"            // Ethernet: broadcast, from 00:0c:29:3e:5b:7c, ARP
            + "0001 0800 06 04 0001"                    // Ethernet/IPv4, 6/4-byte addresses, request
            + "000c293e5b7c c0a80164"                   // sender 00:0c:29:3e:5b:7c 192.168.1.100
            + "000000000000 c0a80101").replace(" ", "")); // target unknown, 192.168.1.1

    @Test
    void aRealArpRequestDecodes() {
        EthernetFrame eth = EthernetFrame.decode(REQUEST, 0, REQUEST.length).orThrow();
        assertThat(eth.destination()).isEqualTo(MacAddress.BROADCAST);
        assertThat(eth.etherType()).isEqualTo(EthernetFrame.TYPE_ARP);
        ArpPacket arp = ArpPacket.decode(REQUEST, 14, REQUEST.length - 14).orThrow();
        assertThat(arp).isEqualTo(new ArpPacket(ArpPacket.REQUEST, MacAddress.parse("00:0c:29:3e:5b:7c"),
                Ipv4Address.parse("192.168.1.100"), new MacAddress(0), Ipv4Address.parse("192.168.1.1")));
    }

    @Test
    void emitWritesTheSameBytes() {
        ArpPacket arp = ArpPacket.decode(REQUEST, 14, REQUEST.length - 14).orThrow();
        byte[] out = new byte[28];
        assertThat(arp.emit(out, 0)).isEqualTo(28);
        assertThat(out).isEqualTo(Arrays.copyOfRange(REQUEST, 14, 42));
    }

    @Test
    void aFrameBuiltForTheWireIsPaddedTo60Bytes() {
        byte[] frame = EthernetFrame.arp(MacAddress.BROADCAST, MacAddress.parse("02:00:00:00:00:01"),
                ArpPacket.request(MacAddress.parse("02:00:00:00:00:01"), Ipv4Address.parse("10.0.0.1"), Ipv4Address.parse("10.0.0.2")));
        assertThat(frame).hasSize(60);
        assertThat(Arrays.copyOfRange(frame, 42, 60)).containsOnly(0);
    }

    @Test
    void everyTruncationIsMalformedNeverAnException() {
        for (int len = 0; len < 28; len++) {
            Decoded<ArpPacket> d = ArpPacket.decode(REQUEST, 14, len);
            assertThat(d).as("length %d", len).isInstanceOf(Decoded.Failure.class);
            assertThat(((Decoded.Failure<ArpPacket>) d).malformed().reason()).isEqualTo("only " + len + " bytes, a packet needs 28");
        }
    }

    @Test
    void aNonEthernetHardwareTypeIsMalformedWithTheReason() {
        byte[] tokenRing = REQUEST.clone();
        tokenRing[15] = 6;
        assertThat(ArpPacket.decode(tokenRing, 14, 28)).isEqualTo(Decoded.failure(Malformed.of("ARP", "hardware type 6 is not Ethernet (1)")));
        byte[] badOp = REQUEST.clone();
        badOp[21] = 9;
        assertThat(ArpPacket.decode(badOp, 14, 28)).isEqualTo(
                Decoded.failure(Malformed.of("ARP", "operation 9 is neither request (1) nor reply (2)")));
    }
}
