package dev.packetlab.bench.micro;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The checksum benchmark computes the right checksum at both lengths. */
class InternetChecksumBenchmarkTest {
    private static InternetChecksumBenchmark over(int length) {
        InternetChecksumBenchmark bench = new InternetChecksumBenchmark();
        bench.length = length;
        bench.fill();
        return bench;
    }

    @Test
    void overTheTwentyByteHeaderItIsTheHeadersKnownChecksum() {
        assertThat(over(20).compute()).isEqualTo(0xb861);
    }

    @Test
    void over1500BytesItAgreesWithTheWordByWordDefinition() {
        InternetChecksumBenchmark bench = over(1500);
        assertThat(bench.compute()).isEqualTo(wordByWord(bench.data));
    }

    /** RFC 1071's definition, one 16-bit word at a time (the length here is even). */
    private static int wordByWord(byte[] b) {
        long sum = 0;
        for (int i = 0; i < b.length; i += 2) sum += ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
        while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
        return (int) (~sum & 0xffff);
    }
}
