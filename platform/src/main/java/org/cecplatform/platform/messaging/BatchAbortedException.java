package org.cecplatform.platform.messaging;

/**
 * Thrown out of a consumer's batch method when the batch must be neither committed nor dead-lettered (the service is
 * shutting down). The connector's {@code failure-strategy=fail} then leaves its offsets uncommitted, so the batch is
 * delivered again after the restart, and processed-event rows make the second delivery harmless.
 */
public class BatchAbortedException extends IllegalStateException {

    public BatchAbortedException(String reason, Throwable cause) {
        super(reason + "; the batch stays uncommitted and is redelivered after the restart", cause);
    }
}
