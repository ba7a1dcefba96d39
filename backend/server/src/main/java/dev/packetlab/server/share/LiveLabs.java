package dev.packetlab.server.share;

import dev.packetlab.server.api.CreatedInstance;
import dev.packetlab.server.api.InstanceAccess;
import dev.packetlab.server.runtime.InstanceOwner.Right;
import dev.packetlab.server.runtime.LabRecord;
import dev.packetlab.server.runtime.LabSession;
import dev.packetlab.server.runtime.LabSessions;
import dev.packetlab.server.runtime.Snapshot;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Between stored records and live instances, for the controllers of this package: the record of a running instance
 * (to save it), and a new live instance rebuilt from a stored record (to open a saved lab or a share link).
 */
@Component
public class LiveLabs {
    /** How long a request waits for an instance that is busy, as the instance API does. */
    private static final long WAIT_SECONDS = 60;

    private final LabSessions sessions;
    private final InstanceAccess access;

    public LiveLabs(LabSessions sessions, InstanceAccess access) {
        this.sessions = sessions;
        this.access = access;
    }

    /**
     * The record of a live instance, for its owner (saving it is taking a copy anyone could then share or fork: a
     * read-only replay is never saved).
     *
     * @param ownerToken the instance's owner token as the request carried it, or null
     * @throws LiveInstanceNotFoundException if this server holds no instance with that id
     * @throws ErrorResponseException        401 without the owner token or with another one, 403 for a read-only replay
     */
    LabRecord recordOf(String instanceId, String ownerToken) {
        LabSession session = sessions.find(instanceId).orElseThrow(() -> new LiveInstanceNotFoundException(instanceId));
        access.requireToken(instanceId, ownerToken, Right.CHANGE);
        return await(session.record());
    }

    /**
     * A new live instance rebuilt from {@code record} for a client address (counted against its limit, as any new
     * instance is): 201, located at {@code /api/instances/{id}}, its snapshot and its token: an owner token, or for a
     * read-only replay ({@code readOnly}) a replay token that drives the replay and changes nothing.
     *
     * @throws ErrorResponseException 422 if the record does not replay (a hand-made log whose event counts the
     *                                simulation never reaches); the half-built instance is deleted
     */
    ResponseEntity<CreatedInstance> start(LabRecord record, String client, boolean readOnly) {
        LabSession session = sessions.restore(record, client);
        Snapshot snapshot;
        try {
            snapshot = await(session.snapshot()); // the first use rebuilds it by replay
        } catch (ErrorResponseException e) {
            throw e;
        } catch (RuntimeException e) {
            sessions.delete(session.id());
            throw new ErrorResponseException(HttpStatus.UNPROCESSABLE_CONTENT, ProblemDetail.forStatusAndDetail(
                    HttpStatus.UNPROCESSABLE_CONTENT, "The lab's record does not replay: " + e.getMessage()), e);
        }
        CreatedInstance created = readOnly
                ? CreatedInstance.replay(snapshot, sessions.issueReplayToken(session))
                : CreatedInstance.owned(snapshot, sessions.issueOwnerToken(session));
        return ResponseEntity.created(URI.create("/api/instances/" + session.id())).body(created);
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw busy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        }
    }

    private static ErrorResponseException busy() {
        return new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE, "The instance did not answer within " + WAIT_SECONDS + " s; try again."),
                null);
    }
}
