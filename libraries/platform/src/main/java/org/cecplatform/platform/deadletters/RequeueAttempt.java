package org.cecplatform.platform.deadletters;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One staff requeue of a dead letter.
 *
 * @param reason why it failed again (FAILED_AGAIN only)
 */
public record RequeueAttempt(Instant requeuedAt, String requeuedBy, RequeueOutcome outcome,
                             @Schema(nullable = true) String reason) {
}
