package dev.packetlab.stack.wire;

import static dev.packetlab.stack.wire.KnownFrames.PC_IP;
import static dev.packetlab.stack.wire.KnownFrames.ROUTER_IP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** No exception escapes TCP decoding, checking, option parsing or dissection, whatever the header holds. */
class TcpFuzzTest {
    /** A random header: any data offset, options built from real and nonsense kinds and lengths, some data. */
    private static byte[] randomSegment(Random r) {
        byte[] s = new byte[r.nextInt(100)];
        r.nextBytes(s);
        if (s.length > 12) s[12] = (byte) ((r.nextInt(16) << 4) | (r.nextInt(8) == 0 ? r.nextInt(16) : 0));
        for (int at = 20; at < s.length && at < 60; ) {
            int kind = switch (r.nextInt(9)) {
                case 0 -> 0;
                case 1, 2 -> 1;
                case 3 -> 2;
                case 4 -> 3;
                case 5 -> 4;
                case 6 -> 5;
                case 7 -> 8;
                default -> r.nextInt(256);
            };
            s[at] = (byte) kind;
            if (kind <= 1 || at + 1 >= s.length) {
                at++;
                continue;
            }
            int length = r.nextInt(4) == 0 ? r.nextInt(256) : TcpOptions.fixedLength(kind) + (r.nextInt(3) == 0 ? 8 * r.nextInt(4) + 2 : 0);
            s[at + 1] = (byte) length;
            at += Math.max(2, length);
        }
        return s;
    }

    /** Everything a receive path or the inspector might do with the bytes; returns whether the segment decoded. */
    private static boolean readEverything(byte[] s, int off, int len) {
        TcpHeaderView v = TcpHeaderView.wrap(s, off, len);
        if (v.checkStructure() == null) {
            v.check(PC_IP, ROUTER_IP);
            v.expectedChecksum(PC_IP, ROUTER_IP);
            v.sequenceNumber();
            v.acknowledgmentNumber();
            v.urgentPointer();
            for (int at = v.optionsOffset(); at < v.optionsEnd(); at += v.optionLength(at)) v.optionKind(at);
            assertThat(v.payloadLength()).isBetween(0, len);
        }
        TcpOptions.parse(v);
        Decoded<TcpSegment> d = TcpSegment.decode(s, off, len, PC_IP, ROUTER_IP);
        if (d instanceof Decoded.Success<TcpSegment>(TcpSegment seg)) {
            assertThat(TcpSegment.decode(seg.toBytes(PC_IP, ROUTER_IP), 0, seg.length(), PC_IP, ROUTER_IP)).isEqualTo(d);
        }
        byte[] frame = FrameBuilder.ethernet(KnownFrames.ROUTER_MAC, KnownFrames.PC_MAC).ipv4(PC_IP, ROUTER_IP)
                .ipv4(Ipv4HeaderView.PROTOCOL_TCP, s, 0, s.length);
        assertThat(Dissector.dissect(frame).protocol()).isEqualTo("TCP");
        return d.isSuccess();
    }

    @Test
    void seededRandomHeadersNeverMakeDecodingOrDissectionThrow() {
        Random r = new Random(9293);
        int decoded = 0;
        for (int trial = 0; trial < 5_000; trial++) {
            byte[] s = randomSegment(r);
            // Fix the checksum half the time, so that the damage reaches the options and the record.
            if (s.length >= 20 && r.nextBoolean()) TcpHeaderView.wrap(s, 0, s.length).updateChecksum(PC_IP, ROUTER_IP);
            int off = r.nextInt(s.length + 3) - 1;
            int len = r.nextInt(s.length + 10) - 2;
            boolean[] ok = new boolean[1];
            assertThatCode(() -> {
                ok[0] = readEverything(s, 0, s.length);
                readEverything(s, off, len);
            }).as("trial %d: %d bytes, off %d, len %d", trial, s.length, off, len).doesNotThrowAnyException();
            if (ok[0]) decoded++;
        }
        // the fuzz reaches well-formed segments too, not only early rejections
        assertThat(decoded).isGreaterThan(100);
    }

    @Test
    void randomlyDamagedRealSynsNeverMakeDecodingOrDissectionThrow() {
        Random r = new Random(7323);
        for (int trial = 0; trial < 3_000; trial++) {
            byte[] frame = KnownTcpFrames.syn();
            for (int flips = 1 + r.nextInt(4); flips > 0; flips--) frame[34 + r.nextInt(40)] ^= (byte) (1 << r.nextInt(8));
            byte[] damaged = r.nextBoolean() ? KnownTcpFrames.withFixedChecksum(frame, PC_IP, ROUTER_IP) : frame;
            int cut = r.nextInt(damaged.length + 1);
            assertThatCode(() -> {
                Dissector.dissect(damaged);
                Dissector.dissect(java.util.Arrays.copyOf(damaged, cut));
                readEverything(damaged, 34, 40);
                readEverything(damaged, 34, cut - 34);
            }).as("trial %d", trial).doesNotThrowAnyException();
        }
    }
}
