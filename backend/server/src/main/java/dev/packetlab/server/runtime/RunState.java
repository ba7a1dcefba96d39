package dev.packetlab.server.runtime;

/**
 * How an instance runs, as clients show it. A client animates between messages by letting simulated time advance at
 * {@code speed} times its own clock while {@code mode} is {@code PLAYING}.
 *
 * @param mode     PAUSED, PLAYING (at {@code speed}) or RUNNING (as fast as possible until nothing is left to do)
 * @param speed    simulated seconds per wall-clock second while playing (1 is real time, 0.001 slow motion)
 * @param skipIdle whether quiet time, when no frame is on a wire, is jumped over while playing
 * @param time     the simulated time, nanoseconds
 * @param events   events executed so far
 * @param pending  events waiting in the simulation's queue
 * @param replay   recorded entries still ahead (after "go back in time"); the next own input discards them
 * @param behind    true when the last stretch of play could not keep up with the chosen speed
 * @param throttled true while the instance runs as many simulation events per second as it may, so its clock goes
 *                  no faster than that allows (a broadcast storm, for one); a {@link Throttling} said why
 */
public record RunState(Mode mode, double speed, boolean skipIdle, long time, long events, int pending, int replay,
                       boolean behind, boolean throttled) {

    public enum Mode { PAUSED, PLAYING, RUNNING }
}
