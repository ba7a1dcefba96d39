package dev.packetlab.server.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.packetlab.server.runtime.Snapshot;

/**
 * What creating or opening a live instance answers: its snapshot's fields, as before, and the token that changes it,
 * given this once: {@code ownerToken} for an ordinary instance, {@code replayToken} for a read-only replay (a read-only
 * share link's), which drives the replay and changes nothing. The other one is left out.
 */
public record CreatedInstance(@JsonUnwrapped Snapshot snapshot,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String ownerToken,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String replayToken) {

    public static CreatedInstance owned(Snapshot snapshot, String ownerToken) {
        return new CreatedInstance(snapshot, ownerToken, null);
    }

    public static CreatedInstance replay(Snapshot snapshot, String replayToken) {
        return new CreatedInstance(snapshot, null, replayToken);
    }
}
