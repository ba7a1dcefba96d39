package dev.packetlab.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * The wall time of a run and the CPU time the whole process spent meanwhile. ns-3 runs on one thread, so its CPU time
 * is its wall time; the JVM compiles and collects garbage on other threads, which on a machine with a free core
 * shortens PacketLab's wall time without the work going away. The two together show how much that was.
 */
final class Stopwatch {
    private final long wallStart = System.nanoTime();
    private final long cpuStart = processCpuNanos();
    private double wallSeconds = -1;
    private double cpuSeconds = -1;

    private Stopwatch() {}

    /** Starts timing a run, and a new heap peak with it. */
    static Stopwatch start() {
        Heap.resetPeak();
        return new Stopwatch();
    }

    /** Stops the clocks: call the moment the workload's last event of interest has run. */
    void stop() {
        wallSeconds = (System.nanoTime() - wallStart) / 1e9;
        long cpu = processCpuNanos();
        cpuSeconds = cpu < 0 || cpuStart < 0 ? -1 : (cpu - cpuStart) / 1e9;
    }

    double wallSeconds() { return wallSeconds; }

    /** -1 when the JVM does not tell. */
    double cpuSeconds() { return cpuSeconds; }

    private static long processCpuNanos() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean hotspot ? hotspot.getProcessCpuTime() : -1;
    }
}
