package dev.packetlab.server.labs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The labs the repository ships, read from the labs/ folder itself, so catalogue tests need no edit per new lab. */
public final class ShippedLabs {
    private ShippedLabs() {}

    /** The ids of labs/*.yaml (each file is named after its lab's id), sorted. */
    public static List<String> ids() {
        try (Stream<Path> files = Files.list(Path.of("../../labs"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
