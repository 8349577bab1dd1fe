package org.cecplatform.platform.outbox;

import java.time.Instant;
import java.util.UUID;

/**
 * An event as the event log holds it; {@code payload} is its JSON text. Read through {@link EventLog#load} or
 * {@link EventLog#readAfter}, {@code type} and {@code payload} are the latest version of the event (upcast, see
 * {@code EventUpcasters}); {@code topic} is null for a private event.
 */
public record StoredEvent(long position, UUID eventId, String aggregateId, long sequence, String type, String topic,
                          String certificantId, Instant occurredAt, String payload) {
}
