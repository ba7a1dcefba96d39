package dev.packetlab.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs one BENCHMARKS.md workload headless, tracing off, and prints its {@code RESULT} line. A case that does not
 * complete (a byte missing, an exchange or a reply not done) prints its line and exits with status 1.
 *
 * <pre>
 * java -cp ... dev.packetlab.bench.Workloads W1 [BYTES (100000000)]                 [seed=1] [write=131022] [verify]
 * java -cp ... dev.packetlab.bench.Workloads W2 [BYTES (10000000)] [LOSS (0.01)]    [seed=1] [write=131022] [verify]
 * java -cp ... dev.packetlab.bench.Workloads W3 [K (50)] [R (1)]                    [seed=1]
 * java -cp ... dev.packetlab.bench.Workloads W4 [K (200)] [COUNT (1000)]
 * java -cp ... dev.packetlab.bench.Workloads IDLE [COUNT (1000)]                   (idle two-host labs held at once)
 * (any of them) [warmup=SECONDS]
 * java -cp ... dev.packetlab.bench.Workloads TRAIN
 * </pre>
 *
 * {@code verify} makes B check every byte of W1 and W2 against the pattern sent (costs wall time; the smoke tests
 * use it); {@code write} is the size of A's writes ({@link BulkWorkload} says why it is not BulkSend's 1448).
 *
 * <p>One case per process, so that each starts with a cold JIT and an empty heap, as ns-3's programs do. A short
 * case then measures mostly the JVM warming up (class loading, the interpreter, JIT compilation), which a running
 * PacketLab server has long since done: {@code warmup=S} first runs the same case again and again, each time on a
 * fresh topology, until S seconds have passed (at least once), and reports only the run after them. A count of runs
 * would not do: three runs of W2 leave the JIT half done, while one run of W1 with 1 GB is plenty.
 *
 * <p>{@code TRAIN} runs each workload once at a small size (3 MB, K=10), with seeds no measured case uses: the
 * training run of an AOT cache ({@code -XX:AOTCacheOutput}, JEP 483/514/515), which {@code compare.sh} makes before
 * it times anything, as a deployed server's image would ship with one. A run with {@code -XX:AOTCache} then starts
 * with the stack's classes loaded and linked and with method profiles, so the JIT compiles the hot paths sooner; it
 * still runs its own case from the start in a fresh JVM, interpreter and compilation included.
 */
public final class Workloads {
    private Workloads() {}

    public static void main(String[] args) {
        List<String> numbers = new ArrayList<>();
        long seed = 1;
        boolean verify = false;
        double warmup = 0;
        int write = BulkWorkload.WRITE;
        for (String a : args) {
            if (a.startsWith("seed=")) seed = Long.parseLong(a.substring(5));
            else if (a.startsWith("write=")) write = Integer.parseInt(a.substring(6));
            else if (a.startsWith("warmup=")) warmup = Double.parseDouble(a.substring(7));
            else if (a.equals("verify")) verify = true;
            else numbers.add(a);
        }
        String id = numbers.isEmpty() ? "" : numbers.remove(0);
        if (id.equals("TRAIN")) {
            System.exit(train() ? 0 : 1);
        }
        long s = seed;
        boolean v = verify;
        int w = write;
        Supplier<Outcome> run = switch (id) {
            case "W1" -> () -> BulkWorkload.run(number(numbers, 0, 100_000_000L), 0.0, s, w, v);
            case "W2" -> () -> BulkWorkload.run(number(numbers, 0, 10_000_000L),
                    numbers.size() > 1 ? Double.parseDouble(numbers.get(1)) : 0.01, s, w, v);
            case "W3" -> () -> ExchangeWorkload.run((int) number(numbers, 0, 50), (int) number(numbers, 1, 1), s);
            case "W4" -> () -> EchoWorkload.run((int) number(numbers, 0, 200), (int) number(numbers, 1, 1000));
            case "IDLE" -> () -> IdleWorkload.run((int) number(numbers, 0, 1000));
            default -> null;
        };
        if (run == null) {
            System.err.println("usage: Workloads W1 [BYTES] | W2 [BYTES] [LOSS] | W3 [K] [R] | W4 [K] [COUNT] | IDLE [COUNT] | TRAIN"
                    + "  [seed=N] [write=BYTES] [verify] [warmup=SECONDS]");
            System.exit(2);
        }
        int warmRuns = 0;
        for (long until = System.nanoTime() + (long) (warmup * 1e9); warmup > 0 && (warmRuns == 0 || System.nanoTime() < until); ) {
            Outcome first = run.get();
            warmRuns++;
            if (!first.complete()) System.err.println("warm-up run " + warmRuns + " did not complete: " + first.result());
        }
        Outcome o = run.get();
        System.out.println(warmRuns == 0 ? o.line() : o.line() + " warm_runs=" + warmRuns);
        if (!o.complete()) {
            System.err.println("FAILED: " + o.name() + " did not complete: " + o.result());
            System.exit(1);
        }
    }

    /** The AOT cache's training: every workload once, small, on seeds no measured case uses. True if all completed. */
    static boolean train() {
        List<Outcome> runs = List.of(
                BulkWorkload.run(3_000_000, 0.0, 1001, BulkWorkload.WRITE, false),
                BulkWorkload.run(3_000_000, 0.01, 1002, BulkWorkload.WRITE, false),
                ExchangeWorkload.run(10, 3, 1003),
                EchoWorkload.run(10, 50));
        boolean all = true;
        for (Outcome o : runs) {
            System.out.println("TRAINED " + o.name() + " complete=" + o.complete());
            all &= o.complete();
        }
        return all;
    }

    private static long number(List<String> args, int index, long otherwise) {
        return args.size() > index ? Long.parseLong(args.get(index)) : otherwise;
    }
}
