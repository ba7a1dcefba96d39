package dev.packetlab.server.runtime;

/**
 * Why an instance was throttled: it ran as many simulation events, or took as much processor time, within a second
 * of wall-clock time as one instance may, and its clock now goes no faster than that allows. The usual cause in a lab is a switching loop:
 * switches cabled in a circle forward each broadcast round it for ever (they run no spanning tree protocol), and the
 * frames on the wires multiply until the links are full.
 *
 * @param time     simulated time when it began, ns
 * @param resource what ran out: {@link #EVENTS} or {@link #PROCESSOR}
 * @param limit    simulation events per second the instance may run, or milliseconds of processor time per second
 * @param cause  {@code switching-loop} when a switch saw MAC addresses move between its ports again and again (frames
 *               from one host arriving round the loop on several ports), else {@code load}
 * @param node   the switch that saw the most moves, for a switching loop; else null
 * @param moves  how many times addresses moved on that switch since the instance was last throttled, or 0
 * @param detail what happened and what to do, for a learner
 */
public record Throttling(long time, String resource, long limit, String cause, String node, long moves,
                         String detail) {
    /** The simulation events of a second ran out. */
    public static final String EVENTS = "events";
    /** The processor time of a second ran out (each event costs more while someone watches). */
    public static final String PROCESSOR = "processor";
}
