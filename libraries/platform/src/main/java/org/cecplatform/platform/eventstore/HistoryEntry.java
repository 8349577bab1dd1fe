package org.cecplatform.platform.eventstore;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/**
 * One event of a person's history.
 *
 * @param eventId    the event's id: the CloudEvent {@code ce_id} the relay publishes it with
 * @param occurredAt when it happened (the service clock)
 * @param type       the event type as recorded (and published)
 * @param published  whether it goes to a topic; false for a private event, kept in its stream only
 * @param actor      who did it: a token subject, {@code system}, or null when the event does not say
 * @param summary    the key facts in one line
 */
public record HistoryEntry(UUID eventId, Instant occurredAt, String type, boolean published,
@Schema(nullable = true) String actor,
                           String summary) {
}
