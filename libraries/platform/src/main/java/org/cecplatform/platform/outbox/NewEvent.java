package org.cecplatform.platform.outbox;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An event about to be appended. Its id is fixed here, once, and travels as the CloudEvent {@code ce_id}: consumers
 * deduplicate on it, so a republished event is the same event.
 *
 * @param aggregateId  the stream it belongs to (sequence numbers are per aggregate)
 * @param certificantId the person it is about: the Kafka key and {@code ce_subject}, so a person's events stay ordered
 * @param type         the CloudEvent type, e.g. {@code cec.ledger.CECEarned.v1}
 * @param topic        where the relay publishes it; null for a private event, kept in its stream and never published
 * @param payload      the event body, serialised as JSON
 */
public record NewEvent(UUID eventId, String aggregateId, String certificantId, String type, String topic,
                       Instant occurredAt, Object payload) {

    public NewEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(certificantId, "certificantId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(payload, "payload");
    }

    public static NewEvent of(String aggregateId, String certificantId, String type, String topic,
                              Instant occurredAt, Object payload) {
        return new NewEvent(UUID.randomUUID(), aggregateId, certificantId, type,
                Objects.requireNonNull(topic, "topic"), occurredAt, payload);
    }

    /**
     * An event that belongs to its aggregate's stream (loads fold it, projections read it) but to no topic: what the
     * service records about its own work that no other service needs, e.g. an audit item's review.
     */
    public static NewEvent privateEvent(String aggregateId, String certificantId, String type, Instant occurredAt,
                                        Object payload) {
        return new NewEvent(UUID.randomUUID(), aggregateId, certificantId, type, null, occurredAt, payload);
    }
}
