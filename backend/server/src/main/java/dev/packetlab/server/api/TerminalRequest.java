package dev.packetlab.server.api;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Size;

/**
 * What a terminal sends, as over the WebSocket: a typed line (the foreground program's input, or else a command
 * line), Ctrl-C, Ctrl-D, or keys as xterm sends them (edited into lines on the server; the echo goes to the
 * instance's WebSocket clients). Exactly one.
 */
public record TerminalRequest(
        @Size(max = 4096, message = "must be at most {max} characters") String line,
        Boolean interrupt,
        Boolean eof,
        @Size(max = 4096, message = "must be at most {max} characters") String keys) {

    @AssertTrue(message = "give exactly one of line, interrupt: true, eof: true, keys")
    boolean isExactlyOne() {
        return (line != null ? 1 : 0) + (Boolean.TRUE.equals(interrupt) ? 1 : 0) + (Boolean.TRUE.equals(eof) ? 1 : 0)
                + (keys != null ? 1 : 0) == 1;
    }
}
