package dev.packetlab.server.ws;

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
 * A real WebSocket client (the JDK's) for tests: it collects every message of every batch the server sends, in
 * order, and waits for the one a test expects.
 */
final class WsTestClient implements WebSocket.Listener, AutoCloseable {
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<JsonNode> messages = new ArrayList<>();
    private final List<String> closes = new ArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private final WebSocket socket;
    private int batches;

    WsTestClient(int port, String path) throws Exception {
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create("ws://localhost:" + port + path), this).get(10, TimeUnit.SECONDS);
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            JsonNode batch = JSON.readTree(partial.toString());
            partial.setLength(0);
            synchronized (this) {
                batches++;
                for (JsonNode m : batch.get("messages")) messages.add(m);
                notifyAll();
            }
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        synchronized (this) {
            closes.add(statusCode + " " + reason);
            notifyAll();
        }
        return null;
    }

    void send(String json) {
        socket.sendText(json, true).join();
    }

    /**
     * Proves this connection holds the instance's owner token (kept by {@link dev.packetlab.server.InstanceTokens}),
     * as a client must before it types or runs the lab, and waits until the server says so.
     */
    WsTestClient authorized(String instanceId) throws InterruptedException {
        int from = count();
        send(dev.packetlab.server.InstanceTokens.authMessage(instanceId));
        awaitFrom(from, type("authorized"), "authorized");
        return this;
    }

    void sendBinary(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
    }

    synchronized List<JsonNode> messages() {
        return List.copyOf(messages);
    }

    synchronized List<JsonNode> ofType(String type) {
        return messages.stream().filter(m -> m.get("type").stringValue().equals(type)).toList();
    }

    synchronized int batches() {
        return batches;
    }

    /** Waits until a message matches, and returns it. */
    JsonNode await(Predicate<JsonNode> matches, String what) throws InterruptedException {
        return awaitFrom(0, matches, what);
    }

    /** Messages received so far. */
    synchronized int count() {
        return messages.size();
    }

    /** Waits until a message from the {@code from}th on matches, and returns it. */
    synchronized JsonNode awaitFrom(int from, Predicate<JsonNode> matches, String what) throws InterruptedException {
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
    synchronized String awaitClose() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (closes.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) throw new AssertionError("not closed within 30 s");
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return closes.getFirst();
    }

    static Predicate<JsonNode> type(String type) {
        return m -> m.get("type").stringValue().equals(type);
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }
}
