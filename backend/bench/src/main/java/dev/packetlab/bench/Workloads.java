package dev.packetlab.bench;

import java.util.List;

/**
 * Runs the BENCHMARKS.md workloads headless and prints one {@code RESULT} line per case. A case that does not complete
 * exits with status 1. W1–W3 are TCP workloads and wait for the TCP layer; W4 runs today.
 *
 * <pre>java -cp ... dev.packetlab.bench.Workloads W4 [K] [COUNT]</pre>
 */
public final class Workloads {
    private Workloads() {}

    public static void main(String[] args) {
        List<String> a = List.of(args);
        if (a.isEmpty() || !a.get(0).equals("W4")) {
            System.err.println("usage: Workloads W4 [K (default 200)] [COUNT (default 1000)]");
            System.err.println("W1-W3 need TCP, which the stack does not have yet");
            System.exit(2);
        }
        int k = a.size() > 1 ? Integer.parseInt(a.get(1)) : 200;
        int count = a.size() > 2 ? Integer.parseInt(a.get(2)) : 1000;
        Outcome o = EchoWorkload.run(k, count);
        System.out.println(o.line());
        if (!o.complete()) System.exit(1);
    }
}
