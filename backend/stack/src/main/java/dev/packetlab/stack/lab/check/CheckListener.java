package dev.packetlab.stack.lab.check;

/**
 * Told when a step's check starts or stops passing, on the simulation's thread, at the event that decided it: what
 * the server pushes to the browser as it happens.
 */
@FunctionalInterface
public interface CheckListener {
    /**
     * @param step   the step's index in {@code Lab.steps()}, from 0
     * @param passed the check's verdict on the run so far
     * @param why    what was seen, or what is missing, in English
     * @param whyKo  the same in Korean
     */
    void stepChanged(int step, boolean passed, String why, String whyKo);
}
