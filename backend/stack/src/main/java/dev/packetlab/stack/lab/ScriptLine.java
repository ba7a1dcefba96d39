package dev.packetlab.stack.lab;

/** One meaningful line of a headless script. */
public sealed interface ScriptLine {
    /** The line's number in the script file, from 1. */
    int number();

    /** {@code node: command}, or {@code node: command &} to run it in the background. */
    record Command(int number, String node, String command, boolean background) implements ScriptLine {}

    /** {@code wait 2s}: let simulated time pass. */
    record Wait(int number, long duration) implements ScriptLine {}
}
