package org.cecplatform.platform.messaging;

/**
 * Thrown out of a consumer's batch method when the batch must be neither committed nor dead-lettered (the service is
 * shutting down). The connector's {@code failure-strategy=fail} then leaves its offsets uncommitted, so the batch is
 * delivered again after the restart, and processed-event rows make the second delivery harmless.
 *
 * <p>Suppression is off: the connector reports the one exception once per record of the batch (up to 1,000), and
 * each report would otherwise hang it on the exception again, a log line of thousands of "Suppressed" entries.
 */
public class BatchAbortedException extends RuntimeException {

    public BatchAbortedException(String reason, Throwable cause) {
        super(reason + "; the batch stays uncommitted and is redelivered after the restart", cause, false, true);
    }
}
