package dev.packetlab.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.stack.trace.DropReason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The codes the server sends beside English (socket causes, drop reasons, drop details), listed in
 * {@code frontend/src/i18n/server-codes.json}, which the frontend's own test reads to prove each has an English and a
 * Korean text. This test keeps that list the server's: a code added here without the list fails it.
 */
class ServerCodesFileTest {
    static final Path FILE = Path.of("../../frontend/src/i18n/server-codes.json");

    /** The list as the server has it, one code per line, so that a change reads well in a diff. */
    static String expected() {
        String causes = SocketCause.parameters().entrySet().stream()
                .map(e -> "    \"" + e.getKey() + "\": " + names(e.getValue()))
                .collect(Collectors.joining(",\n"));
        String drops = java.util.Arrays.stream(DropReason.values()).map(r -> "    \"" + r.name() + "\"")
                .collect(Collectors.joining(",\n"));
        String details = DropDetail.parameters().entrySet().stream()
                .map(e -> "    \"" + e.getKey() + "\": " + names(e.getValue()))
                .collect(Collectors.joining(",\n"));
        return "{\n  \"socketCauses\": {\n" + causes + "\n  },\n  \"dropReasons\": [\n" + drops
                + "\n  ],\n  \"dropDetails\": {\n" + details + "\n  }\n}\n";
    }

    private static String names(List<String> names) {
        return names.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(", ", "[", "]"));
    }

    @Test
    void theFrontendsListOfServerCodesIsTheServers() throws IOException {
        assertThat(Files.readString(FILE))
                .as("frontend/src/i18n/server-codes.json is not the server's list; write it as:%n%s", expected())
                .isEqualTo(expected());
    }

    @Test
    void theListNamesEachCausesParameters() {
        assertThat(expected()).contains("\"rst-received-in\": [\"state\"]", "\"listen-called\": []", "\"LINK_LOSS\"");
        assertThat(SocketCause.parameters()).containsEntry("syn-retries-exhausted", List.of("count"))
                .containsEntry("other", List.of()).hasSize(SocketCause.codes().size());
        assertThat(Map.copyOf(SocketCause.parameters())).containsKeys("icmp-unreachable-in-syn-sent");
    }
}
