package dev.packetlab.server.classroom;

import java.io.IOException;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketSessionDecorator;

/**
 * A read-only viewer's connection, which never learns the instance id of the lab it watches: whoever holds that id
 * may type in the lab at {@code /ws/labs/{id}}, so every message sent through here carries {@code alias} instead
 * (the student's view name, or {@code presented}). The id is 128 random bits, so it appears in a message only where
 * the instance is named (hello, snapshots).
 */
final class AliasedSession extends WebSocketSessionDecorator {
    private final String instanceId;
    private final String alias;

    AliasedSession(WebSocketSession session, String instanceId, String alias) {
        super(session);
        this.instanceId = instanceId;
        this.alias = alias;
    }

    @Override
    public void sendMessage(WebSocketMessage<?> message) throws IOException {
        if (message instanceof TextMessage text && text.getPayload().contains(instanceId)) {
            super.sendMessage(new TextMessage(text.getPayload().replace(instanceId, alias)));
        } else {
            super.sendMessage(message);
        }
    }
}
