package dev.packetlab.server.share;

import dev.packetlab.server.persistence.FieldError;
import dev.packetlab.server.persistence.InvalidLabRecordException;
import dev.packetlab.server.persistence.ShareMode;
import java.util.List;

/**
 * A request for a share link: {@code mode} ({@code fork} or {@code readonly}) and, optionally, the simulated time
 * {@code at} (nanoseconds) of an earlier point to share; without it the link shares the lab as saved.
 */
public record ShareLinkRequest(String mode, Long at) {

    /** @throws InvalidLabRecordException if the mode is missing or unknown */
    public ShareMode shareMode() {
        if (mode == null) {
            throw new InvalidLabRecordException(List.of(new FieldError("mode", "is required: one of " + ShareMode.names())));
        }
        try {
            return ShareMode.fromWireName(mode);
        } catch (IllegalArgumentException e) {
            throw new InvalidLabRecordException(List.of(new FieldError("mode", "must be one of " + ShareMode.names()
                    + ", not \"" + mode + "\"")));
        }
    }
}
