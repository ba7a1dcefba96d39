package dev.packetlab.server.runtime;

/**
 * One step's check verdict on the run so far, as the lab panel shows it.
 *
 * @param step   the step's index in the lab file's {@code steps}, from 0
 * @param passed whether the check passes now
 * @param why    what was seen, or what is still missing, in English
 * @param whyKo  the same in Korean, for a UI in Korean
 * @param time   the simulated time (ns) of the event that decided this verdict, or -1 while nothing has
 */
public record CheckView(int step, boolean passed, String why, String whyKo, long time) {}
