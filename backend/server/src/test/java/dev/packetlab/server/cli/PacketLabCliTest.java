package dev.packetlab.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PacketLabCliTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int execute(String... args) {
        return PacketLabCli.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void runSaysItIsNotBuiltYetAndExitsWithUsageCode() {
        assertThat(execute("run", "labs/two-routers.yaml", "--script", "-")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("packetlab run: not built yet\n")
                .contains("packetlab run LAB.yaml --script FILE|- [--pcap OUT] [--events OUT.jsonl] [--seed N] [--until DURATION]")
                .contains("packetlab check LAB.yaml --script FILE");
        assertThat(out.size()).isZero();
    }

    @Test
    void anUnknownCommandPrintsUsage() {
        assertThat(execute("frobnicate")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("Usage:\n");
    }
}
