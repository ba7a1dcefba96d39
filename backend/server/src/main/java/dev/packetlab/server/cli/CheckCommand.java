package dev.packetlab.server.cli;

import dev.packetlab.server.labs.LabFileReader;
import dev.packetlab.stack.lab.Lab;
import dev.packetlab.stack.lab.LabBuilder;
import dev.packetlab.stack.lab.LabInstance;
import dev.packetlab.stack.lab.LocalizedText;
import dev.packetlab.stack.lab.Script;
import dev.packetlab.stack.lab.ScriptLine;
import dev.packetlab.stack.lab.ScriptRunner;
import dev.packetlab.stack.lab.check.CheckEvaluator;
import dev.packetlab.stack.lab.check.StepResult;
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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code packetlab check LAB.yaml --script FILE [--report OUT.json]}: runs the script as {@code run} does, judges
 * every step's check on what happened, prints each step with PASS or FAIL and why, and exits 0 only if every check
 * passed ({@link #EXIT_FAILED} if one failed, {@link PacketLabCli#EXIT_USAGE} for a bad command line, lab or script,
 * or a lab without checks). The terminal output is not printed: {@code run} with the same arguments shows it.
 */
final class CheckCommand {
    /** Exit code when the run was fine but a check failed. */
    static final int EXIT_FAILED = 1;

    /** Simulated time the network is given after the script ends (never past --until), for what is in flight. */
    static final long SETTLE = SimTime.SECOND;

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private CheckCommand() {}

    /** The options of {@code check}: those of {@code run}, and where to write the report (or null). */
    record Options(PacketLabCli.RunOptions run, Path report) {
        /**
         * @param args the command line, "check" first
         * @throws IllegalArgumentException saying what is wrong with it
         */
        static Options parse(String[] args) {
            List<String> rest = new ArrayList<>(Arrays.asList(args));
            Path report = null;
            int at = rest.indexOf("--report");
            if (at >= 0) {
                if (at + 1 >= rest.size()) throw new IllegalArgumentException("--report needs a value");
                report = Path.of(rest.get(at + 1));
                rest.subList(at, at + 2).clear();
            }
            return new Options(PacketLabCli.RunOptions.parse(rest.toArray(String[]::new)), report);
        }
    }

    /** Runs {@code check} and returns the exit code. */
    static int run(Options options, InputStream in, PrintStream out, PrintStream err) throws IOException {
        PacketLabCli.RunOptions o = options.run();
        Path report = options.report();
        Lab lab = LabFileReader.read(o.lab().toString(), Files.readString(o.lab()));
        String scriptName = o.script().equals("-") ? "(stdin)" : o.script();
        String scriptText = o.script().equals("-") ? new String(in.readAllBytes(), StandardCharsets.UTF_8)
                : Files.readString(Path.of(o.script()));
        List<ScriptLine> script = Script.parse(scriptName, scriptText, lab);
        if (lab.steps().stream().allMatch(s -> s.check() == null)) {
            err.println("packetlab check: " + o.lab() + " has no step with a check: nothing to judge");
            return PacketLabCli.EXIT_USAGE;
        }
        if (o.pcapNode() != null && lab.node(o.pcapNode()) == null) {
            err.println("packetlab check: --pcap-node: " + o.lab() + " has no node \"" + o.pcapNode() + "\"");
            return PacketLabCli.EXIT_USAGE;
        }

        List<TraceListener> listeners = new ArrayList<>();
        Writer events = o.events() == null ? null
                : new BufferedWriter(Files.newBufferedWriter(o.events(), StandardCharsets.UTF_8));
        if (events != null) listeners.add(new EventLogWriter(events));
        OutputStream pcapFile = o.pcap() == null ? null : new BufferedOutputStream(Files.newOutputStream(o.pcap()));
        PcapWriter pcap = pcapFile == null ? null : new PcapWriter(pcapFile, PcapWriter.Resolution.NANOSECONDS);
        List<StepResult> results;
        long seed = o.seed() == null ? lab.seed() : o.seed();
        long end;
        try {
            LabInstance instance = LabBuilder.build(o.lab().toString(), lab, seed, listeners);
            Trace trace = instance.network().trace();
            if (pcap != null && o.pcapNode() == null) Capture.everything(trace, pcap);
            if (pcap != null && o.pcapNode() != null) Capture.node(trace, pcap, o.pcapNode());
            CheckEvaluator checks = CheckEvaluator.attach(lab, instance, (step, passed, why, whyKo) -> { });
            ScriptRunner runner = new ScriptRunner(instance, o.until());
            runner.run(script);
            // what was on the wire when the last command exited still arrives: the last ACK of a close, a hub's
            // copy of ping's last reply to the host it was not for
            long now = instance.simulation().now();
            instance.simulation().runUntil(Math.min(o.until(), now + SETTLE));
            results = checks.finish();
            end = instance.simulation().now();
            for (String note : runner.notes()) err.println("packetlab check: " + note);
        } finally {
            if (events != null) events.close();
            if (pcap != null) pcap.close();
        }

        long passed = results.stream().filter(StepResult::passed).count();
        print(lab, results, out);
        out.println(passed + " of " + results.size() + " checks passed");
        if (report != null) {
            Files.writeString(report, JSON.writeValueAsString(report(lab, o, scriptName, seed, end, results))
                    + "\n", StandardCharsets.UTF_8);
        }
        return passed == results.size() ? 0 : EXIT_FAILED;
    }

    /**
     * Each step, numbered from 1 as a learner counts: {@code PASS}, {@code FAIL} or {@code ----} (no check), its
     * English text, and on the next line why.
     */
    private static void print(Lab lab, List<StepResult> results, PrintStream out) {
        for (int i = 0; i < lab.steps().size(); i++) {
            StepResult r = result(results, i);
            String mark = r == null ? "----" : r.passed() ? "PASS" : "FAIL";
            out.println(mark + "  step " + (i + 1) + ": " + oneLine(lab.steps().get(i).text().en()));
            if (r != null) out.println("      " + r.why());
        }
    }

    /** The report: the lab, the run, and every step with its verdict ({@code passed} null for a step without check). */
    private static Map<String, Object> report(Lab lab, PacketLabCli.RunOptions o, String script, long seed, long end,
                                              List<StepResult> results) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("lab", lab.id());
        r.put("file", o.lab().toString());
        r.put("script", script);
        r.put("seed", seed);
        r.put("passed", results.stream().allMatch(StepResult::passed));
        r.put("checks", results.size());
        r.put("checksPassed", results.stream().filter(StepResult::passed).count());
        r.put("finishedAt", seconds(end));
        List<Map<String, Object>> steps = new ArrayList<>();
        for (int i = 0; i < lab.steps().size(); i++) {
            Lab.Step s = lab.steps().get(i);
            StepResult res = result(results, i);
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("step", i + 1);
            step.put("path", "steps[" + i + "]");
            step.put("text", text(s.text()));
            step.put("check", s.check() == null ? null : s.check().describe());
            step.put("passed", res == null ? null : res.passed());
            step.put("why", res == null ? null : res.why());
            step.put("at", res == null || res.at() < 0 ? null : seconds(res.at()));
            steps.add(step);
        }
        r.put("steps", steps);
        return r;
    }

    private static StepResult result(List<StepResult> results, int step) {
        return results.stream().filter(r -> r.step() == step).findFirst().orElse(null);
    }

    private static Map<String, String> text(LocalizedText t) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("en", t.en());
        if (t.ko() != null) m.put("ko", t.ko());
        return m;
    }

    /** Simulated nanoseconds as seconds. */
    private static double seconds(long nanos) {
        return nanos / (double) SimTime.SECOND;
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*\n\\s*", " ");
    }
}
