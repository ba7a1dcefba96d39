package dev.packetlab.server.ws;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/** Serves {@code /ws/labs/{id}}: one WebSocket per client and instance ({@code docs/protocol.md}). */
@Configuration
@EnableWebSocket
public class WebSocketConfig implements WebSocketConfigurer {
    /**
     * The largest message a client may send, bytes: a {@code keys} message of 4096 escape sequences fits. A larger
     * one closes its connection with 1009 (RFC 6455 7.4.1), and only that one.
     */
    static final int MAX_TEXT_MESSAGE = 64 * 1024;
    /** Binary messages are no part of the protocol; small ones get an {@code error}, larger ones a 1009. */
    static final int MAX_BINARY_MESSAGE = 8 * 1024;

    private final LabSocketHandler handler;

    public WebSocketConfig(LabSocketHandler handler) {
        this.handler = handler;
    }

    /** The container's message limits, set here rather than left to the servlet container's defaults. */
    @Bean
    public ServletServerContainerFactoryBean webSocketContainer() {
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
        container.setMaxTextMessageBufferSize(MAX_TEXT_MESSAGE);
        container.setMaxBinaryMessageBufferSize(MAX_BINARY_MESSAGE);
        return container;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(handler, LabSocketHandler.PATH + "*");
    }
}
