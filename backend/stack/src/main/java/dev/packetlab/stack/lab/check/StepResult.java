package dev.packetlab.stack.lab.check;

/**
 * The verdict of one step's check on a run.
 *
 * @param step   the step's index in {@code Lab.steps()}, from 0 (the report shows it from 1)
 * @param passed whether the check passes on the run so far (at the end: on the whole run)
 * @param why    what was seen, or what is missing, in English
 * @param whyKo  the same in Korean
 * @param at     the simulated time from which the check passes, in nanoseconds, or -1 when it fails
 */
public record StepResult(int step, Check check, boolean passed, String why, String whyKo, long at) {

    /** What was seen, or what is missing, in {@code language}. */
    public String why(Language language) { return language == Language.KO ? whyKo : why; }
}
