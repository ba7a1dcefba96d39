package dev.packetlab.server.ws;

import dev.packetlab.server.runtime.InstanceOwner;
import dev.packetlab.server.runtime.InstanceOwner.Right;
import dev.packetlab.server.runtime.LabSession;
import dev.packetlab.server.runtime.LabSessions;
import dev.packetlab.server.runtime.NotFoundException;
import dev.packetlab.stack.lab.LabException;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /ws/labs/{id}}: streams an instance to a client in batches and takes the client's terminal input and run
 * controls. A message from the client that is wrong in any way gets an {@code error} message naming what is wrong;
 * nothing else happens, to this connection or any other. Anyone holding the instance id may watch; typing and running
 * need the instance's owner token, proved once per connection by an {@code auth} message (a read-only replay's token
 * allows run controls only). The protocol is {@code docs/protocol.md}.
 */
@Component
public class LabSocketHandler extends TextWebSocketHandler {
    static final String PATH = "/ws/labs/";
    /** Batches per second per client, at most. */
    static final int BATCHES_PER_SECOND = 30;
    /** Close code for an instance that does not exist (application range, like HTTP's 404). */
    static final int NO_INSTANCE = 4404;
    static final int MAX_TEXT = 4096;
    /** What a client may send, for error messages. */
    static final List<String> CLIENT_TYPES = List.of("auth", "line", "keys", "interrupt", "eof", "control", "snapshot");
    /** The longest token an {@code auth} message may carry (the server's are 43 characters). */
    static final int MAX_TOKEN = 256;
    /** Terminal widths a {@code keys} message may give. */
    static final int MIN_COLUMNS = 10;
    static final int MAX_COLUMNS = 1000;

    private static final Logger log = LoggerFactory.getLogger(LabSocketHandler.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LabSessions sessions;
    private final Map<String, LabClient> clients = new ConcurrentHashMap<>();
    /** The read-only clients ({@link #watch}), with why they may not type. */
    private final Map<LabClient, String> readOnly = new ConcurrentHashMap<>();
    /**
     * What each client proved it may do with an {@code auth} message: {@link Right#CHANGE} with the owner token,
     * {@link Right#RUN} with a read-only replay's token. A client missing here only watches.
     */
    private final Map<LabClient, Right> granted = new ConcurrentHashMap<>();
    private final ScheduledExecutorService flusher;
    private final ExecutorService sending = Executors.newVirtualThreadPerTaskExecutor();

    public LabSocketHandler(LabSessions sessions) {
        this.sessions = sessions;
        this.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ws-flush");
            t.setDaemon(true);
            return t;
        });
        long period = 1_000_000_000L / BATCHES_PER_SECOND;
        flusher.scheduleAtFixedRate(this::flushAll, period, period, TimeUnit.NANOSECONDS);
    }

    /** The clients connected now. */
    public Collection<LabClient> clients() {
        return clients.values();
    }

    private final java.util.concurrent.atomic.LongAdder closedDropped = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder closedBatches = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder closedOverflows = new java.util.concurrent.atomic.LongAdder();

    /** Animation messages left out for slow clients since the server started. */
    public long droppedMessages() {
        return closedDropped.sum() + clients.values().stream().mapToLong(LabClient::dropped).sum();
    }

    /** Times a client fell behind and lost animation messages (each time it is told and gets a snapshot). */
    public long overflows() {
        return closedOverflows.sum() + clients.values().stream().mapToLong(LabClient::overflows).sum();
    }

    /** Batches sent since the server started. */
    public long batchesSent() {
        return closedBatches.sum() + clients.values().stream().mapToLong(LabClient::batches).sum();
    }

    private void flushAll() {
        for (LabClient c : clients.values()) {
            try {
                c.flush();
            } catch (RuntimeException e) {
                log.warn("flushing a WebSocket client failed", e);
            }
        }
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession ws) throws IOException {
        String id = instanceId(ws.getUri());
        LabSession session = id == null ? null : sessions.find(id).orElse(null);
        if (session == null) {
            String message = "no instance \"" + id + "\"";
            ws.sendMessage(new TextMessage(JSON.writeValueAsString(Messages.batch(List.of(Messages.error(message, "id")),
                    System.currentTimeMillis(), 0))));
            ws.close(new CloseStatus(NO_INSTANCE, message));
            return;
        }
        stream(ws, session, null);
    }

    /**
     * Streams {@code session} to a connection another handler accepted (a classroom's spectator), read-only: it is
     * told all a client of {@code /ws/labs/{id}} is and may ask for a snapshot, but every line, Ctrl-C, Ctrl-D and run
     * control it sends is refused with an error saying {@code why}. That handler passes the connection's later
     * messages and its close on to this one ({@link #handleMessage}, {@link #afterConnectionClosed}).
     */
    public void watch(WebSocketSession ws, LabSession session, String why) {
        stream(ws, session, why);
    }

    private void stream(WebSocketSession ws, LabSession session, String readOnlyWhy) {
        LabClient client = new LabClient(session, new LabClient.Sender() {
            @Override
            public void send(String text) throws IOException {
                ws.sendMessage(new TextMessage(text));
            }

            @Override
            public void close(int code, String reason) {
                try {
                    ws.close(new CloseStatus(code, reason));
                } catch (IOException ignored) {
                    // the connection is going anyway
                }
            }
        }, sending);
        if (readOnlyWhy != null) readOnly.put(client, readOnlyWhy);
        clients.put(ws.getId(), client);
        client.reply(Messages.hello(session.id()));
        session.attach(client);
    }

    @Override
    public void afterConnectionClosed(WebSocketSession ws, CloseStatus status) {
        LabClient client = clients.remove(ws.getId());
        if (client != null) {
            readOnly.remove(client);
            granted.remove(client);
            client.close();
            closedDropped.add(client.dropped());
            closedBatches.add(client.batches());
            closedOverflows.add(client.overflows());
            client.session().detach(client);
        }
    }

    @Override
    protected void handleBinaryMessage(WebSocketSession ws, BinaryMessage message) {
        LabClient client = clients.get(ws.getId());
        if (client != null) {
            client.reply(Messages.error("binary messages are not part of this protocol; send JSON text", null));
        }
    }

    @Override
    protected void handleTextMessage(WebSocketSession ws, TextMessage message) {
        LabClient client = clients.get(ws.getId());
        if (client == null) return;
        try {
            handle(client, message.getPayload());
        } catch (ClientError e) {
            client.reply(Messages.error(e.getMessage(), e.field));
        }
    }

    /** Does what one client message says, or throws {@link ClientError} saying what is wrong with it. */
    void handle(LabClient client, String text) {
        JsonNode m;
        try {
            m = JSON.readTree(text);
        } catch (JacksonException e) {
            throw new ClientError("not JSON: " + e.getOriginalMessage(), null);
        }
        if (m == null || !m.isObject()) throw new ClientError("expected a JSON object with a \"type\"", null);
        String type = string(m, "type", true);
        String why = readOnly.get(client);
        if (why != null && !type.equals("snapshot")) throw new ClientError(why, "type");
        if (type.equals("auth")) {
            authorize(client, m);
            return;
        }
        switch (type) {
            case "line", "keys", "interrupt", "eof" -> require(client, Right.CHANGE);
            case "control" -> require(client, Right.RUN);
            default -> { }
        }
        LabSession s = client.session();
        CompletableFuture<?> done = switch (type) {
            case "line" -> s.line(string(m, "node", true), text(m));
            case "keys" -> s.keys(string(m, "node", true), keys(m), columns(m));
            case "interrupt" -> s.interrupt(string(m, "node", true));
            case "eof" -> s.endOfInput(string(m, "node", true));
            case "control" -> s.control(control(m));
            case "snapshot" -> s.snapshotTo(snap -> client.reply(Messages.snapshot("requested", snap)));
            default -> throw new ClientError("unknown message type \"" + type + "\" (known: "
                    + String.join(", ", CLIENT_TYPES) + ")", "type");
        };
        done.whenComplete((v, e) -> {
            if (e == null) {
                // the typist's echo is queued by now: send it at once rather than at the next batch, up to 33 ms
                // later, so typing feels local (the other watchers get it with the next batch, as anything else)
                if (type.equals("keys")) client.flush();
                return;
            }
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            String field = cause instanceof NotFoundException nf ? nf.what() : null;
            if (cause instanceof NotFoundException || cause instanceof LabException
                    || cause instanceof IllegalArgumentException || cause instanceof LabSession.TooManyInputsException) {
                client.reply(Messages.error(cause.getMessage(), field));
            } else {
                log.error("a client message failed: {}", text, cause);
                client.reply(Messages.error("the server failed to do this; its log has the details", null));
            }
        });
    }

    /**
     * An {@code auth} message: with the instance's owner token the connection may type, run and edit from now on;
     * with a read-only replay's token, run the replay. A wrong token changes nothing: the connection still watches.
     */
    private void authorize(LabClient client, JsonNode m) {
        String token = string(m, "token", true);
        if (token.isEmpty() || token.length() > MAX_TOKEN) {
            throw new ClientError("expected the instance's token, 43 characters, as its creator was given it", "token");
        }
        InstanceOwner owner = sessions.owner(client.session().id());
        if (owner.check(token, Right.RUN) != InstanceOwner.Verdict.ALLOWED) {
            throw new ClientError("this is not the " + (owner.readOnly() ? "replay" : "owner") + " token of instance \""
                    + client.session().id() + "\": this connection can still only watch", "token");
        }
        Right right = owner.readOnly() ? Right.RUN : Right.CHANGE;
        granted.put(client, right);
        client.reply(Messages.authorized(right == Right.CHANGE ? "owner" : "replay"));
    }

    /** Refuses a message that would do more than this client proved it may ({@link #authorize}). */
    private void require(LabClient client, Right needed) {
        Right has = granted.get(client);
        if (has == Right.CHANGE || has == needed) return;
        InstanceOwner owner = sessions.owner(client.session().id());
        if (owner.readOnly() && needed == Right.CHANGE) {
            throw new ClientError("read-only: this instance replays a shared lab; it can be watched and replayed, never "
                    + "changed", "type");
        }
        throw new ClientError("this connection only watches: send {\"type\": \"auth\", \"token\": \"...\"} with the "
                + "instance's " + (owner.readOnly() ? "replay" : "owner") + " token first", "type");
    }

    private static String text(JsonNode m) {
        String t = string(m, "text", true);
        if (t.length() > MAX_TEXT) throw new ClientError("longer than " + MAX_TEXT + " characters", "text");
        return t;
    }

    private static String keys(JsonNode m) {
        String d = string(m, "data", true);
        if (d.length() > MAX_TEXT) throw new ClientError("longer than " + MAX_TEXT + " characters", "data");
        return d;
    }

    private static Integer columns(JsonNode m) {
        JsonNode v = m.get("cols");
        if (v == null || v.isNull()) return null;
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < MIN_COLUMNS || v.intValue() > MAX_COLUMNS) {
            throw new ClientError("expected a whole number of columns from " + MIN_COLUMNS + " to " + MAX_COLUMNS, "cols");
        }
        return v.intValue();
    }

    private static LabSession.Control control(JsonNode m) {
        String a = string(m, "action", true);
        LabSession.Control.Action action;
        try {
            action = LabSession.Control.Action.valueOf(a.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new ClientError("unknown action \"" + a + "\" (known: pause, play, step, step-frame, run-until-idle, "
                    + "advance, seek)", "action");
        }
        Double speed = null;
        if (m.has("speed")) {
            JsonNode v = m.get("speed");
            if (!v.isNumber()) throw new ClientError("expected a number", "speed");
            speed = v.doubleValue();
            if (!(speed >= LabSession.MIN_SPEED && speed <= LabSession.MAX_SPEED)) {
                throw new ClientError("must be from " + LabSession.MIN_SPEED + " to " + LabSession.MAX_SPEED + ", got "
                        + v, "speed");
            }
        }
        Boolean skipIdle = null;
        if (m.has("skipIdle")) {
            if (!m.get("skipIdle").isBoolean()) throw new ClientError("expected true or false", "skipIdle");
            skipIdle = m.get("skipIdle").booleanValue();
        }
        Long time = null;
        if (m.has("time")) {
            JsonNode v = m.get("time");
            if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 0) {
                throw new ClientError("expected a whole number of nanoseconds, zero or more", "time");
            }
            time = v.longValue();
        }
        if ((action == LabSession.Control.Action.SEEK || action == LabSession.Control.Action.ADVANCE) && time == null) {
            throw new ClientError("is required for " + a + " (nanoseconds of simulated time)", "time");
        }
        return new LabSession.Control(action, speed, skipIdle, time);
    }

    private static String string(JsonNode m, String field, boolean required) {
        JsonNode v = m.get(field);
        if (v == null || v.isNull()) {
            if (required) throw new ClientError("missing", field);
            return null;
        }
        if (!v.isString()) throw new ClientError("expected text", field);
        return v.stringValue();
    }

    private static String instanceId(URI uri) {
        if (uri == null) return null;
        String path = uri.getPath();
        int at = path.indexOf(PATH);
        return at < 0 ? null : path.substring(at + PATH.length());
    }

    @PreDestroy
    void stop() {
        flusher.shutdownNow();
        sending.shutdownNow();
    }

    /** What is wrong with a client's message, and in which field. */
    static final class ClientError extends RuntimeException {
        final String field;

        ClientError(String message, String field) {
            super(field == null ? message : field + ": " + message);
            this.field = field;
        }
    }
}
