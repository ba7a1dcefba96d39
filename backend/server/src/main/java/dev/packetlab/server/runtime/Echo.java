package dev.packetlab.server.runtime;

/**
 * What a node's terminal shows of the line being typed at it, after a key, or around what the node printed.
 *
 * @param node   the node
 * @param text   xterm control sequences and characters that bring the screen up to date: written as they come,
 *               between the node's own output, they erase, draw and move the typed line
 * @param prompt the prompt drawn before the line ({@code "$ "} at the shell, empty while a command reads the input)
 * @param line   the line as typed so far
 * @param cursor the cursor, before code point {@code cursor} of {@code line}
 */
public record Echo(String node, String text, String prompt, String line, int cursor) {}
