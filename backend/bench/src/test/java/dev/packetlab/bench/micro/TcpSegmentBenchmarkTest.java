package dev.packetlab.bench.micro;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.stack.wire.TcpHeaderView;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The TCP segment benchmarks read and write the 1460-byte data segment faithfully, with and without options. */
class TcpSegmentBenchmarkTest {
    private static TcpSegmentBenchmark with(String options) {
        TcpSegmentBenchmark bench = new TcpSegmentBenchmark();
        bench.options = options;
        bench.buildTheSegment();
        return bench;
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "timestamps"})
    void decodeGivesBackTheSegmentThatWasEmitted(String options) {
        TcpSegmentBenchmark bench = with(options);
        assertThat(bench.decode().orThrow()).isEqualTo(bench.segment);
        assertThat(bench.decode().orThrow().payload().length()).isEqualTo(1460);
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "timestamps"})
    void checkFindsNothingWrong(String options) {
        assertThat(with(options).check()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "timestamps"})
    void emitWritesTheHeaderFieldsAndAChecksumThatVerifies(String options) {
        TcpSegmentBenchmark bench = with(options);
        byte[] out = bench.emit();
        // ports 49152 > 80, seq 1000001, ack 2000001, ACK|PSH, window 502 (bytes 16-17 are the checksum)
        String fixed = "c000 0050 000f4241 001e8481 %s 18 01f6".formatted(options.equals("none") ? "50" : "80");
        assertThat(Arrays.copyOf(out, 16)).isEqualTo(HexFormat.of().parseHex(fixed.replace(" ", "")));
        if (options.equals("timestamps")) {
            // NOP NOP, kind 8 length 10, TSval 3141592653, TSecr 2718281828 (RFC 7323 3.2)
            assertThat(Arrays.copyOfRange(out, 20, 32)).isEqualTo(HexFormat.of().parseHex("0101080abb40e64da205b064"));
        }
        assertThat(out).hasSize((options.equals("none") ? 20 : 32) + 1460);
        assertThat(TcpHeaderView.wrap(out, 0, out.length).check(TcpSegmentBenchmark.SOURCE, TcpSegmentBenchmark.DESTINATION))
                .isNull();
    }
}
