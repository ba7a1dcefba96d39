package dev.packetlab.stack.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Wireshark's tshark over a capture, the strongest proof that our bytes are real (CONFORMANCE 29). Without
 * tshark a test is skipped with the reason, except under CI=true, where a missing tool is a failure: ./test
 * installs it.
 */
public final class Tshark {
    private static final Path TSHARK = Path.of("/usr/bin/tshark");

    private Tshark() {}

    public static void require() {
        if (Files.isExecutable(TSHARK)) return;
        if ("true".equals(System.getenv("CI"))) fail("tshark is missing at " + TSHARK + "; ./test installs it");
        assumeTrue(false, "tshark is not installed at " + TSHARK + " (./test installs it)");
    }

    /** Runs tshark with {@code args} after {@code -r capture}, checking checksums, and returns its output lines. */
    public static List<String> read(Path capture, String... args) {
        require();
        List<String> command = new ArrayList<>(List.of(TSHARK.toString(), "-n", "-r", capture.toString(),
                "-o", "ip.check_checksum:TRUE", "-o", "udp.check_checksum:TRUE", "-o", "tcp.check_checksum:TRUE"));
        command.addAll(List.of(args));
        try {
            // stderr goes to a file: tshark warns there when run as root, which is not part of the answer
            Path errors = Files.createTempFile("tshark", ".err");
            Process p = new ProcessBuilder(command).redirectError(errors.toFile()).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("tshark did not finish within 60 s");
            }
            String text = new String(out, StandardCharsets.UTF_8);
            String stderr = Files.readString(errors);
            Files.delete(errors);
            if (p.exitValue() != 0) fail("tshark exited with " + p.exitValue() + ":\n" + text + stderr);
            return text.lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new AssertionError("could not run tshark", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
