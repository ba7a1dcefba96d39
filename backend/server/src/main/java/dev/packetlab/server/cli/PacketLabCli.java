package dev.packetlab.server.cli;

import java.io.PrintStream;
import java.util.Set;

/**
 * The headless command line: {@code packetlab run ...} and {@code packetlab check ...}.
 * {@link dev.packetlab.server.PacketLabApplication} hands over here, before Spring starts, when the
 * first argument is one of {@link #COMMANDS}. For now it only explains its usage.
 */
public final class PacketLabCli {

    /** First arguments that select the CLI instead of the server. */
    public static final Set<String> COMMANDS = Set.of("run", "check");

    /** Exit code for a command line that cannot be carried out (bad usage, or not available). */
    public static final int EXIT_USAGE = 2;

    static final String USAGE = """
            Usage:
              packetlab run LAB.yaml --script FILE|- [--pcap OUT] [--events OUT.jsonl] [--seed N] [--until DURATION]
                  runs the lab headless, feeding it the script's commands (- reads them from standard input)
              packetlab check LAB.yaml --script FILE
                  runs the script and the lab's checks; exit code 0 iff every check passes
            """;

    private PacketLabCli() {}

    /** Process entry point: runs the command and exits the JVM with its exit code. */
    public static void main(String[] args) {
        System.exit(execute(args, System.out, System.err));
    }

    /** Runs one command line and returns the process exit code. */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || !COMMANDS.contains(args[0])) {
            err.print(USAGE);
            return EXIT_USAGE;
        }
        err.println("packetlab " + args[0] + ": not built yet");
        err.print(USAGE);
        return EXIT_USAGE;
    }
}
