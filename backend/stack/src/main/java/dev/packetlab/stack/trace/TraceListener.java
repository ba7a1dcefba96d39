package dev.packetlab.stack.trace;

/** Receives the events it subscribed to, on the simulation's thread, in simulated-time order. */
@FunctionalInterface
public interface TraceListener {
    void on(TraceEvent event);
}
