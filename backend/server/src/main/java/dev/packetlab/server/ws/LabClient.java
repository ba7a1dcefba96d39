package dev.packetlab.server.ws;

import dev.packetlab.server.runtime.CheckView;
import dev.packetlab.server.runtime.Echo;
import dev.packetlab.server.runtime.JobView;
import dev.packetlab.server.runtime.LabSession;
import dev.packetlab.server.runtime.RunState;
import dev.packetlab.server.runtime.SessionObserver;
import dev.packetlab.server.runtime.Snapshot;
import dev.packetlab.server.runtime.Throttling;
import dev.packetlab.stack.trace.TraceEvent;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.json.JsonMapper;

/**
 * One WebSocket client of an instance: what the instance tells it waits in a bounded queue and leaves in batches,
 * about 30 a second, one send at a time.
 *
 * <p>A client that cannot keep up loses animation messages only ({@link Messages#ANIMATION}: frames and TCP
 * variables, which a snapshot shows the outcome of): when they pass {@link #ANIMATION_LIMIT} they are all left out,
 * the client is told how many ({@code overflow}) and receives a fresh snapshot to go on from. Terminal output, state
 * changes and run states are never left out; if even those pile up past {@link #ESSENTIAL_LIMIT} the connection is
 * closed with a reason rather than silently losing any.
 */
final class LabClient implements SessionObserver {
    static final int ANIMATION_LIMIT = 5_000;
    static final int ESSENTIAL_LIMIT = 50_000;
    /** Messages in one batch at most; the rest go in the next one. */
    static final int BATCH_LIMIT = 5_000;
    /** Close code for a client too slow to receive what must not be dropped (application range, RFC 6455 7.4.2). */
    static final int TOO_SLOW = 4008;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Where batches go: the WebSocket session, or a test's stand-in. Called by one thread at a time. */
    interface Sender {
        void send(String text) throws IOException;

        void close(int code, String reason);
    }

    private final LabSession session;
    private final Sender sender;
    private final Executor sending;
    private final ArrayDeque<Map<String, Object>> queue = new ArrayDeque<>();
    private int animationQueued;
    /** When the oldest message waiting was queued (System.nanoTime), for the batch's age. */
    private long oldestQueued;
    private boolean busy;
    private boolean awaitingSnapshot;
    private boolean closed;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong overflows = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();

    LabClient(LabSession session, Sender sender, Executor sending) {
        this.session = session;
        this.sender = sender;
        this.sending = sending;
    }

    LabSession session() { return session; }

    /** Animation messages left out so far. */
    long dropped() { return dropped.get(); }

    /** Times this client fell behind and lost animation messages. */
    long overflows() { return overflows.get(); }

    /** Batches sent so far. */
    long batches() { return batches.get(); }

    // ---- from the instance (its thread) ----

    @Override
    public void event(TraceEvent event, FrameInfo frame) {
        enqueue(Messages.event(event, frame));
    }

    @Override
    public void runState(RunState state) {
        enqueue(Messages.runState(state));
    }

    @Override
    public void echo(Echo echo) {
        enqueue(Messages.echo(echo));
    }

    @Override
    public void check(CheckView verdict) {
        enqueue(Messages.check(verdict));
    }

    @Override
    public void throttled(Throttling throttling) {
        enqueue(Messages.throttled(throttling));
    }

    @Override
    public void jobEnded(JobView job) {
        enqueue(Messages.jobEnded(job));
    }

    @Override
    public void reset(Snapshot snapshot) {
        enqueue(Messages.snapshot("reset", snapshot));
    }

    @Override
    public void attached(Snapshot snapshot) {
        enqueue(Messages.snapshot("connected", snapshot));
    }

    // ---- from the socket handler ----

    /** Replies to what this client sent (an error, a snapshot it asked for): queued behind what is already there. */
    void reply(Map<String, Object> message) {
        enqueue(message);
    }

    synchronized void enqueue(Map<String, Object> message) {
        if (closed) return;
        boolean animation = Messages.ANIMATION.contains((String) message.get("type"));
        if (queue.isEmpty()) oldestQueued = System.nanoTime();
        queue.addLast(message);
        if (animation && ++animationQueued > ANIMATION_LIMIT) overflow();
        if (queue.size() - animationQueued > ESSENTIAL_LIMIT) {
            closed = true;
            queue.clear();
            sender.close(TOO_SLOW, "too slow: more than " + ESSENTIAL_LIMIT + " terminal and state messages waiting");
        }
    }

    /** Leaves out every animation message waiting, says so, and asks the instance for a snapshot to go on from. */
    private void overflow() {
        long n = 0;
        for (Iterator<Map<String, Object>> it = queue.iterator(); it.hasNext(); ) {
            if (Messages.ANIMATION.contains((String) it.next().get("type"))) {
                it.remove();
                n++;
            }
        }
        animationQueued = 0;
        dropped.addAndGet(n);
        overflows.incrementAndGet();
        queue.addLast(Messages.overflow(n));
        if (!awaitingSnapshot) {
            awaitingSnapshot = true;
            // completes on the instance's thread, before anything newer is queued: the snapshot comes in order
            session.snapshotTo(s -> {
                synchronized (this) {
                    awaitingSnapshot = false;
                }
                enqueue(Messages.snapshot("overflow", s));
            });
        }
    }

    /** Sends what waits as one batch, unless the previous batch is still being sent. Called about 30 times a second. */
    void flush() {
        List<Map<String, Object>> batch;
        long age;
        synchronized (this) {
            if (busy || closed || queue.isEmpty()) return;
            batch = new ArrayList<>(Math.min(queue.size(), BATCH_LIMIT));
            while (!queue.isEmpty() && batch.size() < BATCH_LIMIT) {
                Map<String, Object> m = queue.pollFirst();
                if (Messages.ANIMATION.contains((String) m.get("type"))) animationQueued--;
                batch.add(m);
            }
            busy = true;
            long now = System.nanoTime();
            age = (now - oldestQueued) / 1_000_000;
            oldestQueued = now; // what is left waited at most this long; close enough for a metric
        }
        sending.execute(() -> {
            try {
                sender.send(JSON.writeValueAsString(Messages.batch(batch, System.currentTimeMillis(), age)));
                batches.incrementAndGet();
            } catch (IOException | RuntimeException e) {
                close();
                sender.close(1011, "could not send: " + e.getMessage());
            } finally {
                synchronized (this) {
                    busy = false;
                }
            }
        });
    }

    synchronized void close() {
        closed = true;
        queue.clear();
    }

    synchronized boolean isClosed() {
        return closed;
    }
}
