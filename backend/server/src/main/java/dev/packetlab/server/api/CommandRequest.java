package dev.packetlab.server.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * A command line to run on a node.
 *
 * @param background   run it in the background (as with a trailing {@code &})
 * @param runUntilExit run the simulation flat out until the command ends (at most 600 s of simulated time), then
 *                     answer with its output: how scripts and graders use the API
 * @param waitMillis   otherwise, how long to wait on the wall clock for it to end while the instance runs at its
 *                     own pace (0 answers at once with the job still running)
 */
public record CommandRequest(
        @NotBlank(message = "must not be empty") @Size(max = 4096, message = "must be at most {max} characters")
        String line,
        Boolean background,
        Boolean runUntilExit,
        @PositiveOrZero(message = "must be zero or more") @Max(value = 30_000, message = "must be at most {value} ms")
        Integer waitMillis) {

    boolean inBackground() { return Boolean.TRUE.equals(background); }

    boolean untilExit() { return Boolean.TRUE.equals(runUntilExit); }
}
