package dev.packetlab.bench;

/**
 * What one workload run measured: the simulated result (compared with ns-3's) and the cost of getting it.
 *
 * @param simulatedNanos when the workload's last event of interest happened (W1, W2: the last byte read by B; W3:
 *                       the last exchange finished; W4: the last echo reply)
 * @param wallSeconds    from building the topology to that event
 * @param cpuSeconds     the CPU time of the whole process meanwhile, every thread counted ({@link Stopwatch})
 * @param frames         frames put on a wire, every hop counted (ns-3's {@code link_pkts})
 * @param peakHeapBytes  the heap pools' peak during the run, garbage included ({@link Heap#peakBytes})
 * @param liveHeapBytes  the heap still in use after a full collection at the end, the workload still held
 *                       ({@link Heap#liveBytes}): its footprint
 * @param complete       whether the workload did all it had to (every byte, every exchange, every reply)
 * @param result         the workload's own outcome, as {@code key=value} words
 */
public record Outcome(String name, long simulatedNanos, double wallSeconds, double cpuSeconds, long events, long frames,
                      long peakHeapBytes, long liveHeapBytes, boolean complete, String result) {

    Outcome(String name, long simulatedNanos, Stopwatch time, long events, long frames, long peakHeapBytes,
            long liveHeapBytes, boolean complete, String result) {
        this(name, simulatedNanos, time.wallSeconds(), time.cpuSeconds(), events, frames, peakHeapBytes, liveHeapBytes,
                complete, result);
    }

    /** One line per case, as BENCHMARKS.md asks: case, sim s, wall s, events, events/s, frames/s, peak heap, outcome. */
    public String line() {
        return String.format("RESULT wl=%s sim_s=%.6f wall_s=%.4f cpu_s=%.4f events=%d events_per_s=%.0f "
                        + "frames_per_s=%.0f peak_heap_mib=%.1f live_heap_mib=%.1f complete=%s %s", name,
                simulatedNanos / 1e9, wallSeconds, cpuSeconds, events, events / wallSeconds, frames / wallSeconds,
                peakHeapBytes / 1048576.0, liveHeapBytes / 1048576.0, complete, result);
    }
}
