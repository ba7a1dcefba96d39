package dev.packetlab.stack.wire;

import static dev.packetlab.stack.wire.KnownFrames.hex;
import static dev.packetlab.stack.wire.KnownFrames.referenceChecksum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Ipv4PacketTest {
    /** The header of the Wikipedia "IPv4 header checksum" worked example (checksum 0xb861) and 95 bytes of payload. */
    private static byte[] wikipediaPacket() {
        byte[] p = new byte[0x73];
        System.arraycopy(hex("4500 0073 0000 4000 4011 b861 c0a8 0001 c0a8 00c7"), 0, p, 0, 20);
        return p;
    }

    private static Malformed check(byte[] p, int len) { return Ipv4HeaderView.wrap(p, 0, len).check(); }

    @Test
    void theKnownVectorsChecksumsAreRightByFirstPrinciples() {
        assertThat(referenceChecksum(wikipediaPacket(), 0, 20)).isZero();
        assertThat(referenceChecksum(KnownFrames.echoRequest(), 14, 20)).isZero();
        assertThat(referenceChecksum(KnownFrames.echoReply(), 14, 20)).isZero();
        assertThat(referenceChecksum(KnownFrames.udpHello(), 14, 20)).isZero();
    }

    @Test
    void aRealHeaderChecksOutAndReadsEveryField() {
        Ipv4HeaderView ip = Ipv4HeaderView.wrap(wikipediaPacket(), 0, 0x73);
        assertThat(ip.check()).isNull();
        assertThat(ip.version()).isEqualTo(4);
        assertThat(ip.headerLength()).isEqualTo(20);
        assertThat(ip.dscp()).isZero();
        assertThat(ip.ecn()).isZero();
        assertThat(ip.totalLength()).isEqualTo(115);
        assertThat(ip.identification()).isZero();
        assertThat(ip.dontFragment()).isTrue();
        assertThat(ip.moreFragments()).isFalse();
        assertThat(ip.fragmentOffset()).isZero();
        assertThat(ip.isFragment()).isFalse();
        assertThat(ip.ttl()).isEqualTo(64);
        assertThat(ip.protocol()).isEqualTo(Ipv4HeaderView.PROTOCOL_UDP);
        assertThat(ip.checksum()).isEqualTo(0xb861);
        assertThat(ip.expectedChecksum()).isEqualTo(0xb861);
        assertThat(ip.source()).isEqualTo(Ipv4Address.parse("192.168.0.1"));
        assertThat(ip.destination()).isEqualTo(Ipv4Address.parse("192.168.0.199"));
        assertThat(ip.sourceBits()).isEqualTo(0xc0a8_0001);
        assertThat(ip.payloadOffset()).isEqualTo(20);
        assertThat(ip.payloadLength()).isEqualTo(95);
    }

    @Test
    void aRealEchoRequestDecodesAsAPacketWithoutItsEthernetHeader() {
        byte[] frame = KnownFrames.echoRequest();
        Ipv4Packet p = Ipv4Packet.decode(frame, 14, frame.length - 14).orThrow();
        assertThat(p).isEqualTo(new Ipv4Packet(0, 0, 0x1a2b, false, false, 0, 128, Ipv4HeaderView.PROTOCOL_ICMP,
                KnownFrames.PC_IP, KnownFrames.ROUTER_IP, Payload.copyOf(frame, 34, 40)));
        assertThat(p.totalLength()).isEqualTo(60);
        assertThat(p.toBytes()).isEqualTo(Arrays.copyOfRange(frame, 14, 74));
    }

    @Test
    void ethernetPaddingAfterTheTotalLengthIsNotTakenForPayload() {
        byte[] frame = KnownFrames.udpHello(); // 33-byte packet in a 60-byte frame
        Ipv4Packet p = Ipv4Packet.decode(frame, 14, 46).orThrow();
        assertThat(p.payload().length()).isEqualTo(13);
        assertThat(p.payload()).isEqualTo(Payload.copyOf(frame, 34, 13));
    }

    @Test
    void aCorruptedHeaderIsABadChecksumNamingBothValuesNotMalformed() {
        byte[] p = wikipediaPacket();
        p[8] = 0x3f; // TTL 63 without fixing the checksum
        Malformed m = check(p, p.length);
        assertThat(m).isEqualTo(new Malformed("IPv4", "bad checksum 0xb861 (should be 0xb961)", true));
        assertThat(Ipv4Packet.decode(p, 0, p.length).malformedOrNull().badChecksum()).isTrue();
        assertThat(Ipv4HeaderView.wrap(p, 0, p.length).checkStructure()).isNull();
    }

    @Test
    void version6IsMalformed() {
        byte[] v6 = wikipediaPacket();
        v6[0] = 0x65;
        assertThat(check(v6, v6.length)).isEqualTo(new Malformed("IPv4", "version 6, expected 4"));
    }

    @Test
    void anIhlBelowFiveIsMalformed() {
        byte[] shortIhl = wikipediaPacket();
        shortIhl[0] = 0x44;
        assertThat(check(shortIhl, shortIhl.length)).isEqualTo(new Malformed("IPv4", "header length 16 bytes (IHL 4) is below 20"));
        shortIhl[0] = 0x40;
        assertThat(check(shortIhl, shortIhl.length)).isEqualTo(new Malformed("IPv4", "header length 0 bytes (IHL 0) is below 20"));
    }

    @Test
    void aTotalLengthBeyondTheBytesCapturedIsMalformed() {
        byte[] p = wikipediaPacket();
        assertThat(check(p, 60)).isEqualTo(new Malformed("IPv4", "total length 115 exceeds the 60 bytes captured"));
        p[2] = 0x0f;
        p[3] = (byte) 0xa0; // 4000
        assertThat(check(p, p.length)).isEqualTo(new Malformed("IPv4", "total length 4000 exceeds the 115 bytes captured"));
    }

    @Test
    void aTotalLengthBelowTheHeaderLengthIsMalformed() {
        byte[] p = wikipediaPacket();
        Ipv4HeaderView ip = Ipv4HeaderView.wrap(p, 0, p.length);
        ip.setTotalLength(19);
        ip.updateChecksum();
        assertThat(ip.check()).isEqualTo(new Malformed("IPv4", "total length 19 is less than the header length 20"));
    }

    @Test
    void aHeaderLengthBeyondTheBytesCapturedIsMalformed() {
        byte[] p = wikipediaPacket();
        p[0] = 0x4f;
        assertThat(check(p, 40)).isEqualTo(new Malformed("IPv4", "header length 60 exceeds the 40 bytes captured"));
    }

    @Test
    void everyTruncationOfARealPacketIsMalformedNeverAnException() {
        byte[] frame = KnownFrames.echoRequest();
        for (int len = 0; len < 60; len++) {
            Malformed expected = len < 20 ? new Malformed("IPv4", "only " + len + " bytes, a header needs 20")
                    : new Malformed("IPv4", "total length 60 exceeds the " + len + " bytes captured");
            assertThat(Ipv4Packet.decode(frame, 14, len)).as("length %d", len).isEqualTo(Decoded.failure(expected));
        }
        assertThat(Ipv4Packet.decode(frame, 14, 60).isSuccess()).isTrue();
    }

    @Test
    void optionsAreSkippedNotInterpreted() {
        byte[] p = new byte[24 + 4];
        Ipv4HeaderView ip = Ipv4HeaderView.wrap(p, 0, p.length);
        ip.writeHeader(28, 9, false, 1, 253, KnownFrames.UDP_SOURCE, KnownFrames.UDP_DESTINATION);
        ip.setVersionAndHeaderLength(24);
        p[20] = (byte) 0x94; // RFC 2113 Router Alert, 4 bytes
        p[21] = 4;
        System.arraycopy(hex("cafebabe"), 0, p, 24, 4);
        ip.updateChecksum();
        assertThat(ip.check()).isNull();
        assertThat(ip.headerLength()).isEqualTo(24);
        Ipv4Packet decoded = Ipv4Packet.decode(p, 0, p.length).orThrow();
        assertThat(decoded.payload()).isEqualTo(Payload.of(hex("cafebabe")));
        assertThat(decoded.protocol()).isEqualTo(253);
        assertThat(decoded.toBytes()).hasSize(24); // re-emitted without the option
    }

    @Test
    void flagsAndFragmentOffsetSitInBytesSixAndSeven() {
        byte[] p = new byte[40];
        Ipv4HeaderView ip = Ipv4HeaderView.wrap(p, 0, 40);
        ip.writeHeader(40, 0x1234, false, 64, 1, KnownFrames.UDP_SOURCE, KnownFrames.UDP_DESTINATION);
        ip.setFragment(185, true); // offset 1480 bytes
        ip.updateChecksum();
        assertThat(ip.check()).isNull();
        assertThat(p[6]).isEqualTo((byte) 0x20);
        assertThat(p[7]).isEqualTo((byte) 0xb9);
        assertThat(ip.fragmentOffset()).isEqualTo(185);
        assertThat(ip.moreFragments()).isTrue();
        assertThat(ip.dontFragment()).isFalse();
        assertThat(ip.isFragment()).isTrue();
        ip.setDontFragment(true);
        assertThat(p[6]).isEqualTo((byte) 0x60);
        ip.setFragment(0, false);
        assertThat(p[6]).isEqualTo((byte) 0x40);
        assertThat(p[7]).isZero();
        assertThat(ip.isFragment()).isFalse();
    }

    @Test
    void dscpAndEcnShareTheSecondByte() {
        byte[] p = new byte[20];
        Ipv4HeaderView ip = Ipv4HeaderView.wrap(p, 0, 20);
        ip.setDscpEcn(46, 1); // EF (RFC 3246), ECT(1)
        assertThat(p[1]).isEqualTo((byte) 0xb9);
        assertThat(ip.tos()).isEqualTo(0xb9);
        assertThat(ip.dscp()).isEqualTo(46);
        assertThat(ip.ecn()).isEqualTo(1);
    }

    @Test
    void everyFieldSurvivesEmitThenDecode() {
        Ipv4Packet p = new Ipv4Packet(46, 2, 0xbeef, true, true, 0x1fff, 255, 17, Ipv4Address.parse("172.16.0.1"),
                Ipv4Address.BROADCAST, Payload.ascii("payload"));
        byte[] b = new byte[40];
        assertThat(p.emit(b, 3)).isEqualTo(27);
        assertThat(referenceChecksum(b, 3, 20)).isZero();
        assertThat(Ipv4Packet.decode(b, 3, 27)).isEqualTo(Decoded.of(p));
        Ipv4Packet empty = Ipv4Packet.of(Ipv4Address.ANY, Ipv4Address.BROADCAST, 1, 0, Payload.EMPTY);
        assertThat(Ipv4Packet.decode(empty.toBytes(), 0, 20)).isEqualTo(Decoded.of(empty));
    }

    @Test
    void aRecordRejectsFieldsThatDoNotFitTheHeader() {
        Payload none = Payload.EMPTY;
        Ipv4Address a = Ipv4Address.ANY;
        assertThatThrownBy(() -> new Ipv4Packet(64, 0, 0, false, false, 0, 64, 1, a, a, none)).hasMessage("DSCP must be 0..63, got 64");
        assertThatThrownBy(() -> new Ipv4Packet(0, 0, 0, false, false, 8192, 64, 1, a, a, none))
                .hasMessage("fragment offset must be 0..8191 units, got 8192");
        assertThatThrownBy(() -> new Ipv4Packet(0, 0, 0, false, false, 0, 256, 1, a, a, none)).hasMessage("TTL must be 0..255, got 256");
        assertThatThrownBy(() -> Ipv4Packet.of(a, a, 1, 64, Payload.of(new byte[65_516])))
                .hasMessage("payload of 65516 bytes exceeds the 65515 an IPv4 packet holds");
    }

    @Test
    void decrementingTtlPatchesTheChecksumIncrementally() {
        byte[] frame = KnownFrames.echoRequest();
        Ipv4HeaderView ip = Ipv4HeaderView.wrap(frame, 14, 60);
        ip.decrementTtl();
        assertThat(ip.ttl()).isEqualTo(127);
        assertThat(ip.check()).isNull();
        assertThat(ip.checksum()).isEqualTo(0x9de0); // one less in the TTL's high byte: 0x0100 more in the checksum
    }

    @Test
    void settingTtlIncrementallyEqualsAFullRecomputeForEveryTtlOnRandomHeaders() {
        Random random = new Random(791);
        byte[] p = new byte[20];
        Ipv4HeaderView ip = Ipv4HeaderView.wrap(p, 0, 20);
        for (int trial = 0; trial < 300; trial++) {
            random.nextBytes(p);
            p[0] = 0x45;
            ip.setTotalLength(20);
            ip.updateChecksum();
            for (int ttl = 0; ttl < 256; ttl++) {
                ip.setTtlPatchingChecksum(ttl);
                int incremental = ip.checksum();
                assertThat(incremental).as("ttl %d", ttl).isEqualTo(ip.expectedChecksum());
                assertThat(ip.check()).isNull();
            }
        }
    }
}
