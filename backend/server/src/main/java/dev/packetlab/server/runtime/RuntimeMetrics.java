package dev.packetlab.server.runtime;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * The lab runtime's numbers for the actuator's metrics ({@code /actuator/metrics}): instances (and how many someone
 * watches) and the simulation events all of them ran, as a count and as a rate per second, which is the server's
 * simulation load.
 */
@Component
public class RuntimeMetrics implements MeterBinder {
    private final LabSessions sessions;

    public RuntimeMetrics(LabSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("packetlab.instances", sessions, s -> s.all().size())
                .description("Lab instances, in memory or evicted").register(registry);
        Gauge.builder("packetlab.instances.watched", sessions,
                        s -> s.all().stream().filter(i -> i.watchers() > 0).count())
                .description("Lab instances with at least one WebSocket client").register(registry);
        Gauge.builder("packetlab.instances.throttled", sessions,
                        s -> s.all().stream().filter(LabSession::throttled).count())
                .description("Lab instances held to their simulation events per second (a broadcast storm, for one)")
                .register(registry);
        FunctionCounter.builder("packetlab.simulation.events", sessions.scheduler(), SessionScheduler::eventsExecuted)
                .description("Simulation events run by every instance, replays included").register(registry);
        Gauge.builder("packetlab.simulation.events.rate", sessions.scheduler(), SessionScheduler::eventsPerSecond)
                .description("Simulation events run by every instance in the last second").baseUnit("events/s")
                .register(registry);
    }
}
