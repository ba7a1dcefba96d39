package dev.packetlab.server.runtime;

import dev.packetlab.stack.trace.EventLogWriter;
import dev.packetlab.stack.trace.TraceListener;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;

/**
 * For tests of a live instance of {@link LabSessionTest#LAB} (two hosts on a switch) on a scheduler whose wall clock
 * the test moves: each build of the instance (the first, and each rebuild by replay) writes its event log to its own
 * entry of {@link #logs}, so a test can compare a replay with the original byte for byte.
 */
abstract class LoggedTwoHostLab {
    final AtomicLong wall = new AtomicLong(1_000_000_000L);
    final SessionScheduler scheduler = new SessionScheduler(2, wall::get);
    final List<StringWriter> logs = new ArrayList<>();
    private final String id;

    LoggedTwoHostLab(String id) {
        this.id = id;
    }

    @AfterEach
    void stop() {
        scheduler.close();
    }

    LabSession session() {
        return LabSession.create(id, "two-hosts.yaml", LabSessionTest.LAB, null, scheduler,
                LabSession.Settings.DEFAULT, () -> {
                    StringWriter w = new StringWriter();
                    logs.add(w);
                    return List.<TraceListener>of(new EventLogWriter(w));
                });
    }

    static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(30, TimeUnit.SECONDS);
    }
}
