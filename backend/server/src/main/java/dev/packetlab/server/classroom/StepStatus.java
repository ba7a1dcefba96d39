package dev.packetlab.server.classroom;

import java.time.Instant;

/**
 * One student's standing on one step that has a check, as the dashboard and the student see it.
 *
 * @param step     the step, from 1 as the lab panel shows it
 * @param status   {@code passed}; {@code failed} when it passed once and does no longer (a check with {@code not} or
 *                 {@code at-most}); {@code pending} before it ever passed
 * @param why      what the check saw or is missing, in English
 * @param whyKo    the same in Korean; empty for a verdict stored before explanations came in Korean too (the UI then
 *                 shows the English)
 * @param passedAt when it first passed, or null
 * @param attempts lines the student typed while this was their current step (the first one not passed yet)
 */
public record StepStatus(int step, String status, String why, String whyKo, Instant passedAt, int attempts) {
    static final String PASSED = "passed";
    static final String FAILED = "failed";
    static final String PENDING = "pending";
}
