package dev.packetlab.bench.micro;

import dev.packetlab.stack.sim.SimRandom;
import dev.packetlab.stack.wire.InternetChecksum;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Internet checksum (RFC 1071) over an IPv4 header (20 bytes, every packet sent, and every packet forwarded
 * when the TTL update is not incremental) and over a full 1500-byte packet (what TCP and UDP sum per segment).
 * The bytes start with the classic IPv4 header {@code 4500 0073 … c0a8 00c7} with its checksum field zeroed,
 * whose checksum is {@code 0xb861}; the rest are seeded random bytes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class InternetChecksumBenchmark {
    static final byte[] IPV4_HEADER = HexFormat.of().parseHex("450000730000400040110000c0a80001c0a800c7");
    static final int MAX_LENGTH = 1500;

    @Param({"20", "1500"})
    public int length;

    byte[] data;

    @Setup
    public void fill() {
        data = new byte[MAX_LENGTH];
        SimRandom random = SimRandom.of(1, "bench/checksum-data");
        for (int i = IPV4_HEADER.length; i < data.length; i++) data[i] = (byte) random.nextInt();
        System.arraycopy(IPV4_HEADER, 0, data, 0, IPV4_HEADER.length);
    }

    @Benchmark
    public int compute() {
        return InternetChecksum.compute(data, 0, length);
    }
}
