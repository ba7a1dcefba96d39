package dev.packetlab.server.ws;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * WebSocket clients, the batches sent to them, and what slow ones lost (animation messages, and how many times), for
 * the actuator.
 */
@Component
public class SocketMetrics implements MeterBinder {
    private final LabSocketHandler handler;

    public SocketMetrics(LabSocketHandler handler) {
        this.handler = handler;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("packetlab.websocket.clients", handler, h -> h.clients().size())
                .description("WebSocket clients connected").register(registry);
        FunctionCounter.builder("packetlab.websocket.batches", handler, LabSocketHandler::batchesSent)
                .description("Batches sent to WebSocket clients").register(registry);
        FunctionCounter.builder("packetlab.websocket.dropped", handler, LabSocketHandler::droppedMessages)
                .description("Animation messages left out for clients that fell behind").register(registry);
        FunctionCounter.builder("packetlab.websocket.overflows", handler, LabSocketHandler::overflows)
                .description("Times a client fell behind: its animation messages were left out, it was told and "
                        + "sent a fresh snapshot").register(registry);
    }
}
