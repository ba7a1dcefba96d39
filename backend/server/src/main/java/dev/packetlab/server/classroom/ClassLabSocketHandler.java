package dev.packetlab.server.classroom;

import dev.packetlab.server.ws.LabSocketHandler;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /ws/classes/{id}/labs/{view}?token=}: a lab of the class, read-only, in the protocol of
 * {@code /ws/labs/{id}} ({@code docs/protocol.md}) so the lab view draws it as any lab. {@code view} is
 * {@code presented} (the teacher's lab: for the teacher, and for students while the teacher presents) or a student's
 * id (for the teacher: spectating). The stream is {@link LabSocketHandler}'s own, made read-only
 * ({@link LabSocketHandler#watch}): every line, Ctrl-C or run control is refused with an error saying why. The viewer
 * never learns the lab's instance id ({@link AliasedSession}), which would let them type in it elsewhere.
 *
 * <p>When the lab goes away (the student's lab is reset, the teacher stops presenting, the class ends) the viewers
 * are closed: with 4000 after a reset, so the view reconnects to the new lab, else with 4403 or 4410 and why.
 */
@Component
public class ClassLabSocketHandler extends AbstractWebSocketHandler implements Classrooms.Events {
    /** Close code asking the viewer to connect again (the lab it watched was replaced). */
    static final int REPLACED = 4000;

    private static final Logger log = LoggerFactory.getLogger(ClassLabSocketHandler.class);

    private final Classrooms classrooms;
    private final LabSocketHandler labs;
    private final JsonMapper json;
    private final Map<String, Viewer> viewers = new ConcurrentHashMap<>();

    private record Viewer(WebSocketSession ws, String classId, String view, boolean student) {}

    public ClassLabSocketHandler(Classrooms classrooms, LabSocketHandler labs, JsonMapper json) {
        this.classrooms = classrooms;
        this.labs = labs;
        this.json = json;
        classrooms.listen(this);
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession ws) throws IOException {
        String[] parts = SocketPaths.parts(ws.getUri());
        String classId = parts.length > 0 ? parts[0] : null;
        String view = parts.length > 2 && parts[1].equals("labs") ? parts[2] : null;
        Classrooms.Watched watched;
        Classrooms.Access access;
        try {
            if (view == null) throw ClassroomException.noChannel(parts.length > 1 ? parts[1] : "");
            String token = SocketPaths.token(ws.getUri());
            access = classrooms.access(classId, token);
            watched = classrooms.watch(classId, token, view);
        } catch (ClassroomException e) {
            ws.sendMessage(new TextMessage(json.writeValueAsString(Map.of("type", "error", "message", e.getMessage()))));
            ws.close(new CloseStatus(e.closeCode(), ClassSocketHandler.shortReason(e.getBody().getTitle())));
            return;
        }
        viewers.put(ws.getId(), new Viewer(ws, access.c().id, view, !access.teacher()));
        labs.watch(new AliasedSession(ws, watched.session().id(), watched.alias()), watched.session(), watched.why());
    }

    @Override
    public void handleMessage(WebSocketSession ws, WebSocketMessage<?> message) throws Exception {
        if (viewers.containsKey(ws.getId())) labs.handleMessage(ws, message);
    }

    @Override
    public void afterConnectionClosed(WebSocketSession ws, CloseStatus status) {
        if (viewers.remove(ws.getId()) != null) labs.afterConnectionClosed(ws, status);
    }

    @Override
    public void viewEnded(LiveClass c, String view, String why) {
        for (Viewer v : viewers.values()) {
            if (!v.classId().equals(c.id) || (view != null && !view.equals(v.view()))) continue;
            if (Classrooms.PRESENTED.equals(view) && !v.student()) continue; // the teacher still sees their own lab
            int code = view == null ? ClassroomException.CLOSE_GONE
                    : Classrooms.PRESENTED.equals(view) ? ClassroomException.CLOSE_FORBIDDEN : REPLACED;
            try {
                v.ws().sendMessage(new TextMessage(json.writeValueAsString(Map.of("type", "error", "message", why))));
            } catch (IOException | IllegalStateException e) {
                log.debug("a viewer went away", e);
            }
            try {
                v.ws().close(new CloseStatus(code, ClassSocketHandler.shortReason(why)));
            } catch (IOException e) {
                log.debug("a viewer went away", e);
            }
        }
    }
}
