package dev.packetlab.stack.lab.check;

import dev.packetlab.stack.lab.Lab;
import dev.packetlab.stack.lab.LabBuilder;
import dev.packetlab.stack.lab.LabInstance;
import dev.packetlab.stack.lab.LabParser;
import dev.packetlab.stack.lab.Script;
import dev.packetlab.stack.lab.ScriptRunner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Labs for check tests, as trees shaped like the server's YAML reader gives them, and runs of them: a script, the
 * evaluator attached before the first event, and every verdict change the listener heard.
 */
final class Runs {
    private Runs() {}

    /** A mapping from alternating keys and values. */
    static Map<String, Object> m(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return map;
    }

    static List<Object> l(Object... items) {
        return new ArrayList<>(List.of(items));
    }

    /** A step whose check is {@code check}. */
    static Map<String, Object> step(Map<String, Object> check) {
        return m("text", "do it", "check", check);
    }

    /** pc1 (10.0.0.1) and srv (10.0.0.2) on switch sw1, 100 Mbit/s and 1 ms each way; {@code steps} as given. */
    static Map<String, Object> switched(Object... steps) {
        return m("id", "t", "title", "T",
                "nodes", l(m("id", "pc1", "kind", "host", "ip", "10.0.0.1/24"),
                        m("id", "srv", "kind", "server", "ip", "10.0.0.2/24"),
                        m("id", "sw1", "kind", "switch")),
                "links", l(m("a", "pc1", "b", "sw1"), m("a", "srv", "b", "sw1")),
                "steps", l(steps));
    }

    /** pc1 (192.168.1.10) – r1 – r2 – pc2 (192.168.2.20), with pc3 (192.168.2.30) on hub1 beside pc2. */
    static Map<String, Object> routed(Object... steps) {
        return m("id", "t", "title", "T",
                "nodes", l(m("id", "pc1", "kind", "host", "ip", "192.168.1.10/24", "gateway", "192.168.1.1"),
                        m("id", "r1", "kind", "router", "interfaces", l(m("name", "eth0", "ip", "192.168.1.1/24"),
                                m("name", "eth1", "ip", "10.0.12.1/30")),
                                "routes", l(m("to", "192.168.2.0/24", "via", "10.0.12.2"))),
                        m("id", "r2", "kind", "router", "interfaces", l(m("name", "eth0", "ip", "10.0.12.2/30"),
                                m("name", "eth1", "ip", "192.168.2.1/24")),
                                "routes", l(m("to", "192.168.1.0/24", "via", "10.0.12.1"))),
                        m("id", "hub1", "kind", "hub"),
                        m("id", "pc2", "kind", "host", "ip", "192.168.2.20/24", "gateway", "192.168.2.1"),
                        m("id", "pc3", "kind", "host", "ip", "192.168.2.30/24", "gateway", "192.168.2.1")),
                "links", l(m("a", "pc1", "b", "r1:eth0"), m("a", "r1:eth1", "b", "r2:eth0"),
                        m("a", "r2:eth1", "b", "hub1"), m("a", "hub1", "b", "pc2"), m("a", "hub1", "b", "pc3")),
                "steps", l(steps));
    }

    static Lab parse(Map<String, Object> tree) {
        return LabParser.parse("t.yaml", tree);
    }

    /** A lab built, with its evaluator attached and listening; run it with {@link #script}. */
    static final class Run {
        final Lab lab;
        final LabInstance instance;
        final CheckEvaluator evaluator;
        /** Every verdict change, as "step N passed|failed at TIME: why". */
        final List<String> changes = new ArrayList<>();

        Run(Map<String, Object> tree) {
            lab = parse(tree);
            instance = LabBuilder.build("t.yaml", lab);
            evaluator = CheckEvaluator.attach(lab, instance, (step, passed, why, whyKo) -> changes.add("step " + step + " "
                    + (passed ? "passed" : "failed") + " at " + Watch.at(instance.simulation().now()) + ": " + why));
        }

        /** Runs a script (the headless format) to its end. */
        Run script(String text) {
            new ScriptRunner(instance, Long.MAX_VALUE).run(Script.parse("s.txt", text, lab));
            return this;
        }

        /** The verdicts on the whole run. */
        List<StepResult> finish() {
            return evaluator.finish();
        }

        /** The one step's verdict at the end. */
        StepResult result() {
            List<StepResult> r = finish();
            if (r.size() != 1) throw new IllegalStateException("expected one checked step, got " + r.size());
            return r.getFirst();
        }
    }

    /** Runs {@code script} on {@code tree} and returns the only step's verdict. */
    static StepResult verdict(Map<String, Object> tree, String script) {
        return new Run(tree).script(script).result();
    }
}
