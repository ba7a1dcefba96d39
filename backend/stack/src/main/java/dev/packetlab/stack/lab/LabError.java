package dev.packetlab.stack.lab;

/** One thing wrong in a lab or script file: where ({@code links[2].b}, or a line number) and what. */
public record LabError(String path, String message) {}
