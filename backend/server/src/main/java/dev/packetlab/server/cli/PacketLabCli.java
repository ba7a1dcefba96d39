package dev.packetlab.server.cli;

import dev.packetlab.server.labs.LabFileReader;
import dev.packetlab.stack.lab.Lab;
import dev.packetlab.stack.lab.LabBuilder;
import dev.packetlab.stack.lab.LabException;
import dev.packetlab.stack.lab.LabInstance;
import dev.packetlab.stack.lab.Script;
import dev.packetlab.stack.lab.ScriptLine;
import dev.packetlab.stack.lab.ScriptRunner;
import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.trace.Capture;
import dev.packetlab.stack.trace.EventLogWriter;
import dev.packetlab.stack.trace.PcapWriter;
import dev.packetlab.stack.trace.Trace;
import dev.packetlab.stack.trace.TraceListener;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The headless command line: {@code packetlab run ...} and {@code packetlab check ...} ({@link CheckCommand}).
 * {@link dev.packetlab.server.PacketLabApplication} hands over here, before Spring starts, when the first argument is
 * one of {@link #COMMANDS}. Output is each node's terminal output, every line prefixed with the node's name.
 */
public final class PacketLabCli {

    /** First arguments that select the CLI instead of the server. */
    public static final Set<String> COMMANDS = Set.of("run", "check");

    /** Exit code for a command line, lab file or script that cannot be used. */
    public static final int EXIT_USAGE = 2;

    static final String USAGE = """
            Usage:
              packetlab run LAB.yaml --script FILE|- [--pcap OUT [--pcap-node NODE]] [--events OUT.jsonl] [--seed N] [--until DURATION]
                  runs the lab headless, feeding it the script's commands (- reads them from standard input)
              packetlab check LAB.yaml --script FILE|- [--report OUT.json] [run's options]
                  runs the script, then prints each step's check with PASS or FAIL and why;
                  exit code 0 iff every check passes, 1 if one fails
            """;

    private PacketLabCli() {}

    /** Process entry point: runs the command and exits the JVM with its exit code. */
    public static void main(String[] args) {
        System.exit(execute(args, System.in, System.out, System.err));
    }

    /** Runs one command line and returns the process exit code. */
    public static int execute(String[] args, InputStream in, PrintStream out, PrintStream err) {
        if (args.length == 0 || !COMMANDS.contains(args[0])) {
            err.print(USAGE);
            return EXIT_USAGE;
        }
        if (args[0].equals("check")) return check(args, in, out, err);
        RunOptions options;
        try {
            options = RunOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("packetlab run: " + e.getMessage());
            err.print(USAGE);
            return EXIT_USAGE;
        }
        try {
            return run(options, in, out, err);
        } catch (LabException e) {
            err.println(e.getMessage());
            return EXIT_USAGE;
        } catch (NoSuchFileException e) {
            err.println("packetlab run: no such file: " + e.getFile());
            return EXIT_USAGE;
        } catch (IOException e) {
            err.println("packetlab run: " + e.getMessage());
            return EXIT_USAGE;
        }
    }

    /** {@code check}: the same errors as {@code run}, each named after the command. */
    private static int check(String[] args, InputStream in, PrintStream out, PrintStream err) {
        CheckCommand.Options options;
        try {
            options = CheckCommand.Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("packetlab check: " + e.getMessage());
            err.print(USAGE);
            return EXIT_USAGE;
        }
        try {
            return CheckCommand.run(options, in, out, err);
        } catch (LabException e) {
            err.println(e.getMessage());
            return EXIT_USAGE;
        } catch (NoSuchFileException e) {
            err.println("packetlab check: no such file: " + e.getFile());
            return EXIT_USAGE;
        } catch (IOException e) {
            err.println("packetlab check: " + e.getMessage());
            return EXIT_USAGE;
        }
    }

    private static int run(RunOptions o, InputStream in, PrintStream out, PrintStream err) throws IOException {
        Lab lab = LabFileReader.read(o.lab().toString(), Files.readString(o.lab()));
        List<String> nodes = lab.nodes().stream().map(n -> n.id()).toList();
        if (o.pcapNode() != null && !nodes.contains(o.pcapNode())) {
            err.println("packetlab run: --pcap-node: " + o.lab() + " has no node \"" + o.pcapNode() + "\" (its nodes: "
                    + String.join(", ", nodes) + ")");
            return EXIT_USAGE;
        }
        String scriptName = o.script().equals("-") ? "(stdin)" : o.script();
        String scriptText = o.script().equals("-") ? new String(in.readAllBytes(), StandardCharsets.UTF_8)
                : Files.readString(Path.of(o.script()));
        List<ScriptLine> script = Script.parse(scriptName, scriptText,
                lab.nodes().stream().map(n -> n.id()).toList());

        List<TraceListener> listeners = new ArrayList<>();
        ScriptRunner.Transcript transcript = new ScriptRunner.Transcript(out::println);
        listeners.add(transcript);
        Writer events = o.events() == null ? null
                : new BufferedWriter(Files.newBufferedWriter(o.events(), StandardCharsets.UTF_8));
        if (events != null) listeners.add(new EventLogWriter(events));
        OutputStream pcapFile = o.pcap() == null ? null : new BufferedOutputStream(Files.newOutputStream(o.pcap()));
        PcapWriter pcap = pcapFile == null ? null : new PcapWriter(pcapFile, PcapWriter.Resolution.NANOSECONDS);
        try {
            LabInstance instance = LabBuilder.build(o.lab().toString(), lab, o.seed() == null ? lab.seed() : o.seed(),
                    listeners);
            Trace trace = instance.network().trace();
            if (pcap != null && o.pcapNode() == null) Capture.everything(trace, pcap);
            if (pcap != null && o.pcapNode() != null) Capture.node(trace, pcap, o.pcapNode());
            ScriptRunner runner = new ScriptRunner(instance, o.until());
            runner.run(script);
            transcript.flush();
            for (String note : runner.notes()) err.println("packetlab run: " + note);
            err.println("packetlab run: finished at simulated time " + SimTime.formatSeconds(instance.simulation().now())
                    + " s after " + instance.simulation().eventsExecuted() + " events, "
                    + trace.count(Trace.Kind.FRAME_SENT) + " frames");
        } finally {
            if (events != null) events.close();
            if (pcap != null) pcap.close();
        }
        return 0;
    }

    /** The options of {@code run}. */
    record RunOptions(Path lab, String script, Path pcap, String pcapNode, Path events, Long seed, long until) {
        static RunOptions parse(String[] args) {
            Path lab = null;
            String script = null;
            Path pcap = null;
            String pcapNode = null;
            Path events = null;
            Long seed = null;
            long until = Long.MAX_VALUE;
            for (int i = 1; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--script" -> script = value(args, ++i, a);
                    case "--pcap" -> pcap = Path.of(value(args, ++i, a));
                    case "--pcap-node" -> pcapNode = value(args, ++i, a);
                    case "--events" -> events = Path.of(value(args, ++i, a));
                    case "--seed" -> {
                        String v = value(args, ++i, a);
                        try {
                            seed = Long.parseLong(v);
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("--seed needs a whole number, got \"" + v + "\"");
                        }
                    }
                    case "--until" -> until = SimTime.parseDuration(value(args, ++i, a));
                    default -> {
                        if (a.startsWith("-")) throw new IllegalArgumentException("unknown option " + a);
                        if (lab != null) throw new IllegalArgumentException("one lab file only (got " + lab + " and " + a + ")");
                        lab = Path.of(a);
                    }
                }
            }
            if (lab == null) throw new IllegalArgumentException("which lab? (packetlab run LAB.yaml --script FILE)");
            if (script == null) throw new IllegalArgumentException("--script FILE (or - for standard input) is required");
            if (pcapNode != null && pcap == null) throw new IllegalArgumentException("--pcap-node needs --pcap OUT");
            return new RunOptions(lab, script, pcap, pcapNode, events, seed, until);
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) throw new IllegalArgumentException(option + " needs a value");
            return args[i];
        }
    }
}
