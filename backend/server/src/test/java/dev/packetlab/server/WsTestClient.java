package dev.packetlab.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real WebSocket client (the JDK's) for tests: it keeps every message the server sends, in order, whether it came
 * in a batch (a lab's stream, {@code /ws/labs/{id}}) or alone (the class channels), and waits for the one a test
 * expects.
 */
public final class WsTestClient implements WebSocket.Listener, AutoCloseable {
    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<JsonNode> messages = new ArrayList<>();
    private final List<Long> receivedAt = new ArrayList<>();
    private final List<String> closes = new ArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private final WebSocket socket;
    private int batches;

    public WsTestClient(int port, String path) throws Exception {
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create("ws://localhost:" + port + path), this).get(10, TimeUnit.SECONDS);
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            long now = System.currentTimeMillis();
            JsonNode m = JSON.readTree(partial.toString());
            partial.setLength(0);
            synchronized (this) {
                if (m.get("type").stringValue().equals("batch")) {
                    batches++;
                    for (JsonNode x : m.get("messages")) add(x, now);
                } else {
                    add(m, now);
                }
                notifyAll();
            }
        }
        ws.request(1);
        return null;
    }

    private void add(JsonNode message, long now) {
        messages.add(message);
        receivedAt.add(now);
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        synchronized (this) {
            closes.add(statusCode + " " + reason);
            notifyAll();
        }
        return null;
    }

    public void send(String json) {
        socket.sendText(json, true).join();
    }

    public void sendBinary(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
    }

    /**
     * Proves this connection holds the instance's owner token (kept by {@link InstanceTokens}), as a client must
     * before it types or runs the lab, and waits until the server says so.
     */
    public WsTestClient authorized(String instanceId) throws InterruptedException {
        int from = count();
        send(InstanceTokens.authMessage(instanceId));
        awaitFrom(from, type("authorized"), "authorized");
        return this;
    }

    public synchronized List<JsonNode> messages() {
        return List.copyOf(messages);
    }

    public synchronized List<JsonNode> ofType(String type) {
        return messages.stream().filter(m -> m.get("type").stringValue().equals(type)).toList();
    }

    /** Batches received so far (a lab's stream sends its messages in batches). */
    public synchronized int batches() {
        return batches;
    }

    /** Messages received so far. */
    public synchronized int count() {
        return messages.size();
    }

    /** When the {@code i}th message arrived, ms since the epoch. */
    public synchronized long receivedAt(int i) {
        return receivedAt.get(i);
    }

    public synchronized int indexOf(JsonNode m) {
        for (int i = 0; i < messages.size(); i++) if (messages.get(i) == m) return i;
        return -1;
    }

    /** Waits until a message matches, and returns it. */
    public JsonNode await(Predicate<JsonNode> matches, String what) throws InterruptedException {
        return awaitFrom(0, matches, what);
    }

    /** Waits until a message from the {@code from}th on matches, and returns it. */
    public synchronized JsonNode awaitFrom(int from, Predicate<JsonNode> matches, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        int seen = from;
        while (true) {
            for (; seen < messages.size(); seen++) if (matches.test(messages.get(seen))) return messages.get(seen);
            long left = deadline - System.nanoTime();
            if (left <= 0) throw new AssertionError("no message " + what + " within 30 s; got " + messages);
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /** Waits until the server closes the connection, and returns "code reason". */
    public synchronized String awaitClose() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (closes.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) throw new AssertionError("not closed within 30 s; got " + messages);
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return closes.getFirst();
    }

    public static Predicate<JsonNode> type(String type) {
        return m -> m.get("type").stringValue().equals(type);
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }
}
