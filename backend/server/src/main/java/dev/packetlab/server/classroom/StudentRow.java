package dev.packetlab.server.classroom;

import java.time.Instant;
import java.util.List;

/**
 * One student on the teacher's dashboard.
 *
 * @param currentStep  the first step with a check they have not passed, from 1; null once every one passed
 * @param lastActivity when they last typed in their lab or changed it, null before they did
 * @param online       whether their class page is open now (its WebSocket is connected)
 * @param changedAt    when the last change in this row happened, ms since the epoch (how late the dashboard is)
 */
public record StudentRow(String id, String name, Integer currentStep, Instant lastActivity, boolean online,
                         List<StepStatus> steps, long changedAt) {}
