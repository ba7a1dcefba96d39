package dev.packetlab.server.api;

import dev.packetlab.server.runtime.LabSession;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * A run control.
 *
 * @param action   PAUSE, PLAY, STEP (one event), STEP_FRAME (until the next frame is sent), RUN_UNTIL_IDLE, ADVANCE
 *                 (run flat out by {@code time}), SEEK (go to simulated time {@code time}, back or ahead)
 * @param speed    for PLAY: simulated seconds per wall-clock second, 0.0001 to 1000 (1 is real time)
 * @param skipIdle for PLAY: jump over time when no frame is on a wire
 * @param time     for ADVANCE and SEEK: nanoseconds of simulated time
 */
public record RunControlRequest(
        @NotNull(message = "is required: one of PAUSE, PLAY, STEP, STEP_FRAME, RUN_UNTIL_IDLE, ADVANCE, SEEK")
        LabSession.Control.Action action,
        @DecimalMin(value = "0.0001", message = "must be at least 0.0001 (slow motion)")
        @DecimalMax(value = "1000", message = "must be at most 1000")
        Double speed,
        Boolean skipIdle,
        @PositiveOrZero(message = "must be zero or more nanoseconds") Long time) {

    LabSession.Control toControl() {
        if ((action == LabSession.Control.Action.SEEK || action == LabSession.Control.Action.ADVANCE) && time == null) {
            throw new IllegalArgumentException("time: is required for " + action + " (nanoseconds of simulated time)");
        }
        return new LabSession.Control(action, speed, skipIdle, time);
    }
}
