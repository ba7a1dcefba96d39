package dev.packetlab.server.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packetlab.server.runtime.LabSession;
import dev.packetlab.server.runtime.SessionObserver.FrameInfo;
import dev.packetlab.server.runtime.SessionScheduler;
import dev.packetlab.stack.trace.TraceEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class LabClientTest {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String LAB = """
            id: one-host
            title: {en: "One host"}
            nodes:
              - {id: pc1, kind: host, ip: 10.0.0.1/24}
            """;

    final SessionScheduler scheduler = new SessionScheduler(2, System::nanoTime);
    final LabSession session = LabSession.create("t", "one-host.yaml", LAB, null, scheduler, LabSession.Settings.DEFAULT,
            List::of);

    /** A connection that takes batches only when the test lets it. */
    final class SlowSender implements LabClient.Sender {
        final List<JsonNode> received = new ArrayList<>();
        final CountDownLatch open = new CountDownLatch(1);
        String closed;

        @Override
        public void send(String text) {
            try {
                open.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (this) {
                for (JsonNode m : JSON.readTree(text).get("messages")) received.add(m);
            }
        }

        @Override
        public synchronized void close(int code, String reason) {
            closed = code + " " + reason;
        }

        synchronized List<String> types() {
            return received.stream().map(m -> m.get("type").stringValue()).toList();
        }
    }

    @AfterEach
    void stop() {
        scheduler.close();
    }

    static TraceEvent.FrameSent frame(long t) {
        return new TraceEvent.FrameSent(t, "pc1", "eth0", "pc1:eth0-sw1:p1", new byte[60]);
    }

    static FrameInfo info(long n) {
        return new FrameInfo(n, "sw1", "p1", 4800, 1_004_800, 60, "ARP", "Who has 10.0.0.2? Tell 10.0.0.1");
    }

    @Test
    void aSlowClientLosesAnimationOnlyIsToldHowMuchAndGetsAFreshSnapshot() throws Exception {
        SlowSender sender = new SlowSender();
        LabClient client = new LabClient(session, sender, Runnable::run);
        client.event(new TraceEvent.TerminalOutput(0, "pc1", "first\n"), null);
        for (int i = 1; i <= LabClient.ANIMATION_LIMIT + 1; i++) client.event(frame(i), info(i));
        session.runState().get(10, TimeUnit.SECONDS); // the instance has done what was asked before: the snapshot
        client.event(new TraceEvent.TerminalOutput(9, "pc1", "second\n"), null);

        sender.open.countDown();
        client.flush();
        client.flush();

        assertThat(client.dropped()).isEqualTo(LabClient.ANIMATION_LIMIT + 1);
        assertThat(sender.types()).containsExactly("terminal", "overflow", "snapshot", "terminal");
        assertThat(sender.received.get(1).get("dropped").longValue()).isEqualTo(LabClient.ANIMATION_LIMIT + 1);
        assertThat(sender.received.get(2).get("reason").stringValue()).isEqualTo("overflow");
        assertThat(sender.received.get(3).get("text").stringValue()).isEqualTo("second\n");
        assertThat(sender.closed).isNull();
    }

    @Test
    void aClientThatKeepsUpLosesNothing() {
        SlowSender sender = new SlowSender();
        sender.open.countDown();
        LabClient client = new LabClient(session, sender, Runnable::run);
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < LabClient.ANIMATION_LIMIT; i++) client.event(frame(i), info(i));
            client.flush();
        }
        assertThat(client.dropped()).isZero();
        assertThat(sender.types()).hasSize(3 * LabClient.ANIMATION_LIMIT).containsOnly("frame");
    }

    @Test
    void aClientTooSlowForTerminalOutputIsClosedWithAReasonNotSilentlyCut() {
        SlowSender sender = new SlowSender();
        LabClient client = new LabClient(session, sender, Runnable::run);
        for (int i = 0; i <= LabClient.ESSENTIAL_LIMIT; i++) client.event(new TraceEvent.TerminalOutput(i, "pc1", "x"), null);
        assertThat(sender.closed).startsWith(LabClient.TOO_SLOW + " too slow");
        assertThat(client.isClosed()).isTrue();
    }
}
