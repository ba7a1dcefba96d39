package dev.packetlab.stack.wire;

import static dev.packetlab.stack.wire.KnownFrames.hex;
import static dev.packetlab.stack.wire.KnownFrames.referenceChecksum;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class InternetChecksumTest {
    @Test
    void theRfc1071ExampleSumsTo0xddf2AndChecksumsTo0x220d() {
        byte[] b = hex("0001 f203 f4f5 f6f7"); // RFC 1071 3, "Numerical Examples"
        long sum = InternetChecksum.sum(b, 0, b.length);
        assertThat(~InternetChecksum.finish(sum) & 0xffff).isEqualTo(0xddf2);
        assertThat(InternetChecksum.compute(b, 0, b.length)).isEqualTo(0x220d);
    }

    @Test
    void anOddLengthIsPaddedWithAZeroByte() {
        assertThat(InternetChecksum.compute(new byte[] {0x01}, 0, 1)).isEqualTo(0xfeff);
        assertThat(InternetChecksum.compute(hex("0001f203f4f5f6f7 ab"), 0, 9)).isEqualTo(referenceChecksum(hex("0001f203f4f5f6f7ab"), 0, 9));
    }

    @Test
    void nothingAtAllChecksumsToAllOnes() {
        assertThat(InternetChecksum.compute(new byte[4], 2, 0)).isEqualTo(0xffff);
        assertThat(InternetChecksum.compute(new byte[20], 0, 20)).isEqualTo(0xffff);
    }

    @Test
    void agreesWithTheWordByWordDefinitionAtEveryLengthAndOffset() {
        Random random = new Random(1071);
        for (int trial = 0; trial < 2_000; trial++) {
            byte[] b = new byte[random.nextInt(80)];
            random.nextBytes(b);
            if (trial % 7 == 0) java.util.Arrays.fill(b, (byte) 0xff); // carries on every word
            int off = b.length == 0 ? 0 : random.nextInt(b.length);
            int len = b.length - off == 0 ? 0 : random.nextInt(b.length - off + 1);
            assertThat(InternetChecksum.compute(b, off, len)).as("%d bytes at %d", len, off).isEqualTo(referenceChecksum(b, off, len));
        }
    }

    @Test
    void longDataAgreesWithTheDefinitionAndPartialSumsAddUp() {
        Random random = new Random(6937);
        for (int length : new int[] {1500, 1501, 65_535}) {
            byte[] b = new byte[length];
            random.nextBytes(b);
            assertThat(InternetChecksum.compute(b, 0, length)).isEqualTo(referenceChecksum(b, 0, length));
            // a header summed apart from its data (an even split, as TCP's pseudo-header, header and data are)
            long pieces = InternetChecksum.pseudoHeaderSum(0x0a000001, 0x0a000002, 6, length)
                    + InternetChecksum.sum(b, 0, 38) + InternetChecksum.sum(b, 38, length - 38);
            long whole = InternetChecksum.pseudoHeaderSum(0x0a000001, 0x0a000002, 6, length) + InternetChecksum.sum(b, 0, length);
            assertThat(InternetChecksum.finish(pieces)).isEqualTo(InternetChecksum.finish(whole));
        }
        byte[] ones = new byte[65_535];
        java.util.Arrays.fill(ones, (byte) 0xff); // every add carries
        assertThat(InternetChecksum.compute(ones, 0, ones.length)).isEqualTo(referenceChecksum(ones, 0, ones.length));
    }

    @Test
    void dataThatCarriesItsOwnChecksumSumsToZero() {
        byte[] ip = hex("4500 0073 0000 4000 4011 b861 c0a8 0001 c0a8 00c7");
        assertThat(InternetChecksum.compute(ip, 0, 20)).isZero();
        ip[10] = 0;
        ip[11] = 0;
        assertThat(InternetChecksum.compute(ip, 0, 20)).isEqualTo(0xb861);
    }

    @Test
    void thePseudoHeaderSumAddsAddressHalvesProtocolAndLength() {
        long sum = InternetChecksum.pseudoHeaderSum(Ipv4Address.parse("10.0.0.1"), Ipv4Address.parse("10.0.0.53"), 17, 13);
        assertThat(sum).isEqualTo(0x0a00 + 0x0001 + 0x0a00 + 0x0035 + 17 + 13);
        assertThat(InternetChecksum.pseudoHeaderSum(0xffff_ffff, 0xffff_ffff, 17, 0xffff)).isEqualTo(4L * 0xffff + 17 + 0xffff);
    }

    @Test
    void theRfc1624ExampleUpdatesTo0x0000NotTo0xffff() {
        // RFC 1624 4: HC = 0xdd2f, a word changes from 0x5555 to 0x3285; eqn. 3 gives 0x0000 as a recompute would.
        assertThat(InternetChecksum.update(0xdd2f, 0x5555, 0x3285)).isEqualTo(0x0000);
    }

    @Test
    void anIncrementalUpdateEqualsAFullRecomputeForAnyWordChange() {
        Random random = new Random(1624);
        byte[] header = new byte[20];
        for (int trial = 0; trial < 5_000; trial++) {
            random.nextBytes(header);
            header[10] = 0;
            header[11] = 0;
            int checksum = InternetChecksum.compute(header, 0, 20);
            int at = 2 * random.nextInt(10);
            if (at == 10) continue;
            int oldWord = ((header[at] & 0xff) << 8) | (header[at + 1] & 0xff);
            int newWord = random.nextInt(0x10000);
            header[at] = (byte) (newWord >>> 8);
            header[at + 1] = (byte) newWord;
            assertThat(InternetChecksum.update(checksum, oldWord, newWord)).isEqualTo(InternetChecksum.compute(header, 0, 20));
        }
    }
}
