package dev.packetlab.server.api;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits for an instance's answer on a request thread. The instance answers from its own thread; what went wrong
 * there (an unknown node, an invalid edit) is rethrown here as itself, so the problem handler sees the real cause.
 */
final class Await {
    /** How long a request waits for an instance that is busy (rebuilding a long history, for one). */
    static final long LIMIT_SECONDS = 60;

    private Await() {}

    static <T> T of(CompletableFuture<T> future) {
        try {
            return future.get(LIMIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new InstanceBusyException();
        } catch (CancellationException e) {
            throw new InstanceBusyException();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InstanceBusyException();
        }
    }

    /** The instance did not answer in time. Becomes a 503. */
    static final class InstanceBusyException extends RuntimeException {
        InstanceBusyException() {
            super("the instance did not answer within " + LIMIT_SECONDS + " s; try again");
        }
    }
}
