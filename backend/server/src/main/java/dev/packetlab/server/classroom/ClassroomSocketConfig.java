package dev.packetlab.server.classroom;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/** Serves the classroom WebSockets beside {@code /ws/labs/{id}} (the server's {@code @EnableWebSocket} finds this). */
@Configuration
public class ClassroomSocketConfig implements WebSocketConfigurer {
    private final ClassSocketHandler channels;
    private final ClassLabSocketHandler labs;

    public ClassroomSocketConfig(ClassSocketHandler channels, ClassLabSocketHandler labs) {
        this.channels = channels;
        this.labs = labs;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(channels, SocketPaths.PREFIX + "*/" + ClassSocketHandler.DASHBOARD,
                SocketPaths.PREFIX + "*/" + ClassSocketHandler.STUDENT);
        registry.addHandler(labs, SocketPaths.PREFIX + "*/labs/*");
    }
}
