package dev.packetlab.stack.wire;

import static dev.packetlab.stack.wire.KnownFrames.PC_IP;
import static dev.packetlab.stack.wire.KnownFrames.ROUTER_IP;
import static dev.packetlab.stack.wire.TcpHeaderView.FLAG_ACK;
import static dev.packetlab.stack.wire.TcpHeaderView.FLAG_CWR;
import static dev.packetlab.stack.wire.TcpHeaderView.FLAG_ECE;
import static dev.packetlab.stack.wire.TcpHeaderView.FLAG_FIN;
import static dev.packetlab.stack.wire.TcpHeaderView.FLAG_PSH;
import static dev.packetlab.stack.wire.TcpHeaderView.FLAG_RST;
import static dev.packetlab.stack.wire.TcpHeaderView.FLAG_SYN;
import static dev.packetlab.stack.wire.TcpHeaderView.FLAG_URG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TcpSegmentTest {
    private static final Ipv4Address OTHER = Ipv4Address.parse("192.168.1.3");

    @Test
    void theKnownSynsChecksumsAreRightByFirstPrinciples() {
        byte[] frame = KnownTcpFrames.syn();
        assertThat(KnownFrames.referenceChecksum(frame, 14, 20)).isZero();
        assertThat(KnownTcpFrames.referenceTcpChecksum(PC_IP, ROUTER_IP, frame, 34, 40)).isZero();
        // and the checksum field itself is what the reference computes with the field zeroed
        frame[50] = 0;
        frame[51] = 0;
        assertThat(KnownTcpFrames.referenceTcpChecksum(PC_IP, ROUTER_IP, frame, 34, 40)).isEqualTo(0x17bf);
    }

    @Test
    void theKnownSynsViewReadsEveryField() {
        byte[] s = KnownTcpFrames.synSegment();
        TcpHeaderView v = TcpHeaderView.wrap(s, 0, s.length);
        assertThat(v.check(PC_IP, ROUTER_IP)).isNull();
        assertThat(v.sourcePort()).isEqualTo(52000);
        assertThat(v.destinationPort()).isEqualTo(80);
        assertThat(v.sequenceNumber()).isEqualTo(123456L);
        assertThat(v.acknowledgmentNumber()).isZero();
        assertThat(v.dataOffset()).isEqualTo(10);
        assertThat(v.headerLength()).isEqualTo(40);
        assertThat(v.flags()).isEqualTo(FLAG_SYN);
        assertThat(v.syn()).isTrue();
        assertThat(v.ack() || v.fin() || v.rst() || v.psh() || v.urg() || v.ece() || v.cwr()).isFalse();
        assertThat(v.window()).isEqualTo(64240);
        assertThat(v.checksum()).isEqualTo(0x17bf);
        assertThat(v.expectedChecksum(PC_IP, ROUTER_IP)).isEqualTo(0x17bf);
        assertThat(v.urgentPointer()).isZero();
        assertThat(v.optionsOffset()).isEqualTo(20);
        assertThat(v.optionsLength()).isEqualTo(20);
        assertThat(v.payloadOffset()).isEqualTo(40);
        assertThat(v.payloadLength()).isZero();
    }

    @Test
    void theKnownSynDecodesToItsRecord() {
        byte[] s = KnownTcpFrames.synSegment();
        assertThat(TcpSegment.decode(s, 0, s.length, PC_IP, ROUTER_IP)).isEqualTo(Decoded.of(KnownTcpFrames.synRecord()));
        assertThat(KnownTcpFrames.synRecord().options()).isEqualTo(new TcpOptions(1460, 7, true,
                new TcpOptions.Timestamps(1000, 0), List.of()));
    }

    @Test
    void emitWritesTheKnownSynByteForByte() {
        assertThat(KnownTcpFrames.synRecord().toBytes(PC_IP, ROUTER_IP)).isEqualTo(KnownTcpFrames.synSegment());
    }

    @Test
    void theFrameBuilderBuildsTheKnownSynFrameInOnePass() {
        byte[] frame = FrameBuilder.ethernet(KnownFrames.ROUTER_MAC, KnownFrames.PC_MAC).ipv4(PC_IP, ROUTER_IP)
                .identification(0x4d2e).dontFragment(true).tcp(KnownTcpFrames.synRecord());
        assertThat(frame).isEqualTo(KnownTcpFrames.syn());
    }

    @Test
    void aSmallSegmentIsPaddedTo60BytesAndDecodesWithoutThePadding() {
        TcpSegment ack = KnownTcpFrames.segment(FLAG_ACK, 123457, 9001, 502, TcpOptions.NONE, "");
        byte[] frame = FrameBuilder.ethernet(KnownFrames.ROUTER_MAC, KnownFrames.PC_MAC).ipv4(PC_IP, ROUTER_IP).tcp(ack);
        assertThat(frame).hasSize(60);
        Ipv4HeaderView ip = Ipv4HeaderView.wrap(frame, 14, frame.length - 14);
        assertThat(ip.protocol()).isEqualTo(6);
        assertThat(ip.payloadLength()).isEqualTo(20);
        assertThat(TcpSegment.decode(frame, ip.payloadOffset(), ip.payloadLength(), PC_IP, ROUTER_IP)).isEqualTo(Decoded.of(ack));
    }

    @Test
    void emitThenDecodeRoundTripsAtAnOffsetWithDataAndUnsignedNumbers() {
        TcpSegment s = new TcpSegment(65535, 1, 0xffff_ffffL, 0x8000_0000L, FLAG_PSH | FLAG_ACK | FLAG_URG, 65535, 3,
                TcpOptions.NONE.withTimestamps(0xffff_fffeL, 0x8000_0001L), Payload.ascii("odd length!"));
        byte[] b = new byte[80];
        assertThat(s.emit(b, 7, PC_IP, OTHER)).isEqualTo(20 + 12 + 11);
        TcpHeaderView v = TcpHeaderView.wrap(b, 7, 43);
        assertThat(v.sequenceNumber()).isEqualTo(4294967295L);
        assertThat(v.acknowledgmentNumber()).isEqualTo(2147483648L);
        assertThat(KnownTcpFrames.referenceTcpChecksum(PC_IP, OTHER, b, 7, 43)).isZero();
        assertThat(TcpSegment.decode(b, 7, 43, PC_IP, OTHER)).isEqualTo(Decoded.of(s));
    }

    @Test
    void theChecksumCoversThePseudoHeaderSoOtherAddressesAreABadChecksum() {
        byte[] s = KnownTcpFrames.synSegment();
        Malformed m = TcpSegment.decode(s, 0, s.length, PC_IP, OTHER).malformedOrNull();
        // 192.168.1.3 adds 2 to the sum, so the checksum should be 2 less
        assertThat(m).isEqualTo(new Malformed("TCP", "bad checksum 0x17bf (should be 0x17bd)", true));
    }

    @Test
    void dataWrittenStraightIntoTheBytesGivesTheSameSegmentAsAPayload() {
        TcpOptions ts = TcpOptions.NONE.withTimestamps(7, 3);
        byte[] expected = KnownTcpFrames.segment(FLAG_PSH | FLAG_ACK, 1, 1, 100, ts, "hello").toBytes(PC_IP, ROUTER_IP);
        byte[] source = "..hello..".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] direct = KnownTcpFrames.segment(FLAG_PSH | FLAG_ACK, 1, 1, 100, ts, "")
                .toBytes(PC_IP, ROUTER_IP, 5, (dst, at) -> System.arraycopy(source, 2, dst, at, 5));
        assertThat(direct).isEqualTo(expected);
        assertThatThrownBy(() -> KnownTcpFrames.segment(FLAG_ACK, 1, 1, 100, ts, "x").toBytes(PC_IP, ROUTER_IP, 5, (d, a) -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the segment already carries 1 bytes");
    }

    @Test
    void aFlippedBitInTheDataIsABadChecksum() {
        byte[] s = KnownTcpFrames.segment(FLAG_PSH | FLAG_ACK, 1, 1, 100, TcpOptions.NONE, "hello").toBytes(PC_IP, ROUTER_IP);
        int good = TcpHeaderView.wrap(s, 0, s.length).checksum();
        s[21] ^= 0x01; // "hello" → "hdllo": the word "he" drops by 1, so the checksum rises by 1
        Malformed m = TcpSegment.decode(s, 0, s.length, PC_IP, ROUTER_IP).malformedOrNull();
        assertThat(m.badChecksum()).isTrue();
        assertThat(m.reason()).isEqualTo(String.format("bad checksum 0x%04x (should be 0x%04x)", good, good + 1));
    }

    @Test
    void aDataOffsetBelowFiveIsMalformed() {
        for (int offset = 0; offset < 5; offset++) {
            byte[] s = KnownTcpFrames.synSegment();
            s[12] = (byte) (offset << 4);
            assertThat(TcpSegment.decode(s, 0, s.length, PC_IP, ROUTER_IP)).as("data offset %d", offset).isEqualTo(Decoded.failure(
                    "TCP", "data offset " + offset + " (" + offset * 4 + " bytes) is below 5 (20 bytes)"));
        }
    }

    @Test
    void aHeaderLongerThanTheSegmentIsMalformed() {
        byte[] s = KnownTcpFrames.synSegment();
        s[12] = (byte) 0xf0;
        assertThat(TcpSegment.decode(s, 0, s.length, PC_IP, ROUTER_IP))
                .isEqualTo(Decoded.failure("TCP", "header length 60 exceeds the 40 bytes present"));
    }

    @Test
    void everyTruncationIsMalformedNamingWhatIsMissing() {
        byte[] s = KnownTcpFrames.synSegment();
        for (int len = 0; len < 40; len++) {
            Malformed expected = len < 20 ? new Malformed("TCP", "only " + len + " bytes, a header needs 20")
                    : new Malformed("TCP", "header length 40 exceeds the " + len + " bytes present");
            assertThat(TcpSegment.decode(s, 0, len, PC_IP, ROUTER_IP)).as("length %d", len).isEqualTo(Decoded.failure(expected));
            assertThat(TcpOptions.parse(TcpHeaderView.wrap(s, 0, len))).as("options, length %d", len).isEqualTo(Decoded.failure(expected));
        }
        // a range past the buffer's end is seen as truncated, not read out of bounds
        assertThat(TcpSegment.decode(s, 30, 40, PC_IP, ROUTER_IP).malformedOrNull())
                .isEqualTo(new Malformed("TCP", "only 10 bytes, a header needs 20"));
        assertThat(TcpSegment.decode(s, -1, 40, PC_IP, ROUTER_IP).malformedOrNull())
                .isEqualTo(new Malformed("TCP", "only 0 bytes, a header needs 20"));
    }

    @Test
    void everyFlagHasItsBitItsGetterAndItsWiresharkName() {
        int[] flags = {FLAG_FIN, FLAG_SYN, FLAG_RST, FLAG_PSH, FLAG_ACK, FLAG_URG, FLAG_ECE, FLAG_CWR};
        String[] names = {"FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR"};
        byte[] s = new byte[20];
        TcpHeaderView v = TcpHeaderView.wrap(s, 0, 20);
        for (int i = 0; i < flags.length; i++) {
            assertThat(flags[i]).isEqualTo(1 << i);
            v.setFlags(flags[i]);
            assertThat(s[13]).isEqualTo((byte) (1 << i));
            assertThat(List.of(v.fin(), v.syn(), v.rst(), v.psh(), v.ack(), v.urg(), v.ece(), v.cwr()))
                    .as(names[i]).containsExactly(i == 0, i == 1, i == 2, i == 3, i == 4, i == 5, i == 6, i == 7);
            assertThat(TcpHeaderView.flagNames(flags[i])).isEqualTo(names[i]);
        }
        assertThat(TcpHeaderView.flagNames(FLAG_SYN | FLAG_ACK)).isEqualTo("SYN, ACK");
        assertThat(TcpHeaderView.flagNames(FLAG_FIN | FLAG_PSH | FLAG_ACK)).isEqualTo("FIN, PSH, ACK");
        assertThat(TcpHeaderView.flagNames(FLAG_SYN | FLAG_ECE | FLAG_CWR)).isEqualTo("SYN, ECE, CWR");
        assertThat(TcpHeaderView.flagNames(0)).isEmpty();
    }

    @Test
    void settersWriteTheFieldsWhereRfc9293PutsThem() {
        byte[] s = new byte[20];
        TcpHeaderView v = TcpHeaderView.wrap(s, 0, 20);
        s[12] = 0x0f; // reserved bits: setHeaderLength clears them
        v.setSourcePort(0x1234);
        v.setDestinationPort(0x5678);
        v.setSequenceNumber(0x9abc_def0L);
        v.setAcknowledgmentNumber(0x0102_0304L);
        v.setHeaderLength(20);
        v.setFlags(FLAG_SYN | FLAG_ACK);
        v.setWindow(0xfedc);
        v.setChecksum(0xba98);
        v.setUrgentPointer(0x7654);
        assertThat(s).isEqualTo(KnownFrames.hex("1234 5678 9abcdef0 01020304 5012 fedc ba98 7654"));
    }

    @Test
    void sequenceLengthCountsSynAndFinAsOneEach() {
        assertThat(KnownTcpFrames.synRecord().sequenceLength()).isEqualTo(1);
        assertThat(KnownTcpFrames.segment(FLAG_ACK, 1, 1, 1, TcpOptions.NONE, "").sequenceLength()).isZero();
        assertThat(KnownTcpFrames.segment(FLAG_FIN | FLAG_PSH | FLAG_ACK, 1, 1, 1, TcpOptions.NONE, "bye").sequenceLength()).isEqualTo(4);
        assertThat(KnownTcpFrames.synRecord().has(FLAG_SYN)).isTrue();
        assertThat(KnownTcpFrames.synRecord().has(FLAG_SYN | FLAG_ACK)).isFalse();
    }

    @Test
    void aRecordRejectsValuesItsFieldsCannotHold() {
        TcpOptions o = TcpOptions.NONE;
        Payload p = Payload.EMPTY;
        assertThatThrownBy(() -> new TcpSegment(65536, 80, 0, 0, 0, 0, 0, o, p)).hasMessage("source port must be 0..65535, got 65536");
        assertThatThrownBy(() -> new TcpSegment(1, -1, 0, 0, 0, 0, 0, o, p)).hasMessage("destination port must be 0..65535, got -1");
        assertThatThrownBy(() -> new TcpSegment(1, 80, 1L << 32, 0, 0, 0, 0, o, p))
                .hasMessage("sequence number must be 0..4294967295, got 4294967296");
        assertThatThrownBy(() -> new TcpSegment(1, 80, 0, -1, 0, 0, 0, o, p))
                .hasMessage("acknowledgment number must be 0..4294967295, got -1");
        assertThatThrownBy(() -> new TcpSegment(1, 80, 0, 0, 0x100, 0, 0, o, p)).hasMessage("flags must be 8 bits, got 0x100");
        assertThatThrownBy(() -> new TcpSegment(1, 80, 0, 0, 0, 65536, 0, o, p)).hasMessage("window must be 0..65535, got 65536");
        assertThatThrownBy(() -> new TcpSegment(1, 80, 0, 0, 0, 0, 0, o, Payload.of(new byte[65496])))
                .hasMessage("65496 bytes of data and 0 of options exceed the 65495 an IPv4 packet holds");
        assertThat(new TcpSegment(1, 80, 0, 0, 0, 0, 0, o, Payload.of(new byte[65495])).length()).isEqualTo(65515);
    }

    @Test
    void bytesPastTheSegmentAreNotReadAsData() {
        byte[] s = Arrays.copyOf(KnownTcpFrames.synSegment(), 60);
        assertThat(TcpSegment.decode(s, 0, 40, PC_IP, ROUTER_IP)).isEqualTo(Decoded.of(KnownTcpFrames.synRecord()));
    }
}
