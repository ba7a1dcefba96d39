package dev.packetlab.bench;

import dev.packetlab.stack.lab.Lab;
import dev.packetlab.stack.lab.LabBuilder;
import dev.packetlab.stack.lab.LabInstance;
import dev.packetlab.stack.lab.LabParser;
import dev.packetlab.stack.sim.SimTime;
import dev.packetlab.stack.trace.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The idle-lab target of BENCHMARKS.md ("1,000 idle instances fit in 1 GiB heap; an idle instance uses no CPU"): builds
 * {@code count} instances of a two-host lab (pc1 10.0.0.1/24 and pc2 10.0.0.2/24 on one cable, parsed once, each
 * instance its own simulation and seed, as the server builds one per learner), has pc1 ping pc2 once (what a learner
 * does first) and runs each for two simulated minutes, until it has settled, then holds them all and reports the heap they keep after a full collection, per instance too, and the events
 * still scheduled. An instance with nothing scheduled does nothing until a learner acts: no CPU. The case is
 * complete when every ping was answered and no instance has an event pending. Not compared with ns-3 (which has no such
 * case); its {@code sim_s} is the two minutes each instance ran.
 */
final class IdleWorkload {
    private IdleWorkload() {}

    /** Two minutes: the ping's ARP entries go stale at 60 s ({@code net.ipv4.neigh.gc_stale_time}); then nothing is due. */
    static final long SETTLE = SimTime.seconds(120);

    static final Map<String, Object> LAB = Map.of("id", "idle", "title", "Two hosts",
            "nodes", List.of(Map.of("id", "pc1", "kind", "host", "ip", "10.0.0.1/24"),
                    Map.of("id", "pc2", "kind", "host", "ip", "10.0.0.2/24")),
            "links", List.of(Map.of("a", "pc1", "b", "pc2")));

    static Outcome run(int count) {
        if (count <= 0) throw new IllegalArgumentException("instance count " + count + " is not positive");
        Lab lab = LabParser.parse("idle.yaml", LAB);
        long before = Heap.liveBytes();
        Stopwatch time = Stopwatch.start();
        List<LabInstance> instances = new ArrayList<>(count);
        long events = 0;
        long frames = 0;
        long pending = 0;
        int failed = 0;
        for (int i = 0; i < count; i++) {
            LabInstance instance = LabBuilder.build("idle.yaml", lab, i + 1, List.of());
            // what a learner does first: one ping, so ARP caches, the ICMP socket and the shell hold their state
            int[] exit = {-1};
            instance.shell("pc1").execute("ping -c 1 10.0.0.2", code -> exit[0] = code);
            instance.simulation().runUntil(instance.simulation().now() + SETTLE);
            if (exit[0] != 0) failed++;
            events += instance.simulation().eventsExecuted();
            frames += instance.network().trace().count(Trace.Kind.FRAME_SENT);
            pending += instance.simulation().pendingEvents();
            instances.add(instance);
        }
        time.stop();
        long peak = Heap.peakBytes();
        long held = Heap.liveBytes() - before;
        boolean complete = instances.size() == count && failed == 0 && pending == 0;
        String result = String.format("instances=%d held_heap_mib=%.1f held_kib_per_instance=%.1f pending_events=%d"
                + " failed_pings=%d", instances.size(), held / 1048576.0, held / 1024.0 / count, pending, failed);
        java.lang.ref.Reference.reachabilityFence(instances); // held through the measurement above
        return new Outcome("IDLE-" + count, SETTLE, time, events, frames, peak, held, complete, result);
    }
}
