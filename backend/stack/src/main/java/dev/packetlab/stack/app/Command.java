package dev.packetlab.stack.app;

/**
 * A program a node's shell can run ({@code ping}, {@code ip}, …). A command does its work as events on the
 * simulation clock and ends by calling {@link Process#exit}; it never blocks a thread.
 */
public interface Command {
    /** The name typed at the prompt. */
    String name();

    /** One line for {@code help}. */
    String summary();

    /** The usage text printed for {@code --help} and after a bad option. */
    String usage();

    /** Starts the program. {@code process.args()} holds the words after the name. */
    void run(Process process);
}
