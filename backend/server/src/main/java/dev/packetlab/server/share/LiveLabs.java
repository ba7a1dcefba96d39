package dev.packetlab.server.share;

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

    public LiveLabs(LabSessions sessions) {
        this.sessions = sessions;
    }

    /** @throws LiveInstanceNotFoundException if this server holds no instance with that id */
    LabRecord recordOf(String instanceId) {
        LabSession session = sessions.find(instanceId).orElseThrow(() -> new LiveInstanceNotFoundException(instanceId));
        return await(session.record());
    }

    /**
     * A new live instance rebuilt from {@code record}: 201, located at {@code /api/instances/{id}}, its snapshot.
     *
     * @throws ErrorResponseException 422 if the record does not replay (a hand-made log whose event counts the
     *                                simulation never reaches); the half-built instance is deleted
     */
    ResponseEntity<Snapshot> start(LabRecord record) {
        LabSession session = sessions.restore(record);
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
        return ResponseEntity.created(URI.create("/api/instances/" + session.id())).body(snapshot);
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
