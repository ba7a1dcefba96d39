package dev.packetlab.stack.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Ipv4AndIcmpTest {
    private static byte[] hex(String s) { return HexFormat.of().parseHex(s.replace(" ", "")); }

    /** An echo request as Windows ping sends it (id 1, seq 1, data "abcdefghijklmnopqrstuvwabcdefghi"): checksum 4d5a. */
    private static final byte[] ECHO = hex("0800 4d5a 0001 0001"
            + "6162636465666768 696a6b6c6d6e6f70 7172737475767761 6263646566676869");

    /** The worked example header (checksum b861) followed by its 95 bytes of payload. */
    private static byte[] udpPacket() {
        byte[] p = new byte[0x73];
        System.arraycopy(hex("4500 0073 0000 4000 4011 b861 c0a8 0001 c0a8 00c7"), 0, p, 0, 20);
        return p;
    }

    @Test
    void aRealHeaderChecksOutAndReadsItsFields() {
        Ipv4HeaderView ip = Ipv4HeaderView.wrap(udpPacket(), 0, 0x73);
        assertThat(ip.check()).isNull();
        assertThat(ip.totalLength()).isEqualTo(115);
        assertThat(ip.dontFragment()).isTrue();
        assertThat(ip.isFragment()).isFalse();
        assertThat(ip.ttl()).isEqualTo(64);
        assertThat(ip.protocol()).isEqualTo(17);
        assertThat(ip.source()).isEqualTo(Ipv4Address.parse("192.168.0.1"));
        assertThat(ip.destination()).isEqualTo(Ipv4Address.parse("192.168.0.199"));
    }

    @Test
    void aCorruptedHeaderIsABadChecksumNamingBothValues() {
        byte[] p = udpPacket();
        p[8] = 0x3f; // TTL 63 without fixing the checksum
        Malformed m = Ipv4HeaderView.wrap(p, 0, p.length).check();
        assertThat(m.badChecksum()).isTrue();
        assertThat(m.reason()).isEqualTo("bad checksum 0xb861 (should be 0xb961)");
    }

    @Test
    void structuralDamageIsMalformedWithTheReason() {
        byte[] v6 = udpPacket();
        v6[0] = 0x65;
        assertThat(Ipv4HeaderView.wrap(v6, 0, v6.length).check()).isEqualTo(Malformed.of("IPv4", "version 6, expected 4"));
        byte[] shortIhl = udpPacket();
        shortIhl[0] = 0x44;
        assertThat(Ipv4HeaderView.wrap(shortIhl, 0, shortIhl.length).check())
                .isEqualTo(Malformed.of("IPv4", "header length 16 bytes is below 20"));
        byte[] p = udpPacket();
        assertThat(Ipv4HeaderView.wrap(p, 0, 60).check())
                .isEqualTo(Malformed.of("IPv4", "total length 115 exceeds the 60 bytes present"));
    }

    @Test
    void everyTruncationIsMalformedNeverAnException() {
        byte[] p = udpPacket();
        for (int len = 0; len < 115; len++) {
            assertThat(Ipv4HeaderView.wrap(p, 0, len).check()).as("length %d", len).isNotNull();
        }
    }

    @Test
    void writeHeaderProducesAValidHeaderWithFlagsAndFragmentFields() {
        byte[] p = new byte[40];
        Ipv4HeaderView ip = Ipv4HeaderView.wrap(p, 0, 40);
        ip.writeHeader(40, 0x1234, false, 64, 1, Ipv4Address.parse("10.0.0.1"), Ipv4Address.parse("10.0.0.2"));
        ip.setFragment(185, true);
        ip.updateChecksum();
        assertThat(ip.check()).isNull();
        assertThat(ip.fragmentOffset()).isEqualTo(185);
        assertThat(ip.moreFragments()).isTrue();
        assertThat(ip.isFragment()).isTrue();
        assertThat(ip.identification()).isEqualTo(0x1234);
    }

    @Test
    void aRealEchoRequestChecksOutAndReadsIdentifierAndSequence() {
        IcmpView icmp = IcmpView.wrap(ECHO, 0, ECHO.length);
        assertThat(icmp.check()).isNull();
        assertThat(icmp.type()).isEqualTo(8);
        assertThat(icmp.identifier()).isEqualTo(1);
        assertThat(icmp.sequence()).isEqualTo(1);
    }

    @Test
    void aCorruptedEchoIsABadChecksum() {
        byte[] e = ECHO.clone();
        e[10] = 'X';
        assertThat(IcmpView.wrap(e, 0, e.length).check().badChecksum()).isTrue();
    }

    @Test
    void fragmentationNeededCarriesTheNextHopMtuInBytes6And7() {
        byte[] m = new byte[36];
        IcmpView icmp = IcmpView.wrap(m, 0, m.length);
        icmp.setType(3);
        icmp.setCode(4);
        icmp.setNextHopMtu(576);
        icmp.updateChecksum();
        assertThat(m[6]).isEqualTo((byte) 0x02);
        assertThat(m[7]).isEqualTo((byte) 0x40);
        assertThat(icmp.check()).isNull();
    }

    @Test
    void anIcmpMessageShorterThanItsHeaderIsMalformed() {
        assertThat(IcmpView.wrap(ECHO, 0, 7).check()).isEqualTo(Malformed.of("ICMP", "only 7 bytes, a header needs 8"));
    }

    @Test
    void udpChecksumCoversThePseudoHeaderAndZeroMeansNone() {
        Ipv4Address a = Ipv4Address.parse("10.0.0.1");
        Ipv4Address b = Ipv4Address.parse("10.0.0.2");
        byte[] d = new byte[8 + 5];
        System.arraycopy("hello".getBytes(), 0, d, 8, 5);
        UdpHeaderView udp = UdpHeaderView.wrap(d, 0, d.length);
        udp.writeHeader(33434, 53, 5, a, b);
        assertThat(udp.check(a, b)).isNull();
        assertThat(udp.check(a, Ipv4Address.parse("10.0.0.3")).badChecksum()).isTrue();
        d[6] = 0;
        d[7] = 0;
        assertThat(udp.check(a, Ipv4Address.parse("10.0.0.3"))).isNull();
        assertThat(UdpHeaderView.wrap(d, 0, 7).check(a, b)).isEqualTo(Malformed.of("UDP", "only 7 bytes, a header needs 8"));
    }
}
