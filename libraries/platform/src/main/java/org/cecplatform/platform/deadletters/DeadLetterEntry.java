package org.cecplatform.platform.deadletters;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A record one of this service's consumers could not process and parked on {@code <topic>.dlq}.
 *
 * @param consumer       the consumer that rejected it (and that a requeue hands it to again)
 * @param reason         why it was rejected
 * @param cause          the class of the failure
 * @param deadLetteredAt when (the service's clock)
 * @param requeues       every staff requeue, oldest first
 * @param requeueable    false once a requeue processed it
 */
public record DeadLetterEntry(long id, Instant deadLetteredAt, String consumer, String topic, int partition,
                              long offset, @Schema(nullable = true) String key, String reason, String cause,
                              MessageText message, List<RequeueAttempt> requeues, boolean requeueable) {
}
