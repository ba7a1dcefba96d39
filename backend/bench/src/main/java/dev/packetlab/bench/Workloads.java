package dev.packetlab.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs one BENCHMARKS.md workload headless, tracing off, and prints its {@code RESULT} line. A case that does not
 * complete (a byte missing, an exchange or a reply not done) prints its line and exits with status 1.
 *
 * <pre>
 * java -cp ... dev.packetlab.bench.Workloads W1 [BYTES (100000000)]                 [seed=1] [write=131022] [verify]
 * java -cp ... dev.packetlab.bench.Workloads W2 [BYTES (10000000)] [LOSS (0.01)]    [seed=1] [write=131022] [verify]
 * java -cp ... dev.packetlab.bench.Workloads W3 [K (50)] [R (1)]                    [seed=1]
 * java -cp ... dev.packetlab.bench.Workloads W4 [K (200)] [COUNT (1000)]
 * </pre>
 *
 * {@code verify} makes B check every byte of W1 and W2 against the pattern sent (costs wall time; the smoke tests
 * use it); {@code write} is the size of A's writes ({@link BulkWorkload} says why it is not BulkSend's 1448). One case per process, so that each starts with a cold JIT and an empty heap, as ns-3's programs do.
 */
public final class Workloads {
    private Workloads() {}

    public static void main(String[] args) {
        List<String> numbers = new ArrayList<>();
        long seed = 1;
        boolean verify = false;
        int write = BulkWorkload.WRITE;
        for (String a : args) {
            if (a.startsWith("seed=")) seed = Long.parseLong(a.substring(5));
            else if (a.startsWith("write=")) write = Integer.parseInt(a.substring(6));
            else if (a.equals("verify")) verify = true;
            else numbers.add(a);
        }
        String id = numbers.isEmpty() ? "" : numbers.remove(0);
        Outcome o = switch (id) {
            case "W1" -> BulkWorkload.run(number(numbers, 0, 100_000_000L), 0.0, seed, write, verify);
            case "W2" -> BulkWorkload.run(number(numbers, 0, 10_000_000L),
                    numbers.size() > 1 ? Double.parseDouble(numbers.get(1)) : 0.01, seed, write, verify);
            case "W3" -> ExchangeWorkload.run((int) number(numbers, 0, 50), (int) number(numbers, 1, 1), seed);
            case "W4" -> EchoWorkload.run((int) number(numbers, 0, 200), (int) number(numbers, 1, 1000));
            default -> null;
        };
        if (o == null) {
            System.err.println("usage: Workloads W1 [BYTES] | W2 [BYTES] [LOSS] | W3 [K] [R] | W4 [K] [COUNT]"
                    + "  [seed=N] [write=BYTES] [verify]");
            System.exit(2);
        }
        System.out.println(o.line());
        if (!o.complete()) {
            System.err.println("FAILED: " + o.name() + " did not complete: " + o.result());
            System.exit(1);
        }
    }

    private static long number(List<String> args, int index, long otherwise) {
        return args.size() > index ? Long.parseLong(args.get(index)) : otherwise;
    }
}
