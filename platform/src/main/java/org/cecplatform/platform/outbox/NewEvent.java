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
 * @param payload      the event body, serialised as JSON
 */
public record NewEvent(UUID eventId, String aggregateId, String certificantId, String type, String topic,
                       Instant occurredAt, Object payload) {

    public NewEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(certificantId, "certificantId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(payload, "payload");
    }

    public static NewEvent of(String aggregateId, String certificantId, String type, String topic,
                              Instant occurredAt, Object payload) {
        return new NewEvent(UUID.randomUUID(), aggregateId, certificantId, type, topic, occurredAt, payload);
    }
}
