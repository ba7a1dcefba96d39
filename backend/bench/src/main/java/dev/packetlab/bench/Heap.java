package dev.packetlab.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * What a workload costs in heap. {@link #peakBytes} is what the JVM's heap pools held at their fullest since
 * {@link #resetPeak}, garbage included, so it tells as much about the collector's sizing as about the workload;
 * {@link #liveBytes} is what survives a full collection, the workload's own footprint, which BENCHMARKS.md's
 * W3-K200-R50 target (under 256 MiB) is about.
 */
final class Heap {
    private Heap() {}

    /** Starts a new peak: call before building a workload. */
    static void resetPeak() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) pool.resetPeakUsage();
        }
    }

    /** The sum of each heap pool's peak since {@link #resetPeak} (the pools peak at different moments: an upper bound). */
    static long peakBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) sum += pool.getPeakUsage().getUsed();
        }
        return sum;
    }

    /**
     * The heap in use after a full collection. Call while the workload is still referenced, after its wall time was
     * taken: the collection itself takes a while.
     */
    static long liveBytes() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
