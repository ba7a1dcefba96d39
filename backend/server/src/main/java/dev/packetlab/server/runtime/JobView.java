package dev.packetlab.server.runtime;

/**
 * A command line run through the API, and what the node's terminal showed while it ran (its own echo left out).
 *
 * @param exitCode null while it runs
 * @param started  simulated time it started, nanoseconds
 * @param ended    simulated time it ended, or null
 */
public record JobView(long job, String node, String line, boolean running, Integer exitCode, long started, Long ended,
                      String output) {}
