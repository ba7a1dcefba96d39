package dev.packetlab.server.classroom;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * The class channels: {@code /ws/classes/{id}/dashboard?token=TEACHER} streams the teacher's dashboard (the whole
 * of it first, then the rows that changed, at most every {@link Classrooms#FLUSH_MS} ms, with the class-wide
 * summary), and {@code /ws/classes/{id}/student?token=STUDENT} tells a student what concerns them: their own
 * verdicts, the teacher locking, presenting and ending the class, and a new lab after a reset. A wrong or missing
 * token, or the other role's channel, gets an {@code error} message saying why and the connection is closed with
 * 4403 (4404 for no such class, 4410 for an ended one where that matters). The client sends nothing.
 */
@Component
public class ClassSocketHandler extends TextWebSocketHandler implements Classrooms.Events {
    static final String DASHBOARD = "dashboard";
    static final String STUDENT = "student";
    /** How long one send may take, and how much may wait behind it, before a client is dropped as too slow. */
    private static final int SEND_TIME_LIMIT_MS = 10_000;
    private static final int BUFFER_LIMIT = 4 * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(ClassSocketHandler.class);

    private final Classrooms classrooms;
    private final JsonMapper json;
    /** The open channels by WebSocket session id. */
    private final Map<String, Channel> channels = new ConcurrentHashMap<>();
    /** The open channels of each class. */
    private final Map<String, Set<Channel>> byClass = new ConcurrentHashMap<>();

    /** One open channel: the teacher's ({@code member} null) or a student's. */
    private record Channel(WebSocketSession ws, String classId, LiveMember member) {}

    public ClassSocketHandler(Classrooms classrooms, JsonMapper json) {
        this.classrooms = classrooms;
        this.json = json;
        classrooms.listen(this);
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession raw) throws IOException {
        WebSocketSession ws = new ConcurrentWebSocketSessionDecorator(raw, SEND_TIME_LIMIT_MS, BUFFER_LIMIT);
        String[] parts = SocketPaths.parts(raw.getUri());
        String classId = parts.length > 0 ? parts[0] : null;
        String kind = parts.length > 1 ? parts[1] : "";
        Classrooms.Access access;
        try {
            access = classrooms.access(classId, SocketPaths.token(raw.getUri()));
            if (kind.equals(DASHBOARD) && !access.teacher()) throw ClassroomException.teacherOnly("see the dashboard");
            if (kind.equals(STUDENT) && access.teacher()) throw ClassroomException.studentsOnly();
            if (!kind.equals(DASHBOARD) && !kind.equals(STUDENT)) throw ClassroomException.noChannel(kind);
        } catch (ClassroomException e) {
            refuse(ws, e);
            return;
        }
        Channel channel = new Channel(ws, access.c().id, access.student());
        channels.put(raw.getId(), channel);
        byClass.computeIfAbsent(channel.classId(), k -> ConcurrentHashMap.newKeySet()).add(channel);
        send(channel, Map.of("type", "hello", "role", access.teacher() ? "teacher" : "student"));
        if (access.teacher()) {
            send(channel, Map.of("type", "dashboard", "dashboard", classrooms.dashboard(classId, SocketPaths.token(raw.getUri()))));
        } else {
            send(channel, Map.of("type", "me", "me", classrooms.me(classId, SocketPaths.token(raw.getUri()))));
            classrooms.online(access.student(), true);
        }
    }

    @Override
    protected void handleTextMessage(WebSocketSession ws, TextMessage message) {
        Channel c = channels.get(ws.getId());
        if (c != null) send(c, error("this channel only speaks; the server ignores what is sent to it"));
    }

    @Override
    public void afterConnectionClosed(WebSocketSession ws, CloseStatus status) {
        Channel c = channels.remove(ws.getId());
        if (c == null) return;
        Set<Channel> of = byClass.get(c.classId());
        if (of != null) of.remove(c);
        if (c.member() != null && (of == null || of.stream().noneMatch(o -> o.member() == c.member()))) {
            classrooms.online(c.member(), false);
        }
    }

    // ---- what the classes tell -----------------------------------------------------------------------------------

    @Override
    public void studentsChanged(LiveClass c, List<StudentRow> rows, List<StepSummary> summary) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "students");
        m.put("students", rows);
        m.put("summary", summary);
        m.put("sentAt", System.currentTimeMillis());
        for (Channel ch : of(c)) if (ch.member() == null) send(ch, m);
    }

    @Override
    public void progressChanged(LiveClass c, LiveMember member) {
        Map<String, Object> m = Map.of("type", "progress", "progress", member.statuses());
        for (Channel ch : of(c)) if (ch.member() == member) send(ch, m);
    }

    @Override
    public void classChanged(LiveClass c) {
        Map<String, Object> m = Map.of("type", "class", "state", Classrooms.state(c));
        for (Channel ch : of(c)) send(ch, m);
    }

    @Override
    public void instanceChanged(LiveClass c, LiveMember member, String instance) {
        Map<String, Object> m = Map.of("type", "instance", "instance", instance);
        for (Channel ch : of(c)) if (ch.member() == member) send(ch, m);
    }

    private Set<Channel> of(LiveClass c) {
        return byClass.getOrDefault(c.id, Set.of());
    }

    private void send(Channel c, Object message) {
        try {
            c.ws().sendMessage(new TextMessage(json.writeValueAsString(message)));
        } catch (IOException | IllegalStateException e) {
            log.debug("a class channel went away", e);
        }
    }

    private Map<String, Object> error(String message) {
        return Map.of("type", "error", "message", message);
    }

    /** Says why in a message (a close reason holds only 123 bytes), then closes with the matching code. */
    private void refuse(WebSocketSession ws, ClassroomException e) throws IOException {
        ws.sendMessage(new TextMessage(json.writeValueAsString(error(e.getMessage()))));
        ws.close(new CloseStatus(e.closeCode(), shortReason(e.getBody().getTitle())));
    }

    static String shortReason(String text) {
        return text == null ? "" : text.length() > 60 ? text.substring(0, 60) : text;
    }
}
