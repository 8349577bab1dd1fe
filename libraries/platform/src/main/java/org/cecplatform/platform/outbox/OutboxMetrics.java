package org.cecplatform.platform.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Exposes the outbox backlog ({@code cec_outbox_unpublished}) and throughput ({@code cec_outbox_published}). */
@ApplicationScoped
public class OutboxMetrics {

    private final MeterRegistry registry;
    private final EventLog log;
    private final OutboxRelay relay;

    public OutboxMetrics(MeterRegistry registry, EventLog log, OutboxRelay relay) {
        this.registry = registry;
        this.log = log;
        this.relay = relay;
    }

    void register(@Observes StartupEvent startup) {
        Gauge.builder("cec.outbox.unpublished", this, OutboxMetrics::backlog)
                .description("events in the event log not yet acknowledged by the broker")
                .register(registry);
        Gauge.builder("cec.outbox.published", relay, OutboxRelay::publishedCount)
                .description("events this instance published since it started")
                .register(registry);
    }

    private double backlog() {
        try {
            return log.unpublishedCount();
        } catch (RuntimeException e) {
            return Double.NaN; // database unreachable: unknown, not zero
        }
    }
}
