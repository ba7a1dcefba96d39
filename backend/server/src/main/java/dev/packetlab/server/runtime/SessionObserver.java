package dev.packetlab.server.runtime;

import dev.packetlab.stack.trace.TraceEvent;

/**
 * Watches one instance (a WebSocket client). Called on the instance's thread, in simulated-time order: an
 * implementation only queues what it is given and returns, so one slow watcher never holds up the simulation.
 */
public interface SessionObserver {

    /**
     * Something happened. For a transmission {@code frame} tells its packet number, where it goes and when it
     * arrives; for an arrival or a loss on the wire, the number of the transmission it ends; otherwise null.
     */
    void event(TraceEvent event, FrameInfo frame);

    /** The run state changed (mode, speed, or a step, a jump or a rebuild moved the clock). */
    void runState(RunState state);

    /** The instance began to be throttled: it ran as many events in a second as it may. Told once per start. */
    default void throttled(Throttling throttling) {}

    /** A step's check started or stopped passing (labs whose steps have {@code check:} only). */
    default void check(CheckView verdict) {}

    /** What a terminal typed at key by key must show of the line being typed. */
    default void echo(Echo echo) {}

    /** A command run through the API ended. */
    void jobEnded(JobView job);

    /** The instance changed so much (rebuilt, topology edited) that the client must redraw from this. */
    void reset(Snapshot snapshot);

    /** The state when this observer was attached; every event it is given afterwards follows on from it. */
    default void attached(Snapshot snapshot) {
        reset(snapshot);
    }

    /**
     * @param number   the transmission's packet number
     * @param toNode   the receiving end (null unless this is a transmission)
     * @param leaves   when the last bit leaves the sender, simulated ns (transmissions only)
     * @param arrives  when the last bit reaches the receiver without jitter, simulated ns (transmissions only)
     * @param protocol the highest protocol in the frame, {@code summary} its Info column (transmissions only)
     */
    record FrameInfo(long number, String toNode, String toDevice, long leaves, long arrives, int length,
                     String protocol, String summary) {}
}
