package dev.packetlab.stack.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.stack.sim.SimRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class InternetChecksumTest {
    private static byte[] hex(String s) { return HexFormat.of().parseHex(s.replace(" ", "")); }

    @Test
    void theRfc1071ExampleSumsTo0x220d() {
        // RFC 1071 1.1: the bytes 00 01 f2 03 f4 f5 f6 f7 sum to ddf2 before the complement
        assertThat(InternetChecksum.compute(hex("0001 f203 f4f5 f6f7"), 0, 8)).isEqualTo(0x220d);
    }

    @Test
    void anOddLengthIsPaddedWithAZeroByte() {
        assertThat(InternetChecksum.compute(hex("0001 f203 f4f5 f6"), 0, 7))
                .isEqualTo(InternetChecksum.compute(hex("0001 f203 f4f5 f600"), 0, 8));
    }

    @Test
    void aValidHeaderChecksumsToZero() {
        // a widely used worked example: UDP from 192.168.0.1 to 192.168.0.199, checksum b861
        byte[] header = hex("4500 0073 0000 4000 4011 b861 c0a8 0001 c0a8 00c7");
        assertThat(InternetChecksum.compute(header, 0, 20)).isZero();
    }

    @Test
    void anIncrementalUpdateEqualsAFullRecomputeForEveryTtl() {
        SimRandom r = SimRandom.of(5, "checksum");
        for (int i = 0; i < 2000; i++) {
            byte[] h = new byte[20];
            for (int j = 0; j < 20; j++) h[j] = (byte) r.nextInt(256);
            Ipv4HeaderView v = Ipv4HeaderView.wrap(h, 0, 20);
            h[0] = 0x45;
            h[8] = (byte) (1 + r.nextInt(255));
            v.updateChecksum();
            v.decrementTtl();
            assertThat(InternetChecksum.compute(h, 0, 20)).as("header %d", i).isZero();
        }
    }

    @Test
    void thePseudoHeaderSumCountsAddressesProtocolAndLength() {
        long sum = InternetChecksum.pseudoHeaderSum(Ipv4Address.parse("192.168.0.1"), Ipv4Address.parse("192.168.0.199"), 17, 95);
        assertThat(sum).isEqualTo(0xc0a8 + 0x0001 + 0xc0a8 + 0x00c7 + 17 + 95);
    }
}
