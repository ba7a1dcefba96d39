package dev.packetlab.bench.micro;

import dev.packetlab.stack.sim.SimRandom;
import dev.packetlab.stack.wire.Decoded;
import dev.packetlab.stack.wire.Ipv4Address;
import dev.packetlab.stack.wire.Malformed;
import dev.packetlab.stack.wire.Payload;
import dev.packetlab.stack.wire.TcpHeaderView;
import dev.packetlab.stack.wire.TcpOptions;
import dev.packetlab.stack.wire.TcpSegment;
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
 * A bulk transfer's data segment, 1460 bytes of data with ACK and PSH, sent from 10.0.0.1:49152 to 10.0.0.2:80:
 * {@link #decode} reads it into a {@link TcpSegment} (checksum, options, a copy of the data), {@link #check} only
 * validates it in place as a receive path does before it trusts the header, {@link #emit} writes it into a reused
 * buffer with its checksum. {@code options}: none, or timestamps (RFC 7323 3.2, 12 bytes with their two NOPs), which
 * Linux puts on every segment of a connection that negotiated them, as W1 does.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TcpSegmentBenchmark {
    static final Ipv4Address SOURCE = Ipv4Address.of(10, 0, 0, 1);
    static final Ipv4Address DESTINATION = Ipv4Address.of(10, 0, 0, 2);
    static final int DATA = 1460;

    @Param({"none", "timestamps"})
    public String options;

    TcpSegment segment;
    /** The segment as it arrives: what {@link #decode} and {@link #check} read. */
    byte[] received;
    /** Where {@link #emit} writes. */
    byte[] outgoing;

    @Setup
    public void buildTheSegment() {
        byte[] data = new byte[DATA];
        SimRandom random = SimRandom.of(1, "bench/tcp-data");
        for (int i = 0; i < data.length; i++) data[i] = (byte) random.nextInt();
        TcpOptions o = switch (options) {
            case "none" -> TcpOptions.NONE;
            case "timestamps" -> TcpOptions.NONE.withTimestamps(3_141_592_653L, 2_718_281_828L);
            default -> throw new IllegalArgumentException("options must be none or timestamps, got " + options);
        };
        segment = new TcpSegment(49152, 80, 1_000_001L, 2_000_001L, TcpHeaderView.FLAG_ACK | TcpHeaderView.FLAG_PSH,
                502, 0, o, Payload.of(data));
        received = segment.toBytes(SOURCE, DESTINATION);
        outgoing = new byte[segment.length()];
    }

    @Benchmark
    public Decoded<TcpSegment> decode() {
        return TcpSegment.decode(received, 0, received.length, SOURCE, DESTINATION);
    }

    /** Null when the segment is well formed and its checksum right, as it is here. */
    @Benchmark
    public Malformed check() {
        return TcpHeaderView.wrap(received, 0, received.length).check(SOURCE, DESTINATION);
    }

    @Benchmark
    public byte[] emit() {
        segment.emit(outgoing, 0, SOURCE, DESTINATION);
        return outgoing;
    }
}
