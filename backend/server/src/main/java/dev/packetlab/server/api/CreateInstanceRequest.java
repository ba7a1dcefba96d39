package dev.packetlab.server.api;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What to start an instance of: a lab of the catalogue by id, a lab file's text, or, with neither, an empty lab to
 * build with topology edits.
 *
 * @param seed null for the lab's own seed
 */
public record CreateInstanceRequest(
        @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "must be a lab id (lower-case letters, digits and '-')")
        String lab,
        @Size(max = InstanceController.MAX_LAB_FILE, message = "must be at most {max} characters")
        String labFile,
        Long seed) {

    @AssertTrue(message = "give either lab or labFile, not both")
    boolean isOneSource() {
        return lab == null || labFile == null;
    }
}
