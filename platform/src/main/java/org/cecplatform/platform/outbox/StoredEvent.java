package org.cecplatform.platform.outbox;

import java.time.Instant;
import java.util.UUID;

/** An event as the event log holds it; {@code payload} is its JSON text. */
public record StoredEvent(long position, UUID eventId, String aggregateId, long sequence, String type, String topic,
                          String certificantId, Instant occurredAt, String payload) {
}
