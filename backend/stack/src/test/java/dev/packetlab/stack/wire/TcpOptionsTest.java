package dev.packetlab.stack.wire;

import static dev.packetlab.stack.wire.KnownFrames.PC_IP;
import static dev.packetlab.stack.wire.KnownFrames.ROUTER_IP;
import static dev.packetlab.stack.wire.KnownFrames.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class TcpOptionsTest {
    private static final List<TcpOptions.SackBlock> BLOCKS = List.of(new TcpOptions.SackBlock(1000, 2000),
            new TcpOptions.SackBlock(0xffff_ff00L, 0x10L), new TcpOptions.SackBlock(5000, 6000));

    private static String emitted(TcpOptions o) {
        byte[] b = new byte[o.length()];
        assertThat(o.emit(b, 0)).isEqualTo(b.length);
        return HexFormat.of().formatHex(b);
    }

    /** A 20-byte header followed by {@code options} (hex, a multiple of 4 bytes), checksum unset. */
    private static TcpHeaderView headerWithOptions(String options) {
        byte[] o = hex(options);
        byte[] s = new byte[20 + o.length];
        System.arraycopy(o, 0, s, 20, o.length);
        TcpHeaderView v = TcpHeaderView.wrap(s, 0, s.length);
        v.setHeaderLength(s.length);
        return v;
    }

    private static Decoded<TcpOptions> parse(String options) { return TcpOptions.parse(headerWithOptions(options)); }

    @Test
    void aLinuxSynCarriesMssSackPermittedTimestampsAndWindowScaleInTwentyBytes() {
        TcpOptions syn = KnownTcpFrames.linuxSynOptions(0x11223344L);
        assertThat(syn.length()).isEqualTo(20);
        assertThat(emitted(syn)).isEqualTo("020405b4" + "0402080a" + "11223344" + "00000000" + "01030307");
    }

    @Test
    void eachOptionAloneIsPaddedWithNopsAsLinuxDoes() {
        assertThat(emitted(TcpOptions.NONE)).isEmpty();
        assertThat(emitted(TcpOptions.NONE.withMss(536))).isEqualTo("02040218");
        assertThat(emitted(TcpOptions.NONE.withSackPermitted(true))).isEqualTo("01010402");
        assertThat(emitted(TcpOptions.NONE.withTimestamps(7, 9))).isEqualTo("0101080a0000000700000009");
        assertThat(emitted(TcpOptions.NONE.withWindowScale(14))).isEqualTo("0103030e");
        assertThat(emitted(TcpOptions.NONE.withSackBlocks(BLOCKS.subList(0, 1)))).isEqualTo("0101050a000003e8000007d0");
        // an established segment: timestamps, then two SACK blocks
        assertThat(emitted(TcpOptions.NONE.withTimestamps(1, 2).withSackBlocks(BLOCKS.subList(0, 2))))
                .isEqualTo("0101080a0000000100000002" + "01010512000003e8000007d0ffffff0000000010");
    }

    @Test
    void everyCombinationOfOptionsRoundTripsThroughASegment() {
        int combinations = 0;
        for (int mask = 0; mask < 16; mask++) {
            for (int blocks = 0; blocks <= 3; blocks++) {
                TcpOptions o = TcpOptions.NONE;
                if ((mask & 1) != 0) o = o.withMss(1460);
                if ((mask & 2) != 0) o = o.withWindowScale(7);
                if ((mask & 4) != 0) o = o.withSackPermitted(true);
                if ((mask & 8) != 0) o = o.withTimestamps(0xdead_beefL, 42);
                if (o.length() + 4 + 8 * blocks > TcpOptions.MAX_LENGTH) continue;
                o = o.withSackBlocks(BLOCKS.subList(0, blocks));
                assertThat(o.length() % 4).as("%s", o).isZero();
                TcpSegment s = KnownTcpFrames.segment(TcpHeaderView.FLAG_ACK, 1, 2, 3, o, "data");
                byte[] b = s.toBytes(PC_IP, ROUTER_IP);
                assertThat(b).hasSize(20 + o.length() + 4);
                assertThat(TcpSegment.decode(b, 0, b.length, PC_IP, ROUTER_IP)).as("%s", o).isEqualTo(Decoded.of(s));
                combinations++;
            }
        }
        assertThat(combinations).isEqualTo(58); // 64 less the six that need more than 40 bytes
    }

    @Test
    void otherHostsLayoutsParseToo() {
        // Windows: MSS, NOP, window scale 8, NOP NOP SACK-permitted
        assertThat(parse("020405b4 01030308 01010402"))
                .isEqualTo(Decoded.of(TcpOptions.NONE.withMss(1460).withWindowScale(8).withSackPermitted(true)));
        // macOS: MSS, NOP wscale 6, NOP NOP timestamps, SACK-permitted, EOL EOL
        assertThat(parse("020405b4 01030306 0101080a 3b9aca00 00000000 04020000"))
                .isEqualTo(Decoded.of(TcpOptions.NONE.withMss(1460).withWindowScale(6).withTimestamps(1_000_000_000L, 0)
                        .withSackPermitted(true)));
    }

    @Test
    void endOfOptionListEndsTheListAndWhatFollowsIsPadding() {
        assertThat(parse("020405b4 00ff0102")).isEqualTo(Decoded.of(TcpOptions.NONE.withMss(1460)));
    }

    @Test
    void unknownKindsAreSkippedByTheirLength() {
        // TCP Fast Open cookie (kind 34, RFC 7413) between MSS and window scale
        assertThat(parse("020405b4 220a0102 03040506 07080103 03070000"))
                .isEqualTo(Decoded.of(TcpOptions.NONE.withMss(1460).withWindowScale(7)));
    }

    @Test
    void badOptionLengthsAreMalformedNamingTheOptionAndItsByte() {
        assertThat(parse("02010000").malformedOrNull()).isEqualTo(Malformed.of("TCP", "option kind 2 at byte 20 has length 1, below 2"));
        assertThat(parse("01010800").malformedOrNull()).isEqualTo(Malformed.of("TCP", "option kind 8 at byte 22 has length 0, below 2"));
        assertThat(parse("0205 05b4 0000 0000").malformedOrNull())
                .isEqualTo(Malformed.of("TCP", "MSS option at byte 20 has length 5, expected 4"));
        assertThat(parse("0103 0400 0000 0000").malformedOrNull())
                .isEqualTo(Malformed.of("TCP", "Window scale option at byte 21 has length 4, expected 3"));
        assertThat(parse("04030000").malformedOrNull())
                .isEqualTo(Malformed.of("TCP", "SACK permitted option at byte 20 has length 3, expected 2"));
        assertThat(parse("0101 0808 0000 0000 0000 0000").malformedOrNull())
                .isEqualTo(Malformed.of("TCP", "Timestamps option at byte 22 has length 8, expected 10"));
        assertThat(parse("0101 0506 0000 0000").malformedOrNull())
                .isEqualTo(Malformed.of("TCP", "SACK option at byte 22 has length 6, expected 2 + 8 per block"));
        assertThat(parse("0101 050e 0000 0000 0000 0000 0000 0000").malformedOrNull())
                .isEqualTo(Malformed.of("TCP", "SACK option at byte 22 has length 14, expected 2 + 8 per block"));
    }

    @Test
    void anOptionRunningPastTheHeaderIsMalformed() {
        assertThat(parse("0101 1e08 0000 0000").malformedOrNull())
                .isEqualTo(Malformed.of("TCP", "option kind 30 at byte 22 of length 8 runs past the 28-byte header"));
        assertThat(parse("0101 080a 0000 0000").malformedOrNull())
                .isEqualTo(Malformed.of("TCP", "option kind 8 at byte 22 of length 10 runs past the 28-byte header"));
        assertThat(parse("01010102").malformedOrNull())
                .isEqualTo(Malformed.of("TCP", "option kind 2 at byte 23 has no length byte"));
    }

    @Test
    void aSegmentWithBadOptionsFailsToDecodeEvenWithARightChecksum() {
        byte[] frame = KnownTcpFrames.syn();
        frame[55] = 5; // MSS length 4 → 5
        byte[] fixed = KnownTcpFrames.withFixedChecksum(frame, PC_IP, ROUTER_IP);
        assertThat(TcpSegment.decode(fixed, 34, 40, PC_IP, ROUTER_IP))
                .isEqualTo(Decoded.failure("TCP", "MSS option at byte 20 has length 5, expected 4"));
    }

    @Test
    void aRepeatedOptionKeepsTheLaterValue() {
        assertThat(parse("02040218 020405b4")).isEqualTo(Decoded.of(TcpOptions.NONE.withMss(1460)));
    }

    @Test
    void fourSackBlocksFitWhenNothingElseIsSent() {
        List<TcpOptions.SackBlock> four = List.of(new TcpOptions.SackBlock(1, 2), new TcpOptions.SackBlock(3, 4),
                new TcpOptions.SackBlock(5, 6), new TcpOptions.SackBlock(7, 8));
        TcpOptions o = TcpOptions.NONE.withSackBlocks(four);
        assertThat(o.length()).isEqualTo(36);
        assertThat(parse(emitted(o))).isEqualTo(Decoded.of(o));
    }

    @Test
    void optionsThatNeedMoreThanFortyBytesAreRejected() {
        assertThatThrownBy(() -> TcpOptions.NONE.withTimestamps(1, 1).withSackBlocks(
                        List.of(new TcpOptions.SackBlock(1, 2), new TcpOptions.SackBlock(3, 4), new TcpOptions.SackBlock(5, 6),
                                new TcpOptions.SackBlock(7, 8))))
                .hasMessage("options need 48 bytes, more than the 40 a header holds");
        assertThatThrownBy(() -> TcpOptions.NONE.withMss(65536)).hasMessage("MSS must be 0..65535 or -1 for none, got 65536");
        assertThatThrownBy(() -> TcpOptions.NONE.withWindowScale(256)).hasMessage("window scale must be 0..255 or -1 for none, got 256");
        assertThatThrownBy(() -> TcpOptions.NONE.withTimestamps(1L << 32, 0)).hasMessage("TSval must be 32 bits, got 4294967296");
    }
}
