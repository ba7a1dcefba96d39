package dev.packetlab.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.server.runtime.JobView;
import dev.packetlab.server.runtime.LabRecord;
import dev.packetlab.server.runtime.LabSession;
import dev.packetlab.server.runtime.RunState;
import dev.packetlab.server.runtime.SessionScheduler;
import dev.packetlab.stack.trace.EventLogWriter;
import dev.packetlab.stack.trace.TraceListener;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * What the store keeps is enough: a live instance, saved and shared, comes back from the share link through the
 * runtime's own restore as the same instance, event for event.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SharedLabReplayTest {
    static final String LAB = """
            id: two-hosts
            title: {en: "Two hosts"}
            seed: 7
            nodes:
              - {id: pc1, kind: host, ip: 10.0.0.1/24}
              - {id: srv, kind: server, ip: 10.0.0.2/24}
              - {id: sw1, kind: switch}
            links:
              - {a: pc1, b: sw1, bandwidth: 100Mbps, delay: 1ms}
              - {a: srv, b: sw1, bandwidth: 100Mbps, delay: 1ms}
            """;

    @Autowired
    LabStore store;

    final SessionScheduler scheduler = new SessionScheduler();
    /** The event log of each build of an instance, in the order they were built. */
    final List<StringWriter> eventLogs = new ArrayList<>();

    @AfterEach
    void stop() {
        scheduler.close();
    }

    @Test
    void aSharedLabRestoredFromItsLinkReplaysToAByteIdenticalEventLog() throws Exception {
        LabSession original = LabSession.create("original", "two-hosts.yaml", LAB, null, scheduler,
                LabSession.Settings.DEFAULT, this::newEventLog);
        await(original.execute("srv", "echo hello | nc -l 8888", true, false));
        JobView client = await(original.execute("pc1", "nc srv 8888", false, true));
        assertThat(client.output()).isEqualTo("hello\n");
        await(original.line("pc1", "netstat -ant"));
        RunState before = await(original.runState());
        LabRecord record = await(original.record());

        SavedLabCreated saved = store.save(record);
        ShareLink link = store.createShareLink(saved.id(), saved.ownerToken(), ShareMode.READONLY);
        LabRecord shared = store.openShareLink(link.id()).record();
        LabSession restored = LabSession.restore("restored", shared, scheduler, LabSession.Settings.DEFAULT,
                this::newEventLog);
        RunState after = await(restored.runState()); // the first use rebuilds it by replay

        assertThat(shared).isEqualTo(record);
        assertThat(after.time()).isEqualTo(before.time());
        assertThat(after.events()).isEqualTo(before.events());
        assertThat(eventLogs).hasSize(2);
        assertThat(eventLogs.get(0).toString()).contains("hello");
        assertThat(eventLogs.get(1).toString()).isEqualTo(eventLogs.get(0).toString());
    }

    private List<TraceListener> newEventLog() {
        StringWriter log = new StringWriter();
        eventLogs.add(log);
        return List.of(new EventLogWriter(log));
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(30, TimeUnit.SECONDS);
    }
}
